#pragma once

#include "dashboards/dashboard.h"
#include "dashboards/queryplan.h"
#include "domain/timerange.h"
#include "sources/prometheus/promresult.h"
#include "timeserieschart.h"
#include "viewbase.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMap>

#include <optional>

class QTimer;
class QToolButton;

class QAction;

namespace wf {

class DashboardPanel;
class MessageBar;
class PrometheusClient;
class QueryScheduler;
class RouterTimeline;
struct HealthSample;

// Operations, Performance, Reliability, Business: a dashboard drawn from its definition. Only a
// visible view asks Prometheus (a hidden one refreshes when shown); the router state panels follow
// the health endpoint's one-second polls as they arrive.
class DashboardView : public ViewBase
{
    Q_OBJECT
public:
    DashboardView(ViewId id, const Dashboard &dashboard, QueryScheduler *scheduler, RouterTimeline *timeline,
                  QWidget *parent = nullptr);

    const Dashboard &dashboard() const { return m_dashboard; }
    // Another definition for this view (the user's dashboard folder): the panels are rebuilt.
    void setDashboard(const Dashboard &dashboard);
    // An action of the view's own, as a button at the right of its top bar (Reliability's
    // "Weekly report…"); kept when the dashboard is replaced.
    void addHeaderAction(QAction *action);
    // The dashboard as Grafana JSON: asks where, writes, says what Grafana shows differently.
    void exportForGrafana();
    // True while the definition comes from the user's folder.
    bool isCustom() const { return m_custom; }
    void setCustom(bool custom) { m_custom = custom; }
    QList<DashboardPanel *> panels() const { return m_panels; }
    DashboardPanel *panel(const QString &id) const;

    void setScrapeSeconds(qint64 seconds) { m_scrapeSeconds = std::max<qint64>(seconds, 1); }
    // For the variables' values (label_values); without it, variables offer only "All".
    void setPrometheus(PrometheusClient *client);
    // The selected values of a variable (empty: all).
    QStringList selection(const QString &variable) const { return m_selection.value(variable); }
    void setSelection(const QString &variable, const QStringList &values);
    void setUtc(bool utc);
    // A moment marked on every chart (a log line's time); invalid: none.
    void setMarker(const QDateTime &at);
    // A health poll (MainWindow feeds the shared router timeline first).
    void showHealthSample(const HealthSample &sample);

    bool isSettled() const override { return m_settled; }
    static constexpr qint64 kTimerSlackMs = 50;  // a timer may fire a little early
    static constexpr int kWarmUps = 30; // refreshes a second apart until every panel has data once
    // The bar over the panels while Prometheus does not answer (hidden otherwise).
    MessageBar *outageBar() const { return m_outage; }
    bool isComplete() const override;
    QJsonObject snapshot() const override;

public slots:
    void refresh() override;
    // A round still waiting for Prometheus is not superseded by the clock (a slow Prometheus would
    // never get to answer); once it has waited kRequestOverdueMs its panels say so, keeping their data.
    void refreshOnTimer() override;
    void setTimeRange(const wf::TimeRange &range) override;
    const TimeRange &timeRange() const { return m_range; }

signals:
    // Drag on a chart, or a click on a router segment or failover: show that window.
    void rangeRequested(const QDateTime &from, const QDateTime &to);
    void zoomOutRequested();
    // A click on a router segment or failover: that window's log lines.
    void logsRequested(const QDateTime &from, const QDateTime &to);
    void exploreRequested(const QString &promql);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QList<QAction *> m_headerActions;
    void build();
    void loadVariableValues();
    void updateVariableButton(const QString &variable);
    void deliver(const QueryKey &key, const Result<PromResult> &result);
    void updateRouterPanels();
    void updateOutage();

    Dashboard m_dashboard;
    QueryScheduler *m_scheduler;
    RouterTimeline *m_timeline;
    QList<DashboardPanel *> m_panels;
    QWidget *m_content = nullptr; // everything the definition built
    MessageBar *m_outage;         // Prometheus not answering: said once, over the panels
    QTimer *m_outageClock;
    PrometheusClient *m_prometheus = nullptr;
    QMap<QString, QStringList> m_selection;      // variable → selected values
    QMap<QString, QStringList> m_values;         // variable → offered values
    QMap<QString, QToolButton *> m_variableButtons;
    QDateTime m_valuesLoaded;
    TimeRange m_range;
    QDateTime m_from;
    QDateTime m_to;
    qint64 m_scrapeSeconds = 15;
    QElapsedTimer m_roundStarted; // the newest refresh round
    QTimer *m_overdue = nullptr;  // fires kRequestOverdueMs after it started
    void markOverdue();
    bool m_settled = false;
    bool m_custom = false;
    bool m_routerDirty = false;
    QueryKey m_routerStateKey;
    QueryKey m_routerDurationKey;
    qint64 m_routerStep = 0;
    std::optional<PromResult> m_routerStates;
    std::optional<PromResult> m_routerDurations;
    QList<TimeSeriesChart::Band> m_bands;
    QDateTime m_marker;
    void warmUp();
    int m_warmUps = 0;
    bool m_warmedUp = false;
};

} // namespace wf
