// Wall mode for a shared screen: F11 takes the window full screen with large type and nothing but
// the views, cycling through the chosen ones; Esc gives back the window as it was. A critical
// alert that fires (in a real Alertmanager) takes a banner across the top of the wall at once,
// and the banner goes when the alert is acknowledged from it.

#include "ackdialog.h"
#include "mainwindow.h"
#include "monitoringstack.h"
#include "store/settings.h"
#include "views/alertsview.h"
#include "views/viewbase.h"
#include "wall/wallbanner.h"
#include "wall/wallmode.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QScreen>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QCoreApplication>
#include <QTest>
#include <QTimer>
#include <QToolBar>

class TestWallMode : public QObject
{
    Q_OBJECT
private slots:
    void f11ShowsOnlyTheViewsAndEscGivesTheWindowBack();
    void cyclesThroughTheChosenViews();
    void aCriticalAlertTakesTheBannerUntilAcknowledged();
    void theBannerShowsHostileTextAsText();
};

namespace {

struct Window
{
    QTemporaryDir dir;
    std::unique_ptr<wf::Settings> settings;
    std::unique_ptr<wf::MainWindow> window;

    explicit Window(const wf::Profile &profile = wf::demoProfile())
    {
        settings = std::make_unique<wf::Settings>(dir.path(), wf::SecretStore::Backend::File);
        window = std::make_unique<wf::MainWindow>(*settings);
        window->resize(1280, 800);
        window->setProfile(profile, true);
        window->show();
    }
    QWidget *navigation() const { return window->findChild<QListWidget *>(QStringLiteral("navigation")); }
    QToolBar *topBar() const { return window->findChild<QToolBar *>(QStringLiteral("topBar")); }
};

} // namespace

void TestWallMode::f11ShowsOnlyTheViewsAndEscGivesTheWindowBack()
{
    Window w;
    auto &window = *w.window;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showView(wf::ViewId::Performance);
    const double normalSize = window.font().pointSizeF();
    QVERIFY(window.menuBar()->isVisible() && w.topBar()->isVisible() && window.statusBar()->isVisible());

    QTest::keyClick(&window, Qt::Key_F11);
    QVERIFY(window.wallMode()->isActive());
    QVERIFY(window.windowState() & Qt::WindowFullScreen);
    QTRY_COMPARE(window.geometry(), window.screen()->geometry()); // the whole screen, window manager or not
    QVERIFY(!window.menuBar()->isVisible());
    QVERIFY(!w.topBar()->isVisible());
    QVERIFY(!window.statusBar()->isVisible());
    QVERIFY(!w.navigation()->isVisible());
    QCOMPARE(window.font().pointSizeF(), normalSize * wf::WallMode::kTypeScale);
    // The views' own text grows with it (a chart's labels, a tile's title).
    QCOMPARE(window.view(wf::ViewId::Operations)->font().pointSizeF(), normalSize * wf::WallMode::kTypeScale);
    // The first chosen view (by default Operations, Reliability, Alerts) is up.
    QCOMPARE(window.currentView(), wf::ViewId::Operations);
    QVERIFY(window.findChild<QAction *>(QStringLiteral("wallModeAction"))->isChecked());

    QTest::keyClick(&window, Qt::Key_Escape);
    QVERIFY(!window.wallMode()->isActive());
    QVERIFY(!(window.windowState() & Qt::WindowFullScreen));
    QTRY_COMPARE(window.size(), QSize(1280, 800)); // the size it had
    QVERIFY(window.menuBar()->isVisible() && w.topBar()->isVisible() && window.statusBar()->isVisible());
    QVERIFY(w.navigation()->isVisible());
    QCOMPARE(window.font().pointSizeF(), normalSize);
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("wallModeAction"))->isChecked());

    // F11 again enters, F11 leaves; a bar hidden before the wall stays hidden after it.
    window.statusBar()->hide();
    QTest::keyClick(&window, Qt::Key_F11);
    QVERIFY(window.wallMode()->isActive());
    QTest::keyClick(&window, Qt::Key_F11);
    QVERIFY(!window.wallMode()->isActive());
    QVERIFY(!window.statusBar()->isVisible());
    QVERIFY(window.menuBar()->isVisible());
}

