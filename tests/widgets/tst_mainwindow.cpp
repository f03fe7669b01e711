#include "conditionmessages.h"
#include "mainwindow.h"
#include "noanswer/noanswerpage.h"
#include "help/gettingstarted.h"
#include "sources/health/healthclient.h"
#include "statuslight.h"
#include "timerangepicker.h"
#include "store/settings.h"
#include "monitoringstack.h"
#include "dashboardpanel.h"
#include "panelframe.h"
#include "views/dashboardview.h"
#include "views/viewbase.h"
#include "views/alertsview.h"
#include "views/exploreview.h"
#include "views/runbooksview.h"
#include "report/weeklyreportdialog.h"
#include "runbookbrowser.h"
#include "grafana/grafanaimport.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QAbstractButton>
#include <QMessageBox>
#include <QTimer>

#include <functional>
#include <memory>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QToolButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void shortcutsSwitchViews_data();
    void shortcutsSwitchViews();
    void navigationSwitchesViews();
    void restoresLastViewAndGeometry();
    void statusLightsFollowEndpoints();
    void messagesEndWithTheirCause();
    void healthPolledFasterWhileSeen();
    void gettingStartedShowsTheThreeSteps();
    void weeklyReportFromTheReliabilityView();
    void switchesProfiles();
    void dashboardFolderReplacesViews();
    void importGrafanaFromTheFileMenu();
    void exportForGrafanaFromThePanelMenu();
    void alertsPanelsAndRunbooksLeadToEachOther();
    void profileThatNeverAnsweredSaysSoOnce();
};

void TestMainWindow::shortcutsSwitchViews_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<QString>("view");
    for (const auto id : wf::kAllViews)
        QTest::newRow(qPrintable(wf::viewName(id))) << int(Qt::Key_1) + int(id) << wf::viewName(id);
}

void TestMainWindow::shortcutsSwitchViews()
{
    QFETCH(int, key);
    QFETCH(QString, view);
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    window.setProfile(wf::demoProfile(), true);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Start somewhere else so that the shortcut has to change something.
    window.showView(view == u"explore" ? wf::ViewId::Operations : wf::ViewId::Explore);

    QTest::keyClick(&window, Qt::Key(key), Qt::ControlModifier);
    QCOMPARE(wf::viewName(window.currentView()), view);
    auto *shown = window.view(*wf::viewFromName(view));
    QVERIFY(shown->isVisible());
    QCOMPARE(window.findChild<QListWidget *>(QStringLiteral("navigation"))->currentItem()->text(),
             wf::ViewBase::title(shown->id()));
}

void TestMainWindow::navigationSwitchesViews()
{
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    window.setProfile(wf::demoProfile(), true);
    window.show();
    auto *nav = window.findChild<QListWidget *>(QStringLiteral("navigation"));
    QVERIFY(nav);
    QCOMPARE(nav->count(), int(wf::kAllViews.size()));
    const auto rect = nav->visualItemRect(nav->item(int(wf::ViewId::Logs)));
    QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(window.currentView(), wf::ViewId::Logs);
    QVERIFY(window.view(wf::ViewId::Logs)->isVisible());
    QVERIFY(!window.view(wf::ViewId::Operations)->isVisible());
}

void TestMainWindow::restoresLastViewAndGeometry()
{
    QTemporaryDir dir;
    {
        wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
        wf::MainWindow window(settings);
        window.setProfile(wf::demoProfile(), true);
        window.show();
        window.resize(1000, 700);
        window.showView(wf::ViewId::Runbooks);
        window.close();
    }
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    QCOMPARE(settings.lastView(), QStringLiteral("runbooks"));
    wf::MainWindow window(settings);
    window.setProfile(wf::demoProfile(), true);
    window.restoreState();
    window.show();
    QCOMPARE(window.currentView(), wf::ViewId::Runbooks);
    QCOMPARE(window.size(), QSize(1000, 700));
}

namespace {

// One request to a real server, its status and body (the event loop runs meanwhile).
std::pair<int, QByteArray> call(const QByteArray &verb, const QUrl &url, const QByteArray &body = {})
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    std::unique_ptr<QNetworkReply> reply(network.sendCustomRequest(request, verb, body));
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 15000))
        return {0, {}};
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
}

