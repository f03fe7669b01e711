#include "dashboardpanel.h"

#include "dashboards/healthfact.h"
#include "dashboards/panelformat.h"
#include "domain/querytext.h"
#include "querychart.h"
#include "domain/routertimeline.h"
#include "domain/timerange.h"
#include "sources/health/healthclient.h"
#include "statecolors.h"
#include "barchart.h"
#include "dashboards/histogram.h"
#include "heatmap.h"
#include "panelframe.h"
#include "statetimeline.h"
#include "telemetry/startuptrace.h"
#include "stattile.h"

#include <QTimeZone>
#include <QTimer>
#include <QAction>
#include <QClipboard>
#include <QCoreApplication>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QTableWidget>

#include <cmath>

namespace wf {
namespace {

QString timeText(const QDateTime &t, bool utc)
{
    return (utc ? t.toUTC() : t.toLocalTime()).toString(QStringLiteral("HH:mm:ss"));
}

QColor routerColor(RouterState state, bool ambiguous)
{
    return ambiguous ? healthColor(Health::Unknown) : healthColor(routerStateHealth(state));
}

// Sorts by the number behind the text ("9.5" before "10").
class NumberItem : public QTableWidgetItem
{
public:
    using QTableWidgetItem::QTableWidgetItem;
    bool operator<(const QTableWidgetItem &other) const override
    {
        return data(Qt::UserRole + 1).toDouble() < other.data(Qt::UserRole + 1).toDouble();
    }
};

constexpr int kPaintedRole = Qt::UserRole + 2; // a table row's snapshot entry

QJsonObject labelsJson(const Labels &labels)
{
    QJsonObject o;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

} // namespace

DashboardPanel::DashboardPanel(const Panel &panel, QWidget *parent)
    : QObject(parent)
    , m_panel(panel)
    , m_frame(new PanelFrame(title(), parent))
{
    m_frame->setObjectName(QStringLiteral("panel-") + panel.id);
    if (!panel.description.isEmpty())
        m_frame->setDescription(QCoreApplication::translate("Dashboard", panel.description.toUtf8().constData()));
    switch (panel.type) {
    case PanelType::Stat:
        m_stat = new StatTile;
        m_frame->setContent(m_stat);
        break;
    case PanelType::Gauge:
        m_gauge = new Gauge;
        m_gauge->setRange(panel.min.value_or(0), panel.max.value_or(100));
        if (panel.target)
            m_gauge->setTarget(*panel.target, tr("target %1").arg(dashboards::formatValue(*panel.target, panel.unit)));
        m_frame->setContent(m_gauge);
        break;
    case PanelType::Bar:
        m_bars = new BarChart;
        m_frame->setContent(m_bars);
        break;
    case PanelType::Heatmap:
        m_heatmap = new Heatmap;
        m_frame->setContent(m_heatmap);
        break;
    case PanelType::StateTimeline:
        m_timeline = new StateTimeline;
        m_frame->setContent(m_timeline);
        connect(m_timeline, &StateTimeline::segmentClicked, this, [this](int index) {
            const auto &s = m_timeline->segments().at(index);
            emit windowClicked(QDateTime::fromMSecsSinceEpoch(s.fromMs, Qt::UTC),
                               QDateTime::fromMSecsSinceEpoch(s.toMs, Qt::UTC));
        });
        break;
    case PanelType::Table:
        m_table = new QTableWidget;
        m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_table->verticalHeader()->setVisible(false);
        m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
        m_table->horizontalHeader()->setStretchLastSection(true);
        m_table->setSortingEnabled(true);
        m_frame->setContent(m_table);
        connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
            const auto from = m_table->item(row, 0)->data(Qt::UserRole).toDateTime();
            const auto to = m_table->item(row, 1)->data(Qt::UserRole).toDateTime();
            if (from.isValid())
                emit windowClicked(from, to.isValid() ? to : QDateTime::currentDateTimeUtc());
        });
        break;
    case PanelType::TimeSeries:
        m_chart = new TimeSeriesChart;
        m_chart->setStacked(panel.stacked);
        m_chart->setYRange(panel.min, panel.max);
        const auto unit = panel.unit;
        m_chart->setValueFormatter([unit](double v) { return dashboards::formatValue(v, unit); });
        QList<std::pair<double, QColor>> lines;
        for (const auto &t : panel.thresholds)
            if (t.value > 0 && std::isfinite(t.value))
                lines.append({t.value, namedColor(t.color)});
        m_chart->setThresholds(lines);
        m_frame->setContent(m_chart);
        connect(m_chart, &TimeSeriesChart::rangeSelected, this, [this](qint64 a, qint64 b) {
            emit rangeSelected(QDateTime::fromMSecsSinceEpoch(a, Qt::UTC),
                               QDateTime::fromMSecsSinceEpoch(b, Qt::UTC));
        });
        connect(m_chart, &TimeSeriesChart::zoomOutRequested, this, &DashboardPanel::zoomOutRequested);
        break;
    }
    createActions();
    // A panel that shows a value "now" asks it as an instant query at its now; a stat's sparkline
    // (the recent history under the value) is a range query beside it.
    const auto request = [this](int query, Role role) {
        Request r;
        r.query = query;
        r.role = role;
        m_requests.append(r);
    };
    for (int i = 0; i < panel.queries.size(); ++i) {
        if (!paintsNow()) {
            request(i, Role::Series);
            continue;
        }
        request(i, Role::Now);
        if (m_stat && !panel.queries.at(i).instant)
            request(i, Role::Sparkline);
    }
}

