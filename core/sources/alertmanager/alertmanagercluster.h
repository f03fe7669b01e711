#pragma once

#include "alertmanagerclient.h"
#include "net/endpointprobe.h"
#include "store/profile.h"

#include <QDateTime>
#include <QObject>
#include <QUrl>

#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace wf {

// An Alertmanager cluster asked as one (the design document's 3+ nodes, §1.2): every peer is
// asked; alerts merge by fingerprint and silences by id, each saying which peers have it (a peer
// that answered and lacks it disagrees); a silence is written to one peer that answers — the one
// that answered last time first, the next on a failure to reach it — and the cluster gossips it
// to the others. The whole fails only when no peer answers.
class AlertmanagerCluster : public QObject
{
    Q_OBJECT
public:
    template <typename T>
    using Callback = AlertmanagerClient::Callback<T>;

    struct Peer
    {
        QUrl url;
        bool answered = false;   // at the last ask
        QString error;           // why not
        QDateTime askedAt;
    };
    struct Snapshot
    {
        QList<AmAlert> alerts;     // merged by fingerprint; peers: the peers that listed it
        QList<Silence> silences;   // merged by id, the newest version; peers likewise
        QList<QUrl> answered;      // the peers that answered this time
    };

    AlertmanagerCluster(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~AlertmanagerCluster() override;

    // The profile's Alertmanager endpoint (authentication, CA) with each of these URLs.
    void setPeers(const Profile &profile, const QList<QUrl> &urls);
    const QList<Peer> &peers() const { return m_state; }
    int size() const { return int(m_state.size()); }

    // Alerts and silences of every peer, merged.
    void snapshot(QObject *context, Callback<Snapshot> done);
    void createSilence(const Silence &silence, QObject *context, Callback<QString> done);
    void expireSilence(const QString &id, QObject *context, Callback<Done> done);

    static QString peerName(const QUrl &url); // host:port
    // The light: ready when every peer answered the last ask, degraded (amber) when some did —
    // the cluster still works — and down when none did; the message names the peers that did not.
    ProbeResult health() const;

private:
    struct Member
    {
        std::unique_ptr<HttpClient> http;
        std::unique_ptr<AlertmanagerClient> client;
    };
    std::vector<int> writeOrder() const; // peers that answered last first
    // Asks every peer for a silence like this one (comment and matchers, not expired): its id, or
    // empty when none has it (or none answered).
    void findSilence(const Silence &silence, std::function<void(const QString &id)> done);
    template <typename T>
    void write(std::shared_ptr<std::vector<int>> order, std::size_t at,
               std::function<void(AlertmanagerClient *, Callback<T>)> call, QObject *context, Callback<T> done,
               std::shared_ptr<Error> first);

    QNetworkAccessManager *m_network;
    std::vector<Member> m_members;
    QList<Peer> m_state;
};

} // namespace wf
