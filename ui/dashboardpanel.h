#pragma once

#include "dashboards/dashboard.h"
#include "dashboards/queryplan.h"
#include "sources/prometheus/promresult.h"
#include "timeserieschart.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

#include <optional>

class QTableWidget;

namespace wf {

class BarChart;
class Gauge;
class Heatmap;
class PanelFrame;
class RouterTimeline;
class StatTile;
class StateTimeline;
struct HealthSample;

// One panel of a dashboard: plans its queries, draws what they answer in its widget (stat tile,
// chart, state timeline, table), and keeps the last good data on screen when a refresh fails.
class DashboardPanel : public QObject
{
    Q_OBJECT
public:
    DashboardPanel(const Panel &panel, QWidget *parent);

    const Panel &definition() const { return m_panel; }
    PanelFrame *frame() const { return m_frame; }
    bool usesPrometheus() const { return m_panel.source == QLatin1String("prometheus"); }
    bool usesRouter() const { return m_panel.source == QLatin1String("router"); }
    bool usesHealth() const { return m_panel.source == QLatin1String("health"); }
    // The plot width in pixels: the step of its range queries follows it.
    int plotWidth() const;

    QList<QueryKey> plan(const QueryContext &context);
    void deliver(const QueryKey &key, const Result<PromResult> &result);
    void showRouter(const RouterTimeline &timeline, const QDateTime &from, const QDateTime &to);
    void showHealth(const HealthSample &sample);
    void setFailoverBands(const QList<TimeSeriesChart::Band> &bands);
    void setUtc(bool utc);

    // {"title", "queries", "values": [{"labels", "legend", "value"}] or the table's rows}
    QJsonObject snapshot() const;

    // The queries as last sent (variables substituted), one per line; the definitions before the first refresh.
    QString queryText() const;
    // Every point shown, as CSV: time (UTC, ISO 8601), series, value; a table's rows; the router's
    // segments or failovers. Empty when there is nothing to export.
    QString csv() const;
    bool exportCsv(const QString &path, QString *error) const;
    bool exportPng(const QString &path, QString *error) const;

    QString title() const; // translated
    static QColor namedColor(const QString &name);

signals:
    void rangeSelected(const QDateTime &from, const QDateTime &to);
    void zoomOutRequested();
    void windowClicked(const QDateTime &from, const QDateTime &to); // a router segment or failover
    void exploreRequested(const QString &promql); // Open in Explore, on the panel's menu

private:
    void createActions();
    void render();
    void renderStat();
    void renderChart();
    void renderGauge();
    void renderBars();
    void renderHeatmap();
    void renderTable();
    QList<std::pair<int, const Series *>> seriesWithData() const; // (query index, series)

    Panel m_panel;
    PanelFrame *m_frame;
    StatTile *m_stat = nullptr;
    TimeSeriesChart *m_chart = nullptr;
    StateTimeline *m_timeline = nullptr;
    QTableWidget *m_table = nullptr;
    BarChart *m_bars = nullptr;
    Gauge *m_gauge = nullptr;
    Heatmap *m_heatmap = nullptr;
    QList<QueryKey> m_keys;                          // by query index, of the last plan
    QList<std::optional<PromResult>> m_data;         // last good answer, by query index
    QList<std::optional<Error>> m_errors;            // last refresh's error, by query index
    QList<bool> m_answered;
    QDateTime m_lastGood;
    QDateTime m_from;
    QDateTime m_to;
    qint64 m_stepMs = 0;
    bool m_utc = false;
    QJsonArray m_routerValues;
    QString m_tableSignature = QStringLiteral("-"); // the failovers the table shows ("-": nothing drawn yet)
    QList<QPointF> m_roundTrips; // health source, time series: (ms since epoch, round trip ms)
};

} // namespace wf
