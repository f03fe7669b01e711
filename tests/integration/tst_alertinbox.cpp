// The alert inbox's acknowledgements against the real Alertmanager: the documented silence, un-ack,
// "until resolved" expiring when the alert resolves, and nothing lost or doubled when Alertmanager
// is down during an acknowledgement or the console restarts.

#include "alerts/alertinbox.h"
#include "alerts/alertnotifier.h"
#include "monitoringstack.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using State = wf::InboxAlert::State;

class TestAlertInbox : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void acknowledgeCreatesTheDocumentedSilence();
    void unacknowledgeExpiresTheSilence();
    void untilResolvedEndsWithTheAlert();
    void pendingAckSurvivesADeadAlertmanagerAndARestart();
    void lostAnswerIsNotDuplicated();
    void aTwinSilenceIsExpired();
    void silenceLostByAlertmanagerIsRestored();

private:
    void postAlert(const QJsonObject &labels, const QDateTime &endsAt = {});
    QList<wf::Silence> silences();
    std::optional<wf::InboxAlert> find(const QString &alertname);
    std::unique_ptr<wf::AlertInbox> makeInbox();
    // Waits until the inbox has polled Alertmanager n more times (each poll ends in updated()): a
    // check that nothing happened is made after the polls that could have done it, not after a sleep.
    void pollsGoBy(int n);

    MonitoringStack m_stack;
    QNetworkAccessManager m_network;
    std::unique_ptr<wf::HttpClient> m_http;
    std::unique_ptr<wf::AlertmanagerClient> m_client;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<wf::AckStore> m_store;
    std::unique_ptr<wf::AlertInbox> m_inbox;
};

void TestAlertInbox::initTestCase()
{
    QVERIFY2(m_stack.start(), qPrintable(m_stack.errorString()));
    wf::Profile profile;
    profile.name = QStringLiteral("test");
    profile.endpoint(wf::Endpoint::Alertmanager).url = m_stack.alertmanagerUrl();
    m_http = std::make_unique<wf::HttpClient>(&m_network, wf::Endpoint::Alertmanager);
    m_http->setProfile(profile);
    auto options = m_http->options();
    options.maxRetries = 0;
    options.totalTimeoutMs = 3000;
    m_http->setOptions(options);
    m_client = std::make_unique<wf::AlertmanagerClient>(m_http.get());
}

void TestAlertInbox::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<wf::AckStore>(m_dir->path());
    QString error;
    QVERIFY2(m_store->open(&error), qPrintable(error));
    m_inbox = makeInbox();
}

void TestAlertInbox::cleanup()
{
    m_inbox.reset();
    m_store.reset();
    // Expire what a test left, so the next starts clean.
    for (const auto &s : silences())
        if (s.state != u"expired") {
            bool done = false;
            m_client->expireSilence(s.id, nullptr, [&done](const wf::Result<wf::Done> &) { done = true; });
            if (!QTest::qWaitFor([&] { return done; }, 15000))
                qWarning("cannot expire silence %s", qPrintable(s.id));
        }
}

void TestAlertInbox::pollsGoBy(int n)
{
    QSignalSpy polls(m_inbox.get(), &wf::AlertInbox::updated);
    QTRY_VERIFY_WITH_TIMEOUT(polls.size() >= n, 30000);
}

std::unique_ptr<wf::AlertInbox> TestAlertInbox::makeInbox()
{
    auto inbox = std::make_unique<wf::AlertInbox>(m_client.get(), m_store.get());
    inbox->setRetryBaseMs(100);
    inbox->setPollIntervalMs(500);
    inbox->setProfileName(QStringLiteral("test"));
    inbox->start();
    return inbox;
}

void TestAlertInbox::postAlert(const QJsonObject &labels, const QDateTime &endsAt)
{
    QJsonObject alert{{QStringLiteral("labels"), labels},
                      {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("summary"), QStringLiteral("test alert")}}}};
    if (endsAt.isValid())
        alert.insert(QStringLiteral("endsAt"), endsAt.toString(Qt::ISODateWithMs));
    QVERIFY2(m_stack.postAlerts(QJsonArray{alert}), qPrintable(m_stack.errorString()));
}

QList<wf::Silence> TestAlertInbox::silences()
{
    std::optional<wf::Result<QList<wf::Silence>>> out;
    m_client->silences({}, nullptr, [&out](const wf::Result<QList<wf::Silence>> &r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000) || !out->ok())
        return {};
    return out->value();
}

