#include "mainwindow.h"

#include "alerttray.h"
#include "conditionmessages.h"
#include "dashboards/dashboardlibrary.h"
#include "dashboards/grafanaimportflow.h"
#include "demo/demolauncher.h"
#include "noanswer/noanswerpage.h"
#include "drillmenu.h"
#include "externallink.h"
#include "help/gettingstarted.h"
#include "alerts/alertinbox.h"
#include "store/ackstore.h"
#include "store/alerthistory.h"
#include "environments/environmentsview.h"
#include "report/weeklyreportdialog.h"
#include "views/alertsview.h"
#include "views/dashboardview.h"
#include "views/logsview.h"
#include "views/exploreview.h"
#include "views/runbooksview.h"
#include "runbooks/runbooklibrary.h"
#include "logmodel.h"
#include "sources/loki/lokiclient.h"
#include "sources/loki/lokitail.h"
#include "dashboards/queryscheduler.h"
#include "domain/routertimeline.h"
#include "domain/routerstate.h"
#include "sources/health/healthclient.h"
#include "sources/prometheus/prometheusclient.h"

#include "endpointstatusmodel.h"
#include "net/endpointprobe.h"
#include "settingsdialog.h"
#include "statuslight.h"
#include "store/settings.h"
#include "sources/alertmanager/alertmanagercluster.h"
#include "telemetry/logging.h"
#include "wall/wallbanner.h"
#include "wall/wallmode.h"
#include "timerangepicker.h"
#include "views/placeholderview.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QVBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QToolBar>

