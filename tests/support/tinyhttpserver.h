#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include <deque>

// A loopback HTTP/1.1 responder that plays no monitoring server: it is the web server of whoever
// wrote a runbook or an annotation (tst_runbooksview: a tracking pixel that must never be asked
// for). Prometheus, Alertmanager, Loki and the health endpoint are the real servers or the
// simulator, with a FaultProxy in front for what they do not do on demand. Answers queued
// replies first, then the default reply, to every request.
class TinyHttpServer : public QObject
{
    Q_OBJECT
public:
    struct Reply
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
        QList<std::pair<QByteArray, QByteArray>> headers;
        int delayMs = 0;
        bool silent = false;   // read the request, never answer
        bool truncate = false; // announce the full length, send half, close
    };

    explicit TinyHttpServer(QObject *parent = nullptr);

    bool listen(quint16 port = 0); // 0: any free port
    QUrl url(const QString &path = QStringLiteral("/")) const;
    void respond(int status, const QByteArray &body, const QByteArray &contentType = "application/json");
    void respond(const Reply &reply) { m_default = reply; }
    void enqueue(const Reply &reply) { m_queue.push_back(reply); }
    void setSilent(bool silent) { m_default.silent = silent; }
    QByteArray lastRequest() const { return m_lastRequest; }
    QList<QByteArray> requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    int openConnections() const { return m_open; }
    int maxOpenConnections() const { return m_maxOpen; }

private:
    void onConnection();

    QTcpServer m_server;
    Reply m_default;
    std::deque<Reply> m_queue;
    QByteArray m_lastRequest;
    QList<QByteArray> m_requests;
    int m_open = 0;
    int m_maxOpen = 0;
};
