// An Alertmanager cluster asked as one, against three real Debian Alertmanager peers gossiping on
// loopback: alerts and silences merge (each says which peers have it), a silence written to one
// peer reaches all, a peer killed does not lose the cluster's alerts nor stop an acknowledgement
// (written to the next peer), the peer started again has what was made while it was down, and
// only when no peer answers is the whole an error that says so.

#include "amcluster.h"
#include "sources/alertmanager/alertmanagercluster.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

#include <optional>

class TestAmCluster : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void mergesAlertsAndSilencesOfEveryPeer();
    void aPeerDownLosesNothingAndTheNextTakesTheSilence();
    void aRestartedPeerHasWhatWasMadeWithoutIt();
    void aPeerThatDiesBetweenAsksIsPassedOver();
    void noPeerAnsweringIsSaid();

private:
    std::optional<wf::Result<wf::AlertmanagerCluster::Snapshot>> snapshot();
    std::optional<wf::Result<QString>> silence(const QString &comment);
    int peersWith(const QString &silenceId);

    AlertmanagerPeers m_peers;
    QNetworkAccessManager m_network;
    std::unique_ptr<wf::AlertmanagerCluster> m_cluster;
    QString m_first; // the silence made with every peer up
    QString m_second; // the one made with peer 0 down
};

void TestAmCluster::initTestCase()
{
    QVERIFY2(m_peers.start(3), qPrintable(m_peers.errorString()));
    m_cluster = std::make_unique<wf::AlertmanagerCluster>(&m_network);
    wf::Profile profile;
    profile.name = QStringLiteral("cluster");
    m_cluster->setPeers(profile, m_peers.urls());
    QVERIFY(m_peers.postAlerts(QJsonArray{QJsonObject{
        {QStringLiteral("labels"), QJsonObject{{QStringLiteral("alertname"), QStringLiteral("RouterOnFallback")},
                                               {QStringLiteral("severity"), QStringLiteral("warning")}}},
        {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("summary"), QStringLiteral("On the fallback")}}}}}));
}

std::optional<wf::Result<wf::AlertmanagerCluster::Snapshot>> TestAmCluster::snapshot()
{
    std::optional<wf::Result<wf::AlertmanagerCluster::Snapshot>> out;
    m_cluster->snapshot(this, [&out](const auto &r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 40000))
        return std::nullopt;
    return out;
}

std::optional<wf::Result<QString>> TestAmCluster::silence(const QString &comment)
{
    wf::Silence s;
    s.matchers = {wf::Matcher{QStringLiteral("alertname"), QStringLiteral("RouterOnFallback"), false, true}};
    s.startsAt = QDateTime::currentDateTimeUtc();
    s.endsAt = s.startsAt.addSecs(3600);
    s.createdBy = QStringLiteral("tst_amcluster");
    s.comment = comment;
    std::optional<wf::Result<QString>> out;
    m_cluster->createSilence(s, this, [&out](const auto &r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 40000))
        return std::nullopt;
    return out;
}

int TestAmCluster::peersWith(const QString &silenceId)
{
    const auto s = snapshot();
    if (!s || !s->ok())
        return -1;
    for (const auto &silence : (*s)->silences)
        if (silence.id == silenceId)
            return int(silence.peers.size());
    return 0;
}

void TestAmCluster::mergesAlertsAndSilencesOfEveryPeer()
{
    auto s = snapshot();
    QVERIFY(s && s->ok());
    QCOMPARE((*s)->answered.size(), 3);
    QCOMPARE((*s)->alerts.size(), 1); // one row, not one per peer
    QCOMPARE((*s)->alerts.first().peers.size(), 3);

    const auto id = silence(QStringLiteral("acknowledged with every peer up"));
    QVERIFY(id && id->ok());
    m_first = id->value();
    // Written to one peer, gossiped to the others within seconds: "on 3 of 3".
    QTRY_COMPARE_WITH_TIMEOUT(peersWith(m_first), 3, 15000);
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_peers.silenceIds(i).contains(m_first));
}

void TestAmCluster::aPeerDownLosesNothingAndTheNextTakesTheSilence()
{
    m_peers.kill(0); // it answered last time: the write tries it first
    auto s = snapshot();
    QVERIFY(s && s->ok());
    QCOMPARE((*s)->answered.size(), 2);
    QVERIFY(!m_cluster->peers().at(0).answered);
    QVERIFY(!m_cluster->peers().at(0).error.isEmpty());
    QCOMPARE((*s)->alerts.size(), 1);
    QCOMPARE((*s)->alerts.first().peers.size(), 2);

    // Written to a peer that answers (peer 0 is known down now; had it been tried, the next
    // would take it: see the write order).
    const auto id = silence(QStringLiteral("acknowledged with peer 0 down"));
    QVERIFY2(id && id->ok(), !id ? "no answer" : id->ok() ? "" : qPrintable(id->error().message));
    m_second = id->value();
    QTRY_COMPARE_WITH_TIMEOUT(peersWith(m_second), 2, 15000);
}

void TestAmCluster::aRestartedPeerHasWhatWasMadeWithoutIt()
{
    QVERIFY2(m_peers.restart(0), qPrintable(m_peers.errorString()));
    QVERIFY2(m_peers.waitForCluster(3), qPrintable(m_peers.errorString()));
    // It syncs from the others on joining: both silences on all three again.
    QTRY_COMPARE_WITH_TIMEOUT(peersWith(m_second), 3, 30000);
    QCOMPARE(peersWith(m_first), 3);
    QVERIFY(m_peers.silenceIds(0).contains(m_second));
}

// Peer 0 answered the last ask and is the first to be written to; it dies before the write: the
// silence goes to the next peer, the caller sees success, and peer 0 is marked down.
void TestAmCluster::aPeerThatDiesBetweenAsksIsPassedOver()
{
    const auto before = snapshot();
    QVERIFY(before && before->ok());
    QVERIFY(m_cluster->peers().at(0).answered);
    m_peers.kill(0);
    const auto id = silence(QStringLiteral("acknowledged as peer 0 died"));
    QVERIFY2(id && id->ok(), !id ? "no answer" : id->ok() ? "" : qPrintable(id->error().message));
    QVERIFY(!m_cluster->peers().at(0).answered);
    QTRY_COMPARE_WITH_TIMEOUT(peersWith(id->value()), 2, 15000);
}

void TestAmCluster::noPeerAnsweringIsSaid()
{
    for (int i = 0; i < 3; ++i)
        m_peers.kill(i);
    const auto s = snapshot();
    QVERIFY(s && !s->ok());
    QVERIFY2(s->error().message.startsWith(QStringLiteral("None of the 3 Alertmanager peers answered: ")), qPrintable(s->error().message));
    const auto id = silence(QStringLiteral("nobody to take it"));
    QVERIFY(id && !id->ok());
    QVERIFY2(id->error().message.startsWith(QStringLiteral("None of the 3 Alertmanager peers took it: ")), qPrintable(id->error().message));
}

QTEST_MAIN(TestAmCluster)
#include "tst_amcluster.moc"