namespace wf {
namespace {

constexpr int kProbeIntervalMs = 10'000;
// A failover on screen within a third of a second: the health endpoint is asked four times a
// second while the window can be seen, once a second while it is hidden or minimised.
constexpr int kHealthSeenMs = 250;
constexpr int kHealthUnseenMs = 1000;

} // namespace

MainWindow::MainWindow(Settings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_network(new QNetworkAccessManager(this))
    , m_probe(new EndpointProbe(m_network, this))
    , m_status(new EndpointStatusModel(this))
    , m_probeTimer(new QTimer(this))
    , m_refreshTimer(new QTimer(this))
{
    setWindowTitle(tr("Watchfloor"));
    setObjectName(QStringLiteral("MainWindow"));

    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setUniformItemSizes(true);
    m_stack = new QStackedWidget(this);
    // The alert inbox runs whatever view is shown: badges, "until resolved" and pending acks need it.
    m_amHttp = new HttpClient(m_network, Endpoint::Alertmanager, this);
    m_lokiHttp = new HttpClient(m_network, Endpoint::Loki, this);
    m_loki = new LokiClient(m_lokiHttp, this);
    m_alertmanager = new AlertmanagerClient(m_amHttp, this);
    m_promHttp = new HttpClient(m_network, Endpoint::Prometheus, this);
    m_prometheus = new PrometheusClient(m_promHttp, this);
    m_transport = std::make_unique<PrometheusTransport>(m_prometheus, m_loki);
    m_scheduler = new QueryScheduler(m_transport.get(), this);
    m_timeline = std::make_unique<RouterTimeline>();
    const auto settingsDir = QFileInfo(settings.fileName()).absolutePath();
    m_acks = std::make_unique<AckStore>(settingsDir == Settings::defaultConfigDir() ? QString() : settingsDir);
    if (QString error; !m_acks->open(&error))
        logging::get("ui")->error("acknowledgement store {} unusable: {}", m_acks->path().toStdString(), error.toStdString());
    m_inbox = new AlertInbox(m_alertmanager, m_acks.get(), this);
    m_amCluster = new AlertmanagerCluster(m_network, this); // a profile with several Alertmanager URLs
    m_history = std::make_unique<AlertHistory>(settingsDir == Settings::defaultConfigDir() ? QString() : settingsDir);
    m_history->setRetentionDays(settings.historyRetentionDays());
    if (QString error; !m_history->open(&error))
        logging::get("ui")->error("alert history {} unusable: {}", m_history->path().toStdString(), error.toStdString());
    connect(m_inbox, &AlertInbox::updated, this, [this] {
        // Only what Alertmanager just said: a failed refresh shows old alerts and changes nothing.
        if (m_inbox->lastError().isEmpty() && m_inbox->lastRefresh().isValid())
            m_history->record(m_profile.name, m_inbox->alerts(), QDateTime::currentDateTimeUtc());
    });
    // An acknowledgement's fate the inbox's states alone do not tell: remembered, and said once.
    const auto alertFor = [this](const AckRecord &r) {
        if (const auto current = m_inbox->alert(r.fingerprint))
            return current->alert;
        AmAlert alert;
        alert.fingerprint = r.fingerprint;
        alert.labels = r.labels;
        return alert;
    };
    connect(m_inbox, &AlertInbox::ackRestored, this, [this, alertFor](const AckRecord &r) {
        const auto now = QDateTime::currentDateTimeUtc();
        m_history->recordAck(m_profile.name, AlertEvent::Kind::Restored, alertFor(r), r.author, r.id, now);
        const auto text = tr("Alertmanager lost the acknowledgement of %1 by %2; it is being restored.").arg(r.alertname, r.author);
        if (m_tray->hasTray())
            m_tray->trayIcon()->showMessage(tr("Acknowledgement restored"), text, QSystemTrayIcon::Warning);
        statusBar()->showMessage(text, 15'000);
    });
    connect(m_inbox, &AlertInbox::ackWithdrawn, this, [this, alertFor](const AckRecord &r) {
        m_history->recordAck(m_profile.name, AlertEvent::Kind::Unacknowledged, alertFor(r), {}, r.id,
                             QDateTime::currentDateTimeUtc());
        statusBar()->showMessage(tr("The acknowledgement of %1 was taken back in Alertmanager by another client.").arg(r.alertname),
                                 15'000);
    });
    m_runbooks = new RunbookLibrary(this);
    m_tray = new AlertTray(m_inbox, m_settings, this);
    connect(m_tray, &AlertTray::openAlert, this, &MainWindow::openAlert);
    connect(m_tray, &AlertTray::notified, this, [this](const AlertNotification &n) {
        if (m_tray->hasTray())
            return;
        // No tray to notify through: say it in the window and ask the desktop for attention.
        const auto body = QString(n.body).replace(u'\n', QStringLiteral(", "));
        m_firingNotified = n.fingerprints;
        m_conditions->set(QStringLiteral("firing"),
                          body.isEmpty() ? tr("Firing: %1").arg(n.title) : tr("Firing: %1 — %2").arg(n.title, body));
        QApplication::alert(this);
    });
    connect(m_inbox, &AlertInbox::updated, this, [this] {
        // The "Firing" message lasts while one of the alerts it named still fires unhandled.
        if (!m_inbox->lastError().isEmpty() || !m_conditions->isActive(QStringLiteral("firing")))
            return;
        const bool firing = std::any_of(m_inbox->alerts().cbegin(), m_inbox->alerts().cend(), [this](const InboxAlert &a) {
            return a.state == InboxAlert::State::Firing && m_firingNotified.contains(a.alert.fingerprint);
        });
        if (!firing)
            m_conditions->end(QStringLiteral("firing"));
    });

    for (const auto id : kAllViews) {
        ViewBase *view = nullptr;
        if (id == ViewId::Alerts) {
            auto *alerts = new AlertsView(m_inbox, m_history.get(), m_stack);
            alerts->setPrometheus(m_prometheus);
            connect(alerts, &AlertsView::logsRequested, this, &MainWindow::openLogs);
            connect(alerts, &AlertsView::runbookRequested, this, &MainWindow::openRunbookUrl);
            connect(alerts, &AlertsView::exploreRequested, this, &MainWindow::openExplore);
            view = alerts;
        } else if (id == ViewId::Logs) {
            auto *logs = new LogsView(m_stack);
            logs->setClient(m_loki);
            logs->model()->setLimit(m_settings.logBufferLines());
            connect(logs, &LogsView::metricsRequested, this, &MainWindow::openMetrics);
            connect(logs, &LogsView::rangeRequested, this, &MainWindow::zoomTo);
            connect(logs, &LogsView::historyChanged, this,
                    [this](const QStringList &queries) { m_settings.setLogQueryHistory(m_profile.name, queries); });
            // The live tail is Loki's traffic too: its light says when the tail cannot stay open.
            connect(logs->tail(), &LokiTail::stateChanged, m_status, [this](LokiTail::State state, const QString &message) {
                if (state == LokiTail::State::Live) {
                    m_status->noteRequest(Endpoint::Loki, nullptr);
                } else if (state == LokiTail::State::Reconnecting || state == LokiTail::State::Failed) {
                    const Error failure{Error::Kind::Network, tr("Live tail: %1").arg(message), 0, {}, {}, {}};
                    m_status->noteRequest(Endpoint::Loki, &failure);
                }
            });
            connect(logs->tail(), &LokiTail::unreadable, m_status, [this](const Error &error) { m_status->noteRequest(Endpoint::Loki, &error); });
            connect(logs->tail(), &LokiTail::entries, m_status, [this] { m_status->noteRequest(Endpoint::Loki, nullptr); });
            view = logs;
        } else if (id == ViewId::Runbooks) {
            auto *runbooks = new RunbooksView(m_runbooks, m_stack);
            runbooks->setPrometheus(m_prometheus);
            connect(runbooks, &RunbooksView::exploreRequested, this, &MainWindow::openExplore);
            connect(runbooks, &RunbooksView::logsRequested, this, &MainWindow::openLogsQuery);
            view = runbooks;
        } else if (id == ViewId::Explore) {
            auto *explore = new ExploreView(m_stack);
            explore->setPrometheus(m_prometheus);
            connect(explore, &ExploreView::historyChanged, this,
                    [this](const QStringList &queries) { m_settings.setExploreQueryHistory(m_profile.name, queries); });
            connect(explore, &ExploreView::dashboardsChanged, this, [this] { applyDashboards(dashboardFolder()); });
            connect(explore, &ExploreView::dashboardFolderChosen, this, [this](const QString &folder) {
                m_profile.dashboardFolder = folder;
                if (!m_transient && !m_settings.saveProfile(m_profile))
                    statusBar()->showMessage(tr("The profile was not saved: %1").arg(m_settings.errorString()), 15'000);
            });
            view = explore;
        } else if (id == ViewId::Environments) {
            auto *environments = new EnvironmentsView(m_network, m_stack);
            connect(environments, &EnvironmentsView::profileRequested, this, &MainWindow::openEnvironment);
            view = environments;
        } else if (auto dashboard = dashboards::builtIn(viewName(id)); dashboard.ok()) {
            auto *dashboardView = new DashboardView(id, dashboard.value(), m_scheduler, m_timeline.get(), m_stack);
            dashboardView->setPrometheus(m_prometheus);
            connect(dashboardView, &DashboardView::rangeRequested, this, &MainWindow::zoomTo);
            connect(dashboardView, &DashboardView::logsRequested, this, &MainWindow::openLogs);
            connect(dashboardView, &DashboardView::zoomOutRequested, this, &MainWindow::zoomOut);
            connect(dashboardView, &DashboardView::exploreRequested, this, &MainWindow::openExplore);
            view = dashboardView;
        } else {
            view = new PlaceholderView(id, m_stack);
        }
        m_views[std::size_t(id)] = view;
        m_stack->addWidget(view);
        const int n = int(id) + 1;
        auto *item = new QListWidgetItem(ViewBase::title(id), m_navigation);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(ViewBase::title(id)).arg(n));
        item->setSizeHint(QSize(0, m_navigation->fontMetrics().height() * 2));
    }
    int widest = 0;
    for (const auto id : kAllViews)
        widest = std::max(widest, m_navigation->fontMetrics().horizontalAdvance(ViewBase::title(id)));
    m_navigation->setFixedWidth(widest + 4 * m_navigation->fontMetrics().averageCharWidth() + 16);
    // The folder's other dashboards, below the views.
    m_library = new DashboardLibrary(m_navigation, m_stack, m_scheduler, m_timeline.get(), this);
    connect(m_library, &DashboardLibrary::rangeRequested, this, &MainWindow::zoomTo);
    connect(m_library, &DashboardLibrary::logsRequested, this, &MainWindow::openLogs);
    connect(m_library, &DashboardLibrary::zoomOutRequested, this, &MainWindow::zoomOut);
    connect(m_library, &DashboardLibrary::exploreRequested, this, &MainWindow::openExplore);
    connect(m_library, &DashboardLibrary::shown, this, [this](const QString &title) { statusBar()->showMessage(title, 2000); });
    connect(m_library, &DashboardLibrary::rangeDefault, this, [this](const TimeRange &range) {
        applyTimeRange(range);
        statusBar()->showMessage(tr("Time range %1: the dashboard's own").arg(m_timeRange->currentText()), 8000);
    });
    connect(m_library, &DashboardLibrary::refreshDefault, this, &MainWindow::selectRefresh);
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && !m_library->showRow(row))
            showView(kAllViews[std::size_t(row)]);
    });

    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    m_wallBanner = new WallBanner(m_inbox, central); // across the top, in wall mode
    outer->addWidget(m_wallBanner);
    auto *layout = new QHBoxLayout;
    outer->addLayout(layout, 1);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    auto *line = new QFrame(central);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    // In front of the views while the profile's endpoints have never answered.
    m_center = new QStackedWidget(central);
    m_center->addWidget(m_stack);
    m_noAnswer = new NoAnswerPage(m_center);
    m_center->addWidget(m_noAnswer);
    connect(m_noAnswer, &NoAnswerPage::settingsRequested, this, &MainWindow::openSettings);
    connect(m_noAnswer, &NoAnswerPage::demoRequested, this, [this] { startDemo(true); });
    connect(m_noAnswer, &NoAnswerPage::viewsRequested, this, [this] { m_center->setCurrentWidget(m_stack); });
    layout->addWidget(m_center, 1);
    setCentralWidget(central);

    m_conditions = new ConditionMessages(this);
    statusBar()->addWidget(m_conditions, 1);
    connect(statusBar(), &QStatusBar::messageChanged, m_conditions,
            [this](const QString &message) { m_conditions->setCovered(!message.isEmpty()); });
    m_wall = new WallMode(this, {m_navigation, line}, [this](ViewId id) { showView(id); }, this);
    applyWallSettings();
    connect(m_wall, &WallMode::activeChanged, m_wallBanner, &WallBanner::setOnWall);
    connect(m_wallBanner, &WallBanner::acknowledgeRequested, this, [this](const QString &fingerprint) {
        auto *alerts = static_cast<AlertsView *>(view(ViewId::Alerts));
        alerts->selectAlert(fingerprint);
        alerts->acknowledge();
    });
    createActions();
    createTopBar();
    for (auto *v : m_views)
        v->setTimeRange(m_timeRange->range());
    m_library->setTimeRange(m_timeRange->range());

    m_routerLight = new StatusLight(tr("Router"), this);
    m_routerLight->setObjectName(QStringLiteral("routerLight"));
    statusBar()->addPermanentWidget(m_routerLight);
    m_healthHttp = new HttpClient(m_network, Endpoint::Health, this);
    m_health = new HealthClient(m_healthHttp, this);
    m_health->setIntervalMs(kHealthUnseenMs); // until the window shows
    connect(m_health, &HealthClient::sampled, this, &MainWindow::onHealthSample);
    connect(m_inbox, &AlertInbox::updated, this, &MainWindow::updateAlertBadge);

    m_profileLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_profileLabel);

