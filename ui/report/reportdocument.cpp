#include "reportdocument.h"

#include "domain/routerstate.h"

#include <QBuffer>
#include <QFile>
#include <QFontMetricsF>
#include <QJsonArray>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTimeZone>

#include <cmath>

namespace wf {
namespace {

const QColor kGood(0x2e7d32);
const QColor kBad(0xc62828);
const QColor kGrid(0xbdbdbd);
const QColor kWarn(0xf9a825);
const QColor kPrimary(0xa5d6a7);
const QColor kNoData(0xeeeeee);
const QColor kUndecided(0x9e9e9e);
const QColor kInfo(0x1565c0);

QColor stateColor(const QString &state)
{
    switch (routerStateFromName(state)) {
    case RouterState::PrimaryActive: return kPrimary;
    case RouterState::FallbackActive: return kWarn;
    case RouterState::BothUnavailable: return kBad;
    case RouterState::Unknown: break;
    }
    return kUndecided;
}

QColor severityColor(const QString &severity)
{
    return severity == u"critical" ? kBad : severity == u"warning" ? kWarn : severity == u"info" ? kInfo : kUndecided;
}

} // namespace

ReportDocument::ReportDocument(const SloReport &report)
    : m_report(report)
{
    build();
}

QString ReportDocument::number(double v, int decimals) const
{
    return std::isfinite(v) ? QLocale().toString(v, 'f', decimals) : tr("—");
}

QString ReportDocument::duration(double seconds) const
{
    const auto s = qint64(std::llround(seconds));
    // One duration is never broken across lines.
    const auto text = s < 120    ? tr("%1 s").arg(s)
                      : s < 7200 ? tr("%1 min %2 s").arg(s / 60).arg(s % 60)
                                 : tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    return QString(text).replace(u' ', QChar(0x00A0));
}

QString ReportDocument::when(const QDateTime &t) const
{
    return t.isValid() ? QLocale().toString(t.toUTC(), QStringLiteral("ddd dd.MM. HH:mm:ss")) : tr("ongoing");
}

void ReportDocument::build()
{
    const auto &r = m_report;
    const auto json = r.toJson();
    const auto summary = json.value(QStringLiteral("summary")).toObject();
    const auto availability = summary.value(QStringLiteral("availability")).toObject();
    const auto budget = summary.value(QStringLiteral("errorBudget")).toObject();
    const auto latency = summary.value(QStringLiteral("latencyP95")).toObject();
    const auto percent = [this](const QJsonValue &v) { return v.isNull() ? tr("no data") : tr("%1 %").arg(number(v.toDouble(), 3)); };
    const auto minutes = [this](const QJsonValue &v) { return tr("%1 min").arg(number(v.toDouble(), 1)); };
    const auto metText = [](const QJsonValue &v) { return v.isNull() ? tr("no data") : v.toBool() ? tr("met") : tr("missed"); };
    auto add = [this](Block::Kind kind, const QString &text, const QStringList &headers = {}, const QList<QStringList> &rows = {}) {
        m_blocks.append(Block{kind, text, headers, rows});
    };

    add(Block::Kind::Title, tr("SLO report %1 to %2").arg(QLocale().toString(r.from, QLocale::ShortFormat),
                                                         QLocale().toString(r.to, QLocale::ShortFormat)));
    add(Block::Kind::Text, (r.complete ? tr("MyTrader Alpaca streaming. Days in UTC; figures evaluated at %1 UTC.")
                                       : tr("MyTrader Alpaca streaming. Days in UTC; the period is not over: figures evaluated at %1 UTC."))
                               .arg(QLocale().toString(r.end.toUTC(), QLocale::ShortFormat)));

    add(Block::Kind::Heading, tr("Summary"));
    const int daysMeasured = latency.value(QStringLiteral("daysMeasured")).toInt();
    add(Block::Kind::Table, {}, {tr("Objective"), tr("Target"), tr("This period"), tr("Result")},
        {{tr("Availability (not BOTH_UNAVAILABLE)"), tr("≥ %1 %").arg(number(SloReport::kAvailabilityTarget, 1)),
          percent(availability.value(QStringLiteral("periodPercent"))), metText(availability.value(QStringLiteral("met")))},
         {tr("Latency P95, each day"), tr("≤ %1 s").arg(number(SloReport::kLatencyTargetSeconds, 0)),
          tr("%1 of %2 days").arg(latency.value(QStringLiteral("daysMet")).toInt()).arg(daysMeasured),
          metText(latency.value(QStringLiteral("met")))}});
    const auto change = availability.value(QStringLiteral("changePoints"));
    add(Block::Kind::Table, {}, {tr("Figure"), tr("Value")},
        {{tr("Availability, the period before"), percent(availability.value(QStringLiteral("previousPeriodPercent")))},
         {tr("Change against the period before"),
          change.isNull() ? tr("no data") : tr("%1 points").arg((change.toDouble() > 0 ? QStringLiteral("+") : QString()) + number(change.toDouble(), 3))},
         {tr("Availability, last 30 days"), percent(availability.value(QStringLiteral("last30DaysPercent")))},
         {tr("Error budget of the period: allowed, used, left"),
          tr("%1 · %2 · %3").arg(minutes(budget.value(QStringLiteral("periodAllowedMinutes"))),
                                 minutes(budget.value(QStringLiteral("periodUsedMinutes"))),
                                 minutes(budget.value(QStringLiteral("periodLeftMinutes"))))},
         {tr("Error budget of 30 days: allowed, used, left"),
          tr("%1 · %2 · %3").arg(minutes(budget.value(QStringLiteral("last30DaysAllowedMinutes"))),
                                 minutes(budget.value(QStringLiteral("last30DaysUsedMinutes"))),
                                 minutes(budget.value(QStringLiteral("last30DaysLeftMinutes"))))},
         {tr("Burn rate over the period"), summary.value(QStringLiteral("burnRate")).isNull()
                                               ? tr("no data")
                                               : number(summary.value(QStringLiteral("burnRate")).toDouble(), 2)}});
    add(Block::Kind::Text, tr("Router state per day, from the router timeline (UTC hours; a failover is drawn at least a hair wide)."));
    add(Block::Kind::RouterChart, {});
    add(Block::Kind::Text, tr("Latency P95 per day (the line: the 2 s target; no bar: no latency observed that day)."));
    add(Block::Kind::LatencyChart, {});

    add(Block::Kind::PageBreak, {});
    add(Block::Kind::Heading, tr("Failovers"));
    if (r.failovers.isEmpty()) {
        add(Block::Kind::Text, tr("No failover in this period."));
    } else {
        QList<QStringList> rows;
        for (const auto &f : r.failovers)
            rows.append({when(f.start), when(f.end), duration(double(f.start.msecsTo(f.ongoing() ? r.end : f.end)) / 1000.0),
                         routerStateName(f.worst), f.reason.isEmpty() ? tr("not reported") : f.reason,
                         f.recoverySeconds ? duration(double(*f.recoverySeconds)) : tr("—")});
        add(Block::Kind::Table, {}, {tr("Start"), tr("End"), tr("Duration"), tr("Worst state"), tr("Reason"), tr("Recovery")}, rows);
    }

    add(Block::Kind::Heading, tr("Incidents"));
    const auto incidents = r.incidentSummary();
    const auto mtta = incidents.value(QStringLiteral("mttaSeconds"));
    const auto mttr = incidents.value(QStringLiteral("mttrSeconds"));
    add(Block::Kind::Text,
        r.acknowledgementsKnown
            ? tr("%n alert(s) fired. Acknowledged: %1. Mean time to acknowledge: %2. Mean time to resolve: %3.", nullptr, int(r.incidents.size()))
                  .arg(incidents.value(QStringLiteral("acknowledged")).toInt())
                  .arg(mtta.isNull() ? tr("—") : duration(mtta.toDouble()), mttr.isNull() ? tr("—") : duration(mttr.toDouble()))
            : tr("%n alert(s) fired. Mean time to resolve: %1. Acknowledgements not known: no Alertmanager was asked.", nullptr,
                 int(r.incidents.size()))
                  .arg(mttr.isNull() ? tr("—") : duration(mttr.toDouble())));
    if (!r.incidents.isEmpty()) {
        add(Block::Kind::Text, tr("Alerts that began firing, per day, by severity."));
        add(Block::Kind::IncidentChart, {});
        QList<QStringList> rows;
        for (const auto &i : r.incidents)
            rows.append({i.alertname, i.severity, when(i.start), duration(i.seconds(r.end)),
                         i.acknowledgedAt.isValid() ? i.acknowledgedBy : tr("—"),
                         i.acknowledgedAt.isValid() ? duration(double(i.start.msecsTo(i.acknowledgedAt)) / 1000.0) : tr("—"),
                         i.runbook.isEmpty() ? tr("—") : i.runbook});
        add(Block::Kind::Table, {}, {tr("Alert"), tr("Severity"), tr("Start"), tr("Duration"), tr("Acknowledged by"), tr("After"), tr("Runbook")}, rows);
    }

    add(Block::Kind::PageBreak, {});
    add(Block::Kind::Heading, tr("Alert review"));
    const auto review = json.value(QStringLiteral("alertReview")).toObject();
    const auto ranked = review.value(QStringLiteral("rules")).toArray();
    if (ranked.isEmpty()) {
        add(Block::Kind::Text, tr("No rule fired in this period."));
    } else {
        QList<QStringList> rows;
        for (const auto &v : ranked) {
            const auto o = v.toObject();
            rows.append({o.value(QStringLiteral("alertname")).toString(), QString::number(o.value(QStringLiteral("fires")).toInt()),
                         number(o.value(QStringLiteral("firesPerWeek")).toDouble(), 1),
                         duration(o.value(QStringLiteral("medianDurationSeconds")).toDouble()),
                         o.value(QStringLiteral("acknowledgedPercent")).isNull()
                             ? tr("—")
                             : tr("%1 %").arg(number(o.value(QStringLiteral("acknowledgedPercent")).toDouble(), 0)),
                         QString::number(o.value(QStringLiteral("falsePositiveCandidates")).toInt()),
                         QString::number(o.value(QStringLiteral("flaps")).toInt()),
                         o.value(QStringLiteral("suggestion")).toString()});
        }
        add(Block::Kind::Table, {}, {tr("Rule"), tr("Fires"), tr("Per week"), tr("Median"), tr("Acknowledged"), tr("Brief, unacknowledged"), tr("Again within 1 h"), tr("Suggestion")}, rows);
    }
    QStringList silent;
    for (const auto &v : review.value(QStringLiteral("neverFiredIn30Days")).toArray())
        silent.append(v.toString());
    add(Block::Kind::Text, silent.isEmpty() ? tr("Every rule fired in the last 30 days.")
                                            : tr("Did not fire in the last 30 days: %1.").arg(silent.join(QStringLiteral(", "))));

    add(Block::Kind::Heading, tr("Data quality"));
    const auto quality = r.dataQualityJson();
    const auto counts = [&](const QMap<QString, double> &m, const QString &what, const QString &empty) {
        if (m.isEmpty()) {
            add(Block::Kind::Text, empty);
            return;
        }
        QList<QStringList> rows;
        for (auto it = m.cbegin(); it != m.cend(); ++it)
            rows.append({it.key(), number(it.value(), 0)});
        std::sort(rows.begin(), rows.end(), [](const QStringList &a, const QStringList &b) { return QLocale().toDouble(a[1]) > QLocale().toDouble(b[1]); });
        if (rows.size() > 15)
            rows.resize(15);
        add(Block::Kind::Table, {}, {what, tr("Events")}, rows);
    };
    counts(r.validationFailures, tr("Validation failures by reason"), tr("No validation failure in this period."));
    counts(r.circuitBreakers, tr("Circuit breakers by symbol"), tr("No circuit breaker in this period."));
    if (r.priceExcursions.isEmpty()) {
        add(Block::Kind::Text, tr("No price delta over %1 % in this period.").arg(number(SloReport::kPriceDeltaPercent, 0)));
    } else {
        QList<QStringList> rows;
        for (auto it = r.priceExcursions.cbegin(); it != r.priceExcursions.cend(); ++it)
            rows.append({it.key(), tr("%1 %").arg(number(it->maxPercent, 2)), duration(it->secondsOver)});
        add(Block::Kind::Table, {}, {tr("Price delta over 5 %: symbol"), tr("Largest"), tr("Time over")}, rows);
    }

    add(Block::Kind::PageBreak, {});
    add(Block::Kind::Heading, tr("Appendix: the query behind every figure"));
    for (const auto &q : r.queries)
        add(Block::Kind::Code, QStringLiteral("%1 @ %2\n%3").arg(q.figure, q.time.toUTC().toString(Qt::ISODate), q.expr));
}

bool ReportDocument::writePdf(const QString &path, QString *error) const
{
    QPdfWriter pdf(path);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageMargins(QMarginsF(16, 16, 16, 16), QPageLayout::Millimeter);
    pdf.setResolution(300);
    pdf.setTitle(m_blocks.isEmpty() ? QString() : m_blocks.first().text);
    pdf.setCreator(QStringLiteral("Watchfloor"));
    QPainter p;
    if (!p.begin(&pdf)) {
        if (error)
            *error = tr("Cannot write the PDF “%1”.").arg(path);
        return false;
    }
    const QRectF page(QPointF(0, 0), QSizeF(pdf.width(), pdf.height()));
    const double pt = pdf.resolution() / 72.0; // device pixels per point
    double y = 0;
    int pageNumber = 1;
    const auto footer = [&] {
        p.setFont(QFont(QStringLiteral("DejaVu Sans"), 7));
        p.setPen(Qt::gray);
        p.drawText(QRectF(0, page.bottom() - 10 * pt, page.width(), 10 * pt), Qt::AlignRight | Qt::AlignBottom,
                   tr("Watchfloor · page %1").arg(pageNumber));
        p.setPen(Qt::black);
    };
    const double bottom = page.bottom() - 14 * pt;
    const auto room = [&](double height) {
        if (y + height <= bottom || y == 0)
            return;
        footer();
        pdf.newPage();
        ++pageNumber;
        y = 0;
    };
    const QFont body(QStringLiteral("DejaVu Sans"), 9);
    const QFont small(QStringLiteral("DejaVu Sans"), 7.5);
    const QFont mono(QStringLiteral("DejaVu Sans Mono"), 6.5);
    auto heading = QFont(QStringLiteral("DejaVu Sans"), 13, QFont::Bold);
    auto title = QFont(QStringLiteral("DejaVu Sans"), 18, QFont::Bold);

    const auto paragraph = [&](const QString &text, const QFont &font, double after) {
        p.setFont(font);
        const auto box = p.boundingRect(QRectF(0, 0, page.width(), 1e6), Qt::TextWordWrap, text);
        room(box.height());
        p.drawText(QRectF(0, y, page.width(), box.height()), Qt::TextWordWrap, text);
        y += box.height() + after * pt;
    };
    for (const auto &b : m_blocks) {
        switch (b.kind) {
        case Block::Kind::Title: paragraph(b.text, title, 4); break;
        case Block::Kind::Heading:
            room(60 * pt); // a heading does not end a page
            y += 8 * pt;
            paragraph(b.text, heading, 4);
            break;
        case Block::Kind::Text: paragraph(b.text, body, 6); break;
        case Block::Kind::Code: paragraph(b.text, mono, 4); break;
        case Block::Kind::Table: {
            p.setFont(small);
            const QFontMetricsF fm(small, &pdf);
            const int columns = int(b.headers.size());
            // Each column at least as wide as its longest word (a name is never cut), the space
            // left shared in proportion to how much more its widest line would take.
            QList<double> widest(columns, 0), least(columns, 0);
            auto boldMetrics = small;
            boldMetrics.setBold(true);
            const QFontMetricsF hm(boldMetrics, &pdf);
            for (int c = 0; c < columns; ++c) {
                const auto measure = [&](const QString &text, const QFontMetricsF &m) {
                    widest[c] = std::max(widest[c], m.horizontalAdvance(text));
                    for (const auto &word : text.split(u' ', Qt::SkipEmptyParts))
                        least[c] = std::max(least[c], m.horizontalAdvance(word));
                };
                measure(b.headers[c], hm);
                for (const auto &row : b.rows)
                    measure(row.value(c), fm);
                widest[c] += 8 * pt;
                least[c] += 8 * pt;
            }
            double minimum = 0, extra = 0;
            for (int c = 0; c < columns; ++c) {
                minimum += least[c];
                extra += widest[c] - least[c];
            }
            QList<double> width(columns);
            const double spare = std::max(0.0, page.width() - minimum);
            for (int c = 0; c < columns; ++c)
                width[c] = minimum > page.width() ? least[c] * page.width() / minimum
                                                  : least[c] + (extra > 0 ? (widest[c] - least[c]) / extra * spare : spare / columns);
            const auto rowHeight = [&](const QStringList &cells, const QFont &font) {
                double h = 0;
                for (int c = 0; c < columns; ++c)
                    h = std::max(h, QFontMetricsF(font, &pdf).boundingRect(QRectF(0, 0, width[c] - 6 * pt, 1e6), Qt::TextWordWrap, cells.value(c)).height());
                return h + 4 * pt;
            };
            auto bold = small;
            bold.setBold(true);
            const auto drawRow = [&](const QStringList &cells, const QFont &font, bool header) {
                const double h = rowHeight(cells, font);
                room(h);
                p.setFont(font);
                double x = 0;
                for (int c = 0; c < columns; ++c) {
                    const auto text = cells.value(c);
                    p.setPen(!header && (text == tr("missed")) ? kBad : !header && text == tr("met") ? kGood : QColor(Qt::black));
                    p.drawText(QRectF(x + 3 * pt, y + 2 * pt, width[c] - 6 * pt, h), Qt::TextWordWrap, text);
                    x += width[c];
                }
                p.setPen(kGrid);
                p.drawLine(QPointF(0, y + h), QPointF(page.width(), y + h));
                p.setPen(Qt::black);
                y += h;
            };
            drawRow(b.headers, bold, true);
            for (const auto &row : b.rows)
                drawRow(row, small, false);
            y += 8 * pt;
            break;
        }
        case Block::Kind::LatencyChart:
        case Block::Kind::RouterChart:
        case Block::Kind::IncidentChart: {
            const double h = chartHeight(b.kind, pt);
            room(h);
            paintChart(p, QRectF(0, y, page.width(), h), b.kind, pt);
            y += h + 6 * pt;
            break;
        }
        case Block::Kind::PageBreak:
            if (y > 0) {
                footer();
                pdf.newPage();
                ++pageNumber;
                y = 0;
            }
            break;
        }
    }
    footer();
    if (!p.end()) {
        if (error)
            *error = tr("Cannot write the PDF “%1”.").arg(path);
        return false;
    }
    return true;
}

double ReportDocument::chartHeight(Block::Kind kind, double pt) const
{
    switch (kind) {
    case Block::Kind::RouterChart: return (std::max<qsizetype>(1, m_report.days.size()) * 13 + 34) * pt;
    case Block::Kind::IncidentChart: return 110 * pt;
    default: return 120 * pt;
    }
}

void ReportDocument::paintChart(QPainter &p, const QRectF &area, Block::Kind kind, double pt) const
{
    p.save();
    switch (kind) {
    case Block::Kind::RouterChart: paintRouterDays(p, area, pt); break;
    case Block::Kind::IncidentChart: paintIncidentDays(p, area, pt); break;
    default: paintLatency(p, area, pt); break;
    }
    p.restore();
}

void ReportDocument::paintLatency(QPainter &p, const QRectF &chart, double pt) const
{
    const QFont small(QStringLiteral("DejaVu Sans"), 7.5);
    const QRectF area(chart.left() + 40 * pt, chart.top() + 4 * pt, chart.width() - 40 * pt, chart.height() - 24 * pt);
    double top = SloReport::kLatencyTargetSeconds * 1.25;
    for (const auto &d : m_report.days)
        if (d.p95Seconds)
            top = std::max(top, *d.p95Seconds * 1.1);
    const auto yOf = [&](double v) { return area.bottom() - v / top * area.height(); };
    p.setFont(small);
    p.setPen(kGrid);
    p.drawLine(area.bottomLeft(), area.bottomRight());
    for (const double v : {0.0, top / 2, top})
        p.drawText(QRectF(chart.left(), yOf(v) - 6 * pt, 36 * pt, 12 * pt), Qt::AlignRight | Qt::AlignVCenter, tr("%1 s").arg(number(v, 1)));
    // A slot per day of the period (the days still to come stay empty).
    const int n = std::max(1, m_report.periodDays());
    const double slot = area.width() / n;
    for (int i = 0; i < m_report.days.size(); ++i) {
        const auto &d = m_report.days[i];
        const QRectF bar(area.left() + i * slot + slot * 0.2, 0, slot * 0.6, 0);
        if (d.p95Seconds) {
            const bool met = *d.p95Seconds <= SloReport::kLatencyTargetSeconds;
            p.fillRect(QRectF(QPointF(bar.left(), yOf(*d.p95Seconds)), QPointF(bar.right(), area.bottom())), met ? kGood : kBad);
            p.setPen(Qt::black);
            p.drawText(QRectF(bar.left() - slot * 0.2, yOf(*d.p95Seconds) - 12 * pt, slot, 11 * pt), Qt::AlignCenter,
                       tr("%1 s").arg(number(*d.p95Seconds, 2)));
        }
        p.setPen(Qt::black);
        p.drawText(QRectF(area.left() + i * slot, area.bottom() + 2 * pt, slot, 12 * pt), Qt::AlignCenter,
                   QLocale().toString(d.date, QStringLiteral("ddd dd.MM.")));
    }
    p.setPen(QPen(kBad, 1.2 * pt, Qt::DashLine));
    p.drawLine(QPointF(area.left(), yOf(SloReport::kLatencyTargetSeconds)), QPointF(area.right(), yOf(SloReport::kLatencyTargetSeconds)));
}

void ReportDocument::paintRouterDays(QPainter &p, const QRectF &chart, double pt) const
{
    // A row per day, 00:00 to 24:00 UTC: the timeline's segments in their state's colour, a
    // failover at least a hair wide (30 s of a day is a tenth of a point); at the right, the
    // day's time outside PRIMARY_ACTIVE.
    const QFont small(QStringLiteral("DejaVu Sans"), 7.5);
    p.setFont(small);
    const double label = 58 * pt, right = 120 * pt, row = 13 * pt, bar = 9 * pt;
    const QRectF area(chart.left() + label, chart.top(), chart.width() - label - right, row * std::max<qsizetype>(1, m_report.days.size()));
    const auto xOf = [&](const QDateTime &dayStart, const QDateTime &t) {
        return area.left() + area.width() * double(dayStart.msecsTo(t)) / 86'400'000.0;
    };
    for (int i = 0; i < m_report.days.size(); ++i) {
        const auto &day = m_report.days[i];
        const QDateTime dayStart(day.date, QTime(0, 0), Qt::UTC);
        const auto dayEnd = std::min(dayStart.addDays(1), m_report.end);
        const double top = area.top() + i * row + (row - bar) / 2;
        p.setPen(Qt::black);
        p.drawText(QRectF(chart.left(), area.top() + i * row, label - 4 * pt, row), Qt::AlignRight | Qt::AlignVCenter,
                   QLocale().toString(day.date, QStringLiteral("ddd dd.MM.")));
        p.fillRect(QRectF(QPointF(area.left(), top), QPointF(xOf(dayStart, dayEnd), top + bar)), kNoData);
        // Primary first, then what is not, on top and never thinner than a hair.
        for (const bool primary : {true, false})
            for (const auto &segment : m_report.routerSegments) {
                const auto from = std::max(segment.start, dayStart), to = std::min(segment.end, dayEnd);
                const bool isPrimary = !segment.ambiguous && segment.state == RouterState::PrimaryActive;
                if (from >= to || isPrimary != primary)
                    continue;
                QRectF r(QPointF(xOf(dayStart, from), top), QPointF(xOf(dayStart, to), top + bar));
                if (!primary && r.width() < 1.2 * pt)
                    r.setWidth(1.2 * pt);
                p.fillRect(r, stateColor(routerStateName(segment.ambiguous ? RouterState::Unknown : segment.state)));
            }
        p.setPen(kGrid);
        p.drawRect(QRectF(area.left(), top, area.width(), bar));
        double out = 0, known = 0;
        for (auto it = day.routerSeconds.cbegin(); it != day.routerSeconds.cend(); ++it) {
            const auto state = routerStateFromName(it.key());
            out += state == RouterState::FallbackActive || state == RouterState::BothUnavailable ? it.value() : 0;
            known += state != RouterState::Unknown ? it.value() : 0;
        }
        p.setPen(out > 0 ? kBad : Qt::black);
        p.drawText(QRectF(area.right() + 6 * pt, area.top() + i * row, right - 6 * pt, row), Qt::AlignLeft | Qt::AlignVCenter,
                   known <= 0 ? tr("no data") : out > 0 ? tr("%1 not primary").arg(duration(out)) : tr("primary throughout"));
    }
    // The hours below, then what each colour means.
    p.setPen(Qt::black);
    for (int h = 0; h <= 24; h += 6) {
        const double x = area.left() + area.width() * h / 24.0;
        p.setPen(kGrid);
        p.drawLine(QPointF(x, area.bottom()), QPointF(x, area.bottom() + 3 * pt));
        p.setPen(Qt::black);
        p.drawText(QRectF(x - 20 * pt, area.bottom() + 3 * pt, 40 * pt, 10 * pt), Qt::AlignCenter, QStringLiteral("%1:00").arg(h, 2, 10, QLatin1Char('0')));
    }
    double x = area.left();
    const double legendY = area.bottom() + 17 * pt;
    for (const auto &[color, text] : {std::pair{kPrimary, QStringLiteral("PRIMARY_ACTIVE")}, std::pair{kWarn, QStringLiteral("FALLBACK_ACTIVE")},
                                      std::pair{kBad, QStringLiteral("BOTH_UNAVAILABLE")}, std::pair{kUndecided, tr("undecided")},
                                      std::pair{kNoData, tr("no data")}}) {
        p.fillRect(QRectF(x, legendY + 2 * pt, 8 * pt, 8 * pt), color);
        p.setPen(Qt::black);
        const double w = QFontMetricsF(small, p.device()).horizontalAdvance(text) + 4 * pt;
        p.drawText(QRectF(x + 11 * pt, legendY, w, 12 * pt), Qt::AlignLeft | Qt::AlignVCenter, text);
        x += 11 * pt + w + 10 * pt;
    }
}

void ReportDocument::paintIncidentDays(QPainter &p, const QRectF &chart, double pt) const
{
    // Stacked bars: the alerts that began firing each day, by severity; the count above.
    const QFont small(QStringLiteral("DejaVu Sans"), 7.5);
    p.setFont(small);
    const QRectF area(chart.left() + 40 * pt, chart.top() + 12 * pt, chart.width() - 40 * pt, chart.height() - 44 * pt);
    int top = 1;
    QStringList severities{QStringLiteral("critical"), QStringLiteral("warning"), QStringLiteral("info")};
    for (const auto &d : m_report.days) {
        int total = 0;
        for (auto it = d.incidentsBySeverity.cbegin(); it != d.incidentsBySeverity.cend(); ++it) {
            total += it.value();
            if (!severities.contains(it.key()))
                severities.append(it.key());
        }
        top = std::max(top, total);
    }
    const auto yOf = [&](double v) { return area.bottom() - v / top * area.height(); };
    p.setPen(kGrid);
    p.drawLine(area.bottomLeft(), area.bottomRight());
    for (const int v : {0, top})
        p.drawText(QRectF(chart.left(), yOf(v) - 6 * pt, 36 * pt, 12 * pt), Qt::AlignRight | Qt::AlignVCenter, QString::number(v));
    const int n = std::max(1, m_report.periodDays());
    const double slot = area.width() / n;
    for (int i = 0; i < m_report.days.size(); ++i) {
        const auto &d = m_report.days[i];
        const double left = area.left() + i * slot + slot * 0.2;
        int stacked = 0;
        for (const auto &severity : std::as_const(severities)) {
            const int count = d.incidentsBySeverity.value(severity);
            if (count == 0)
                continue;
            p.fillRect(QRectF(QPointF(left, yOf(stacked + count)), QPointF(left + slot * 0.6, yOf(stacked))), severityColor(severity));
            stacked += count;
        }
        p.setPen(Qt::black);
        if (stacked > 0)
            p.drawText(QRectF(area.left() + i * slot, yOf(stacked) - 12 * pt, slot, 11 * pt), Qt::AlignCenter, QString::number(stacked));
        p.drawText(QRectF(area.left() + i * slot, area.bottom() + 2 * pt, slot, 12 * pt), Qt::AlignCenter,
                   QLocale().toString(d.date, QStringLiteral("ddd dd.MM.")));
    }
    double x = area.left();
    const double legendY = area.bottom() + 18 * pt;
    for (const auto &severity : std::as_const(severities)) {
        p.fillRect(QRectF(x, legendY + 2 * pt, 8 * pt, 8 * pt), severityColor(severity));
        p.setPen(Qt::black);
        const double w = QFontMetricsF(small, p.device()).horizontalAdvance(severity) + 4 * pt;
        p.drawText(QRectF(x + 11 * pt, legendY, w, 12 * pt), Qt::AlignLeft | Qt::AlignVCenter, severity);
        x += 11 * pt + w + 10 * pt;
    }
}

QString ReportDocument::svg(Block::Kind kind) const
{
    // The PDF's painting, on an SVG generator at 96 dpi (a point is 4/3 of a pixel).
    const double pt = 96.0 / 72.0, width = 680;
    const double height = chartHeight(kind, pt);
    QBuffer buffer;
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setResolution(96);
    generator.setSize(QSize(int(width), int(std::ceil(height))));
    generator.setViewBox(QRectF(0, 0, width, height));
    generator.setTitle(kind == Block::Kind::RouterChart     ? tr("Router state per day")
                       : kind == Block::Kind::IncidentChart ? tr("Alerts that began firing, per day")
                                                            : tr("Latency P95 per day"));
    generator.setDescription(tr("Watchfloor weekly SLO report"));
    QPainter p(&generator);
    paintChart(p, QRectF(0, 0, width, height), kind, pt);
    p.end();
    const auto text = QString::fromUtf8(buffer.data());
    return text.mid(std::max<qsizetype>(0, text.indexOf(QStringLiteral("<svg"))));
}

QString ReportDocument::html() const
{
    QString out;
    const auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    out += QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\"><title>%2</title>\n")
               .arg(QLocale().name().section(u'_', 0, 0), esc(m_blocks.isEmpty() ? QString() : m_blocks.first().text));
    out += QStringLiteral("<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;font-size:14px}"
                          "table{border-collapse:collapse;margin:.5em 0 1em}td,th{border-bottom:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}"
                          "pre{font-size:11px;white-space:pre-wrap}.met{color:#2e7d32}.missed{color:#c62828}</style></head><body>\n");
    for (const auto &b : m_blocks) {
        switch (b.kind) {
        case Block::Kind::Title: out += QStringLiteral("<h1>%1</h1>\n").arg(esc(b.text)); break;
        case Block::Kind::Heading: out += QStringLiteral("<h2>%1</h2>\n").arg(esc(b.text)); break;
        case Block::Kind::Text: out += QStringLiteral("<p>%1</p>\n").arg(esc(b.text)); break;
        case Block::Kind::Code: out += QStringLiteral("<pre>%1</pre>\n").arg(esc(b.text)); break;
        case Block::Kind::Table: {
            out += QStringLiteral("<table><tr>");
            for (const auto &h : b.headers)
                out += QStringLiteral("<th>%1</th>").arg(esc(h));
            out += QStringLiteral("</tr>\n");
            for (const auto &row : b.rows) {
                out += QStringLiteral("<tr>");
                for (const auto &cell : row)
                    out += cell == tr("met") ? QStringLiteral("<td class=\"met\">%1</td>").arg(esc(cell))
                           : cell == tr("missed") ? QStringLiteral("<td class=\"missed\">%1</td>").arg(esc(cell))
                                                  : QStringLiteral("<td>%1</td>").arg(esc(cell));
                out += QStringLiteral("</tr>\n");
            }
            out += QStringLiteral("</table>\n");
            break;
        }
        case Block::Kind::LatencyChart:
        case Block::Kind::RouterChart:
        case Block::Kind::IncidentChart: out += svg(b.kind) + u'\n'; break;
        case Block::Kind::PageBreak: out += QStringLiteral("<div style=\"break-before:page\"></div>\n"); break;
        }
    }
    out += QStringLiteral("</body></html>\n");
    return out;
}

bool ReportDocument::writeHtml(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(html().toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = tr("Cannot write “%1”: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace wf