std::optional<wf::InboxAlert> TestAlertInbox::find(const QString &alertname)
{
    for (const auto &a : m_inbox->alerts())
        if (a.alert.labels.value(QStringLiteral("alertname")) == alertname)
            return a;
    return std::nullopt;
}

static QJsonObject labels(const QString &alertname)
{
    return {{QStringLiteral("alertname"), alertname}, {QStringLiteral("severity"), QStringLiteral("warning")},
            {QStringLiteral("job"), QStringLiteral("mytrader")}, {QStringLiteral("symbol"), QStringLiteral("AAPL")}};
}

void TestAlertInbox::acknowledgeCreatesTheDocumentedSilence()
{
    postAlert(labels(QStringLiteral("AckMe")));
    auto sibling = labels(QStringLiteral("AckMe"));
    sibling.insert(QStringLiteral("symbol"), QStringLiteral("MSFT"));
    postAlert(sibling);
    QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("AckMe")).has_value(), 10000);
    const auto aapl = [&]() -> std::optional<wf::InboxAlert> {
        for (const auto &a : m_inbox->alerts())
            if (a.alert.labels.value(QStringLiteral("symbol")) == u"AAPL" && a.alert.labels.value(QStringLiteral("alertname")) == u"AckMe")
                return a;
        return std::nullopt;
    };
    QTRY_VERIFY_WITH_TIMEOUT(aapl().has_value(), 10000);
    QCOMPARE(aapl()->state, State::Firing);

    m_inbox->acknowledge(aapl()->alert, wf::AckRecord::Mode::UntilResolved, 3600, QStringLiteral("looking at the feed"),
                         QStringLiteral("alice"));
    QTRY_COMPARE_WITH_TIMEOUT(aapl()->state, State::Acknowledged, 10000);
    QCOMPARE(aapl()->ack->author, QStringLiteral("alice"));
    QCOMPARE(aapl()->ack->note, QStringLiteral("looking at the feed"));

    // In Alertmanager: one silence, every label of the alert as an equality matcher, author, comment.
    QList<wf::Silence> ours;
    for (const auto &s : silences())
        if (s.state == u"active" && s.comment.startsWith(QStringLiteral("ACK: ")))
            ours << s;
    QCOMPARE(ours.size(), 1);
    const auto &s = ours.first();
    QCOMPARE(s.createdBy, QStringLiteral("alice"));
    QVERIFY2(s.comment.startsWith(QStringLiteral("ACK: looking at the feed [watchfloor ack until-resolved id=")), qPrintable(s.comment));
    QCOMPARE(s.matchers.size(), 4);
    for (const auto &m : s.matchers) {
        QVERIFY(m.isEqual && !m.isRegex);
        QCOMPARE(m.value, aapl()->alert.labels.value(m.name));
    }
    // Alertmanager suppresses exactly that alert, not its MSFT sibling.
    QTRY_VERIFY_WITH_TIMEOUT(aapl()->alert.silencedBy.contains(s.id), 10000);
    for (const auto &a : m_inbox->alerts())
        if (a.alert.labels.value(QStringLiteral("symbol")) == u"MSFT")
            QCOMPARE(a.state, State::Firing);
}