// mytrader-sim on this port (its health endpoint and Loki API), ready; stopped with the process.
bool startSimulatorOn(QProcess &sim, quint16 port)
{
    sim.setProgram(QStringLiteral(MYTRADER_SIM_EXECUTABLE));
    sim.setArguments({QStringLiteral("--quiet"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)});
    sim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sim.start();
    return sim.waitForStarted(10000) && MonitoringStack::waitReady(QUrl(QStringLiteral("http://127.0.0.1:%1/ready").arg(port)), 30000);
}

// How often Prometheus has answered /-/ready, by its own counter on /metrics.
double readyAsked(const MonitoringStack &stack)
{
    const auto [status, body] = call("GET", stack.prometheusUrl().resolved(QUrl(QStringLiteral("/metrics"))));
    double n = 0;
    for (const auto &line : body.split('\n'))
        if (line.startsWith("prometheus_http_requests_total{") && line.contains("handler=\"/-/ready\""))
            n += line.mid(line.lastIndexOf(' ') + 1).toDouble();
    return status == 200 ? n : -1;
}

} // namespace

void TestMainWindow::statusLightsFollowEndpoints()
{
    // The real Prometheus and the simulator's health endpoint, with both sources down by a drill.
    MonitoringStack stack;
    QVERIFY2(stack.startWithSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE)), qPrintable(stack.errorString()));
    const auto drills = stack.simulatorUrl().resolved(QUrl(QStringLiteral("/control/faults")));
    QCOMPARE(call("POST", drills, R"({"kind":"both_down","durationSeconds":600})").first, 201);
    const auto health = stack.simulatorUrl().resolved(QUrl(QStringLiteral("/api/health/alpaca")));
    QTRY_COMPARE_WITH_TIMEOUT(call("GET", health).first, 503, 30000); // the router's stale-data window

    const auto readyBefore = readyAsked(stack);
    QVERIFY(readyBefore >= 1); // the stack's own wait
    auto p = wf::demoProfile();
    p.endpoint(wf::Endpoint::Prometheus).url = stack.prometheusUrl();
    p.endpoint(wf::Endpoint::Alertmanager).url = QUrl(); // not configured
    p.endpoint(wf::Endpoint::Loki).url = QUrl(QStringLiteral("http://127.0.0.1:1")); // nothing listens on port 1
    p.endpoint(wf::Endpoint::Health).url = health;

    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    window.setProfile(p, true);
    QTRY_VERIFY_WITH_TIMEOUT(window.endpointsChecked(), 15000);
    QCOMPARE(window.statusLight(wf::Endpoint::Prometheus)->health(), wf::Health::Good);
    QCOMPARE(window.statusLight(wf::Endpoint::Alertmanager)->health(), wf::Health::Unknown);
    QCOMPARE(window.statusLight(wf::Endpoint::Loki)->health(), wf::Health::Bad);
    QVERIFY2(window.statusLight(wf::Endpoint::Loki)->toolTip().contains(QStringLiteral("refused")),
             qPrintable(window.statusLight(wf::Endpoint::Loki)->toolTip()));
    QCOMPARE(window.statusLight(wf::Endpoint::Health)->health(), wf::Health::Warning);
    QVERIFY(window.statusLight(wf::Endpoint::Health)->toolTip().contains(QStringLiteral("Unhealthy")));
    // Prometheus was asked whether it is ready, as its own request counter says (live, on its
    // /metrics): more often than before the console came.
    QTRY_VERIFY_WITH_TIMEOUT(readyAsked(stack) > readyBefore, 20000);
    // The service turns healthy (the drill ends, the router is back on Alpaca): the light follows
    // the health polls by itself.
    QCOMPARE(call("DELETE", drills).first, 200);
    QTRY_COMPARE_WITH_TIMEOUT(window.statusLight(wf::Endpoint::Health)->health(), wf::Health::Good, 30000);
    QVERIFY(window.statusLight(wf::Endpoint::Health)->toolTip().contains(QStringLiteral("Healthy")));
}

