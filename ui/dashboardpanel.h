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

namespace wf {

class PanelFrame;
class PanelKind;
class RouterTimeline;
struct HealthSample;

// One panel of a dashboard: its frame (title, state, menu) around its type's own class
// (PanelKind: stat, chart, state timeline, table, bars, gauge, heatmap), which plans the queries
// and draws what they answer; the frame keeps the last good data on screen, marked stale, when a
// refresh fails.
class DashboardPanel : public QObject
{
    Q_OBJECT
public:
    DashboardPanel(const Panel &panel, QWidget *parent);

    const Panel &definition() const { return m_panel; }
    PanelFrame *frame() const { return m_frame; }
    bool usesPrometheus() const { return m_panel.source == QLatin1String("prometheus"); }
    bool usesLoki() const { return m_panel.source == QLatin1String("loki"); }
    bool usesQueries() const { return usesPrometheus() || usesLoki(); }
    bool usesRouter() const { return m_panel.source == QLatin1String("router"); }
    bool usesHealth() const { return m_panel.source == QLatin1String("health"); }
    // Shows a fact the health endpoint reports too (Alpaca connection, authentication, symbols).
    bool showsHealthFact() const { return m_panel.healthFact.has_value(); }
    // The plot width in pixels: the step of its range queries follows it.
    int plotWidth() const;
    PanelKind *kind() const { return m_kind; }

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
    void grafanaExportRequested(); // the whole dashboard, as Grafana JSON

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void markFirstPaint(bool fromPrometheus);
    void createActions();
    void render();

    Panel m_panel;
    PanelFrame *m_frame;
    PanelKind *m_kind; // the type's own: its widget, queries, drawing and what it painted
    bool m_utc = false;
    QList<const char *> m_firstPaintPhases; // the cold-start trace marks at the next paint
};

} // namespace wf