void TestAlertInbox::unacknowledgeExpiresTheSilence()
{
    postAlert(labels(QStringLiteral("UnackMe")));
    QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("UnackMe")).has_value(), 10000);
    m_inbox->acknowledge(find(QStringLiteral("UnackMe"))->alert, wf::AckRecord::Mode::Timed, 900, QStringLiteral("x"),
                         QStringLiteral("bob"));
    QTRY_COMPARE_WITH_TIMEOUT(find(QStringLiteral("UnackMe"))->state, State::Acknowledged, 10000);
    const auto silenceId = find(QStringLiteral("UnackMe"))->ack->silenceId;
    m_inbox->unacknowledge(find(QStringLiteral("UnackMe"))->alert.fingerprint);
    QTRY_COMPARE_WITH_TIMEOUT(find(QStringLiteral("UnackMe"))->state, State::Firing, 10000);
    // The inbox shows it firing at once; Alertmanager has it expired once the request is through.
    const auto expired = [&] {
        const auto all = silences();
        return std::any_of(all.cbegin(), all.cend(), [&](const wf::Silence &s) { return s.id == silenceId && s.state == u"expired"; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(expired(), 15000);
}

void TestAlertInbox::untilResolvedEndsWithTheAlert()
{
    // Notifications follow the inbox (updates taken a notification gap apart: the gap has its unit test).
    wf::AlertNotifier notifier;
    QStringList notified;
    int updates = 0;
    QObject scope; // the connection ends with this test, however it ends
    connect(m_inbox.get(), &wf::AlertInbox::updated, &scope, [&] {
        const auto at = QDateTime::currentDateTimeUtc().addSecs(++updates * wf::AlertNotifier::kGapSeconds);
        if (const auto n = notifier.update(m_inbox->alerts(), at))
            notified << n->title + u'\n' + n->body;
    });
    postAlert(labels(QStringLiteral("Flappy")));
    QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("Flappy")).has_value(), 10000);
    // (Alerts of earlier tests may have notified first.)
    const auto aboutFlappy = [&] { return notified.filter(QStringLiteral("Flappy")).size(); };
    QTRY_COMPARE_WITH_TIMEOUT(aboutFlappy(), 1, 15000);
    const auto before = notified.size();
    m_inbox->acknowledge(find(QStringLiteral("Flappy"))->alert, wf::AckRecord::Mode::UntilResolved, 86400,
                         QStringLiteral("until it resolves"), QStringLiteral("carol"));
    QTRY_COMPARE_WITH_TIMEOUT(find(QStringLiteral("Flappy"))->state, State::Acknowledged, 10000);
    const auto silenceId = find(QStringLiteral("Flappy"))->ack->silenceId;

    // The alert resolves: within a poll the silence is expired.
    postAlert(labels(QStringLiteral("Flappy")), QDateTime::currentDateTimeUtc().addSecs(-1));
    QTRY_COMPARE_WITH_TIMEOUT(find(QStringLiteral("Flappy"))->state, State::Resolved, 10000);
    const auto silenceState = [&] {
        for (const auto &s : silences())
            if (s.id == silenceId)
                return s.state;
        return QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(silenceState(), QStringLiteral("expired"), 15000);

    QCOMPARE(notified.size(), before); // acknowledged and resolved: nothing more to say

    // It fires again: not acknowledged, it alerts again.
    postAlert(labels(QStringLiteral("Flappy")));
    QTRY_COMPARE_WITH_TIMEOUT(find(QStringLiteral("Flappy"))->state, State::Firing, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), before + 1, 15000);
    QCOMPARE(aboutFlappy(), 2);
}

void TestAlertInbox::pendingAckSurvivesADeadAlertmanagerAndARestart()
{
    postAlert(labels(QStringLiteral("DuringOutage")));
    QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("DuringOutage")).has_value(), 10000);
    const auto alert = find(QStringLiteral("DuringOutage"))->alert;
    m_stack.stopAlertmanager();

    const auto ackId = m_inbox->acknowledge(alert, wf::AckRecord::Mode::Timed, 3600, QStringLiteral("on it"), QStringLiteral("dave"));
    QCOMPARE(find(QStringLiteral("DuringOutage"))->state, State::AckPending);
    QTRY_VERIFY_WITH_TIMEOUT(m_inbox->pendingAcks().value(0).attempts >= 2, 10000);
    QVERIFY(!m_inbox->pendingAcks().first().lastError.isEmpty());
    QVERIFY(find(QStringLiteral("DuringOutage"))->ack->pending);

    // The console exits with the acknowledgement still pending…
    m_inbox.reset();
    QCOMPARE(m_store->find(ackId)->state, wf::AckRecord::State::Pending);
    // …Alertmanager comes back, the console starts again: the silence is created, once.
    QVERIFY2(m_stack.restartAlertmanager(), qPrintable(m_stack.errorString()));
    m_inbox = makeInbox();
    QTRY_COMPARE_WITH_TIMEOUT(m_store->find(ackId)->state, wf::AckRecord::State::Confirmed, 15000);
    pollsGoBy(3); // nothing sends it again
    int withId = 0;
    for (const auto &s : silences())
        withId += s.comment.contains(ackId) ? 1 : 0;
    QCOMPARE(withId, 1);
    QVERIFY(m_inbox->pendingAcks().isEmpty());
}