void DashboardPanel::createActions()
{
    // Right-click on a panel (its frame shows its actions as the context menu).
    if (usesPrometheus()) {
        auto *copy = new QAction(tr("Copy query"), m_frame);
        copy->setObjectName(QStringLiteral("copyQuery"));
        connect(copy, &QAction::triggered, this, [this] { QGuiApplication::clipboard()->setText(queryText()); });
        m_frame->addAction(copy);
        // Each query as the panel ran it (variables filled in), in the Explore view.
        auto *explore = new QAction(tr("Open in Explore"), m_frame);
        explore->setObjectName(QStringLiteral("openInExplore"));
        if (m_panel.queries.size() == 1) {
            connect(explore, &QAction::triggered, this, [this] { emit exploreRequested(queryText()); });
        } else {
            auto *menu = new QMenu(m_frame);
            for (int i = 0; i < m_panel.queries.size(); ++i) {
                const auto &q = m_panel.queries.at(i);
                menu->addAction(q.legend.isEmpty() ? q.expr.left(60) : q.legend, this, [this, i] {
                    emit exploreRequested(queryAsSent(i));
                });
            }
            explore->setMenu(menu);
        }
        m_frame->addAction(explore);
    }
    // Export: ask where, write, say so when it fails.
    const auto addExport = [this](const QString &name, const QString &text, const QString &caption,
                                  const QString &suffix, const QString &filter,
                                  bool (DashboardPanel::*write)(const QString &, QString *) const) {
        auto *action = new QAction(text, m_frame);
        action->setObjectName(name);
        connect(action, &QAction::triggered, this, [this, caption, suffix, filter, write, text] {
            const auto path = QFileDialog::getSaveFileName(m_frame, caption.arg(title()), m_panel.id + suffix, filter);
            QString error;
            if (!path.isEmpty() && !(this->*write)(path, &error))
                QMessageBox::warning(m_frame, QString(text).remove(QChar(u'…')), error);
        });
        m_frame->addAction(action);
    };
    addExport(QStringLiteral("exportCsv"), tr("Export CSV…"), tr("Export “%1” as CSV"), QStringLiteral(".csv"),
              tr("CSV files (*.csv)"), &DashboardPanel::exportCsv);
    addExport(QStringLiteral("exportPng"), tr("Export PNG…"), tr("Export “%1” as PNG"), QStringLiteral(".png"),
              tr("PNG images (*.png)"), &DashboardPanel::exportPng);
}

QString DashboardPanel::queryAsSent(int query) const
{
    for (const auto &r : m_requests)
        if (r.query == query && !r.key.expr.isEmpty())
            return r.key.expr;
    return m_panel.queries.at(query).expr;
}

QString DashboardPanel::queryText() const
{
    QStringList lines;
    for (int i = 0; i < m_panel.queries.size(); ++i)
        lines.append(queryAsSent(i));
    return lines.join(QLatin1Char('\n'));
}