void TestMainWindow::messagesEndWithTheirCause()
{
    // Loki's port, with nothing listening on it yet.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    MonitoringStack stack;
    QVERIFY2(stack.start(), qPrintable(stack.errorString()));
    auto p = wf::demoProfile();
    p.endpoint(wf::Endpoint::Prometheus).url = stack.prometheusUrl();
    p.endpoint(wf::Endpoint::Alertmanager).url = QUrl();
    p.endpoint(wf::Endpoint::Health).url = QUrl();
    p.endpoint(wf::Endpoint::Loki).url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));

    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    window.setProfile(p, true);
    window.show();
    auto *messages = window.conditionMessages();
    QTRY_VERIFY_WITH_TIMEOUT(messages->current().contains(QLatin1String("Endpoints unreachable: 1")), 15000);
    QVERIFY(messages->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(messages->text(), messages->current(), 15000); // once the view title shown on start has passed
    // A passing message covers it for its few seconds (never both drawn over each other); the
    // condition is back after.
    window.statusBar()->showMessage(QStringLiteral("Zoomed in."), 50);
    QCOMPARE(messages->text(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(messages->text().contains(QLatin1String("Endpoints unreachable: 1")), 15000);

    // Loki comes back (the simulator's Loki API on that port): the next probe finds it, and the
    // message goes with the condition.
    QProcess loki;
    QVERIFY(startSimulatorOn(loki, port));
    QTRY_COMPARE_WITH_TIMEOUT(window.statusLight(wf::Endpoint::Loki)->health(), wf::Health::Good, 30000);
    QCOMPARE(messages->current(), QString());
    loki.terminate();
    loki.waitForFinished(5000);
}

void TestMainWindow::healthPolledFasterWhileSeen()
{
    // Four times a second while the window can be seen (a failover on screen within a third of a
    // second); once a second while it is hidden or minimised.
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    auto *health = window.findChild<wf::HealthClient *>();
    QVERIFY(health);
    QCOMPARE(health->intervalMs(), 1000);
    window.show();
    QCOMPARE(health->intervalMs(), 250);
    window.showMinimized();
    QTRY_COMPARE(health->intervalMs(), 1000);
    window.showNormal();
    QTRY_COMPARE(health->intervalMs(), 250);
    window.hide();
    QCOMPARE(health->intervalMs(), 1000);
}

void TestMainWindow::weeklyReportFromTheReliabilityView()
{
    // Reliability → Weekly report…: a button on the view where the SLOs are, the menu's action,
    // still there when a dashboard from the user's folder replaces the view's.
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    window.resize(1280, 800);
    window.show();
    window.showView(wf::ViewId::Reliability);
    auto *reliability = qobject_cast<wf::DashboardView *>(window.view(wf::ViewId::Reliability));
    QVERIFY(reliability);
    auto *button = reliability->findChild<QToolButton *>(QStringLiteral("header-weeklyReportAction"));
    QVERIFY(button);
    QVERIFY(button->isVisible());
    QCOMPARE(button->defaultAction(), window.findChild<QAction *>(QStringLiteral("weeklyReportAction")));
    QVERIFY(!window.view(wf::ViewId::Operations)->findChild<QToolButton *>(QStringLiteral("header-weeklyReportAction")));
    bool opened = false;
    QTimer::singleShot(0, this, [&] {
        if (auto *dialog = qobject_cast<wf::WeeklyReportDialog *>(QApplication::activeModalWidget())) {
            opened = true;
            dialog->reject();
        }
    });
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(opened);
    reliability->setDashboard(reliability->dashboard());
    QTRY_VERIFY(reliability->findChild<QToolButton *>(QStringLiteral("header-weeklyReportAction")));
}

void TestMainWindow::gettingStartedShowsTheThreeSteps()
{
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    auto *action = window.findChild<QAction *>(QStringLiteral("gettingStartedAction"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::HelpContents));
    // Opened from the menu: a drill, the alert it raises, the logs around it.
    QString shown;
    QTimer::singleShot(0, this, [&] {
        if (auto *dialog = qobject_cast<wf::GettingStartedDialog *>(QApplication::activeModalWidget())) {
            shown = dialog->text();
            if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty())
                dialog->grab().save(grab + QStringLiteral("/getting-started.png"));
            dialog->reject();
        }
    });
    action->trigger();
    QVERIFY2(shown.contains(QLatin1String("1. Run a drill and watch the failover")), qPrintable(shown));
    QVERIFY(shown.contains(QLatin1String("2. Acknowledge the alert it raises")));
    QVERIFY(shown.contains(QLatin1String("3. Read the logs around it")));
    // Without the demo's Drill menu, it says how to get it; with it, not.
    QVERIFY(shown.contains(QLatin1String("watchfloor --demo")));
    QVERIFY(!wf::GettingStartedDialog(true).text().contains(QLatin1String("watchfloor --demo")));
}

void TestMainWindow::switchesProfiles()
{
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    auto a = wf::demoProfile();
    a.name = QStringLiteral("Alpha");
    a.refreshSeconds = 30;
    auto b = wf::demoProfile();
    b.name = QStringLiteral("Beta");
    b.refreshSeconds = 0;
    QVERIFY(settings.saveProfile(a));
    QVERIFY(settings.saveProfile(b));

    wf::MainWindow window(settings);
    window.setProfile(a);
    auto *box = window.findChild<QComboBox *>(QStringLiteral("profileBox"));
    QCOMPARE(box->count(), 2);
    QCOMPARE(box->currentText(), QStringLiteral("Alpha"));
    QCOMPARE(window.refreshSeconds(), 30);
    box->setCurrentIndex(box->findText(QStringLiteral("Beta")));
    emit box->activated(box->currentIndex());
    QCOMPARE(window.profile().name, QStringLiteral("Beta"));
    QCOMPARE(window.refreshSeconds(), 0);
    QCOMPARE(settings.currentProfile(), QStringLiteral("Beta"));
    QVERIFY(window.windowTitle().contains(QStringLiteral("Beta")));
}

void TestMainWindow::dashboardFolderReplacesViews()
{
    QTemporaryDir dir;
    QTemporaryDir mine;
    QFile mineFile(mine.filePath(QStringLiteral("operations.json")));
    QVERIFY(mineFile.open(QIODevice::WriteOnly));
    mineFile.write(R"({"schemaVersion":1,"id":"operations","title":"Ours","rows":[{"panels":[
        {"id":"ours","type":"stat","title":"Our panel","queries":["up"]}]}]})");
    mineFile.close();
    QFile stray(mine.filePath(QStringLiteral("trading.json")));
    QVERIFY(stray.open(QIODevice::WriteOnly));
    stray.write(R"({"schemaVersion":1,"id":"trading","title":"T","time":"2h","refresh":"10s",
        "rows":[{"panels":[{"type":"stat","title":"x","queries":["up"]}]}]})");
    stray.close();

    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    auto *operations = qobject_cast<wf::DashboardView *>(window.view(wf::ViewId::Operations));
    QVERIFY(operations);
    QVERIFY(operations->panel(QStringLiteral("router")));
    wf::Profile profile;
    profile.name = QStringLiteral("Mine");
    profile.dashboardFolder = mine.path();
    window.setProfile(profile, true);
    QVERIFY(operations->panel(QStringLiteral("ours")));
    QVERIFY(!operations->panel(QStringLiteral("router")));
    QCOMPARE(operations->panel(QStringLiteral("ours"))->frame()->title(), QStringLiteral("Our panel"));
    // A file for no view is a dashboard of its own, listed under "Dashboards" below the views.
    QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("trading")), qPrintable(window.statusBar()->currentMessage()));
    auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
    const int views = int(wf::kAllViews.size());
    QCOMPARE(navigation->count(), views + 2);
    QCOMPARE(navigation->item(views)->text(), QStringLiteral("Dashboards"));
    QVERIFY(!(navigation->item(views)->flags() & Qt::ItemIsSelectable)); // a heading, not a place
    QCOMPARE(navigation->item(views + 1)->text().trimmed(), QStringLiteral("T"));
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    navigation->setCurrentRow(views + 1);
    auto *trading = window.findChild<wf::DashboardView *>(QStringLiteral("dashboard-trading"));
    QVERIFY(trading);
    QVERIFY(trading->isVisible());
    QCOMPARE(qobject_cast<QStackedWidget *>(trading->parentWidget())->currentWidget(), trading);
    QCOMPARE(trading->panels().size(), 1);
    // Opened the first time on its own time range and refresh (an interval the box lacked is added).
    auto *picker = window.findChild<wf::TimeRangePicker *>(QStringLiteral("timeRange"));
    QCOMPARE(picker->range(), wf::TimeRange::last(std::chrono::hours(2)));
    QCOMPARE(trading->timeRange().span(), std::chrono::seconds(2 * 3600));
    QCOMPARE(operations->timeRange().span(), std::chrono::seconds(2 * 3600));
    QCOMPARE(window.refreshSeconds(), 10);
    QCOMPARE(window.findChild<QComboBox *>(QStringLiteral("refreshBox"))->currentText(), QStringLiteral("10s"));
    if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty())
        window.grab().save(grab + QStringLiteral("/dashboards-navigation.png"));
    // The time range reaches it as it reaches the views.
    emit window.findChild<wf::TimeRangePicker *>(QStringLiteral("timeRange"))->rangeChanged(wf::TimeRange::last(std::chrono::hours(6)));
    QCOMPARE(trading->timeRange().span(), std::chrono::seconds(6 * 3600));
    // And back to a view by the navigation.
    navigation->setCurrentRow(int(wf::ViewId::Reliability));
    QCOMPARE(window.currentView(), wf::ViewId::Reliability);
    QVERIFY(!trading->isVisible());
    // Coming back keeps what the user chose since: the defaults are for the first opening.
    navigation->setCurrentRow(views + 1);
    QVERIFY(trading->isVisible());
    QCOMPARE(trading->timeRange().span(), std::chrono::seconds(6 * 3600));
    // The arrow keys step over the heading, both ways.
    navigation->setFocus();
    QTest::keyClick(navigation, Qt::Key_Up);
    QCOMPARE(window.currentView(), wf::kAllViews.back());
    QCOMPARE(navigation->currentRow(), views - 1);
    QTest::keyClick(navigation, Qt::Key_Down);
    QCOMPARE(navigation->currentRow(), views + 1);
    QVERIFY(trading->isVisible());
    navigation->setCurrentRow(int(wf::ViewId::Reliability));
    // Another profile without a folder: the built-in dashboard again, no "Dashboards".
    profile.name = QStringLiteral("Plain");
    profile.dashboardFolder.clear();
    window.setProfile(profile, true);
    QVERIFY(operations->panel(QStringLiteral("router")));
    QVERIFY(!operations->panel(QStringLiteral("ours")));
    QCOMPARE(navigation->count(), views);
    QVERIFY(!window.findChild<wf::DashboardView *>(QStringLiteral("dashboard-trading")));
}