    connect(m_probe, &EndpointProbe::probed, m_status, [this](Endpoint endpoint, const ProbeResult &result) {
        if (endpoint != Endpoint::Alertmanager || !m_inbox->cluster())
            m_status->update(endpoint, result);
    });
    // A cluster's light: every peer's answer to the inbox's asks (one down: amber, all: red).
    connect(m_inbox, &AlertInbox::updated, m_status, [this] {
        if (m_inbox->cluster())
            m_status->update(Endpoint::Alertmanager, m_amCluster->health());
    });
    // The lights follow the views' own requests too, not only the probes: "ready" and sending garbage is a fault.
    for (auto *http : {m_promHttp, m_amHttp, m_lokiHttp}) {
        connect(http, &HttpClient::answerRead, m_status, [this, e = http->endpoint()] { m_status->noteRequest(e, nullptr); });
        connect(http, &HttpClient::requestFailed, m_status, [this, e = http->endpoint()](const Error &error) { m_status->noteRequest(e, &error); });
    }
    connect(m_status, &QAbstractItemModel::dataChanged, this, &MainWindow::onEndpointStatusChanged);
    connect(m_probeTimer, &QTimer::timeout, m_probe, &EndpointProbe::probeAll);
    m_probeTimer->start(kProbeIntervalMs);
    // While Prometheus does not answer the dashboards, its readiness is asked every two seconds
    // (a cheap GET /-/ready): the moment it answers, the views refresh instead of sitting out
    // the rest of a backoff of up to a minute.
    auto *readiness = new QTimer(this);
    readiness->setInterval(2000);
    connect(readiness, &QTimer::timeout, this, [this] { m_probe->probe(Endpoint::Prometheus); });
    connect(m_scheduler, &QueryScheduler::outageChanged, readiness, [this, readiness] {
        if (m_scheduler->outage())
            readiness->start();
        else
            readiness->stop();
    });
    connect(m_probe, &EndpointProbe::probed, this, [this](Endpoint endpoint, const ProbeResult &result) {
        // Answering again: ready, or (an HA pair) some of its replicas ready.
        const bool answers = result.state == ProbeResult::State::Ready
            || (result.state == ProbeResult::State::Degraded && m_promHttp->replicaCount() > 1);
        if (endpoint == Endpoint::Prometheus && answers)
            m_prometheus->detectServer(); // once per URL: Prometheus or VictoriaMetrics
        if (endpoint != Endpoint::Prometheus || !answers || !m_scheduler->outage())
            return;
        m_scheduler->retryNow();
        refreshNow();
    });
    connect(m_refreshTimer, &QTimer::timeout, this, [this] {
        if (auto *v = qobject_cast<ViewBase *>(m_stack->currentWidget()); v && v->refreshesOnTimer())
            v->refreshOnTimer();
    });

