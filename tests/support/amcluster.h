#pragma once

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>
#include <vector>

// A real Alertmanager cluster on loopback (shared/reference/stack.md, "Clusters"): N Debian
// `prometheus-alertmanager` peers, each with its own web and gossip port and storage, every one
// naming all the gossip ports. Peers can be killed (SIGKILL: what was not yet written to disk is
// gone) and started again on the same ports and storage, where they sync from the others.
class AlertmanagerPeers
{
public:
    AlertmanagerPeers();
    ~AlertmanagerPeers();

    bool start(int peers);
    // True when every running peer's /api/v2/status lists `expected` peers in its cluster.
    bool waitForCluster(int expected, int timeoutMs = 30'000);
    int size() const { return int(m_peers.size()); }
    QUrl url(int peer) const;
    QList<QUrl> urls() const;
    bool isRunning(int peer) const;
    void kill(int peer);
    bool restart(int peer);
    // Posts alerts to every running peer, as Prometheus does to each Alertmanager it knows.
    bool postAlerts(const QJsonArray &alerts);
    // To one peer only: the others never hear of them (alerts are not gossiped), so they disagree.
    bool postAlertsTo(int peer, const QJsonArray &alerts);
    // The ids of the silences a peer lists (all states), or an empty list if it does not answer.
    QStringList silenceIds(int peer) const;
    QString errorString() const { return m_error; }

private:
    struct Peer
    {
        quint16 web = 0;
        quint16 gossip = 0;
        std::unique_ptr<QProcess> process;
    };
    bool launch(int peer);

    QTemporaryDir m_dir;
    std::vector<Peer> m_peers;
    QString m_error;
};