void TestMainWindow::importGrafanaFromTheFileMenu()
{
    // File → Import Grafana dashboard…: the file chosen, written into the profile's folder, the
    // report shown, the dashboard listed under Dashboards and opened.
    QTemporaryDir dir;
    QTemporaryDir folder;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    wf::Profile profile;
    profile.name = QStringLiteral("Mine");
    profile.dashboardFolder = folder.path();
    window.setProfile(profile, true);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto source = QStringLiteral(WATCHFLOOR_TEST_DATA_DIR "/grafana/alertmanager.json");
    QString report;
    std::function<void()> answer = [&] {
        auto *modal = QApplication::activeModalWidget();
        if (auto *dialog = qobject_cast<QFileDialog *>(modal)) {
            // As a user types the path and presses Open.
            if (auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"))) {
                edit->setText(source);
                QMetaObject::invokeMethod(dialog, "accept", Qt::QueuedConnection);
            }
        } else if (auto *box = qobject_cast<QMessageBox *>(modal); box && box->objectName() == u"grafanaImportReport") {
            report = box->detailedText();
            box->accept();
            return;
        }
        QTimer::singleShot(50, this, answer);
    };
    QTimer::singleShot(50, this, answer);
    window.findChild<QAction *>(QStringLiteral("importGrafanaAction"))->trigger();
    QVERIFY2(report.contains(QLatin1String("9 of 9 panels mapped")), qPrintable(report));
    QVERIFY(QFile::exists(folder.filePath(QStringLiteral("prometheus-alertmanager.json"))));
    auto *imported = window.findChild<wf::DashboardView *>(QStringLiteral("dashboard-prometheus-alertmanager"));
    QVERIFY(imported);
    QVERIFY(imported->isVisible());
    auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
    QCOMPARE(navigation->currentItem()->text().trimmed(), QStringLiteral("Prometheus AlertManager"));
    // On Grafana's saved range ("now-24h" to "now"); its refresh was off there, so the window's stays.
    QCOMPARE(window.findChild<wf::TimeRangePicker *>(QStringLiteral("timeRange"))->range(), wf::TimeRange::last(std::chrono::hours(24)));
    QCOMPARE(imported->timeRange().span(), std::chrono::seconds(24 * 3600));
    QCOMPARE(window.refreshSeconds(), 5);
}