    resize(1280, 800);
    showView(ViewId::Operations);
}

MainWindow::~MainWindow()
{
    // The views first: they hand their requests back to the scheduler, which needs its transport.
    for (auto *&v : m_views) {
        delete v;
        v = nullptr;
    }
    delete m_library;
    m_library = nullptr;
    delete m_scheduler;
}

void MainWindow::createActions()
{
    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *settingsAction = fileMenu->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settingsAction->setShortcut(QKeySequence::Preferences);
    settingsAction->setShortcutContext(Qt::ApplicationShortcut);
    if (settingsAction->shortcut().isEmpty())
        settingsAction->setShortcut(QKeySequence(tr("Ctrl+,")));
    auto *demo = fileMenu->addAction(tr("Start &demo stack"), this, [this] { startDemo(true); });
    demo->setObjectName(QStringLiteral("startDemoAction"));
    demo->setToolTip(tr("A simulated service with its own Prometheus and Alertmanager on this machine, with drills; "
                        "stopped when the window closes"));
    auto *importGrafana = fileMenu->addAction(tr("&Import Grafana dashboard…"), this, [this] {
        auto folder = dashboardFolder();
        const auto id = GrafanaImportFlow::run(this, &folder);
        if (id.isEmpty())
            return;
        if (folder != dashboardFolder()) {
            m_profile.dashboardFolder = folder;
            if (!m_transient && !m_settings.saveProfile(m_profile))
                statusBar()->showMessage(tr("The profile was not saved: %1").arg(m_settings.errorString()), 15'000);
            static_cast<ExploreView *>(view(ViewId::Explore))->setDashboardFolder(folder);
        }
        applyDashboards(folder);
        m_library->show(id);
    });
    importGrafana->setObjectName(QStringLiteral("importGrafanaAction"));
    importGrafana->setShortcut(QKeySequence(tr("Ctrl+Shift+I")));
    auto *exportGrafana = fileMenu->addAction(tr("E&xport dashboard for Grafana…"), this, [this] {
        if (auto *dashboard = qobject_cast<DashboardView *>(m_stack->currentWidget()))
            dashboard->exportForGrafana();
        else
            statusBar()->showMessage(tr("This view is not a dashboard: open Operations, Performance, Reliability, "
                                        "Business or one under Dashboards to export it."), 8000);
    });
    exportGrafana->setObjectName(QStringLiteral("exportGrafanaAction"));
    fileMenu->addSeparator();
    auto *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    auto *viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewActions = new QActionGroup(this);
    m_viewActions->setExclusive(true);
    for (const auto id : kAllViews) {
        auto *action = viewMenu->addAction(ViewBase::title(id));
        action->setObjectName(viewName(id) + QStringLiteral("Action"));
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(id))));
        action->setShortcutContext(Qt::ApplicationShortcut);
        action->setData(int(id));
        m_viewActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, id] { showView(id); });
    }
    viewMenu->addSeparator();
    viewMenu->addMenu(m_tray->notificationsMenu());
    // The weekly SLO report of this profile, previewed (Reliability's, as the timer writes it).
    auto *report = viewMenu->addAction(tr("Weekly SLO &report…"), this, [this] {
        WeeklyReportDialog dialog(m_profile.endpoint(Endpoint::Prometheus).url.isEmpty() ? nullptr : m_prometheus,
                                  m_profile.endpoint(Endpoint::Alertmanager).url.isEmpty() ? nullptr : m_alertmanager,
                                  m_profile.scrapeSeconds, this);
        if (!m_profile.endpoint(Endpoint::Loki).url.isEmpty())
            dialog.setLoki(m_loki);
        dialog.setHistory(m_history.get(), m_profile.name);
        dialog.exec();
    });
    report->setObjectName(QStringLiteral("weeklyReportAction"));
    report->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    report->setToolTip(tr("This profile's weekly SLO report: availability, failovers, incidents, alert review (Ctrl+Shift+R)"));
    if (auto *reliability = qobject_cast<DashboardView *>(view(ViewId::Reliability)))
        reliability->addHeaderAction(report); // where the SLOs are
    auto *refresh = viewMenu->addAction(tr("&Refresh now"), this, &MainWindow::refreshNow);
    refresh->setShortcut(QKeySequence::Refresh);
    viewMenu->addSeparator();
    // Also the window's own: their shortcuts work while the wall hides the menu bar.
    auto *wall = viewMenu->addAction(tr("&Wall mode"), m_wall, &WallMode::toggle);
    wall->setObjectName(QStringLiteral("wallModeAction"));
    wall->setCheckable(true);
    wall->setShortcut(QKeySequence::FullScreen);
    if (wall->shortcut().isEmpty())
        wall->setShortcut(QKeySequence(Qt::Key_F11));
    wall->setToolTip(tr("Full screen, large type, no menus, cycling through the views chosen in Settings"));
    addAction(wall);
    auto *leaveWall = new QAction(tr("Leave wall mode"), this);
    leaveWall->setShortcut(QKeySequence(Qt::Key_Escape));
    leaveWall->setEnabled(false);
    connect(leaveWall, &QAction::triggered, m_wall, [this] { m_wall->setActive(false); });
    addAction(leaveWall);
    connect(m_wall, &WallMode::activeChanged, this, [wall, leaveWall](bool on) {
        wall->setChecked(on);
        leaveWall->setEnabled(on);
    });

    auto *helpMenu = menuBar()->addMenu(tr("&Help"));
    auto *start = helpMenu->addAction(tr("&Getting started"), this, [this] {
        GettingStartedDialog dialog(m_drills != nullptr, this);
        dialog.exec();
    });
    start->setObjectName(QStringLiteral("gettingStartedAction"));
    start->setShortcut(QKeySequence::HelpContents);
    helpMenu->addSeparator();
    helpMenu->addAction(tr("&About Watchfloor"), this, [this] {
        QMessageBox::about(this, tr("About Watchfloor"),
                           tr("<h3>Watchfloor %1</h3><p>Operations console for the MyTrader Alpaca streaming "
                              "integration: dashboards, router failovers, alerts, logs and runbooks in one "
                              "native window.</p><p>Log file: %2</p>")
                               .arg(QStringLiteral(WATCHFLOOR_VERSION),
                                    logging::logFilePath(logging::defaultDirectory()).toHtmlEscaped()));
    });
    helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createTopBar()
{
    auto *bar = addToolBar(tr("Top bar"));
    bar->setObjectName(QStringLiteral("topBar"));
    bar->setMovable(false);

    bar->addWidget(new QLabel(tr("Profile:") + u' ', bar));
    m_profileBox = new QComboBox(bar);
    m_profileBox->setObjectName(QStringLiteral("profileBox"));
    m_profileBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_profileBox->setToolTip(tr("The environment this console watches"));
    bar->addWidget(m_profileBox);
    connect(m_profileBox, &QComboBox::activated, this, &MainWindow::switchProfile);
    bar->addSeparator();

    m_timeRange = new TimeRangePicker(bar);
    m_timeRange->setObjectName(QStringLiteral("timeRange"));
    if (const auto saved = TimeRange::fromString(m_settings.timeRange()))
        m_timeRange->setRange(*saved);
    bar->addWidget(m_timeRange);
    connect(m_timeRange, &TimeRangePicker::rangeChanged, this, [this](const TimeRange &range) {
        m_settings.setTimeRange(range.toString());
        for (auto *view : m_views)
            view->setTimeRange(range);
        m_library->setTimeRange(range);
    });

    bar->addWidget(new QLabel(u' ' + tr("Refresh:") + u' ', bar));
    m_refreshBox = new QComboBox(bar);
    m_refreshBox->setObjectName(QStringLiteral("refreshBox"));
    m_refreshBox->setToolTip(tr("How often the visible view refreshes"));
    m_refreshBox->addItem(tr("Off"), 0);
    for (const int s : {1, 5, 15, 30})
        m_refreshBox->addItem(tr("%n s", nullptr, s), s);
    m_refreshBox->addItem(tr("1 min"), 60);
    bar->addWidget(m_refreshBox);
    connect(m_refreshBox, &QComboBox::activated, this,
            [this](int index) { setRefreshSeconds(m_refreshBox->itemData(index).toInt()); });

    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    for (const auto e : kAllEndpoints) {
        auto *light = new StatusLight(EndpointStatusModel::endpointTitle(e), bar);
        light->setObjectName(endpointKey(e) + QStringLiteral("Light"));
        m_lights[std::size_t(e)] = light;
        bar->addWidget(light);
    }
    onEndpointStatusChanged();
}

