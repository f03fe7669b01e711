#pragma once

#include "lokiresult.h"
#include "store/profile.h"

#include <QAbstractSocket>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QUrl>

#include <vector>

class QTimer;
class QWebSocket;

namespace wf {

class LokiClient;

// A line the tail delivered, with its stream's labels.
struct TailEntry
{
    Labels labels;
    qint64 ns = 0;
    QString line;
};

// A live tail over Loki's /loki/api/v1/tail WebSocket (apis.md §3). Reconnects by itself with
// backoff and resumes from the last timestamp seen, dropping the lines at that timestamp it has
// already delivered, so nothing is duplicated; reports dropped entries and its state. Loki closes
// a tail with 1011 for every server-side ending — an ingester going away, Loki shutting down — and
// for a query it cannot tail: so after a 1011 the same query is asked of query_range (limit 1), and
// only a 4xx answer there stops the tail, with Loki's message. Anything else is reconnected.
class LokiTail : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Live, Reconnecting, Failed };
    static constexpr quint64 kMaxMessageBytes = 16 * 1024 * 1024;
    Q_ENUM(State)

    struct Options
    {
        int limit = 1000;          // history lines sent on (re)connect
        int delayForSeconds = 0;   // 0..5
        // 1, 2, 4, 5, 5 … s, plus up to half again of jitter: one upgrade request every few seconds
        // costs a down Loki nothing, and the tail is live again within seconds of Loki's return.
        int backoffBaseMs = 1000;
        int maxBackoffMs = 5'000;
        int pingIntervalMs = 10'000;
        int pongTimeoutMs = 30'000; // no pong in this long: the connection is dead
        int connectTimeoutMs = 10'000;
    };

    explicit LokiTail(QObject *parent = nullptr);
    ~LokiTail() override;

    void setProfile(const Profile &profile); // stops a running tail
    // Asks whether Loki rejects the query after a 1011 close. Without one, a 1011 stops the tail.
    void setQueryCheck(LokiClient *client) { m_client = client; }
    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }

    // Starts tailing logql from startNs (0: now). Restarting drops what the old tail remembered.
    void start(const QString &logql, qint64 startNs = 0);
    void stop();

    State state() const { return m_state; }
    QString message() const { return m_message; } // why it is reconnecting or failed
    qint64 lastNs() const { return m_lastNs; }
    int reconnects() const { return m_reconnects; }
    // While reconnecting: the attempt about to be made (1, 2 …) and how soon (-1: not scheduled).
    int attempt() const { return m_attempt; }
    int nextAttemptInMs() const;
    QUrl url() const; // the WebSocket URL of the current attempt (no credentials in it)

    static QString stateName(State state);

signals:
    void entries(const std::vector<wf::TailEntry> &entries); // oldest first, never a line twice
    void dropped(const std::vector<wf::DroppedEntry> &entries);
    // After a reconnect Loki replayed as many lines as the limit allows: lines from the last one
    // received (ns) up to the replay's first may be missing.
    void gap(qint64 ns);
    void stateChanged(wf::LokiTail::State state, const QString &message);
    // A message Loki sent that could not be read (malformed, the wrong shape): skipped, the tail
    // stays open; said so that the user and the endpoint's light know.
    void unreadable(const wf::Error &error);

private:
    void connectSocket();
    void onTextMessage(const QString &text);
    void onDisconnected();
    void scheduleReconnect(const QString &why);
    void checkRejection(const QString &reason);
    void setState(State state, const QString &message);
    void dropSocket();
    QString openError(const QWebSocket *socket) const;
    static QString entryKey(const Labels &labels, const QString &line);

    Profile m_profile;
    Options m_options;
    QString m_query;
    qint64 m_lastNs = 0;
    QSet<QString> m_seenAtLast; // labels + line of each entry delivered at m_lastNs
    QAbstractSocket::SocketError m_socketError = QAbstractSocket::UnknownSocketError; // the last socket's
    State m_state = State::Idle;
    QString m_message;
    int m_attempt = 0;
    int m_reconnects = 0;
    bool m_gotMessage = false;
    bool m_resuming = false; // the next message replays what was missed while away
    LokiClient *m_client = nullptr;
    quint64 m_check = 0; // the query_range asked after a 1011, while it runs
    bool m_socketConnected = false;
    qint64 m_lastPongMs = 0;
    QPointer<QWebSocket> m_socket;
    QTimer *m_retryTimer;
    QTimer *m_pingTimer;
    QTimer *m_connectTimer;
};

} // namespace wf