void TestMainWindow::exportForGrafanaFromThePanelMenu()
{
    // A panel's menu → Export dashboard for Grafana…: the file chosen, the whole dashboard written
    // as Grafana JSON, what Grafana shows differently in the details; importing it gives it back.
    QTemporaryDir dir;
    QTemporaryDir out;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    window.setProfile(wf::demoProfile(), true);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showView(wf::ViewId::Operations);
    auto *operations = qobject_cast<wf::DashboardView *>(window.view(wf::ViewId::Operations));
    const auto target = out.filePath(QStringLiteral("ops-grafana.json"));
    QString details;
    std::function<void()> answer = [&] {
        auto *modal = QApplication::activeModalWidget();
        if (auto *dialog = qobject_cast<QFileDialog *>(modal)) {
            if (auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"))) {
                edit->setText(target);
                QMetaObject::invokeMethod(dialog, "accept", Qt::QueuedConnection);
            }
        } else if (auto *box = qobject_cast<QMessageBox *>(modal); box && box->objectName() == u"grafanaExportReport") {
            details = box->detailedText();
            box->accept();
            return;
        }
        QTimer::singleShot(50, this, answer);
    };
    QTimer::singleShot(50, this, answer);
    auto *panel = operations->panel(QStringLiteral("messages-by-type"));
    QAction *action = nullptr;
    for (auto *a : panel->frame()->actions())
        if (a->objectName() == u"exportGrafana")
            action = a;
    QVERIFY(action);
    action->trigger();
    QVERIFY2(details.contains(QStringLiteral("follows the router")), qPrintable(details));
    QFile written(target);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const auto back = wf::grafana::importDashboard(written.readAll());
    QVERIFY(back);
    QCOMPARE(back.value().dashboard.id, QStringLiteral("operations"));
    QCOMPARE(back.value().dashboard.panels().size(), operations->dashboard().panels().size());
    QCOMPARE(back.value().mapped, back.value().panels);
    // From a view that is not a dashboard, File's action says so instead.
    window.showView(wf::ViewId::Alerts);
    window.findChild<QAction *>(QStringLiteral("exportGrafanaAction"))->trigger();
    QVERIFY2(window.statusBar()->currentMessage().contains(QLatin1String("not a dashboard")), qPrintable(window.statusBar()->currentMessage()));
}

