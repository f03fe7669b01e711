#pragma once

#include "dashboards/dashboard.h"
#include "domain/timerange.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>

class QListWidget;
class QStackedWidget;

namespace wf {

class DashboardView;
class PrometheusClient;
class QueryScheduler;
class RouterTimeline;

// The dashboards of the profile's folder that are not one of the views' (imported from Grafana,
// or written by hand): each a view of its own, listed below the views under "Dashboards" in the
// navigation, refreshed, zoomed and exported like the built-in ones.
class DashboardLibrary : public QObject
{
    Q_OBJECT
public:
    DashboardLibrary(QListWidget *navigation, QStackedWidget *stack, QueryScheduler *scheduler, RouterTimeline *timeline,
                     QObject *parent = nullptr);
    ~DashboardLibrary() override;

    // Replaces the list (a profile's folder read again); the one shown stays shown if it is still there.
    void setDashboards(const QList<Dashboard> &dashboards);
    void configure(PrometheusClient *prometheus, bool utc, qint64 scrapeSeconds);
    void setTimeRange(const TimeRange &range);

    const QList<DashboardView *> &views() const { return m_views; }
    DashboardView *view(const QString &id) const;
    // The navigation row of a dashboard; -1 when it is none of ours.
    int rowOf(const QString &id) const;
    // A navigation row: ours is shown (true), the heading ignored (true), a view's left (false).
    bool showRow(int row);
    void show(const QString &id);

signals:
    void rangeRequested(const QDateTime &from, const QDateTime &to);
    void logsRequested(const QDateTime &from, const QDateTime &to);
    void zoomOutRequested();
    void exploreRequested(const QString &promql);
    void shown(const QString &title);
    // The first time a dashboard with defaults of its own is shown (Grafana's time and refresh).
    void rangeDefault(const wf::TimeRange &range);
    void refreshDefault(int seconds);

private:
    void clear();
    void applyDefaults(const Dashboard &dashboard);

    QListWidget *m_navigation;
    QStackedWidget *m_stack;
    QueryScheduler *m_scheduler;
    RouterTimeline *m_timeline;
    int m_firstRow; // the heading's row; the dashboards' rows follow it
    int m_lastRow = -1; // the navigation's row before
    QList<DashboardView *> m_views;
    PrometheusClient *m_prometheus = nullptr;
    bool m_utc = false;
    qint64 m_scrapeSeconds = 15;
    TimeRange m_range;
    // The defaults already applied, by dashboard: applied again only when the file changes them.
    QHash<QString, QString> m_defaultsApplied;
};

} // namespace wf
