// The console on an Alertmanager cluster (a profile naming three peers), against three real
// Alertmanager peers gossiping on loopback: the inbox shows each alert once and which peers have
// it; a peer down turns the light amber (not red) and the inbox stays whole; an acknowledgement
// made while a peer is down, or while one is being killed, is confirmed and never lost, says on
// how many of the answering peers its silence is, and reaches the restarted peer.

#include "amcluster.h"
#include "alertinboxmodel.h"
#include "alerts/alertinbox.h"
#include "endpointstatusmodel.h"
#include "mainwindow.h"
#include "sources/alertmanager/alertmanagercluster.h"
#include "store/ackstore.h"
#include "store/settings.h"
#include "views/alertsview.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

class TestAlertCluster : public QObject
{
    Q_OBJECT
private slots:
    void aClusterIsOneInboxThroughPeersGoingAndComing();
};

namespace {

QJsonObject alert(const QString &name, const QString &severity)
{
    return QJsonObject{{QStringLiteral("labels"), QJsonObject{{QStringLiteral("alertname"), name},
                                                              {QStringLiteral("severity"), severity},
                                                              {QStringLiteral("job"), QStringLiteral("mytrader")}}},
                       {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("summary"), name + QStringLiteral(" fires")}}}};
}

const wf::InboxAlert *find(const wf::AlertInbox &inbox, const QString &name)
{
    for (const auto &a : inbox.alerts())
        if (a.alert.labels.value(QStringLiteral("alertname")) == name)
            return &a;
    return nullptr;
}

int unresolved(const wf::AlertInbox &inbox)
{
    return int(std::count_if(inbox.alerts().cbegin(), inbox.alerts().cend(),
                             [](const wf::InboxAlert &a) { return a.state != wf::InboxAlert::State::Resolved; }));
}

QString ackText(const wf::AlertsView *view, const QString &name)
{
    const auto *model = view->model();
    for (int g = 0; g < model->rowCount(); ++g) {
        const auto group = model->index(g, 0);
        for (int r = 0; r < model->rowCount(group); ++r)
            if (model->index(r, wf::AlertInboxModel::Alert, group).data().toString() == name)
                return model->index(r, wf::AlertInboxModel::Acknowledged, group).data().toString();
    }
    return {};
}

} // namespace

