#pragma once

#include <QByteArray>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

// A loopback HTTP/1.1 responder for cases no real server produces on demand (a health endpoint
// answering 503 with a body, a 500, a server that never answers). Answers every request with the
// configured status, content type and body; delayMs > 0 holds the answer back.
class TinyHttpServer : public QObject
{
    Q_OBJECT
public:
    explicit TinyHttpServer(QObject *parent = nullptr);

    bool listen();
    QUrl url(const QString &path = QStringLiteral("/")) const;
    void respond(int status, const QByteArray &body, const QByteArray &contentType = "application/json");
    void setSilent(bool silent) { m_silent = silent; } // accept, read, never answer
    QByteArray lastRequest() const { return m_lastRequest; }
    int requestCount() const { return m_requests; }

private:
    void onConnection();

    QTcpServer m_server;
    int m_status = 200;
    QByteArray m_body;
    QByteArray m_contentType = "application/json";
    QByteArray m_lastRequest;
    bool m_silent = false;
    int m_requests = 0;
};
