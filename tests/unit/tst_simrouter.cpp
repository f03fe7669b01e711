// The simulator's data-source router: each transition of the state machine, the hysteresis on
// the way back to the primary, failover counting, and the time accounted to each state.

#include "router.h"

#include <QTest>

using sim::Router;
using sim::RouterState;

class TestSimRouter : public QObject
{
    Q_OBJECT
private slots:
    void alpacaFailureFailsOverToYahoo();
    void bothDownFromPrimary();
    void yahooLossAndReturnInFallback();
    void hysteresisOnTheWayBack();
    void flappingAlpacaRestartsTheHysteresis();
    void durationsAndUptime();
};

void TestSimRouter::alpacaFailureFailsOverToYahoo()
{
    Router r(5);
    QVERIFY(!r.step(0.1, 0.1, {}, true));
    const auto t = r.step(3.1, 3.0, QStringLiteral("Connection lost"), true);
    QVERIFY(t);
    QCOMPARE(t->from, RouterState::PrimaryActive);
    QCOMPARE(t->to, RouterState::FallbackActive);
    QCOMPARE(t->reason, QStringLiteral("Connection lost"));
    QVERIFY(t->failover);
    QCOMPARE(t->secondsInPrevious, 3.1);
    QCOMPARE(r.failovers(), 1);
    QCOMPARE(r.state(), RouterState::FallbackActive);
    QVERIFY(!r.step(3.2, 0.1, QStringLiteral("Connection lost"), true)); // no repeated transitions
}

void TestSimRouter::bothDownFromPrimary()
{
    Router r(5);
    const auto t = r.step(1, 1, QStringLiteral("Authentication failed"), false);
    QVERIFY(t);
    QCOMPARE(t->to, RouterState::BothUnavailable);
    QCOMPARE(r.failovers(), 1);
}

void TestSimRouter::yahooLossAndReturnInFallback()
{
    Router r(5);
    r.step(1, 1, QStringLiteral("Connection lost"), true);
    auto t = r.step(2, 1, QStringLiteral("Connection lost"), false);
    QVERIFY(t);
    QCOMPARE(t->from, RouterState::FallbackActive);
    QCOMPARE(t->to, RouterState::BothUnavailable);
    QVERIFY(!t->failover);
    t = r.step(3, 1, QStringLiteral("Connection lost"), true);
    QVERIFY(t);
    QCOMPARE(t->to, RouterState::FallbackActive);
    QCOMPARE(r.failovers(), 1); // moving between the degraded states is not another failover
}

void TestSimRouter::hysteresisOnTheWayBack()
{
    Router r(5);
    r.step(1, 1, QStringLiteral("Connection lost"), true);
    double now = 1;
    for (int i = 0; i < 49; ++i) { // Alpaca healthy from 1.1 s to 5.9 s: under five seconds
        now += 0.1;
        QVERIFY2(!r.step(now, 0.1, {}, true), qPrintable(QString::number(now)));
    }
    QCOMPARE(r.state(), RouterState::FallbackActive);
    now += 0.5;
    const auto t = r.step(now, 0.5, {}, true);
    QVERIFY(t);
    QCOMPARE(t->to, RouterState::PrimaryActive);
    QVERIFY(!t->failover);
}

void TestSimRouter::flappingAlpacaRestartsTheHysteresis()
{
    Router r(5);
    r.step(1, 1, QStringLiteral("Connection lost"), true);
    r.step(2, 1, {}, true);
    r.step(5, 3, {}, true);
    r.step(5.5, 0.5, QStringLiteral("Connection lost"), true); // flaps
    QVERIFY(!r.step(8, 2.5, {}, true));
    QVERIFY(!r.step(12.9, 4.9, {}, true));
    QCOMPARE(r.state(), RouterState::FallbackActive);
    QVERIFY(r.step(13.1, 0.2, {}, true));
    QCOMPARE(r.state(), RouterState::PrimaryActive);
}

void TestSimRouter::durationsAndUptime()
{
    Router r(0);
    r.step(10, 10, {}, true);                           // 10 s primary
    r.step(11, 1, QStringLiteral("x"), false);          // → both (the step's time counts to primary)
    r.step(21, 10, QStringLiteral("x"), false);         // 10 s both
    r.step(22, 1, {}, true);                            // → primary (1 s more both)
    QCOMPARE(r.secondsIn(RouterState::PrimaryActive), 11.0);
    QCOMPARE(r.secondsIn(RouterState::BothUnavailable), 11.0);
    QCOMPARE(r.secondsIn(RouterState::FallbackActive), 0.0);
    QCOMPARE(r.uptimePercent(), 50.0);
    // With 30 days of history before this run, of which an hour was down:
    QVERIFY(qAbs(r.uptimePercent(30 * 86400, 3600) - 100.0 * (1 - (3600 + 11.0) / (30 * 86400 + 22.0))) < 1e-9);
}

QTEST_GUILESS_MAIN(TestSimRouter)
#include "tst_simrouter.moc"
