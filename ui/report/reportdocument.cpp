#include "reportdocument.h"

#include "domain/routerstate.h"

#include <QFile>
#include <QFontMetricsF>
#include <QJsonArray>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTimeZone>

#include <cmath>

namespace wf {
namespace {

const QColor kGood(0x2e7d32);
const QColor kBad(0xc62828);
const QColor kGrid(0xbdbdbd);

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
    add(Block::Kind::Text, tr("Latency P95 per day (the line: the 2 s target; no bar: no latency observed that day)."));
    add(Block::Kind::DayChart, {});

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
        QList<QStringList> rows;
        for (const auto &i : r.incidents)
            rows.append({i.alertname, i.severity, when(i.start), duration(i.seconds(r.end)),
                         i.acknowledgedAt.isValid() ? i.acknowledgedBy : tr("—"),
                         i.acknowledgedAt.isValid() ? duration(double(i.start.msecsTo(i.acknowledgedAt)) / 1000.0) : tr("—"),
                         i.runbook.isEmpty() ? tr("—") : i.runbook});
        add(Block::Kind::Table, {}, {tr("Alert"), tr("Severity"), tr("Start"), tr("Duration"), tr("Acknowledged by"), tr("After"), tr("Runbook")}, rows);
    }

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
                         QString::number(o.value(QStringLiteral("falsePositiveCandidates")).toInt()),
                         QString::number(o.value(QStringLiteral("flaps")).toInt()),
                         o.value(QStringLiteral("suggestion")).toString()});
        }
        add(Block::Kind::Table, {}, {tr("Rule"), tr("Fires"), tr("Per week"), tr("Median"), tr("Brief, unacknowledged"), tr("Again within 1 h"), tr("Suggestion")}, rows);
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
        case Block::Kind::DayChart: {
            const double h = 120 * pt;
            room(h);
            const QRectF area(40 * pt, y + 4 * pt, page.width() - 40 * pt, h - 24 * pt);
            double top = SloReport::kLatencyTargetSeconds * 1.25;
            for (const auto &d : m_report.days)
                if (d.p95Seconds)
                    top = std::max(top, *d.p95Seconds * 1.1);
            const auto yOf = [&](double v) { return area.bottom() - v / top * area.height(); };
            p.setFont(small);
            p.setPen(kGrid);
            p.drawLine(area.bottomLeft(), area.bottomRight());
            for (const double v : {0.0, top / 2, top})
                p.drawText(QRectF(0, yOf(v) - 6 * pt, 36 * pt, 12 * pt), Qt::AlignRight | Qt::AlignVCenter, tr("%1 s").arg(number(v, 1)));
            const int n = std::max(1, int(m_report.days.size()));
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
            QPen target(kBad, 1.2 * pt, Qt::DashLine);
            p.setPen(target);
            p.drawLine(QPointF(area.left(), yOf(SloReport::kLatencyTargetSeconds)), QPointF(area.right(), yOf(SloReport::kLatencyTargetSeconds)));
            p.setPen(Qt::black);
            y += h + 6 * pt;
            break;
        }
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
        case Block::Kind::DayChart: {
            // The same bars as the PDF's, as SVG.
            const int n = std::max(1, int(m_report.days.size()));
            double top = SloReport::kLatencyTargetSeconds * 1.25;
            for (const auto &d : m_report.days)
                if (d.p95Seconds)
                    top = std::max(top, *d.p95Seconds * 1.1);
            const double w = 600, h = 160, slot = w / n;
            out += QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" role=\"img\">").arg(w + 50).arg(h + 20);
            for (int i = 0; i < m_report.days.size(); ++i) {
                const auto &d = m_report.days[i];
                if (d.p95Seconds) {
                    const double bh = *d.p95Seconds / top * h;
                    out += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"><title>%6</title></rect>")
                               .arg(50 + i * slot + slot * 0.2)
                               .arg(h - bh)
                               .arg(slot * 0.6)
                               .arg(bh)
                               .arg(*d.p95Seconds <= SloReport::kLatencyTargetSeconds ? kGood.name() : kBad.name(),
                                    esc(tr("%1 s").arg(number(*d.p95Seconds, 2))));
                }
                out += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"11\" text-anchor=\"middle\">%3</text>")
                           .arg(50 + i * slot + slot / 2)
                           .arg(h + 14)
                           .arg(esc(QLocale().toString(d.date, QStringLiteral("ddd dd.MM."))));
            }
            const double ty = h - SloReport::kLatencyTargetSeconds / top * h;
            out += QStringLiteral("<line x1=\"50\" x2=\"%1\" y1=\"%2\" y2=\"%2\" stroke=\"%3\" stroke-dasharray=\"6 4\"/></svg>\n")
                       .arg(w + 50)
                       .arg(ty)
                       .arg(kBad.name());
            break;
        }
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