void MainWindow::reloadProfileList()
{
    m_profileBox->clear();
    auto names = m_settings.profileNames();
    if (m_transient || !names.contains(m_profile.name)) {
        m_profileBox->addItem(m_transient ? tr("%1 (not saved)").arg(m_profile.name) : m_profile.name,
                              QString());
    }
    for (const auto &name : names)
        m_profileBox->addItem(name, name);
    const int current = m_transient ? 0 : m_profileBox->findData(m_profile.name);
    m_profileBox->setCurrentIndex(std::max(0, current));
    updateEnvironments();
}

void MainWindow::updateEnvironments()
{
    // The demo's environments (--environments N), else every saved profile and the one in use.
    QList<Profile> profiles;
    if (m_demo && m_demo->profiles().size() > 1) {
        profiles = m_demo->profiles();
    } else {
        for (const auto &name : m_settings.profileNames())
            if (const auto profile = m_settings.profile(name))
                profiles.append(*profile);
        const bool listed = std::any_of(profiles.cbegin(), profiles.cend(), [this](const Profile &p) { return p.name == m_profile.name; });
        if (!listed && !m_profile.name.isEmpty())
            profiles.prepend(m_profile);
    }
    auto *environments = static_cast<EnvironmentsView *>(view(ViewId::Environments));
    environments->setProfiles(profiles);
    environments->setUtc(m_profile.utc);
}

void MainWindow::openEnvironment(const Profile &profile)
{
    const auto saved = m_settings.profile(profile.name);
    const bool demoEnvironment = m_demo && m_demo->profiles().contains(profile);
    setProfile(saved && !demoEnvironment ? *saved : profile, !saved || demoEnvironment);
    showView(ViewId::Operations);
}

void MainWindow::enableDrills()
{
    if (m_drills)
        return;
    m_drills = new DrillMenu(m_network, this);
    // Before Help, as the last menu of the work itself.
    menuBar()->insertMenu(menuBar()->actions().constLast(), m_drills);
    statusBar()->addPermanentWidget(m_drills->statusLabel());
    m_drills->setProfile(m_profile);
}

