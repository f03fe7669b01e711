#pragma once

#include "lokiresult.h"
#include "store/profile.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QUrl>

#include <vector>

class QTimer;
class QWebSocket;

namespace wf {

// A line the tail delivered, with its stream's labels.
struct TailEntry
{
    Labels labels;
    qint64 ns = 0;
    QString line;
};

// A live tail over Loki's /loki/api/v1/tail WebSocket (apis.md §3). Reconnects by itself with
// backoff and resumes from the last timestamp seen, dropping the lines at that timestamp it has
// already delivered, so nothing is duplicated; reports dropped entries and its state. A socket
// closed with 1011 (a bad query) is not retried: the server's reason is the message.
class LokiTail : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Live, Reconnecting, Failed };
    Q_ENUM(State)

    struct Options
    {
        int limit = 1000;          // history lines sent on (re)connect
        int delayForSeconds = 0;   // 0..5
        int backoffBaseMs = 500;   // 500, 1000, 2000 … plus up to half again of jitter
        int maxBackoffMs = 30'000;
        int pingIntervalMs = 10'000;
        int pongTimeoutMs = 30'000; // no pong in this long: the connection is dead
        int connectTimeoutMs = 10'000;
    };

    explicit LokiTail(QObject *parent = nullptr);
    ~LokiTail() override;

    void setProfile(const Profile &profile); // stops a running tail
    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }

    // Starts tailing logql from startNs (0: now). Restarting drops what the old tail remembered.
    void start(const QString &logql, qint64 startNs = 0);
    void stop();

    State state() const { return m_state; }
    QString message() const { return m_message; } // why it is reconnecting or failed
    qint64 lastNs() const { return m_lastNs; }
    int reconnects() const { return m_reconnects; }
    QUrl url() const; // the WebSocket URL of the current attempt (no credentials in it)

    static QString stateName(State state);

signals:
    void entries(const std::vector<wf::TailEntry> &entries); // oldest first, never a line twice
    void dropped(const std::vector<wf::DroppedEntry> &entries);
    void stateChanged(wf::LokiTail::State state, const QString &message);

private:
    void connectSocket();
    void onTextMessage(const QString &text);
    void onDisconnected();
    void scheduleReconnect(const QString &why);
    void setState(State state, const QString &message);
    void dropSocket();
    QString openError(const QWebSocket *socket) const;
    static QString entryKey(const Labels &labels, const QString &line);

    Profile m_profile;
    Options m_options;
    QString m_query;
    qint64 m_lastNs = 0;
    QSet<QString> m_seenAtLast; // labels + line of each entry delivered at m_lastNs
    State m_state = State::Idle;
    QString m_message;
    int m_attempt = 0;
    int m_reconnects = 0;
    bool m_gotMessage = false;
    bool m_socketConnected = false;
    qint64 m_lastPongMs = 0;
    QPointer<QWebSocket> m_socket;
    QTimer *m_retryTimer;
    QTimer *m_pingTimer;
    QTimer *m_connectTimer;
};

} // namespace wf