void TestAlertInbox::lostAnswerIsNotDuplicated()
{
    // An attempt that created the silence but whose answer never came back: the store says pending,
    // Alertmanager has the silence. The next attempt adopts it instead of creating a second one.
    m_inbox.reset();
    wf::AckRecord r;
    r.id = QStringLiteral("0b6f1c2e-4d3a-4f5b-9c8d-7e6f5a4b3c2d");
    r.profile = QStringLiteral("test");
    r.fingerprint = QStringLiteral("deadbeef");
    r.alertname = QStringLiteral("LostAnswer");
    r.labels = {{QStringLiteral("alertname"), QStringLiteral("LostAnswer")}};
    r.author = QStringLiteral("erin");
    r.note = QStringLiteral("first try");
    r.mode = wf::AckRecord::Mode::Timed;
    r.createdAt = r.startsAt = QDateTime::currentDateTimeUtc();
    r.endsAt = r.startsAt.addSecs(3600);
    r.attempts = 1;
    QVERIFY(m_store->save(r));
    wf::Silence s;
    s.matchers = wf::AlertInbox::matchersFor(r.labels);
    s.startsAt = r.startsAt;
    s.endsAt = r.endsAt;
    s.createdBy = r.author;
    s.comment = wf::AlertInbox::silenceComment(r);
    std::optional<wf::Result<QString>> created;
    m_client->createSilence(s, nullptr, [&created](const wf::Result<QString> &id) { created = id; });
    QVERIFY(QTest::qWaitFor([&] { return created.has_value(); }, 10000));
    QVERIFY(created->ok());

    m_inbox = makeInbox();
    QTRY_COMPARE_WITH_TIMEOUT(m_store->find(r.id)->state, wf::AckRecord::State::Confirmed, 10000);
    QCOMPARE(m_store->find(r.id)->silenceId, created->value());
    int withId = 0;
    for (const auto &x : silences())
        withId += x.comment.contains(r.id) ? 1 : 0;
    QCOMPARE(withId, 1);
}

// The same acknowledgement's request sent twice (Qt sends a POST again by itself when a
// connection is cut before any answer) makes two silences with one marker: the inbox expires the
// twin, keeps the one on record, and the acknowledgement stays (not taken for an un-acknowledgement).
void TestAlertInbox::aTwinSilenceIsExpired()
{
    postAlert(labels(QStringLiteral("Twinned")));
    QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("Twinned")), 10000);
    QSignalSpy withdrawn(m_inbox.get(), &wf::AlertInbox::ackWithdrawn);
    const auto ack = m_inbox->acknowledge(find(QStringLiteral("Twinned"))->alert, wf::AckRecord::Mode::Timed, 3600,
                                          QStringLiteral("on it"), QStringLiteral("heidi"));
    QTRY_COMPARE_WITH_TIMEOUT(m_store->find(ack)->state, wf::AckRecord::State::Confirmed, 10000);
    const auto kept = m_store->find(ack)->silenceId;
    wf::Silence original;
    for (const auto &x : silences())
        if (x.id == kept)
            original = x;
    QVERIFY(!original.id.isEmpty());
    wf::Silence twin = original;
    twin.id.clear();
    std::optional<wf::Result<QString>> created;
    m_client->createSilence(twin, nullptr, [&created](const wf::Result<QString> &id) { created = id; });
    QVERIFY(QTest::qWaitFor([&] { return created.has_value(); }, 10000));
    QVERIFY(created->ok());

    const auto state = [&](const QString &id) {
        for (const auto &x : silences())
            if (x.id == id)
                return x.state;
        return QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(state(created->value()), QStringLiteral("expired"), 10000);
    QCOMPARE(state(kept), QStringLiteral("active"));
    pollsGoBy(3); // polls after the twin's end: the acknowledgement stands
    QCOMPARE(m_store->find(ack)->state, wf::AckRecord::State::Confirmed);
    QCOMPARE(withdrawn.size(), 0);
    QCOMPARE(find(QStringLiteral("Twinned"))->state, State::Acknowledged);
}

