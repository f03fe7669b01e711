// Alert history in SQLite: each change stored once (also across a restart), episodes left open by
// an earlier run closed, retention, and the alert quality arithmetic (fired, median duration,
// share acknowledged, median time to acknowledge, flapping).

#include "store/alerthistory.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QCoreApplication>
#include <QTest>

using State = wf::InboxAlert::State;
using Kind = wf::AlertEvent::Kind;

namespace {

const QDateTime t0(QDate(2026, 5, 4), QTime(8, 0), Qt::UTC);

wf::InboxAlert alert(const QString &name, const QDateTime &startsAt, State state = State::Firing)
{
    wf::InboxAlert a;
    a.alert.labels = {{QStringLiteral("alertname"), name}, {QStringLiteral("severity"), QStringLiteral("warning")}};
    a.alert.fingerprint = QStringLiteral("fp-") + name;
    a.alert.startsAt = startsAt;
    a.state = state;
    return a;
}

wf::InboxAlert acked(wf::InboxAlert a, const QString &author, const QString &silence)
{
    a.state = State::Acknowledged;
    a.ack = wf::AckInfo{silence, QStringLiteral("ack-") + silence, author, QStringLiteral("note"), wf::AckRecord::Mode::Timed, {}, false, {}};
    return a;
}

QList<Kind> kinds(const QList<wf::AlertEvent> &events)
{
    QList<Kind> out;
    for (const auto &e : events)
        out << e.kind;
    return out;
}

} // namespace

class TestAlertHistory : public QObject
{
    Q_OBJECT
private slots:
    void recordsEachChangeOnce();
    void survivesRestart();
    void retention();
    void qualityMath();
    void ackRestoredAndWithdrawnAreRecorded();
    void thousandChangesAreOneBatch();
};

void TestAlertHistory::recordsEachChangeOnce()
{
    QTemporaryDir dir;
    wf::AlertHistory history(dir.path());
    QVERIFY(history.open());
    const auto a = alert(QStringLiteral("RouterOnFallback"), t0);
    history.record(QStringLiteral("prod"), {a}, t0.addSecs(5));
    history.record(QStringLiteral("prod"), {a}, t0.addSecs(10)); // the same again: nothing new
    history.record(QStringLiteral("prod"), {acked(a, QStringLiteral("ann"), QStringLiteral("s1"))}, t0.addSecs(60));
    history.record(QStringLiteral("prod"), {acked(a, QStringLiteral("ann"), QStringLiteral("s1"))}, t0.addSecs(65));
    history.record(QStringLiteral("prod"), {}, t0.addSecs(600)); // gone: resolved
    history.record(QStringLiteral("prod"), {}, t0.addSecs(605));
    auto again = alert(QStringLiteral("RouterOnFallback"), t0.addSecs(900));
    history.record(QStringLiteral("prod"), {again}, t0.addSecs(905));
    again.state = State::Resolved;
    again.resolvedAt = t0.addSecs(1000);
    history.record(QStringLiteral("prod"), {again}, t0.addSecs(1005));
    history.record(QStringLiteral("prod"), {again}, t0.addSecs(1010));

    const auto events = history.events(QStringLiteral("prod"), t0.addDays(-1), t0.addDays(1));
    QCOMPARE(kinds(events), (QList<Kind>{Kind::Fired, Kind::Acknowledged, Kind::Resolved, Kind::Fired, Kind::Resolved}));
    QCOMPARE(events.at(0).at, t0);
    QCOMPARE(events.at(1).author, QStringLiteral("ann"));
    QCOMPARE(events.at(1).at, t0.addSecs(60));
    QCOMPARE(events.at(2).at, t0.addSecs(600));
    QCOMPARE(events.at(4).at, t0.addSecs(1000));
    QVERIFY(history.events(QStringLiteral("staging"), t0.addDays(-1), t0.addDays(1)).isEmpty()); // per profile
}

void TestAlertHistory::survivesRestart()
{
    QTemporaryDir dir;
    const auto a = alert(QStringLiteral("AlpacaDisconnected"), t0);
    const auto b = alert(QStringLiteral("NoMessages"), t0);
    {
        wf::AlertHistory history(dir.path());
        QVERIFY(history.open());
        history.record(QStringLiteral("prod"), {a, b}, t0.addSecs(5));
    }
    // Restarted: A still fires (not stored twice), B ended while the console was closed.
    wf::AlertHistory history(dir.path());
    QVERIFY(history.open());
    history.record(QStringLiteral("prod"), {a}, t0.addSecs(3600));
    const auto events = history.events(QStringLiteral("prod"), t0.addDays(-1), t0.addDays(1));
    QCOMPARE(kinds(events), (QList<Kind>{Kind::Fired, Kind::Fired, Kind::Resolved}));
    QCOMPARE(events.at(2).fingerprint, QStringLiteral("fp-NoMessages"));
    QCOMPARE(events.at(2).at, t0.addSecs(3600));
}

void TestAlertHistory::retention()
{
    QTemporaryDir dir;
    wf::AlertHistory history(dir.path());
    QVERIFY(history.open());
    history.setRetentionDays(90);
    history.record(QStringLiteral("prod"), {alert(QStringLiteral("Old"), t0)}, t0);
    history.record(QStringLiteral("prod"), {alert(QStringLiteral("New"), t0.addDays(89))}, t0.addDays(89));
    QCOMPARE(history.purge(t0.addDays(91)), 1);
    const auto events = history.events(QStringLiteral("prod"), t0.addDays(-1), t0.addDays(100));
    // Left: New's start and Old's end (seen when New came), both within the 90 days.
    QCOMPARE(kinds(events), (QList<Kind>{Kind::Fired, Kind::Resolved}));
    for (const auto &e : events)
        QCOMPARE(e.at, t0.addDays(89));
}

