#pragma once

#include "sources/alertmanager/alertmanagerclient.h"
#include "store/ackstore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>

#include <optional>

class QTimer;

namespace wf {
class AlertmanagerCluster;
}

namespace wf {

// An acknowledgement as Alertmanager shows it: a silence whose comment carries our marker, from
// this console or another one (so every console shows who acknowledged and until when).
struct AckInfo
{
    QString silenceId;
    QString ackId;
    QString author;
    QString note;
    AckRecord::Mode mode = AckRecord::Mode::Timed;
    QDateTime endsAt;
    bool pending = false; // not confirmed by Alertmanager yet
    QString lastError;    // why it is still pending
    bool restored = false; // Alertmanager lost its silence and the console made it again
    // In a cluster: the peers that list its silence, of how many that answer (0: not a cluster).
    QStringList peers{};
    int peersAnswering = 0;
};

struct InboxAlert
{
    enum class State { Firing, Acknowledged, AckPending, Silenced, Inhibited, Resolved };
    AmAlert alert;
    State state = State::Firing;
    std::optional<AckInfo> ack;
    QDateTime resolvedAt;
    // A cluster's peers that answered without it at two polls running: the peers disagree (an
    // alert source that does not reach every peer, a peer that lost its state).
    QStringList missingOn{};
};

// The alert inbox's engine: polls Alertmanager's alerts and silences, and acknowledges alerts as
// silences that are never lost. An acknowledgement is stored before it is sent, retried with
// backoff until Alertmanager confirms it, survives a restart, and is created exactly once: each
// attempt first looks for a silence carrying the acknowledgement's id. "Until resolved"
// acknowledgements are expired as soon as their alert resolves — by whichever console sees it.
//
// Matchers: every label of the alert, by equality. Alertmanager identifies an alert by its whole
// label set, so this silences exactly the acknowledged alert: never a sibling (another symbol,
// another instance) that fires later and deserves its own look.
class AlertInbox : public QObject
{
    Q_OBJECT
public:
    static constexpr int kResolvedKeepSeconds = 15 * 60;
    static constexpr int kMaxRetryMs = 60'000;

    AlertInbox(AlertmanagerClient *client, AckStore *store, QObject *parent = nullptr);

    // A cluster of two or more peers: asked through it instead of the one client (nullptr: the
    // client). Acknowledgements then say on how many of the peers that answer their silence is.
    void setCluster(AlertmanagerCluster *cluster);
    AlertmanagerCluster *cluster() const { return m_cluster; }

    // Loads this profile's pending acknowledgements and sends them.
    void setProfileName(const QString &profile);
    QString profileName() const { return m_profile; }
    void setPollIntervalMs(int ms);
    void setRetryBaseMs(int ms) { m_retryBaseMs = ms; }
    void start();
    void stop();
    void refresh();

    const QList<InboxAlert> &alerts() const { return m_alerts; }
    std::optional<InboxAlert> alert(const QString &fingerprint) const;
    QString lastError() const { return m_lastError; }
    QDateTime lastRefresh() const { return m_lastRefresh; }

    // Returns the acknowledgement's id. seconds: the silence's length (until-resolved: a safety end).
    QString acknowledge(const AmAlert &alert, AckRecord::Mode mode, int seconds, const QString &note,
                        const QString &author);
    void unacknowledge(const QString &fingerprint);

    // Every silence Alertmanager has (active, pending, expired), as of the last refresh.
    const QList<Silence> &silences() const { return m_silences; }
    // A silence made or edited by hand (the Silences tab). With an id it replaces that silence,
    // as Alertmanager does; done gets the (possibly new) id. Both refresh the inbox when done.
    void saveSilence(const Silence &silence, QObject *context, AlertmanagerClient::Callback<QString> done);
    void expireSilence(const QString &silenceId, QObject *context, AlertmanagerClient::Callback<Done> done);
    QList<AckRecord> pendingAcks() const;

    // Who acknowledges or silences unless told otherwise: the OS user ($USER, else the home folder's name).
    static QString defaultAuthor();

    static QString silenceComment(const AckRecord &record);
    struct Marker
    {
        AckRecord::Mode mode;
        QString ackId;
        QString note;
    };
    static std::optional<Marker> parseComment(const QString &comment);
    static QList<Matcher> matchersFor(const Labels &labels);
    static bool matches(const QList<Matcher> &matchers, const Labels &labels);

signals:
    void updated();
    void ackChanged(const QString &fingerprint);
    // A confirmed acknowledgement still in force whose silence Alertmanager no longer has (it
    // lost it: killed before writing it to disk): the console is making it again.
    void ackRestored(const wf::AckRecord &record);
    // A confirmed acknowledgement's silence expired before its time by another client: an
    // un-acknowledgement, recorded and not fought.
    void ackWithdrawn(const wf::AckRecord &record);
    void refreshFailed(const QString &message);

private:
    void send(const QString &ackId);
    void sendFailed(const QString &ackId, const QString &message);
    void confirmed(const QString &ackId, const QString &silenceId);
    void onSnapshot(const QList<AmAlert> &alerts, const QList<Silence> &silences, const QDateTime &askedAt);
    void reassert(const QList<AmAlert> &alerts, const QList<Silence> &silences, const QDateTime &askedAt);
    void expireSilence(const QString &silenceId, const QString &why);
    void rebuild();

    AlertmanagerClient *m_client;
    AlertmanagerCluster *m_cluster = nullptr;
    QStringList m_answering;              // the cluster's peers that answered the last poll
    QHash<QString, int> m_partialPolls;   // by fingerprint: polls running at which some of them lacked it
    // The one client's calls, or the cluster's.
    void askAlertsAndSilences(std::function<void(const Result<QList<AmAlert>> &, const Result<QList<Silence>> &)> done);
    void askSilences(std::function<void(const Result<QList<Silence>> &)> done);
    void writeSilence(const Silence &silence, QObject *context, AlertmanagerClient::Callback<QString> done);
    void writeExpiry(const QString &id, QObject *context, AlertmanagerClient::Callback<Done> done);
    AckStore *m_store;
    QString m_profile;
    QTimer *m_poll;
    int m_retryBaseMs = 1000;
    QHash<QString, AckRecord> m_acks;        // this console's acks not finished yet, by id
    QHash<QString, AckRecord> m_confirmed;   // this console's confirmed acks, watched while in force
    QHash<QString, QDateTime> m_confirmedAt; // by ack id: a snapshot asked before it cannot show it
    QSet<QString> m_restored;                // ack ids whose silence the console made again
    QHash<QString, QTimer *> m_retryTimers;  // by ack id
    QSet<QString> m_sending;                 // ack ids with an attempt in flight
    QSet<QString> m_expiring;                // silence ids being expired
    QList<AmAlert> m_current;
    QList<Silence> m_silences;
    QHash<QString, InboxAlert> m_resolved;   // fingerprint → the alert as it resolved
    QList<InboxAlert> m_alerts;
    bool m_refreshing = false;
    QElapsedTimer m_refreshStarted;
    QString m_lastError;
    QDateTime m_lastRefresh;
};

} // namespace wf
