#pragma once

#include "dashboards/dashboard.h"
#include "dashboards/queryplan.h"
#include "sources/health/healthreport.h"
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
    // Shows a fact the health endpoint reports too (Alpaca connection, authentication, symbols).
    bool showsHealthFact() const { return m_panel.healthFact.has_value(); }
    // The plot width in pixels: the step of its range queries follows it.
    int plotWidth() const;

    QList<QueryKey> plan(const QueryContext &context);
    void deliver(const QueryKey &key, const Result<PromResult> &result);
    void showRouter(const RouterTimeline &timeline, const QDateTime &from, const QDateTime &to);
    void showHealth(const HealthSample &sample);
    // Its query has waited too long: what it shows stays, marked stale with the text.
    void markOverdue(const QString &text);
    // The health panel's round trips kept while hidden, drawn (a view just shown).
    void drawRoundTrips();
    void setFailoverBands(const QList<TimeSeriesChart::Band> &bands);
    void setUtc(bool utc);

    // {"id", "title", "state", "queries", "values"}: values are what the panel paints and only that,
    // in the order shown: each item's text, and where it came from ("source": prometheus or health),
    // its labels, value, query and evaluation time ("time", Unix seconds).
    QJsonObject snapshot() const;
    QJsonArray painted() const;

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

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void markFirstPaint(bool fromPrometheus);
    // What one refresh asks for one of the panel's queries: a chart's range (Series), the value at
    // the panel's now (Now, an instant query) or a stat's recent history (Sparkline).
    enum class Role { Series, Now, Sparkline };
    struct Request
    {
        int query = 0;
        Role role = Role::Series;
        QueryKey key; // of the last plan
        std::optional<PromResult> data; // the last good answer
        std::optional<Error> error;     // the last refresh's error
        bool answered = false;
    };
    // A series with data, the query it answers and that query as sent.
    struct Shown
    {
        int query = 0;
        const Series *series = nullptr;
        QString expr;
    };

    void createActions();
    bool paintsNow() const;
    bool healthWins() const;
    QString queryAsSent(int query) const;
    QList<Shown> series(Role role) const;
    QJsonObject paintedItem(const QString &text, const Shown &shown, const QString &source) const;
    void render();
    void renderStat();
    void renderChart();
    void renderGauge();
    void renderBars();
    void renderHeatmap();
    void renderTable();

    Panel m_panel;
    PanelFrame *m_frame;
    StatTile *m_stat = nullptr;
    TimeSeriesChart *m_chart = nullptr;
    StateTimeline *m_timeline = nullptr;
    QTableWidget *m_table = nullptr;
    BarChart *m_bars = nullptr;
    Gauge *m_gauge = nullptr;
    Heatmap *m_heatmap = nullptr;
    QList<Request> m_requests;
    std::optional<HealthReport> m_health; // the last good poll, for a panel that shows a health fact
    qint64 m_scrapeSeconds = 15;
    QDateTime m_lastGood;
    QDateTime m_from;
    QDateTime m_to;
    qint64 m_stepMs = 0;
    bool m_utc = false;
    QJsonArray m_painted; // what the stat, gauge, bars, heatmap, router or health panel paints
    QString m_tableSignature = QStringLiteral("-"); // the failovers the table shows ("-": nothing drawn yet)
    QList<QPointF> m_roundTrips; // health source, time series: (ms since epoch, round trip ms)
    QList<const char *> m_firstPaintPhases; // the cold-start trace marks at the next paint
};

} // namespace wf