void TestAlertCluster::aClusterIsOneInboxThroughPeersGoingAndComing()
{
    AlertmanagerPeers peers;
    QVERIFY2(peers.start(3), qPrintable(peers.errorString()));
    QVERIFY(peers.postAlerts(QJsonArray{alert(QStringLiteral("RouterOnFallback"), QStringLiteral("warning")),
                                        alert(QStringLiteral("BothSourcesUnavailable"), QStringLiteral("critical"))}));

    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    window.resize(1280, 800);
    wf::Profile profile;
    profile.name = QStringLiteral("cluster");
    profile.alertPollSeconds = 1;
    profile.endpoint(wf::Endpoint::Alertmanager).url = peers.url(0);
    profile.endpoint(wf::Endpoint::Alertmanager).moreUrls = {peers.url(1), peers.url(2)};
    window.setProfile(profile, true);
    window.showView(wf::ViewId::Alerts);
    window.show();
    auto &inbox = *window.alertInbox();
    auto *view = static_cast<wf::AlertsView *>(window.view(wf::ViewId::Alerts));
    const auto light = [&] { return window.endpointStatus().result(wf::Endpoint::Alertmanager); };

    // Each alert once, listed by all three; the light green.
    QTRY_COMPARE_WITH_TIMEOUT(inbox.alerts().size(), 2, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(light().state, wf::ProbeResult::State::Ready, 10000);
    QCOMPARE(find(inbox, QStringLiteral("RouterOnFallback"))->alert.peers.size(), 3);
    view->selectAlert(find(inbox, QStringLiteral("RouterOnFallback"))->alert.fingerprint);
    auto *details = view->findChild<QTextBrowser *>(QStringLiteral("alertDetails"));
    QTRY_VERIFY(details->toPlainText().contains(QStringLiteral("Listed by 127.0.0.1:")));
    QVERIFY(find(inbox, QStringLiteral("RouterOnFallback"))->missingOn.isEmpty());

    // An alert only one peer has (its source reached only that one): the peers disagree, and after
    // a second poll saying so the row and the details name the peers without it.
    QVERIFY(peers.postAlertsTo(2, QJsonArray{alert(QStringLiteral("OnlyOnOnePeer"), QStringLiteral("warning"))}));
    QTRY_VERIFY_WITH_TIMEOUT(find(inbox, QStringLiteral("OnlyOnOnePeer")), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(find(inbox, QStringLiteral("OnlyOnOnePeer"))->missingOn.size(), 2, 10000);
    QCOMPARE(find(inbox, QStringLiteral("OnlyOnOnePeer"))->missingOn,
             (QStringList{wf::AlertmanagerCluster::peerName(peers.url(0)), wf::AlertmanagerCluster::peerName(peers.url(1))}));
    view->selectAlert(find(inbox, QStringLiteral("OnlyOnOnePeer"))->alert.fingerprint);
    QTRY_VERIFY(details->toPlainText().contains(QStringLiteral("for more than one poll: the peers disagree")));
    QVERIFY(find(inbox, QStringLiteral("RouterOnFallback"))->missingOn.isEmpty());
    // It ends on its own: posted with an end time now, gone from the one peer that had it.
    QJsonObject over = alert(QStringLiteral("OnlyOnOnePeer"), QStringLiteral("warning"));
    over.insert(QStringLiteral("endsAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    QVERIFY(peers.postAlertsTo(2, QJsonArray{over}));
    QTRY_VERIFY_WITH_TIMEOUT(!find(inbox, QStringLiteral("OnlyOnOnePeer")) || find(inbox, QStringLiteral("OnlyOnOnePeer"))->state == wf::InboxAlert::State::Resolved, 15000);

    // The profile's first peer dies: amber, naming it; the inbox whole.
    peers.kill(0);
    QTRY_COMPARE_WITH_TIMEOUT(light().state, wf::ProbeResult::State::Degraded, 10000);
    QVERIFY2(light().message.startsWith(QStringLiteral("2 of 3 peers of the cluster answer. %1:").arg(wf::AlertmanagerCluster::peerName(peers.url(0)))),
             qPrintable(light().message));
    QCOMPARE(unresolved(inbox), 2);
    QVERIFY(inbox.lastError().isEmpty());

    // Acknowledged with it down: confirmed, on both peers that answer.
    const auto *fallback = find(inbox, QStringLiteral("RouterOnFallback"));
    inbox.acknowledge(fallback->alert, wf::AckRecord::Mode::Timed, 3600, QStringLiteral("looking"), QStringLiteral("alice"));
    QTRY_VERIFY_WITH_TIMEOUT(ackText(view, QStringLiteral("RouterOnFallback")).endsWith(QStringLiteral(" — on 2 of 2")), 15000);

    // Started again: it syncs from the others, the light goes green, the silence is on 3 of 3.
    QVERIFY2(peers.restart(0), qPrintable(peers.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(light().state, wf::ProbeResult::State::Ready, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(ackText(view, QStringLiteral("RouterOnFallback")).endsWith(QStringLiteral(" — on 3 of 3")), 30000);

    // A peer killed the moment an acknowledgement is made: still confirmed, nothing lost.
    const auto *both = find(inbox, QStringLiteral("BothSourcesUnavailable"));
    const auto ackId = inbox.acknowledge(both->alert, wf::AckRecord::Mode::Timed, 3600, {}, QStringLiteral("bob"));
    peers.kill(1);
    QTRY_VERIFY_WITH_TIMEOUT(find(inbox, QStringLiteral("BothSourcesUnavailable"))->ack
                                 && !find(inbox, QStringLiteral("BothSourcesUnavailable"))->ack->pending,
                             30000);
    QCOMPARE(find(inbox, QStringLiteral("BothSourcesUnavailable"))->ack->ackId, ackId);
    QTRY_VERIFY_WITH_TIMEOUT(ackText(view, QStringLiteral("BothSourcesUnavailable")).endsWith(QStringLiteral(" — on 2 of 2")), 15000);

    // Every peer down: red, and the last alerts stay with the error beside them.
    peers.kill(0);
    peers.kill(2);
    QTRY_COMPARE_WITH_TIMEOUT(light().state, wf::ProbeResult::State::Down, 15000);
    QCOMPARE(unresolved(inbox), 2);
    QVERIFY2(inbox.lastError().startsWith(QStringLiteral("None of the 3 Alertmanager peers answered")), qPrintable(inbox.lastError()));
}

QTEST_MAIN(TestAlertCluster)
#include "tst_alertcluster.moc"