void TestMainWindow::alertsPanelsAndRunbooksLeadToEachOther()
{
    QTemporaryDir dir;
    QTemporaryDir folder;
    QFile ours(folder.filePath(QStringLiteral("high-latency.md")));
    QVERIFY(ours.open(QIODevice::WriteOnly));
    ours.write("# Our latency runbook\n\n## Diagnosis\n```promql\nsum(up)\n```\n");
    ours.close();
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    auto profile = wf::demoProfile();
    profile.runbookFolder = folder.path();
    window.setProfile(profile, true);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *alerts = static_cast<wf::AlertsView *>(window.view(wf::ViewId::Alerts));
    auto *runbooks = static_cast<wf::RunbooksView *>(window.view(wf::ViewId::Runbooks));
    auto *explore = static_cast<wf::ExploreView *>(window.view(wf::ViewId::Explore));

    // An alert's runbook_url opens the runbook of its last segment — the profile's own, here.
    emit alerts->runbookRequested(QUrl(QStringLiteral("https://runbooks.mytrader.example/alpaca/high-latency")));
    QCOMPARE(window.currentView(), wf::ViewId::Runbooks);
    QCOMPARE(runbooks->currentSlug(), QStringLiteral("high-latency"));
    QVERIFY(runbooks->browser()->toPlainText().contains(QStringLiteral("Our latency runbook")));

    // An unknown slug asks before opening the address; "No" leaves everything as it was.
    QString asked;
    QTimer::singleShot(100, this, [&asked] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            asked = box->text();
            box->button(QMessageBox::No)->click();
        }
    });
    emit alerts->runbookRequested(QUrl(QStringLiteral("https://wiki.example/ops/kafka-lag")));
    QVERIFY2(asked.contains(QStringLiteral("kafka-lag")), qPrintable(asked));
    QCOMPARE(runbooks->currentSlug(), QStringLiteral("high-latency"));

    // A runbook step's Open in Explore puts it in the editor.
    emit runbooks->browser()->anchorClicked(QUrl(QStringLiteral("wf:explore/0")));
    QCOMPARE(window.currentView(), wf::ViewId::Explore);
    QCOMPARE(explore->query(), QStringLiteral("sum(up)"));

    // A dashboard panel's Open in Explore: the query as the panel runs it.
    auto *operations = qobject_cast<wf::DashboardView *>(window.view(wf::ViewId::Operations));
    auto *panel = operations->panel(QStringLiteral("errors-by-type"));
    QVERIFY(panel);
    QAction *open = nullptr;
    for (auto *a : panel->frame()->actions())
        if (a->objectName() == u"openInExplore")
            open = a;
    QVERIFY(open);
    open->trigger();
    QCOMPARE(window.currentView(), wf::ViewId::Explore);
    QVERIFY2(explore->query().startsWith(QStringLiteral("sum by (type) (rate(alpaca_errors_total[")), qPrintable(explore->query()));
    QVERIFY2(!explore->query().contains(u'$'), qPrintable(explore->query())); // $__rate_interval filled in
}

