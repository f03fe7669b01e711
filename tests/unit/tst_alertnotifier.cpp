// Desktop notifications from the inbox's updates: one per batch of newly firing alerts, a storm
// grouped, nothing for handled alerts, again when an alert fires again, per-severity settings.

#include "alerts/alertnotifier.h"

#include <QTest>

using State = wf::InboxAlert::State;

namespace {

wf::InboxAlert make(const QString &name, const QString &severity, const QString &id, State state = State::Firing)
{
    wf::InboxAlert a;
    a.alert.labels = {{QStringLiteral("alertname"), name}, {QStringLiteral("severity"), severity}, {QStringLiteral("id"), id}};
    a.alert.annotations = {{QStringLiteral("summary"), name + QStringLiteral(" on ") + id}};
    a.alert.fingerprint = name + id;
    a.state = state;
    return a;
}

const QDateTime t0(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

} // namespace

class TestAlertNotifier : public QObject
{
    Q_OBJECT
private slots:
    void firstBatchIsOneNotification();
    void stormIsGrouped();
    void handledAlertsDoNotNotify();
    void firesAgainNotifiesAgain();
    void perSeverity();
};

void TestAlertNotifier::firstBatchIsOneNotification()
{
    wf::AlertNotifier notifier;
    const QList<wf::InboxAlert> alerts{make(QStringLiteral("RouterOnFallback"), QStringLiteral("warning"), QStringLiteral("a")),
                                       make(QStringLiteral("BothSourcesUnavailable"), QStringLiteral("critical"), QStringLiteral("b"))};
    const auto n = notifier.update(alerts, t0);
    QVERIFY(n);
    QCOMPARE(n->title, QStringLiteral("2 alerts firing"));
    QCOMPARE(n->worst, wf::InboxFilter::Severity::Critical);
    QCOMPARE(n->body, QStringLiteral("BothSourcesUnavailable\nRouterOnFallback")); // worst first
    QCOMPARE(n->fingerprints.first(), QStringLiteral("BothSourcesUnavailableb"));
    // The same alerts on the next poll: nothing new.
    QVERIFY(!notifier.update(alerts, t0.addSecs(5)));
    QVERIFY(!notifier.update(alerts, t0.addSecs(60)));

    wf::AlertNotifier single;
    const auto one = single.update({alerts.first()}, t0);
    QVERIFY(one);
    QCOMPARE(one->title, QStringLiteral("RouterOnFallback"));
    QCOMPARE(one->body, QStringLiteral("RouterOnFallback on a"));
}

void TestAlertNotifier::stormIsGrouped()
{
    wf::AlertNotifier notifier;
    QList<wf::InboxAlert> alerts{make(QStringLiteral("AlpacaDisconnected"), QStringLiteral("critical"), QStringLiteral("x"))};
    QVERIFY(notifier.update(alerts, t0));
    // Fifty alerts arrive over three polls inside the gap: none shown yet…
    int shown = 0;
    for (int poll = 1; poll <= 3; ++poll) {
        for (int i = 0; i < 17 && alerts.size() < 51; ++i)
            alerts << make(QStringLiteral("PriceDeltaHigh"), QStringLiteral("warning"), QString::number(alerts.size()));
        shown += notifier.update(alerts, t0.addSecs(poll * 3)).has_value();
    }
    QCOMPARE(shown, 0);
    // …then one notification for all fifty.
    const auto n = notifier.update(alerts, t0.addSecs(12));
    QVERIFY(n);
    QCOMPARE(n->fingerprints.size(), 50);
    QCOMPARE(n->title, QStringLiteral("50 alerts firing"));
    QCOMPARE(n->body, QStringLiteral("PriceDeltaHigh × 50"));
    QVERIFY(!notifier.update(alerts, t0.addSecs(30)));

    // Many alert names: the first five, then how many more.
    wf::AlertNotifier names;
    QList<wf::InboxAlert> seven;
    for (int i = 0; i < 7; ++i)
        seven << make(QStringLiteral("Alert%1").arg(i), QStringLiteral("warning"), {});
    const auto m = names.update(seven, t0);
    QCOMPARE(m->body.split(u'\n').size(), 6);
    QCOMPARE(m->body.split(u'\n').last(), QStringLiteral("and 2 more"));
}

void TestAlertNotifier::handledAlertsDoNotNotify()
{
    wf::AlertNotifier notifier;
    QVERIFY(!notifier.update({make(QStringLiteral("A"), QStringLiteral("critical"), {}, State::Acknowledged),
                              make(QStringLiteral("B"), QStringLiteral("critical"), {}, State::Silenced),
                              make(QStringLiteral("C"), QStringLiteral("critical"), {}, State::Inhibited),
                              make(QStringLiteral("D"), QStringLiteral("critical"), {}, State::AckPending),
                              make(QStringLiteral("E"), QStringLiteral("critical"), {}, State::Resolved)},
                             t0));
    // Shown one notification; then one fires and is acknowledged before the gap ends: dropped.
    QVERIFY(notifier.update({make(QStringLiteral("F"), QStringLiteral("critical"), {})}, t0.addSecs(1)));
    QVERIFY(!notifier.update({make(QStringLiteral("F"), QStringLiteral("critical"), {}), make(QStringLiteral("G"), QStringLiteral("critical"), {})},
                             t0.addSecs(4)));
    QVERIFY(!notifier.update({make(QStringLiteral("F"), QStringLiteral("critical"), {}),
                              make(QStringLiteral("G"), QStringLiteral("critical"), {}, State::Acknowledged)},
                             t0.addSecs(20)));
}

void TestAlertNotifier::firesAgainNotifiesAgain()
{
    wf::AlertNotifier notifier;
    const auto firing = make(QStringLiteral("RouterOnFallback"), QStringLiteral("warning"), {});
    QVERIFY(notifier.update({firing}, t0));
    // Acknowledged until resolved, resolves (the acknowledgement ends with it), fires again.
    QVERIFY(!notifier.update({make(QStringLiteral("RouterOnFallback"), QStringLiteral("warning"), {}, State::Acknowledged)}, t0.addSecs(60)));
    QVERIFY(!notifier.update({make(QStringLiteral("RouterOnFallback"), QStringLiteral("warning"), {}, State::Resolved)}, t0.addSecs(120)));
    const auto again = notifier.update({firing}, t0.addSecs(180));
    QVERIFY(again);
    QCOMPARE(again->title, QStringLiteral("RouterOnFallback"));
    // Gone from Alertmanager altogether and back: notifies too.
    QVERIFY(!notifier.update({}, t0.addSecs(240)));
    QVERIFY(notifier.update({firing}, t0.addSecs(300)));
}

void TestAlertNotifier::perSeverity()
{
    wf::AlertNotifier notifier;
    QVERIFY(notifier.severityEnabled(wf::InboxFilter::Severity::Critical));
    QVERIFY(notifier.severityEnabled(wf::InboxFilter::Severity::Warning));
    QVERIFY(!notifier.severityEnabled(wf::InboxFilter::Severity::Info));
    QVERIFY(!notifier.update({make(QStringLiteral("Deploy"), QStringLiteral("info"), {})}, t0));
    notifier.setSeverityEnabled(wf::InboxFilter::Severity::Warning, false);
    QVERIFY(!notifier.update({make(QStringLiteral("Deploy"), QStringLiteral("info"), {}), make(QStringLiteral("W"), QStringLiteral("warning"), {})},
                             t0.addSecs(30)));
    notifier.setSeverityEnabled(wf::InboxFilter::Severity::Info, true);
    const auto n = notifier.update({make(QStringLiteral("Deploy"), QStringLiteral("info"), {}), make(QStringLiteral("W"), QStringLiteral("warning"), {}),
                                    make(QStringLiteral("I2"), QStringLiteral("info"), {})},
                                   t0.addSecs(60));
    QVERIFY(n);
    QCOMPARE(n->title, QStringLiteral("I2")); // only the newly firing info alert
}

QTEST_MAIN(TestAlertNotifier)
#include "tst_alertnotifier.moc"
