#pragma once

#include "domain/timerange.h"
#include "domain/viewid.h"
#include "store/profile.h"

#include <QDateTime>
#include <QMainWindow>

#include <array>
#include <memory>

class QActionGroup;
class QComboBox;
class QLabel;
class QListWidget;
class QNetworkAccessManager;
class QStackedWidget;
class QTimer;
class QUrl;

namespace wf {

class EndpointProbe;
class EndpointStatusModel;
class Settings;
class StatusLight;
class TimeRangePicker;
class AckStore;
class AlertHistory;
class AlertInbox;
class AlertTray;
class AlertmanagerClient;
class AlertmanagerCluster;
class ConditionMessages;
class DemoLauncher;
class NoAnswerPage;
class DrillMenu;
class HealthClient;
class HttpClient;
class LokiClient;
class PrometheusClient;
class PrometheusTransport;
class QueryScheduler;
class RouterTimeline;
class RunbookLibrary;
struct HealthSample;
class ViewBase;
class WallBanner;
class WallMode;
class DashboardLibrary;

// The console's shell: navigation between the views, the top bar (profile, time range, refresh,
// endpoint status lights), the menus and the status bar.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Settings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // transient: a profile from the command line, shown but not stored.
    void setProfile(const Profile &profile, bool transient = false);
    const Profile &profile() const { return m_profile; }

    void showView(ViewId id);
    ViewId currentView() const;
    ViewBase *view(ViewId id) const;
    const EndpointStatusModel &endpointStatus() const { return *m_status; }
    StatusLight *statusLight(Endpoint endpoint) const { return m_lights[std::size_t(endpoint)]; }
    // The router state from the health endpoint, polled every second: a failover shows at once.
    StatusLight *routerLight() const { return m_routerLight; }
    AlertInbox *alertInbox() const { return m_inbox; }
    AlertTray *alertTray() const { return m_tray; }
    AlertHistory *alertHistory() const { return m_history.get(); }
    // Brings the window up on the Alerts view with that alert selected (a notification's click).
    void openAlert(const QString &fingerprint);
    int refreshSeconds() const;
    // True once every endpoint of the profile has answered its probe (or failed it).
    bool endpointsChecked() const;

    // Adds the Drill menu (mytrader-sim's faults); watchfloor --demo turns it on.
    void enableDrills();
    // Starts the demo stack (as --demo does; progress and errors in dialogs when interactive) and
    // shows it, with the Drill menu; it stops with the window. False when it failed or was cancelled.
    // environments > 1 (--environments N): N stacks, demo-1 … demo-N, the Environments view shown.
    bool startDemo(bool interactive = true, int environments = 1, bool victoriaMetrics = false);
    DemoLauncher *demoLauncher() const { return m_demo; }
    // The page shown instead of the views while no endpoint of the profile has ever answered.
    NoAnswerPage *noAnswerPage() const { return m_noAnswer; }
    DrillMenu *drillMenu() const { return m_drills; }
    WallMode *wallMode() const { return m_wall; }
    WallBanner *wallBanner() const { return m_wallBanner; }
    // The status bar's messages about conditions that last (endpoints down, alerts firing).
    ConditionMessages *conditionMessages() const { return m_conditions; }

    // --dashboards DIR: that folder's dashboards instead of the profile's, whichever profile is shown.
    void setDashboardsOverride(const QString &folder);
    QString dashboardFolder() const;
    // The dashboards of the folder that are not a view's, listed under "Dashboards".
    DashboardLibrary *dashboardLibrary() const { return m_library; }

    // Restores geometry and the last view from the settings.
    void restoreState();

public slots:
    void openSettings();
    void refreshNow();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void createActions();
    void createTopBar();
    void reloadProfileList();
    void updateEnvironments();                   // the Environments view's profiles
    void openEnvironment(const Profile &profile); // a double-clicked environment
    void switchProfile(int index);
    void onEndpointStatusChanged();
    void onHealthSample(const HealthSample &sample);
    void updateAlertBadge();
    void applyWallSettings();
    void zoomTo(const QDateTime &from, const QDateTime &to);
    void zoomOut();
    void applyTimeRange(const TimeRange &range);
    void openLogs(const QDateTime &from, const QDateTime &to);
    void openMetrics(const QDateTime &at);
    void openExplore(const QString &promql);
    void openLogsQuery(const QString &logql);
    void openRunbookUrl(const QUrl &url);
    void applyDashboards(const QString &folder);
    void setRefreshSeconds(int seconds);
    void selectRefresh(int seconds);

    Settings &m_settings;
    Profile m_profile;
    QString m_dashboardsOverride; // --dashboards
    bool m_transient = false;

    QNetworkAccessManager *m_network = nullptr;
    DrillMenu *m_drills = nullptr;
    WallMode *m_wall = nullptr;
    DashboardLibrary *m_library = nullptr; // the folder's dashboards that are not a view's
    AlertmanagerCluster *m_amCluster = nullptr;
    WallBanner *m_wallBanner = nullptr;
    DemoLauncher *m_demo = nullptr;
    ConditionMessages *m_conditions = nullptr;
    QStringList m_firingNotified; // the alerts the "Firing" message names
    HttpClient *m_healthHttp = nullptr;
    HttpClient *m_amHttp = nullptr;
    HttpClient *m_lokiHttp = nullptr;
    LokiClient *m_loki = nullptr;
    HttpClient *m_promHttp = nullptr;
    PrometheusClient *m_prometheus = nullptr;
    std::unique_ptr<PrometheusTransport> m_transport;
    QueryScheduler *m_scheduler = nullptr; // before the views that use it are destroyed: a child, declared here
    std::unique_ptr<RouterTimeline> m_timeline;
    QList<TimeRange> m_zoomHistory;
    std::unique_ptr<AckStore> m_acks;
    std::unique_ptr<AlertHistory> m_history;
    AlertmanagerClient *m_alertmanager = nullptr;
    AlertInbox *m_inbox = nullptr;
    AlertTray *m_tray = nullptr;
    RunbookLibrary *m_runbooks = nullptr;
    HealthClient *m_health = nullptr;
    StatusLight *m_routerLight = nullptr;
    QString m_routerLabel;   // "Router: …" as last reported
    QDateTime m_routerSeenAt; // when; invalid before the first report of the profile
    EndpointProbe *m_probe = nullptr;
    EndpointStatusModel *m_status = nullptr;
    QTimer *m_probeTimer = nullptr;
    QTimer *m_refreshTimer = nullptr;

    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;  // the views
    QStackedWidget *m_center = nullptr; // the views, or the page for a profile nothing answers for
    NoAnswerPage *m_noAnswer = nullptr;
    std::array<ViewBase *, kAllViews.size()> m_views{};
    QActionGroup *m_viewActions = nullptr;
    QComboBox *m_profileBox = nullptr;
    TimeRangePicker *m_timeRange = nullptr;
    QComboBox *m_refreshBox = nullptr;
    std::array<StatusLight *, 4> m_lights{};
    QLabel *m_profileLabel = nullptr;
};

} // namespace wf