void TestMainWindow::profileThatNeverAnsweredSaysSoOnce()
{
    // A profile whose four endpoints are free ports: nothing listens.
    const auto freePort = [] {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        return server.serverPort();
    };
    const auto healthPort = freePort();
    auto p = wf::demoProfile();
    p.name = QStringLiteral("typo");
    for (const auto e : {wf::Endpoint::Prometheus, wf::Endpoint::Alertmanager, wf::Endpoint::Loki})
        p.endpoint(e).url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(freePort()));
    p.endpoint(wf::Endpoint::Health).url = QUrl(QStringLiteral("http://127.0.0.1:%1/api/health/alpaca").arg(healthPort));
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    window.resize(1280, 800);
    window.show();
    window.setProfile(p, true);
    auto *page = window.noAnswerPage();
    // One page instead of a view full of errors: what was tried and what it answered.
    QTRY_VERIFY_WITH_TIMEOUT(page->isVisible(), 10000);
    QVERIFY(!window.view(wf::ViewId::Operations)->isVisible());
    const auto tried = page->findChild<QLabel *>(QStringLiteral("noAnswerTried"))->text();
    for (const auto e : wf::kAllEndpoints)
        QVERIFY2(tried.contains(p.endpoint(e).url.toDisplayString().toHtmlEscaped()), qPrintable(tried));
    QVERIFY2(tried.count(QStringLiteral("refused")) == 4, qPrintable(tried));
    QVERIFY(page->findChild<QPushButton *>(QStringLiteral("noAnswerSettings"))->isVisible());
    QVERIFY(page->findChild<QPushButton *>(QStringLiteral("noAnswerDemo"))->isVisible());
    if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty())
        window.grab().save(grab + QStringLiteral("/no-answer.png"));

    // The service comes up (the simulator on the health endpoint's port): at its next probe the
    // views come back by themselves.
    QProcess health;
    QVERIFY(startSimulatorOn(health, healthPort));
    QTRY_VERIFY_WITH_TIMEOUT(window.view(wf::ViewId::Operations)->isVisible(), 30000);
    QVERIFY(!page->isVisible());
    QVERIFY(!page->update(window.endpointStatus())); // it answered once: the page is done for this profile

    // Another profile that points nowhere: the page again; "Show the views anyway" is for good.
    auto q = p;
    q.name = QStringLiteral("typo2");
    q.endpoint(wf::Endpoint::Health).url = QUrl(QStringLiteral("http://127.0.0.1:%1/api/health/alpaca").arg(freePort()));
    window.setProfile(q, true);
    QTRY_VERIFY_WITH_TIMEOUT(page->isVisible(), 10000);
    page->findChild<QPushButton *>(QStringLiteral("noAnswerViews"))->click();
    QVERIFY(window.view(wf::ViewId::Operations)->isVisible());
    QVERIFY(!page->update(window.endpointStatus()));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