bool MainWindow::startDemo(bool interactive, int environments, bool victoriaMetrics)
{
    if (!m_demo)
        m_demo = new DemoLauncher(this);
    if (!m_demo->isRunning()) {
        m_demo->setEnvironments(environments);
        m_demo->setMetrics(victoriaMetrics ? DemoStack::Metrics::VictoriaMetrics : DemoStack::Metrics::Prometheus);
    }
    const auto profile = m_demo->start(isVisible() ? this : nullptr, interactive);
    if (!profile)
        return false;
    setProfile(*profile, true);
    enableDrills();
    if (!m_demo->missing().isEmpty())
        statusBar()->showMessage(m_demo->missing(), 60'000);
    if (auto *action = findChild<QAction *>(QStringLiteral("startDemoAction")))
        action->setText(tr("Show the &demo"));
    if (m_demo->profiles().size() > 1)
        showView(ViewId::Environments);
    return true;
}

void MainWindow::setProfile(const Profile &profile, bool transient)
{
    m_profile = profile;
    m_transient = transient;
    if (!transient)
        m_settings.setCurrentProfile(profile.name);
    reloadProfileList();
    m_noAnswer->setProfile(profile);
    m_status->clear();
    m_status->setUtc(profile.utc);
    m_timeRange->setUtc(profile.utc);
    m_probe->setProfile(profile);
    m_probe->probeAll();
    if (m_drills)
        m_drills->setProfile(profile);
    m_health->stop();
    m_healthHttp->setProfile(profile);
    m_inbox->stop();
    m_amHttp->setProfile(profile);
    const auto amUrls = profile.endpoint(Endpoint::Alertmanager).urls();
    m_amCluster->setPeers(profile, amUrls.size() > 1 ? amUrls : QList<QUrl>{});
    m_inbox->setCluster(amUrls.size() > 1 ? m_amCluster : nullptr);
    m_lokiHttp->setProfile(profile);
    static_cast<LogsView *>(view(ViewId::Logs))->setProfile(profile);
    static_cast<LogsView *>(view(ViewId::Logs))->setHistory(m_settings.logQueryHistory(profile.name));
    m_promHttp->setProfile(profile);
    m_prometheus->detectServer();
    m_inbox->setProfileName(profile.name);
    m_timeline->clear();
    m_zoomHistory.clear();
    applyDashboards(dashboardFolder());
    m_runbooks->setFolder(profile.runbookFolder);
    auto *runbooks = static_cast<RunbooksView *>(view(ViewId::Runbooks));
    runbooks->setUtc(profile.utc);
    runbooks->setScrapeSeconds(profile.scrapeSeconds);
    auto *explore = static_cast<ExploreView *>(view(ViewId::Explore));
    explore->setUtc(profile.utc);
    explore->setScrapeSeconds(profile.scrapeSeconds);
    explore->setDashboardFolder(dashboardFolder());
    explore->setHistory(m_settings.exploreQueryHistory(profile.name));
    explore->clearCompletionCache();
    for (auto *v : m_views) {
        if (auto *dashboard = qobject_cast<DashboardView *>(v)) {
            dashboard->setUtc(profile.utc);
            dashboard->setScrapeSeconds(profile.scrapeSeconds);
            dashboard->setPrometheus(m_prometheus); // the values of another environment
        }
    }
    auto *alerts = static_cast<AlertsView *>(view(ViewId::Alerts));
    alerts->setUtc(profile.utc);
    alerts->setAckDefaults(profile.ackAuthor, profile.ackDefaultSeconds, profile.ackSafetyHours);
    m_inbox->setPollIntervalMs(profile.alertPollSeconds * 1000);
    if (!profile.endpoint(Endpoint::Alertmanager).url.isEmpty())
        m_inbox->start();
    m_routerSeenAt = {};
    m_routerLight->setLabel(tr("Router: …"));
    m_routerLight->setHealth(Health::Unknown, tr("not known yet"), tr("Waiting for the health endpoint."));
    if (!profile.endpoint(Endpoint::Health).url.isEmpty()) {
        m_health->start();
    } else {
        m_routerLight->setLabel(tr("Router: unknown"));
        m_routerLight->setHealth(Health::Unknown, tr("no health endpoint"),
                                 tr("This profile has no health endpoint, which reports the router state."));
    }
    selectRefresh(profile.refreshSeconds >= 0 ? profile.refreshSeconds : 5);
    m_profileLabel->setText(tr("Profile: %1").arg(profile.name));
    setWindowTitle(tr("%1 — Watchfloor").arg(profile.name));
    logging::get("ui")->info("profile selected name=\"{}\" transient={}", profile.name.toStdString(), transient);
    refreshNow();
}

void MainWindow::openAlert(const QString &fingerprint)
{
    if (isMinimized())
        showNormal();
    raise();
    activateWindow();
    showView(ViewId::Alerts);
    if (!fingerprint.isEmpty())
        static_cast<AlertsView *>(view(ViewId::Alerts))->selectAlert(fingerprint);
}

void MainWindow::applyWallSettings()
{
    QList<ViewId> views;
    for (const auto &name : m_settings.wallViews())
        if (const auto id = viewFromName(name))
            views.append(*id);
    m_wall->setViews(views);
    m_wall->setCycleSeconds(m_settings.wallCycleSeconds());
}

void MainWindow::updateAlertBadge()
{
    int firing = 0;
    for (const auto &a : m_inbox->alerts())
        firing += a.state == InboxAlert::State::Firing ? 1 : 0;
    auto *item = m_navigation->item(int(ViewId::Alerts));
    const auto title = ViewBase::title(ViewId::Alerts);
    item->setText(firing > 0 ? tr("%1 (%2)").arg(title).arg(firing) : title);
}

void MainWindow::openExplore(const QString &promql)
{
    auto *explore = static_cast<ExploreView *>(view(ViewId::Explore));
    explore->setQuery(promql);
    showView(ViewId::Explore);
    explore->refresh();
}

void MainWindow::openLogsQuery(const QString &logql)
{
    auto *logs = static_cast<LogsView *>(view(ViewId::Logs));
    logs->setQuery(logql);
    showView(ViewId::Logs);
    logs->refresh();
}

void MainWindow::openRunbookUrl(const QUrl &url)
{
    // The embedded runbook named by the URL's last segment; any other URL only after asking.
    const auto slug = runbooks::slugFromUrl(url);
    auto *runbooks = static_cast<RunbooksView *>(view(ViewId::Runbooks));
    if (!slug.isEmpty() && runbooks->openRunbook(slug)) {
        showView(ViewId::Runbooks);
        return;
    }
    if (!url.isValid() || url.scheme().isEmpty()) {
        statusBar()->showMessage(tr("This alert's runbook “%1” is not known here.").arg(url.toDisplayString()), 15'000);
        return;
    }
    links::openAfterAsking(this, url, tr("There is no embedded runbook “%1”.").arg(slug));
}

QString MainWindow::dashboardFolder() const
{
    return m_dashboardsOverride.isEmpty() ? m_profile.dashboardFolder : m_dashboardsOverride;
}

void MainWindow::setDashboardsOverride(const QString &folder)
{
    m_dashboardsOverride = folder;
    static_cast<ExploreView *>(view(ViewId::Explore))->setDashboardFolder(dashboardFolder());
    applyDashboards(dashboardFolder());
}

void MainWindow::applyDashboards(const QString &folder)
{
    // The user's folder first, the built-in dashboard for every view it does not replace.
    QStringList errors;
    const auto mine = dashboards::loadFolder(folder, &errors);
    QStringList used;
    for (auto *v : m_views) {
        auto *view = qobject_cast<DashboardView *>(v);
        if (!view)
            continue;
        const auto id = viewName(view->id());
        auto chosen = std::find_if(mine.cbegin(), mine.cend(), [&](const Dashboard &d) { return d.id == id; });
        if (chosen != mine.cend()) {
            view->setDashboard(*chosen);
            used.append(id);
        } else if (view->dashboard().id != id || view->isCustom()) {
            if (auto builtIn = dashboards::builtIn(id))
                view->setDashboard(builtIn.value());
        }
        view->setCustom(chosen != mine.cend());
    }
    // The others are dashboards of their own (imported from Grafana, or written by hand).
    QList<Dashboard> others;
    for (const auto &d : mine)
        if (!used.contains(d.id))
            others.append(d);
    m_library->configure(m_prometheus, m_profile.utc, m_profile.scrapeSeconds);
    m_library->setDashboards(others);
    for (const auto &d : std::as_const(others))
        used.append(d.id);
    for (const auto &e : errors)
        logging::get("ui")->warn("dashboard folder: {}", e.toStdString());
    if (!errors.isEmpty())
        statusBar()->showMessage(tr("Dashboard folder: %1").arg(errors.join(QStringLiteral("; "))), 15'000);
    else if (!used.isEmpty())
        statusBar()->showMessage(tr("Your dashboards: %1").arg(used.join(QStringLiteral(", "))), 5000);
}

void MainWindow::openLogs(const QDateTime &from, const QDateTime &to)
{
    auto *logs = static_cast<LogsView *>(view(ViewId::Logs));
    logs->setQuery(QStringLiteral("{app=\"mytrader-api\"}"));
    showView(ViewId::Logs);
    // With half a minute either side: the lines that led to it and the first ones after.
    logs->showWindow(from.addSecs(-30), std::min(to.addSecs(30), QDateTime::currentDateTimeUtc()));
    statusBar()->showMessage(tr("Logs from %1 to %2").arg(from.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
                                                         to.toLocalTime().toString(QStringLiteral("HH:mm:ss"))),
                             5000);
}

void MainWindow::openMetrics(const QDateTime &at)
{
    // Fifteen minutes either side of the moment (none of it in the future), marked on every chart.
    const auto now = QDateTime::currentDateTimeUtc();
    const auto to = std::min(at.addSecs(900), now);
    m_zoomHistory.append(m_timeRange->range());
    applyTimeRange(TimeRange::absolute(to.addSecs(-1800), to));
    for (auto *v : m_views)
        if (auto *dashboard = qobject_cast<DashboardView *>(v))
            dashboard->setMarker(at);
    showView(ViewId::Operations);
    statusBar()->showMessage(tr("Metrics around %1, marked on the charts. Double-click a chart to go back.")
                                 .arg((m_profile.utc ? at.toUTC() : at.toLocalTime()).toString(QStringLiteral("HH:mm:ss"))),
                             8000);
}

void MainWindow::applyTimeRange(const TimeRange &range)
{
    // The picker shows it; the views take it as if the user had chosen it there.
    m_timeRange->setRange(range);
    m_settings.setTimeRange(range.toString());
    for (auto *view : m_views)
        view->setTimeRange(range);
    m_library->setTimeRange(range);
}

void MainWindow::zoomTo(const QDateTime &from, const QDateTime &to)
{
    if (!from.isValid() || !to.isValid() || to <= from)
        return;
    if (from.secsTo(to) < 10) { // at least ten seconds, around the middle
        const auto middle = from.addMSecs(from.msecsTo(to) / 2);
        zoomTo(middle.addSecs(-5), middle.addSecs(5));
        return;
    }
    m_zoomHistory.append(m_timeRange->range());
    applyTimeRange(TimeRange::absolute(from, to));
    statusBar()->showMessage(tr("Zoomed in. Double-click a chart to go back."), 4000);
}

void MainWindow::zoomOut()
{
    for (auto *v : m_views)
        if (auto *dashboard = qobject_cast<DashboardView *>(v))
            dashboard->setMarker({});
    if (m_zoomHistory.isEmpty())
        return;
    applyTimeRange(m_zoomHistory.takeLast());
}

void MainWindow::onHealthSample(const HealthSample &sample)
{
    if (sample.report) {
        const auto &r = sample.report->router;
        m_timeline->addLive(sample.receivedAt, routerStateFromName(r.currentState), r.lastTransitionAt,
                            r.lastTransitionReason);
        // Keep what any range may show, and no more: the console stays small overnight.
        const auto keep = std::max<qint64>(m_timeRange->range().span().count(), 3600) + 3600;
        m_timeline->prune(sample.receivedAt.addSecs(-keep));
    }
    for (auto *v : m_views)
        if (auto *dashboard = qobject_cast<DashboardView *>(v))
            dashboard->showHealthSample(sample); // hidden views only take note
    // The health endpoint's light follows its polls (four a second), not only its 10-s probe: a
    // service that just turned healthy is not shown amber beside a tile saying Healthy.
    if (sample.report) {
        m_status->noteRequest(Endpoint::Health, nullptr);
        const auto r = EndpointProbe::healthReported(sample.report->status, sample.httpStatus, sample.roundTripMs,
                                                     sample.receivedAt);
        if (m_status->result(Endpoint::Health).state != r.state)
            m_status->update(Endpoint::Health, r);
    }
    if (!sample.report) {
        m_status->noteRequest(Endpoint::Health, &sample.report.error());
        // The last state the service reported stays on the light, greyed and dated: what the router
        // was doing when last seen, not a blank.
        const auto error = sample.report.error().message;
        if (m_routerSeenAt.isValid()) {
            const auto at = (m_profile.utc ? m_routerSeenAt.toUTC() : m_routerSeenAt.toLocalTime()).toString(QStringLiteral("HH:mm:ss"));
            m_routerLight->setLabel(tr("%1 (as of %2)").arg(m_routerLabel, at));
            m_routerLight->setHealth(Health::Unknown, tr("health endpoint unreachable"),
                                     tr("%1 Last reported at %2.").arg(error, at));
        } else {
            m_routerLight->setLabel(tr("Router: unknown"));
            m_routerLight->setHealth(Health::Unknown, tr("health endpoint unreachable"), error);
        }
        return;
    }
    const auto &router = sample.report->router;
    const auto state = routerStateFromName(router.currentState);
    const auto since = router.lastTransitionAt.isValid()
        ? (m_profile.utc ? router.lastTransitionAt.toUTC() : router.lastTransitionAt.toLocalTime()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
        : tr("the service's start");
    m_routerLabel = tr("Router: %1").arg(routerStateLabel(state));
    m_routerSeenAt = sample.receivedAt;
    m_routerLight->setLabel(m_routerLabel);
    m_routerLight->setHealth(routerStateHealth(state), router.currentState,
                             tr("%1 since %2%3. Service %4, health round trip %5 ms.")
                                 .arg(router.currentState, since,
                                      router.lastTransitionReason.isEmpty()
                                          ? QString()
                                          : tr(" (%1)").arg(router.lastTransitionReason),
                                      sample.report->status)
                                 .arg(sample.roundTripMs));
}

void MainWindow::switchProfile(int index)
{
    const auto name = m_profileBox->itemData(index).toString();
    if (name.isEmpty() || (name == m_profile.name && !m_transient))
        return;
    if (const auto profile = m_settings.profile(name))
        setProfile(*profile);
}

void MainWindow::setRefreshSeconds(int seconds)
{
    if (seconds > 0)
        m_refreshTimer->start(seconds * 1000);
    else
        m_refreshTimer->stop();
    // Automatic refresh off: the environments are still watched, at the default pace.
    static_cast<EnvironmentsView *>(view(ViewId::Environments))->setRefreshMs(seconds > 0 ? seconds * 1000 : 15'000);
}

void MainWindow::selectRefresh(int seconds)
{
    // An interval the box does not list (a dashboard's "10s") is added to it, in order.
    int index = m_refreshBox->findData(seconds);
    if (index < 0) {
        index = 1;
        while (index < m_refreshBox->count() && m_refreshBox->itemData(index).toInt() < seconds)
            ++index;
        m_refreshBox->insertItem(index, formatDuration(std::chrono::seconds(seconds)), seconds);
    }
    m_refreshBox->setCurrentIndex(index);
    setRefreshSeconds(seconds);
}

bool MainWindow::endpointsChecked() const
{
    return std::all_of(kAllEndpoints.begin(), kAllEndpoints.end(),
                       [this](Endpoint e) { return m_status->result(e).state != ProbeResult::State::Unknown; });
}

int MainWindow::refreshSeconds() const
{
    return m_refreshTimer->isActive() ? m_refreshTimer->interval() / 1000 : 0;
}

void MainWindow::refreshNow()
{
    // Only the visible view refreshes; the others refresh when shown.
    if (auto *v = qobject_cast<ViewBase *>(m_stack->currentWidget()); v && v->refreshesOnTimer())
        v->refresh();
}

void MainWindow::showView(ViewId id)
{
    if (m_center->currentWidget() == m_noAnswer) { // the user chose a view: the page steps aside for good
        m_noAnswer->dismiss();
        m_center->setCurrentWidget(m_stack);
    }
    auto *v = view(id);
    if (m_stack->currentWidget() != v) {
        m_stack->setCurrentWidget(v);
        v->refresh();
    }
    const int row = int(id);
    if (m_navigation->currentRow() != row)
        m_navigation->setCurrentRow(row);
    for (auto *action : m_viewActions->actions()) {
        if (action->data().toInt() == row)
            action->setChecked(true);
    }
    statusBar()->showMessage(ViewBase::title(id), 2000);
}

ViewId MainWindow::currentView() const
{
    return static_cast<ViewBase *>(m_stack->currentWidget())->id();
}

ViewBase *MainWindow::view(ViewId id) const
{
    return m_views[std::size_t(id)];
}

void MainWindow::onEndpointStatusChanged()
{
    int down = 0;
    for (const auto e : kAllEndpoints) {
        const auto &r = m_status->result(e);
        QString details = r.message;
        if (r.checkedAt.isValid()) {
            details += u'\n'
                + tr("Checked at %1")
                      .arg(m_status->data(m_status->index(int(e), EndpointStatusModel::CheckedAtColumn)).toString());
        }
        m_lights[std::size_t(e)]->setHealth(r.health(), EndpointStatusModel::stateText(r.state), details);
        if (r.state == ProbeResult::State::Down)
            ++down;
    }
    m_conditions->set(QStringLiteral("endpoints"),
                      down > 0 ? tr("Endpoints unreachable: %n — hover the status lights for details.", nullptr, down)
                               : QString());
    m_center->setCurrentWidget(m_noAnswer->update(*m_status) ? static_cast<QWidget *>(m_noAnswer) : m_stack);
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_settings, this);
    dialog.selectProfile(m_transient ? QString() : m_profile.name);
    if (dialog.exec() != QDialog::Accepted)
        return;
    applyWallSettings();
    const auto chosen = dialog.selectedProfile();
    if (!m_transient || !chosen.isEmpty()) {
        const auto name = chosen.isEmpty() ? m_profile.name : chosen;
        if (const auto profile = m_settings.profile(name))
            setProfile(*profile);
        else
            reloadProfileList();
    }
}

void MainWindow::restoreState()
{
    const auto geometry = m_settings.windowGeometry();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const auto state = m_settings.windowState();
    if (!state.isEmpty())
        QMainWindow::restoreState(state);
    if (const auto last = viewFromName(m_settings.lastView()))
        showView(*last);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::WindowStateChange)
        m_health->setIntervalMs(isVisible() && !isMinimized() ? kHealthSeenMs : kHealthUnseenMs);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    m_health->setIntervalMs(isMinimized() ? kHealthUnseenMs : kHealthSeenMs);
}

void MainWindow::hideEvent(QHideEvent *event)
{
    QMainWindow::hideEvent(event);
    m_health->setIntervalMs(kHealthUnseenMs);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_wall->setActive(false); // the geometry and the bars as they are outside the wall
    m_settings.setWindowGeometry(saveGeometry());
    m_settings.setWindowState(saveState());
    m_settings.setLastView(viewName(currentView()));
    m_settings.sync();
    event->accept();
}

} // namespace wf