void TestAlertHistory::qualityMath()
{
    const auto ev = [](Kind k, const QString &fp, const QString &name, int minutes, const QString &severity = QStringLiteral("warning")) {
        return wf::AlertEvent{k, fp, name, severity, t0.addSecs(minutes * 60), {}};
    };
    const QList<wf::AlertEvent> events{
        // Flappy on one instance: 3 episodes of 2, 4 and 6 minutes, 5 and 30 minutes apart.
        ev(Kind::Fired, QStringLiteral("f1"), QStringLiteral("Flappy"), 0), ev(Kind::Resolved, QStringLiteral("f1"), QStringLiteral("Flappy"), 2),
        ev(Kind::Fired, QStringLiteral("f1"), QStringLiteral("Flappy"), 7), ev(Kind::Acknowledged, QStringLiteral("f1"), QStringLiteral("Flappy"), 8),
        ev(Kind::Resolved, QStringLiteral("f1"), QStringLiteral("Flappy"), 11),
        ev(Kind::Fired, QStringLiteral("f1"), QStringLiteral("Flappy"), 41), ev(Kind::Resolved, QStringLiteral("f1"), QStringLiteral("Flappy"), 47),
        // A critical one, acknowledged after 10 minutes and still firing.
        ev(Kind::Fired, QStringLiteral("c1"), QStringLiteral("BothSourcesUnavailable"), 20, QStringLiteral("critical")),
        ev(Kind::Acknowledged, QStringLiteral("c1"), QStringLiteral("BothSourcesUnavailable"), 30, QStringLiteral("critical")),
        // Before the window: not counted.
        ev(Kind::Fired, QStringLiteral("o1"), QStringLiteral("Older"), -120), ev(Kind::Resolved, QStringLiteral("o1"), QStringLiteral("Older"), -100)};
    const auto q = wf::AlertHistory::computeQuality(events, t0, t0.addDays(7));
    QCOMPARE(q.size(), 2);
    QCOMPARE(q.at(0).alertname, QStringLiteral("BothSourcesUnavailable")); // critical first
    QCOMPARE(q.at(0).fired, 1);
    QVERIFY(!q.at(0).medianDurationS.has_value());
    QCOMPARE(q.at(0).acknowledgedShare, 1.0);
    QCOMPARE(*q.at(0).medianTimeToAckS, 600);
    const auto &f = q.at(1);
    QCOMPARE(f.fired, 3);
    QCOMPARE(*f.medianDurationS, 240);
    QCOMPARE(f.acknowledgedShare, 1.0 / 3);
    QCOMPARE(*f.medianTimeToAckS, 60);
    QCOMPARE(f.flapping, 1); // 5 minutes after the last end; 30 minutes is not flapping
}

void TestAlertHistory::ackRestoredAndWithdrawnAreRecorded()
{
    QTemporaryDir dir;
    wf::AlertHistory history(dir.path());
    QVERIFY(history.open());
    const auto a = alert(QStringLiteral("RouterOnFallback"), t0);
    history.record(QStringLiteral("prod"), {a}, t0.addSecs(5));
    history.record(QStringLiteral("prod"), {acked(a, QStringLiteral("ann"), QStringLiteral("s1"))}, t0.addSecs(60));
    history.recordAck(QStringLiteral("prod"), Kind::Restored, a.alert, QStringLiteral("ann"), QStringLiteral("ack-1"), t0.addSecs(120));
    history.recordAck(QStringLiteral("prod"), Kind::Restored, a.alert, QStringLiteral("ann"), QStringLiteral("ack-1"), t0.addSecs(121)); // said once
    history.recordAck(QStringLiteral("prod"), Kind::Unacknowledged, a.alert, {}, QStringLiteral("ack-1"), t0.addSecs(300));
    const auto events = history.events(QStringLiteral("prod"), t0.addDays(-1), t0.addDays(1));
    QCOMPARE(kinds(events), (QList<Kind>{Kind::Fired, Kind::Acknowledged, Kind::Restored, Kind::Unacknowledged}));
    QCOMPARE(events.at(2).author, QStringLiteral("ann"));
    // The episode's time to acknowledge is still its first acknowledgement.
    const auto quality = history.quality(QStringLiteral("prod"), t0.addDays(-1), t0.addDays(1));
    QCOMPARE(quality.size(), 1);
    QCOMPARE(quality.first().medianTimeToAckS, std::optional<qint64>(60));
}

void TestAlertHistory::thousandChangesAreOneBatch()
{
    // A poll in which a thousand alerts fired is written by the history's own thread, in one
    // transaction; the History tab is told once, and a read sees every row.
    QTemporaryDir dir;
    wf::AlertHistory history(dir.path());
    QVERIFY(history.open());
    QSignalSpy written(&history, &wf::AlertHistory::written);
    QList<wf::InboxAlert> many;
    for (int i = 0; i < 1000; ++i)
        many << alert(QStringLiteral("A%1").arg(i), t0);
    history.record(QStringLiteral("prod"), many, t0.addSecs(5));
    QVERIFY(written.wait(10000));
    QCOMPARE(written.count(), 1);
    history.record(QStringLiteral("prod"), many, t0.addSecs(10)); // nothing new: nothing written
    history.flush(); // whatever it had to write is written, its signal posted
    QCoreApplication::processEvents();
    QCOMPARE(written.count(), 1);
    QCOMPARE(history.events(QStringLiteral("prod"), t0.addDays(-1), t0.addDays(1)).size(), 1000);
}

QTEST_MAIN(TestAlertHistory)
#include "tst_alerthistory.moc"