void TestWallMode::cyclesThroughTheChosenViews()
{
    Window w;
    w.settings->setWallViews({QStringLiteral("performance"), QStringLiteral("nonsense"), QStringLiteral("alerts")});
    QCOMPARE(w.settings->wallViews(), (QStringList{QStringLiteral("performance"), QStringLiteral("alerts")}));
    w.settings->setWallCycleSeconds(2);
    QCOMPARE(w.settings->wallCycleSeconds(), 5); // too short to read a view
    auto &window = *w.window;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Settings are read when the window is made and after the Settings dialog.
    auto *wall = window.wallMode();
    wall->setViews({wf::ViewId::Performance, wf::ViewId::Alerts});
    wall->setCycleSeconds(1);
    window.showView(wf::ViewId::Logs);

    wall->setActive(true);
    QCOMPARE(window.currentView(), wf::ViewId::Performance);
    QTRY_COMPARE_WITH_TIMEOUT(window.currentView(), wf::ViewId::Alerts, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(window.currentView(), wf::ViewId::Performance, 15000);
    QVERIFY(window.view(wf::ViewId::Performance)->isVisible());
    // Leaving stops the cycle where it is.
    wall->setActive(false);
    const auto where = window.currentView();
    QVERIFY(!wall->isCycling()); // nothing left to switch the view
    QCoreApplication::processEvents();
    QCOMPARE(window.currentView(), where);

    // Seconds 0: the wall stays on the first chosen view.
    wall->setCycleSeconds(0);
    wall->setActive(true);
    QCOMPARE(window.currentView(), wf::ViewId::Performance);
    QVERIFY(wall->isActive());
    QVERIFY(!wall->isCycling());
    QCoreApplication::processEvents();
    QCOMPARE(window.currentView(), wf::ViewId::Performance);
    wall->setActive(false);
}

void TestWallMode::theBannerShowsHostileTextAsText()
{
    // Anyone who can send an alert writes its name and summary: markup is shown as it is, nothing
    // it names is loaded (an <img src="/dev/zero"> read as an image took the console to 10 GB).
    MonitoringStack stack;
    QVERIFY2(stack.start(), qPrintable(stack.errorString()));
    wf::Profile profile;
    profile.name = QStringLiteral("wall");
    profile.endpoint(wf::Endpoint::Alertmanager).url = stack.alertmanagerUrl();
    Window w(profile);
    auto &window = *w.window;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.wallMode()->setCycleSeconds(0);
    window.wallMode()->setActive(true);
    const auto hostile = QStringLiteral("<img src=\"/dev/zero\"><a href=\"file:///etc/passwd\">x</a> <b>&amp;</b>");
    QVERIFY(stack.postAlerts(QJsonArray{QJsonObject{
        {QStringLiteral("labels"), QJsonObject{{QStringLiteral("alertname"), QStringLiteral("Hostile")},
                                               {QStringLiteral("severity"), QStringLiteral("critical")}}},
        {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("summary"), hostile}}}}}));
    window.alertInbox()->refresh();
    auto *banner = window.wallBanner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 15000);
    auto *label = banner->findChild<QLabel *>();
    QCOMPARE(label->textFormat(), Qt::PlainText);
    QVERIFY2(label->text().contains(hostile), qPrintable(label->text()));
    // Painted as text, and the console answers: its event loop runs a timer within seconds.
    const auto picture = banner->grab();
    QVERIFY(!picture.isNull());
    bool answered = false;
    QTimer::singleShot(0, this, [&answered] { answered = true; });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 15000);
    if (const auto dir = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !dir.isEmpty())
        picture.save(dir + QStringLiteral("/wall-hostile.png"));
}

void TestWallMode::aCriticalAlertTakesTheBannerUntilAcknowledged()
{
    MonitoringStack stack;
    QVERIFY2(stack.start(), qPrintable(stack.errorString()));
    wf::Profile profile;
    profile.name = QStringLiteral("wall");
    profile.endpoint(wf::Endpoint::Alertmanager).url = stack.alertmanagerUrl();
    Window w(profile);
    auto &window = *w.window;
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *banner = window.wallBanner();
    auto *inbox = window.alertInbox();
    window.wallMode()->setCycleSeconds(0);
    window.wallMode()->setActive(true);
    QVERIFY(!banner->isVisible()); // nothing fires

    const auto post = [&](const QString &name, const QString &severity, const QString &summary) {
        return stack.postAlerts(QJsonArray{QJsonObject{
            {QStringLiteral("labels"),
             QJsonObject{{QStringLiteral("alertname"), name}, {QStringLiteral("severity"), severity}, {QStringLiteral("job"), QStringLiteral("mytrader")}}},
            {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("summary"), summary}}}}});
    };
    // A warning is not for the wall's banner.
    QVERIFY(post(QStringLiteral("RouterOnFallback"), QStringLiteral("warning"), QStringLiteral("On the fallback source")));
    inbox->refresh();
    QTRY_COMPARE_WITH_TIMEOUT(inbox->alerts().size(), 1, 10000);
    QVERIFY(!banner->isVisible());

    // The critical one: on the wall at the next poll.
    QVERIFY(post(QStringLiteral("BothSourcesUnavailable"), QStringLiteral("critical"), QStringLiteral("No market data from either source")));
    inbox->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    const auto text = banner->findChild<QLabel *>()->text();
    QVERIFY2(text.startsWith(QStringLiteral("Critical: BothSourcesUnavailable — No market data from either source (since ")), qPrintable(text));
    QVERIFY(banner->geometry().top() <= 2); // across the top
    QVERIFY(banner->width() >= window.width() - 4);
    if (const auto dir = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !dir.isEmpty())
        window.grab().save(dir + QStringLiteral("/wall.png"));

    // Out of the wall, no banner; back on it, the banner again.
    window.wallMode()->setActive(false);
    QVERIFY(!banner->isVisible());
    window.wallMode()->setActive(true);
    QVERIFY(banner->isVisible());

    // "Acknowledge…" on the banner asks as the inbox does; saying yes makes the silence, and the
    // banner goes once Alertmanager has it.
    bool asked = false;
    QTimer::singleShot(200, this, [&asked] {
        if (auto *dialog = qobject_cast<wf::AckDialog *>(QApplication::activeModalWidget())) {
            asked = true;
            dialog->accept();
        }
    });
    banner->findChild<QPushButton *>()->click();
    QVERIFY(asked);
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 15000);
    bool acknowledged = false;
    for (const auto &a : inbox->alerts())
        if (a.alert.labels.value(QStringLiteral("alertname")) == u"BothSourcesUnavailable")
            acknowledged = a.ack.has_value();
    QVERIFY(acknowledged);
    // The warning was not touched.
    for (const auto &a : inbox->alerts())
        if (a.alert.labels.value(QStringLiteral("alertname")) == u"RouterOnFallback")
            QVERIFY(!a.ack.has_value());
}

QTEST_MAIN(TestWallMode)
#include "tst_wallmode.moc"