QString DashboardPanel::csv() const
{
    const auto quote = &csvField;
    QStringList rows;
    if (m_table && !usesPrometheus()) {
        QStringList header;
        for (int c = 0; c < m_table->columnCount(); ++c)
            header.append(quote(m_table->horizontalHeaderItem(c)->text()));
        rows.append(header.join(QLatin1Char(',')));
        for (int r = 0; r < m_table->rowCount(); ++r) {
            QStringList cells;
            for (int c = 0; c < m_table->columnCount(); ++c) {
                const auto *item = m_table->item(r, c);
                const auto when = item ? item->data(Qt::UserRole).toDateTime() : QDateTime();
                cells.append(quote(when.isValid() ? when.toUTC().toString(Qt::ISODateWithMs) : item ? item->text() : QString()));
            }
            rows.append(cells.join(QLatin1Char(',')));
        }
    } else if (m_timeline) {
        rows.append(QStringLiteral("start,end,state"));
        for (const auto &s : m_timeline->segments())
            rows.append(QStringLiteral("%1,%2,%3")
                            .arg(QDateTime::fromMSecsSinceEpoch(s.fromMs, Qt::UTC).toString(Qt::ISODateWithMs),
                                 QDateTime::fromMSecsSinceEpoch(s.toMs, Qt::UTC).toString(Qt::ISODateWithMs),
                                 quote(s.label)));
    } else if (m_chart && usesHealth()) {
        rows.append(QStringLiteral("time,series,value"));
        for (const auto &pt : m_roundTrips)
            rows.append(QStringLiteral("%1,%2,%3")
                            .arg(QDateTime::fromMSecsSinceEpoch(qint64(pt.x()), Qt::UTC).toString(Qt::ISODateWithMs),
                                 quote(tr("round trip")), std::isfinite(pt.y()) ? QString::number(pt.y()) : QString()));
    } else {
        // Every point of every series, long form: a spreadsheet pivots it as it likes.
        rows.append(QStringLiteral("time,series,value"));
        // A stat's sparkline holds the recent points; a bar or gauge has only its value now.
        auto all = series(Role::Series) + series(Role::Sparkline);
        if (all.isEmpty())
            all = series(Role::Now);
        for (const auto &shown : std::as_const(all)) {
            const auto legend = quote(dashboards::formatLegend(m_panel.queries.at(shown.query).legend, shown.series->labels));
            for (const auto &s : shown.series->samples)
                rows.append(QStringLiteral("%1,%2,%3")
                                .arg(QDateTime::fromMSecsSinceEpoch(qint64(std::llround(s.time * 1000)), Qt::UTC)
                                         .toString(Qt::ISODateWithMs),
                                     legend, std::isfinite(s.value) ? QString::number(s.value, 'g', 17) : QString()));
        }
    }
    if (rows.size() <= 1)
        return {};
    return rows.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

bool DashboardPanel::exportCsv(const QString &path, QString *error) const
{
    const auto text = csv();
    if (text.isEmpty()) {
        if (error)
            *error = tr("“%1” has no data to export yet.").arg(title());
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = tr("Cannot write “%1”: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool DashboardPanel::exportPng(const QString &path, QString *error) const
{
    if (!m_frame->grab().save(path, "PNG")) {
        if (error)
            *error = tr("Cannot write the image “%1”.").arg(path);
        return false;
    }
    return true;
}

QString DashboardPanel::title() const
{
    return QCoreApplication::translate("Dashboard", m_panel.title.toUtf8().constData());
}

QColor DashboardPanel::namedColor(const QString &name)
{
    if (name == QLatin1String("green"))
        return healthColor(Health::Good);
    if (name == QLatin1String("amber"))
        return healthColor(Health::Warning);
    if (name == QLatin1String("red"))
        return healthColor(Health::Bad);
    if (name == QLatin1String("grey"))
        return healthColor(Health::Unknown);
    if (name == QLatin1String("blue"))
        return QColor(0x1565c0);
    return QColor(name);
}

int DashboardPanel::plotWidth() const
{
    if (m_chart)
        return m_chart->plotWidth();
    if (m_heatmap)
        return std::min(m_heatmap->plotWidth(), 200); // cells wider than a few pixels stay readable
    return 120; // a sparkline needs few points
}

void DashboardPanel::setUtc(bool utc)
{
    m_utc = utc;
    if (m_chart)
        m_chart->setUtc(utc);
    if (m_timeline)
        m_timeline->setUtc(utc);
}

QList<QueryKey> DashboardPanel::plan(const QueryContext &context)
{
    m_from = context.from;
    m_to = context.to;
    m_scrapeSeconds = context.scrapeSeconds;
    QList<QueryKey> keys;
    if (!usesPrometheus())
        return keys;
    auto local = context;
    local.widthPx = plotWidth();
    for (auto &r : m_requests) {
        const auto &expr = m_panel.queries.at(r.query).expr;
        switch (r.role) {
        case Role::Series: r.key = queryplan::rangeKey(expr, local); break;
        case Role::Now: r.key = queryplan::instantKey(expr, local); break;
        case Role::Sparkline: r.key = queryplan::latestKey(expr, local); break;
        }
        r.answered = false;
        keys.append(r.key);
    }
    if (m_chart)
        m_chart->setRange(context.from.toMSecsSinceEpoch(), context.to.toMSecsSinceEpoch());
    if (m_heatmap)
        m_heatmap->setRange(context.from.toMSecsSinceEpoch(), context.to.toMSecsSinceEpoch());
    return keys;
}

void DashboardPanel::deliver(const QueryKey &key, const Result<PromResult> &result)
{
    bool mine = false;
    for (auto &r : m_requests) {
        if (!(r.key == key))
            continue;
        mine = true;
        r.answered = true;
        if (result) {
            r.data = result.value();
            r.error.reset();
            m_lastGood = QDateTime::currentDateTimeUtc();
            if (r.role != Role::Now)
                m_stepMs = key.step * 1000;
        } else if (result.error().kind != Error::Kind::Canceled) {
            r.error = result.error();
        }
    }
    if (!mine)
        return;
    // An HA pair: say which replica answered when it was not the first.
    QString replica, filledFrom;
    int filled = 0;
    int heldBack = 0;
    for (const auto &r : m_requests) {
        if (r.data)
            heldBack = std::max(heldBack, r.data->heldBackSeconds);
        if (r.data && !r.data->servedBy.isEmpty())
            replica = r.data->servedBy.toDisplayString();
        if (r.data && r.data->filledPoints > 0) {
            filledFrom = r.data->filledFrom.toDisplayString();
            filled += r.data->filledPoints;
        }
    }
    m_frame->setAnsweredBy(replica, filledFrom, filled, heldBack);
    render();
}

void DashboardPanel::markFirstPaint(bool fromPrometheus)
{
    // The cold-start trace: the first frames of the process that show data, any (the health
    // endpoint's may come first) and Prometheus'; once per process each.
    static bool markedAny = false, markedPrometheus = false;
    if (!m_frame->isVisible())
        return;
    if (!markedAny) {
        markedAny = true;
        m_firstPaintPhases << "first-data-painted";
    }
    if (fromPrometheus && !markedPrometheus) {
        markedPrometheus = true;
        m_firstPaintPhases << "first-prometheus-data-painted";
    }
    if (!m_firstPaintPhases.isEmpty())
        m_frame->installEventFilter(this);
}

bool DashboardPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_frame && event->type() == QEvent::Paint && !m_firstPaintPhases.isEmpty()) {
        m_frame->removeEventFilter(this);
        // After the frame's own painting.
        QTimer::singleShot(0, [phases = std::exchange(m_firstPaintPhases, {})] {
            for (const char *phase : phases)
                startup::mark(phase);
        });
    }
    return QObject::eventFilter(watched, event);
}

bool DashboardPanel::paintsNow() const
{
    return m_stat || m_gauge || m_bars || m_table;
}

void DashboardPanel::render()
{
    QString error, notConfigured;
    bool unreachable = false;
    bool hadData = false;
    for (const auto &r : m_requests) {
        if (r.error && r.error->kind == Error::Kind::NotConfigured) {
            notConfigured = r.error->message; // not an error: nothing to ask (the health may still paint)
        } else if (r.error) {
            error = r.error->message;
            // Said once for the whole view (its bar); a panel says it in a few words.
            unreachable = r.error->kind == Error::Kind::Network || r.error->kind == Error::Kind::Timeout
                || r.error->kind == Error::Kind::Tls || r.error->httpStatus >= 500;
        }
        hadData = hadData || r.data.has_value();
    }
    const auto painted = paintsNow() ? Role::Now : Role::Series;
    const bool anyData = !series(painted).isEmpty() || healthWins();
    if (!error.isEmpty()) {
        if (hadData)
            m_frame->setState(PanelFrame::State::Stale,
                              tr("%1\nShowing the data of %2.").arg(error, timeText(m_lastGood, m_utc)));
        else if (unreachable)
            m_frame->setState(PanelFrame::State::Error, tr("No data: Prometheus unreachable"), error);
        else
            m_frame->setState(PanelFrame::State::Error, error);
    } else if (!anyData) {
        const bool done = std::all_of(m_requests.cbegin(), m_requests.cend(), [](const Request &r) { return r.answered; });
        m_painted = {};
        if (done && m_stat && !m_panel.noData.isEmpty() && notConfigured.isEmpty()) {
            StatTile::Item item;
            item.text = QCoreApplication::translate("Dashboard", m_panel.noData.toUtf8().constData());
            item.color = namedColor(dashboards::thresholdColor(m_panel.thresholds, 0));
            m_stat->setItems({item});
            m_stat->setSparkline({}, {});
            m_stat->setToolTip({});
            m_frame->setState(PanelFrame::State::Ready);
            // What was asked and found empty, so that the snapshot says why nothing is listed.
            for (const auto &r : m_requests)
                if (r.role == Role::Now)
                    m_painted.append(QJsonObject{{QStringLiteral("text"), item.text},
                                                 {QStringLiteral("noData"), true},
                                                 {QStringLiteral("source"), QStringLiteral("prometheus")},
                                                 {QStringLiteral("query"), r.key.expr},
                                                 {QStringLiteral("time"), double(r.key.end)}});
            return;
        }
        const auto noData = m_panel.noData.isEmpty()
            ? QString()
            : QCoreApplication::translate("Dashboard", m_panel.noData.toUtf8().constData());
        m_frame->setState(done ? PanelFrame::State::Empty : PanelFrame::State::Loading,
                          notConfigured.isEmpty() ? noData : notConfigured);
        return;
    } else {
        m_frame->setState(PanelFrame::State::Ready);
    }
    if (!anyData)
        return;
    markFirstPaint(!series(painted).isEmpty());
    if (m_stat)
        renderStat();
    else if (m_gauge)
        renderGauge();
    else if (m_bars)
        renderBars();
    else if (m_heatmap)
        renderHeatmap();
    else if (m_table)
        renderTable();
    else if (m_chart)
        renderChart();
}

QList<DashboardPanel::Shown> DashboardPanel::series(Role role) const
{
    QList<Shown> all;
    for (const auto &r : m_requests)
        if (r.role == role && r.data)
            for (const auto &s : r.data->series)
                if (!s.samples.empty())
                    all.append({r.query, &s, r.key.expr});
    return all;
}

QJsonObject DashboardPanel::paintedItem(const QString &text, const Shown &shown, const QString &source) const
{
    const auto &last = shown.series->samples.back();
    return QJsonObject{{QStringLiteral("text"), text},
                       {QStringLiteral("legend"), dashboards::formatLegend(m_panel.queries.at(shown.query).legend,
                                                                           shown.series->labels)},
                       {QStringLiteral("labels"), labelsJson(shown.series->labels)},
                       {QStringLiteral("value"), std::isfinite(last.value) ? QJsonValue(last.value) : QJsonValue()},
                       {QStringLiteral("query"), shown.query < m_panel.queries.size() ? shown.expr : QString()},
                       {QStringLiteral("time"), last.time},
                       {QStringLiteral("source"), source}};
}

bool DashboardPanel::healthWins() const
{
    if (!m_panel.healthFact || !m_health)
        return false;
    QDateTime evaluated;
    for (const auto &r : m_requests)
        if (r.role == Role::Now && r.data)
            evaluated = QDateTime::fromSecsSinceEpoch(r.key.end, Qt::UTC);
    return healthfacts::healthIsNewer(m_health->checkedAt, evaluated, m_scrapeSeconds);
}

void DashboardPanel::renderStat()
{
    // The value is the instant query's answer at the panel's "now": exactly the series Prometheus
    // has then (a connection state that ended a second ago is gone). The range query behind it
    // only draws the sparkline. Where the health endpoint reports the same fact more recently,
    // its value is painted instead, and the tooltip says which it is and how old.
    QList<Shown> now;
    Series fromHealth;
    QString source = QStringLiteral("prometheus");
    if (healthWins()) {
        fromHealth = healthfacts::asSeries(*m_panel.healthFact, *m_health);
        now.append({0, &fromHealth, m_requests.isEmpty() ? QString() : m_requests.first().key.expr});
        source = QStringLiteral("health");
    } else {
        now = series(Role::Now);
    }
    QList<StatTile::Item> items;
    m_painted = {};
    for (const auto &shown : std::as_const(now)) {
        const double value = shown.series->samples.back().value;
        const auto legend = dashboards::formatLegend(m_panel.queries.at(shown.query).legend, shown.series->labels);
        StatTile::Item item;
        const auto mapped = dashboards::mappedText(m_panel.mappings, value);
        item.text = m_panel.showLegend ? legend
                    : !mapped.isEmpty() ? mapped
                                        : dashboards::formatValue(value, m_panel.unit, m_panel.decimals);
        item.color = std::isnan(value) ? healthColor(Health::Unknown)
                                       : namedColor(dashboards::thresholdColor(m_panel.thresholds, value));
        if (!m_panel.showLegend && (now.size() > 1 || !m_panel.queries.at(shown.query).legend.isEmpty()))
            item.caption = legend; // which one ("warning"), even when it is the only one
        items.append(item);
        m_painted.append(paintedItem(item.text, shown, source));
    }
    QList<QPointF> spark;
    if (now.size() == 1)
        for (const auto &s : series(Role::Sparkline))
            if (s.query == now.first().query && s.series->labels == now.first().series->labels)
                for (const auto &sample : s.series->samples)
                    spark.append(QPointF(sample.time * 1000, sample.value));
    m_stat->setItems(items);
    m_stat->setSparkline(spark.size() > 1 ? spark : QList<QPointF>{},
                         items.size() == 1 ? items.first().color : QColor());
    if (m_panel.healthFact) {
        const auto at = now.isEmpty() ? QDateTime()
                                      : QDateTime::fromMSecsSinceEpoch(qint64(std::llround(now.first().series->samples.back().time * 1000)), Qt::UTC);
        const auto age = at.isValid() ? std::max<qint64>(at.msecsTo(QDateTime::currentDateTimeUtc()), 0) : 0;
        const auto ago = tr("%1 s ago").arg(QString::number(double(age) / 1000, 'f', 1));
        m_stat->setToolTip(source == QLatin1String("health")
                               ? tr("From the health endpoint, checked %1 (newer than Prometheus' last scrape).").arg(ago)
                               : tr("From Prometheus, evaluated %1 (scraped every %n s).", nullptr, int(m_scrapeSeconds)).arg(ago));
    }
}

void DashboardPanel::renderGauge()
{
    const auto now = series(Role::Now);
    const auto &shown = now.first();
    const double value = shown.series->samples.back().value;
    auto color = dashboards::thresholdColor(m_panel.thresholds, value);
    if (color.isEmpty() && m_panel.target && std::isfinite(value)) {
        const bool good = m_panel.higherIsWorse ? value <= *m_panel.target : value >= *m_panel.target;
        color = good ? QStringLiteral("green") : QStringLiteral("red");
    }
    const auto text = dashboards::formatValue(value, m_panel.unit, m_panel.decimals);
    m_gauge->setValue(value, text, namedColor(color));
    m_painted = {paintedItem(text, shown, QStringLiteral("prometheus"))};
}

void DashboardPanel::renderBars()
{
    QList<std::pair<BarChart::Bar, QJsonObject>> shown;
    for (const auto &s : series(Role::Now)) {
        BarChart::Bar bar;
        bar.label = dashboards::formatLegend(m_panel.queries.at(s.query).legend, s.series->labels);
        bar.value = s.series->samples.back().value;
        bar.valueText = dashboards::formatValue(bar.value, m_panel.unit, m_panel.decimals);
        bar.color = namedColor(dashboards::thresholdColor(m_panel.thresholds, bar.value));
        if (!bar.color.isValid())
            bar.color = seriesColor(0);
        auto item = paintedItem(bar.valueText, s, QStringLiteral("prometheus"));
        item.insert(QStringLiteral("text"), bar.label + QLatin1Char(' ') + bar.valueText);
        shown.append({bar, item});
    }
    std::stable_sort(shown.begin(), shown.end(), [](const auto &a, const auto &b) {
        const auto key = [](double v) { return std::isfinite(v) ? v : -INFINITY; };
        return key(a.first.value) > key(b.first.value);
    });
    QList<BarChart::Bar> bars;
    m_painted = {};
    for (const auto &[bar, item] : shown) {
        bars.append(bar);
        m_painted.append(item);
    }
    m_bars->setBars(bars);
}

void DashboardPanel::renderHeatmap()
{
    const auto &first = m_requests.first();
    if (!first.data)
        return;
    const auto data = dashboards::heatmapFrom(*first.data);
    QStringList rows;
    const auto unit = m_panel.unit;
    for (std::size_t b = 0; b < data.bounds.size(); ++b) {
        const double upper = data.bounds[b];
        rows.append(std::isinf(upper) ? tr("> %1").arg(b > 0 ? dashboards::formatValue(data.bounds[b - 1], unit) : QString())
                                      : tr("≤ %1").arg(dashboards::formatValue(upper, unit)));
    }
    QList<qint64> times;
    QList<QList<double>> counts;
    for (std::size_t t = 0; t < data.times.size(); ++t) {
        times.append(qint64(std::llround(data.times[t] * 1000)));
        counts.append(QList<double>(data.counts[t].cbegin(), data.counts[t].cend()));
    }
    m_heatmap->setData(times, rows, counts, m_stepMs);
    // The newest column as painted: counts per bucket, de-cumulated (not a value Prometheus returns).
    m_painted = {};
    if (!data.times.empty())
        for (std::size_t b = 0; b < data.bounds.size(); ++b)
            m_painted.append(QJsonObject{{QStringLiteral("text"), rows.at(qsizetype(b))},
                                         {QStringLiteral("value"), data.counts.back()[b]},
                                         {QStringLiteral("time"), data.times.back()},
                                         {QStringLiteral("query"), first.key.expr},
                                         {QStringLiteral("source"), QStringLiteral("prometheus")},
                                         {QStringLiteral("derived"), true}});
}

void DashboardPanel::renderTable()
{
    // One row per series: its labels (but the metric name and where it was scraped), then its
    // value; rows over highlightAbove (absolute) marked.
    static const QStringList kHiddenColumns{QStringLiteral("__name__"), QStringLiteral("instance"), QStringLiteral("job")};
    const auto all = series(Role::Now);
    QStringList columns;
    for (const auto &s : all)
        for (auto it = s.series->labels.cbegin(); it != s.series->labels.cend(); ++it)
            if (!kHiddenColumns.contains(it.key()) && !columns.contains(it.key()))
                columns.append(it.key());
    // A label with one value in every row (environment="demo") says nothing row by row.
    if (all.size() > 1)
        columns.removeIf([&](const QString &name) {
            const auto first = all.first().series->labels.value(name);
            return std::all_of(all.cbegin(), all.cend(), [&](const Shown &s) { return s.series->labels.value(name) == first; });
        });
    m_table->setSortingEnabled(false);
    m_table->clear();
    m_table->setColumnCount(int(columns.size()) + 1);
    auto headers = columns;
    headers.append(tr("Value"));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(int(all.size()));
    const auto highlight = namedColor(QStringLiteral("amber"));
    for (int row = 0; row < all.size(); ++row) {
        const auto *series = all.at(row).series;
        const double value = series->samples.back().value;
        const bool marked = m_panel.highlightAbove && std::isfinite(value) && std::abs(value) > *m_panel.highlightAbove;
        QStringList cells;
        for (int c = 0; c < columns.size(); ++c) {
            auto *item = new QTableWidgetItem(series->labels.value(columns.at(c)));
            if (marked)
                item->setBackground(highlight);
            m_table->setItem(row, c, item);
            cells.append(item->text());
        }
        auto *item = new NumberItem(dashboards::formatValue(value, m_panel.unit, m_panel.decimals));
        // With a highlight, the largest deviations either way come first.
        const double key = m_panel.highlightAbove ? std::abs(value) : value;
        item->setData(Qt::UserRole + 1, std::isfinite(key) ? key : -1e300);
        cells.append(item->text());
        // What the row paints, for the snapshot (read back in the order the rows are shown).
        item->setData(kPaintedRole, paintedItem(cells.join(QLatin1Char(' ')), all.at(row), QStringLiteral("prometheus")));
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        const auto color = namedColor(dashboards::thresholdColor(m_panel.thresholds, value));
        if (color.isValid())
            item->setForeground(color);
        if (marked)
            item->setBackground(highlight);
        m_table->setItem(row, int(columns.size()), item);
    }
    m_table->resizeColumnsToContents();
    m_table->setSortingEnabled(true);
    m_table->sortItems(int(columns.size()), Qt::DescendingOrder);
}

void DashboardPanel::renderChart()
{
    QList<TimeSeriesChart::Line> lines;
    for (const auto &r : m_requests)
        if (r.data)
            appendLines(&lines, *r.data, m_panel.queries.at(r.query).legend);
    sortAndColor(&lines);
    m_chart->setLines(lines, m_stepMs);
}

void DashboardPanel::setFailoverBands(const QList<TimeSeriesChart::Band> &bands)
{
    if (m_chart)
        m_chart->setBands(bands);
}

void DashboardPanel::showRouter(const RouterTimeline &timeline, const QDateTime &from, const QDateTime &to)
{
    m_from = from;
    m_to = to;
    m_painted = {};
    if (!timeline.hasData()) {
        m_frame->setState(PanelFrame::State::Empty, tr("No router state yet: neither the health endpoint nor "
                                                       "Prometheus has answered."));
        return;
    }
    if (m_stat) {
        const auto state = timeline.current();
        const bool ambiguous = timeline.currentAmbiguous();
        StatTile::Item item;
        item.text = ambiguous ? tr("Ambiguous") : routerStateLabel(state);
        item.color = routerColor(state, ambiguous);
        m_stat->setItems({item});
        const auto since = timeline.currentSince();
        m_stat->setSubtitle(since.isValid() ? tr("since %1").arg(timeText(since, m_utc)) : QString());
        m_frame->setState(PanelFrame::State::Ready);
        m_painted.append(QJsonObject{
            {QStringLiteral("text"), item.text},
            {QStringLiteral("state"), ambiguous ? QStringLiteral("AMBIGUOUS") : routerStateName(state)},
            {QStringLiteral("source"), timeline.currentLive() ? QStringLiteral("health") : QStringLiteral("prometheus")},
            {QStringLiteral("time"), double(timeline.currentSeenAt().toMSecsSinceEpoch()) / 1000}});
        return;
    }
    if (m_timeline) {
        QList<StateTimeline::Segment> segments;
        for (const auto &s : timeline.segments(from, to)) {
            StateTimeline::Segment seg;
            seg.fromMs = s.start.toMSecsSinceEpoch();
            seg.toMs = s.end.toMSecsSinceEpoch();
            seg.color = routerColor(s.state, s.ambiguous);
            seg.hatched = s.ambiguous;
            seg.label = s.ambiguous ? tr("Ambiguous") : routerStateLabel(s.state);
            seg.tooltip = tr("%1\n%2 – %3 (%4)%5")
                              .arg(seg.label, timeText(s.start, m_utc), timeText(s.end, m_utc),
                                   formatDuration(std::chrono::seconds(std::max<qint64>(s.seconds(), 0))),
                                   s.reason.isEmpty() ? QString() : QStringLiteral("\n") + s.reason);
            segments.append(seg);
            m_painted.append(QJsonObject{{QStringLiteral("text"), seg.label},
                                         {QStringLiteral("state"), s.ambiguous ? QStringLiteral("AMBIGUOUS") : routerStateName(s.state)},
                                         {QStringLiteral("source"), s.live ? QStringLiteral("health") : QStringLiteral("prometheus")},
                                         {QStringLiteral("from"), s.start.toString(Qt::ISODateWithMs)},
                                         {QStringLiteral("to"), s.end.toString(Qt::ISODateWithMs)}});
        }
        m_timeline->setRange(from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch());
        m_timeline->setSegments(segments);
        m_frame->setState(PanelFrame::State::Ready);
        return;
    }
    if (m_table) {
        const auto events = timeline.failovers(from, to);
        const auto now = QDateTime::currentDateTimeUtc();
        // Redrawn only when the list changed: a poll a second must not take the user's selection
        // or a click away. An ongoing failover's duration is brought up to date in place.
        QString signature;
        for (const auto &e : events)
            signature += QStringLiteral("%1|%2|%3|%4|%5;")
                             .arg(e.start.toMSecsSinceEpoch())
                             .arg(e.ongoing() ? -1 : e.end.toMSecsSinceEpoch())
                             .arg(int(e.worst))
                             .arg(e.reason)
                             .arg(e.recoverySeconds.value_or(-1));
        for (auto it = events.crbegin(); it != events.crend(); ++it) // newest first, as the rows
            m_painted.append(QJsonObject{{QStringLiteral("text"), timeText(it->start, m_utc)},
                                         {QStringLiteral("start"), it->start.toString(Qt::ISODateWithMs)},
                                         {QStringLiteral("end"), it->ongoing() ? QJsonValue() : QJsonValue(it->end.toString(Qt::ISODateWithMs))},
                                         {QStringLiteral("worst"), routerStateName(it->worst)},
                                         {QStringLiteral("reason"), it->reason}});
        if (signature == m_tableSignature && m_table->rowCount() == events.size()) {
            for (int row = 0; row < events.size(); ++row) {
                const auto &e = events.at(int(events.size()) - 1 - row);
                if (e.ongoing())
                    if (auto *item = m_table->item(row, 2))
                        item->setText(formatDuration(std::chrono::seconds(e.start.secsTo(now))));
            }
            return;
        }
        m_tableSignature = signature;
        m_table->setSortingEnabled(false);
        m_table->clear();
        m_table->setColumnCount(6);
        m_table->setHorizontalHeaderLabels(
            {tr("Start"), tr("End"), tr("Duration"), tr("Worst state"), tr("Reason"), tr("Recovery time")});
        m_table->setRowCount(int(events.size()));
        for (int row = 0; row < events.size(); ++row) {
            const auto &e = events.at(int(events.size()) - 1 - row); // newest first
            auto *start = new QTableWidgetItem(timeText(e.start, m_utc));
            start->setData(Qt::UserRole, e.start);
            auto *end = new QTableWidgetItem(e.ongoing() ? tr("ongoing") : timeText(e.end, m_utc));
            end->setData(Qt::UserRole, e.end);
            const auto seconds = e.start.secsTo(e.ongoing() ? now : e.end);
            m_table->setItem(row, 0, start);
            m_table->setItem(row, 1, end);
            m_table->setItem(row, 2, new QTableWidgetItem(formatDuration(std::chrono::seconds(seconds))));
            auto *worst = new QTableWidgetItem(routerStateLabel(e.worst));
            worst->setForeground(routerColor(e.worst, false));
            m_table->setItem(row, 3, worst);
            m_table->setItem(row, 4, new QTableWidgetItem(e.reason.isEmpty() ? tr("not reported") : e.reason));
            m_table->setItem(row, 5, new QTableWidgetItem(e.recoverySeconds ? tr("%n s", nullptr, int(*e.recoverySeconds))
                                                                             : tr("not known")));
        }
        m_table->resizeColumnsToContents();
        m_table->setSortingEnabled(true);
        if (events.isEmpty())
            m_frame->setState(PanelFrame::State::Empty, tr("No failover in this time range."));
        else
            m_frame->setState(PanelFrame::State::Ready);
    }
}

void DashboardPanel::markOverdue(const QString &text)
{
    if (m_frame->state() == PanelFrame::State::Ready) // a stale one already says why
        m_frame->setState(PanelFrame::State::Stale, text);
}

void DashboardPanel::showHealth(const HealthSample &sample)
{
    if (m_panel.healthFact) {
        // A failed poll says nothing about the fact: Prometheus' value stands alone until the next.
        m_health = sample.report ? std::optional<HealthReport>(*sample.report) : std::nullopt;
        if (m_frame->isVisible())
            render();
        return;
    }
    if (m_chart) {
        // The round trip of a poll a second (they come four a second while the window is seen),
        // kept for a day at most: 86,400 points.
        const auto at = double(sample.receivedAt.toMSecsSinceEpoch());
        if (!m_roundTrips.isEmpty() && at - m_roundTrips.last().x() < 1000)
            return;
        m_roundTrips.append(QPointF(at, sample.report ? double(sample.roundTripMs) : qQNaN()));
        while (m_roundTrips.size() > 86'400)
            m_roundTrips.removeFirst();
        if (m_frame->isVisible())
            drawRoundTrips();
        return;
    }
    if (!m_stat)
        return;
    if (!sample.report) {
        // The tile keeps what it painted (and its snapshot says so), marked stale.
        const bool had = !m_stat->items().isEmpty();
        m_frame->setState(had ? PanelFrame::State::Stale : PanelFrame::State::Error, sample.report.error().message);
        return;
    }
    m_painted = {};
    StatTile::Item item;
    item.text = sample.report->status;
    item.color = healthColor(sample.report->health());
    m_stat->setItems({item});
    m_stat->setSubtitle(tr("HTTP %1 · %2 ms").arg(sample.httpStatus).arg(sample.roundTripMs));
    m_frame->setState(PanelFrame::State::Ready);
    m_painted.append(QJsonObject{{QStringLiteral("text"), item.text},
                                 {QStringLiteral("status"), sample.report->status},
                                 {QStringLiteral("source"), QStringLiteral("health")},
                                 {QStringLiteral("time"), double(sample.report->checkedAt.toMSecsSinceEpoch()) / 1000},
                                 {QStringLiteral("roundTripMs"), double(sample.roundTripMs)}});
}

void DashboardPanel::drawRoundTrips()
{
    if (!m_chart || !usesHealth() || m_roundTrips.isEmpty())
        return;
    const auto now = QDateTime::currentDateTimeUtc();
    const auto span = m_from.isValid() ? m_from.secsTo(m_to) : 3600;
    m_chart->setRange(now.addSecs(-span).toMSecsSinceEpoch(), now.toMSecsSinceEpoch());
    m_chart->setLines({TimeSeriesChart::Line{tr("round trip"), seriesColor(0), m_roundTrips}}, 1000);
    m_frame->setState(PanelFrame::State::Ready);
}

QJsonArray DashboardPanel::painted() const
{
    const auto state = m_frame->state();
    if (state != PanelFrame::State::Ready && state != PanelFrame::State::Stale)
        return {}; // a message is shown, not the content
    if (m_table && usesPrometheus()) {
        QJsonArray rows;
        const int valueColumn = m_table->columnCount() - 1;
        for (int row = 0; row < m_table->rowCount(); ++row)
            if (const auto *item = m_table->item(row, valueColumn))
                rows.append(item->data(kPaintedRole).toJsonObject());
        return rows;
    }
    if (m_chart && usesPrometheus()) {
        // Each line drawn, in the legend's order, with its newest point; hidden ones are not drawn.
        QList<std::pair<QString, QJsonObject>> lines;
        for (const auto &shown : series(Role::Series)) {
            const auto legend = dashboards::formatLegend(m_panel.queries.at(shown.query).legend, shown.series->labels);
            if (!m_chart->isSeriesHidden(legend))
                lines.append({legend, paintedItem(legend, shown, QStringLiteral("prometheus"))});
        }
        std::stable_sort(lines.begin(), lines.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        QJsonArray out;
        for (const auto &line : lines)
            out.append(line.second);
        return out;
    }
    return m_painted;
}

QJsonObject DashboardPanel::snapshot() const
{
    QJsonArray queries;
    for (int i = 0; i < m_panel.queries.size(); ++i)
        queries.append(queryAsSent(i));
    const auto values = painted();
    QString state;
    switch (m_frame->state()) {
    case PanelFrame::State::Loading: state = QStringLiteral("loading"); break;
    case PanelFrame::State::Ready: state = QStringLiteral("ready"); break;
    case PanelFrame::State::Empty: state = QStringLiteral("empty"); break;
    case PanelFrame::State::Error: state = QStringLiteral("error"); break;
    case PanelFrame::State::Stale: state = QStringLiteral("stale"); break;
    }
    QJsonObject o{{QStringLiteral("id"), m_panel.id},
                  {QStringLiteral("title"), m_panel.title},
                  {QStringLiteral("type"), dashboards::panelTypeName(m_panel.type)},
                  {QStringLiteral("source"), m_panel.source},
                  {QStringLiteral("state"), state},
                  {QStringLiteral("queries"), queries},
                  {QStringLiteral("values"), values}};
    if (!m_frame->stateText().isEmpty())
        o.insert(QStringLiteral("error"), m_frame->stateText());
    return o;
}

} // namespace wf