void TestAlertInbox::silenceLostByAlertmanagerIsRestored()
{
    postAlert(labels(QStringLiteral("LostTimed")));
    postAlert(labels(QStringLiteral("LostUntilResolved")));
    QTRY_VERIFY_WITH_TIMEOUT(find(QStringLiteral("LostTimed")) && find(QStringLiteral("LostUntilResolved")), 10000);
    QSignalSpy restored(m_inbox.get(), &wf::AlertInbox::ackRestored);
    QSignalSpy withdrawn(m_inbox.get(), &wf::AlertInbox::ackWithdrawn);
    const auto timed = m_inbox->acknowledge(find(QStringLiteral("LostTimed"))->alert, wf::AckRecord::Mode::Timed, 3600,
                                            QStringLiteral("looking"), QStringLiteral("frank"));
    const auto untilResolved = m_inbox->acknowledge(find(QStringLiteral("LostUntilResolved"))->alert,
                                                    wf::AckRecord::Mode::UntilResolved, 3600, QStringLiteral("mine"),
                                                    QStringLiteral("grace"));
    QTRY_COMPARE_WITH_TIMEOUT(m_store->find(timed)->state, wf::AckRecord::State::Confirmed, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_store->find(untilResolved)->state, wf::AckRecord::State::Confirmed, 10000);
    const auto before = m_store->find(timed)->silenceId;
    const auto lostUntilResolved = m_store->find(untilResolved)->silenceId;
    QTRY_COMPARE_WITH_TIMEOUT(find(QStringLiteral("LostTimed"))->state, State::Acknowledged, 10000);

    // Killed before its maintenance wrote the silences to disk: it comes back without them (and
    // without the alerts, until Prometheus sends them again).
    m_stack.killAlertmanager();
    QVERIFY2(m_stack.restartAlertmanager(), qPrintable(m_stack.errorString()));
    // Lost: the silence it had is gone (the inbox may have made a new one already, while it
    // polled during the restart — that is the point, and checked below).
    const auto after = silences();
    QVERIFY(std::none_of(after.cbegin(), after.cend(), [&](const wf::Silence &s) { return s.id == before || s.id == lostUntilResolved; }));
    postAlert(labels(QStringLiteral("LostTimed")));
    postAlert(labels(QStringLiteral("LostUntilResolved")));

    // Each poll finds the acknowledgements in force without their silence: made again, the same
    // acknowledgement (same comment and id marker), shown restored, said once each.
    QTRY_COMPARE_WITH_TIMEOUT(restored.count(), 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(m_store->find(timed)->state, wf::AckRecord::State::Confirmed, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(m_store->find(untilResolved)->state, wf::AckRecord::State::Confirmed, 15000);
    QVERIFY(m_store->find(timed)->silenceId != before);
    QTRY_COMPARE_WITH_TIMEOUT(find(QStringLiteral("LostTimed"))->state, State::Acknowledged, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(find(QStringLiteral("LostUntilResolved"))->state, State::Acknowledged, 10000);
    QVERIFY(find(QStringLiteral("LostTimed"))->ack->restored);
    QCOMPARE(find(QStringLiteral("LostTimed"))->ack->author, QStringLiteral("frank"));
    QCOMPARE(find(QStringLiteral("LostUntilResolved"))->ack->note, QStringLiteral("mine"));
    pollsGoBy(4); // restored once, never doubled
    QCOMPARE(restored.count(), 2);
    for (const auto &id : {timed, untilResolved}) {
        int withId = 0;
        for (const auto &s : silences())
            withId += s.comment.contains(id) && s.state != u"expired" ? 1 : 0;
        QCOMPARE(withId, 1);
    }

    // Another client expires one before its time: an un-acknowledgement, recorded, not fought.
    const auto silenceId = m_store->find(timed)->silenceId;
    std::optional<wf::Result<wf::Done>> expired;
    m_client->expireSilence(silenceId, nullptr, [&expired](const wf::Result<wf::Done> &r) { expired = r; });
    QVERIFY(QTest::qWaitFor([&] { return expired.has_value(); }, 10000));
    QTRY_COMPARE_WITH_TIMEOUT(withdrawn.count(), 1, 10000);
    QCOMPARE(withdrawn.first().first().value<wf::AckRecord>().id, timed);
    QCOMPARE(m_store->find(timed)->state, wf::AckRecord::State::Expired);
    QTRY_COMPARE_WITH_TIMEOUT(find(QStringLiteral("LostTimed"))->state, State::Firing, 10000);
    pollsGoBy(4);
    QCOMPARE(restored.count(), 2);
    const auto last = silences();
    QVERIFY(std::none_of(last.cbegin(), last.cend(),
                         [&](const wf::Silence &s) { return s.comment.contains(timed) && s.state != u"expired"; }));
}

QTEST_GUILESS_MAIN(TestAlertInbox)
#include "tst_alertinbox.moc"
