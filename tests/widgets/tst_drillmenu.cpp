// The Drill menu against a real mytrader-sim: a drill chosen from the menu reaches the simulator,
// its time left shows on the status bar and in the menu, "End all drills" ends it, and a
// simulator that is not there is said so instead of failing silently.

#include "drillmenu.h"
#include "mainwindow.h"
#include "monitoringstack.h"
#include "statuslight.h"
#include "store/settings.h"

#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestDrillMenu : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void drillFromTheMenu();
    void mainWindowShowsTheMenuOnlyWhenAsked();
    void unreachableSimulator();
    void routerLightFollowsAFailoverWithinASecond();
    void restartLokiFromTheMenu();

private:
    wf::Profile simProfile() const;
    MonitoringStack m_stack;
    QNetworkAccessManager m_network;
};

void TestDrillMenu::initTestCase()
{
    QVERIFY2(m_stack.startSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE), {QStringLiteral("--quiet")}),
             qPrintable(m_stack.errorString()));
}

wf::Profile TestDrillMenu::simProfile() const
{
    wf::Profile p;
    p.name = QStringLiteral("sim");
    p.endpoint(wf::Endpoint::Health).url = m_stack.simulatorUrl().resolved(QUrl(QStringLiteral("/api/health/alpaca")));
    return p;
}

void TestDrillMenu::drillFromTheMenu()
{
    wf::DrillMenu menu(&m_network);
    menu.setProfile(simProfile());
    QSignalSpy changed(&menu, &wf::DrillMenu::statusChanged);
    QVERIFY(changed.wait(10000));
    QVERIFY2(menu.lastError().isEmpty(), qPrintable(menu.lastError()));
    QVERIFY(menu.lastStatus().active.isEmpty());
    QVERIFY(!menu.clearAction()->isEnabled());

    auto *action = menu.injectAction(QStringLiteral("alpaca_disconnect"), 60);
    QVERIFY(action);
    QCOMPARE(action->text(), QStringLiteral("For 1 minute"));
    action->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(menu.lastStatus().active.size(), 1, 10000);
    QCOMPARE(menu.lastStatus().active.first().kind, QStringLiteral("alpaca_disconnect"));
    QVERIFY2(menu.statusLabel()->text().startsWith(QStringLiteral("Drill: Alpaca disconnect — ")), qPrintable(menu.statusLabel()->text()));
    QVERIFY(menu.statusLabel()->text().endsWith(QStringLiteral(" s left")));
    QVERIFY(menu.clearAction()->isEnabled());
    // The menu lists it among the drills in force.
    bool listed = false;
    for (auto *a : menu.actions())
        listed = listed || (a->text().startsWith(QStringLiteral("Alpaca disconnect — ")) && !a->isEnabled());
    QVERIFY(listed);
    // The simulator's router did fail over.
    menu.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(menu.lastStatus().routerState, QStringLiteral("FALLBACK_ACTIVE"), 10000);

    menu.clearAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(menu.lastStatus().active.isEmpty(), 10000);
    QVERIFY(menu.statusLabel()->text().isEmpty());
}

void TestDrillMenu::mainWindowShowsTheMenuOnlyWhenAsked()
{
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    window.setProfile(simProfile(), true);
    const auto titles = [&] {
        QStringList t;
        for (auto *a : window.menuBar()->actions())
            t << a->text();
        return t;
    };
    QVERIFY(!titles().contains(QStringLiteral("&Drill")));
    window.enableDrills();
    QCOMPARE(titles(), (QStringList{QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Drill"), QStringLiteral("&Help")}));
    QVERIFY(window.drillMenu());
}

void TestDrillMenu::unreachableSimulator()
{
    wf::Profile p;
    p.name = QStringLiteral("nowhere");
    p.endpoint(wf::Endpoint::Health).url = QUrl(QStringLiteral("http://127.0.0.1:%1/api/health/alpaca").arg(MonitoringStack::freePort()));
    wf::DrillMenu menu(&m_network);
    menu.setProfile(p);
    QTRY_VERIFY_WITH_TIMEOUT(!menu.lastError().isEmpty(), 10000);
    QVERIFY(menu.lastError().contains(QStringLiteral("refused")));
    bool said = false;
    for (auto *a : menu.actions())
        said = said || a->text().startsWith(QStringLiteral("Simulator not reachable at http://127.0.0.1:"));
    QVERIFY(said);
}

void TestDrillMenu::routerLightFollowsAFailoverWithinASecond()
{
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    window.setProfile(simProfile(), true);
    window.enableDrills();
    auto *light = window.routerLight();
    QTRY_COMPARE_WITH_TIMEOUT(light->label(), QStringLiteral("Router: Primary (Alpaca)"), 10000);
    QCOMPARE(light->health(), wf::Health::Good);

    window.drillMenu()->injectAction(QStringLiteral("both_down"), 30)->trigger();
    QElapsedTimer clock;
    clock.start();
    QTRY_COMPARE_WITH_TIMEOUT(light->label(), QStringLiteral("Router: Both sources unavailable"), 15000);
    qInfo("router light changed %lld ms after the drill was chosen", clock.elapsed());
    QCOMPARE(light->health(), wf::Health::Bad);
    QVERIFY2(light->toolTip().contains(QStringLiteral("BOTH_UNAVAILABLE")), qPrintable(light->toolTip()));
    if (const auto dirShots = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !dirShots.isEmpty())
        window.grab().save(dirShots + QStringLiteral("/drill-both-down.png"));

    window.drillMenu()->clearAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(light->label(), QStringLiteral("Router: Primary (Alpaca)"), 20000);
}

void TestDrillMenu::restartLokiFromTheMenu()
{
    // Drill → Restart Loki: the simulator's Loki API turns "not ready" for its few seconds.
    wf::DrillMenu menu(&m_network);
    menu.setProfile(simProfile());
    auto *action = menu.findChild<QAction *>(QStringLiteral("drill_loki_restart"));
    QVERIFY(action);
    const auto ready = [&] {
        std::unique_ptr<QNetworkReply> reply(m_network.get(QNetworkRequest(m_stack.simulatorUrl().resolved(QUrl(QStringLiteral("/ready"))))));
        if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 15000))
            return 0;
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    };
    QCOMPARE(ready(), 200);
    action->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(ready(), 503, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(ready(), 200, 10000);
    QVERIFY2(menu.lastError().isEmpty(), qPrintable(menu.lastError()));
}

QTEST_MAIN(TestDrillMenu)
#include "tst_drillmenu.moc"
