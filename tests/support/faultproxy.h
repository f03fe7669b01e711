#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QTcpServer>

#include <atomic>
#include <optional>

class QSslSocket;
class QTcpSocket;

// A TLS front for a real server (Prometheus, Alertmanager, the simulator's Loki API or health
// endpoint) that passes everything through until told to fail in one of the ways servers and the
// networks in front of them fail: refuse connections, accept and hang, answer after 10 s, answer
// 500 / 503 with a body / 429 with Retry-After / 401 / 403, cut the body short, send malformed JSON
// or JSON of the wrong shape, send 200 MB, show a certificate for another name, or redirect to
// itself for ever. A WebSocket upgrade (Loki's tail) meets the same faults: the refusal answers the
// upgrade, the bad bodies come as frames after it. Changing the fault drops every open connection,
// as a restarted server does, so keep-alive connections meet it at once. It may live on a thread of
// its own (moveToThread, then call listen() and setFault() there), out of the UI thread's way.
class FaultProxy : public QObject
{
    Q_OBJECT
public:
    enum class Fault {
        None,
        Refused,
        Hang,
        Slow,
        ServerError,
        Unavailable,
        RateLimited,
        Truncated,
        MalformedJson,
        WrongShape,
        Huge,
        WrongCertificate,
        RedirectLoop,
        Unauthorized,
        Forbidden,
        LoginPage, // 200 with a proxy's HTML login page instead of the API (not in the matrix)
        Custom,    // the answer setCustomAnswer() gives (not in the matrix)
    };
    static QList<Fault> allFaults(); // every fault of the matrix, in the order of the issue
    static QString describe(Fault fault);
    static QString key(Fault fault); // "refused", "hang", "500", … for choosing cells

    // A CA, a certificate for 127.0.0.1 and one for another name, both signed by the CA (openssl).
    struct Certificates
    {
        QString caFile; // PEM: the profile's CA file
        QSslCertificate good;
        QSslKey goodKey;
        QSslCertificate otherName;
        QSslKey otherNameKey;
    };
    static std::optional<Certificates> makeCertificates(const QString &dir, QString *error);

    static constexpr int kSlowMs = 10'000;
    static constexpr qint64 kHugeBytes = 200LL * 1024 * 1024;
    static constexpr int kRetryAfterSeconds = 2;

    FaultProxy(quint16 upstreamPort, const Certificates &certificates, QObject *parent = nullptr);
    ~FaultProxy() override;

    bool listen(); // a free loopback port, kept across Refused
    quint16 port() const { return m_port; }
    void setFault(Fault fault);
    // The fault meets the next `requests` requests only; then everything passes through again
    // (open connections are kept then: a server that answered 429 once and serves the retry).
    void setFaultFor(Fault fault, int requests);
    Fault fault() const { return m_fault; }
    // Fault::Custom's answer: a status, a body and its headers, as a server or a proxy in front of
    // it might send them (a 500 in plain text, a 502 page, a 401 that echoes the token).
    struct Answer
    {
        int status = 500;
        QByteArray body;
        QByteArray contentType = "text/plain";
        QList<std::pair<QByteArray, QByteArray>> headers;
    };
    void setCustomAnswer(const Answer &answer) { m_custom = answer; }
    // Connections from clients open now, and the most open at once since listen().
    int openConnections() const;
    int maxOpenConnections() const { return m_maxOpen; }
    // Each connection's first request (its request line and headers), in order; a kept-alive
    // connection's later requests pass unseen.
    QList<QByteArray> requestHeads() const { return m_heads; }
    QByteArray lastRequestHead() const { return m_heads.isEmpty() ? QByteArray() : m_heads.last(); }
    // A client that reads too slowly: while paused the proxy reads nothing more from the server
    // (its socket buffer kept small), so the server's writes back up; resuming passes on the rest.
    void setPaused(bool paused);
    // Cuts every open connection without a word (no close frame, no answer), as a dying proxy does.
    void cutConnections() { dropAll(); }
    // How long Slow holds each request before it passes it on (kSlowMs unless set), and the most
    // requests it held at once: a client that piles up polls on a slow server shows more than one.
    void setSlowMs(int ms) { m_slowMs = ms; }
    int maxHeldAtOnce() const { return m_maxHeld; }
    // What RateLimited's Retry-After says (kRetryAfterSeconds unless set).
    void setRetryAfterSeconds(int seconds) { m_retryAfterSeconds = seconds; }
    int faultedRequests() const { return m_faultedRequests; } // requests met by the current fault (any thread)
    // Requests seen since listen(): each faulted one, and each connection passed through (its
    // first request; what follows on a kept-alive connection goes through unseen).
    int requests() const { return m_requests; }

private:
    struct Connection;
    class Listener;

    void accept(qintptr descriptor);
    void onRequest(Connection &connection);
    void splice(Connection &connection, const QByteArray &head, const QByteArray &rest);
    void answer(Connection &connection, int status, const QByteArray &body, const QByteArray &contentType,
                const QList<std::pair<QByteArray, QByteArray>> &headers = {}, qint64 announced = -1);
    void upgradeThenSend(Connection &connection, const QByteArray &key, const QByteArray &frame, qint64 announced,
                         bool cut);
    void streamHuge(Connection &connection);
    void dropAll();

    Listener *m_server;
    quint16 m_upstream;
    std::atomic<quint16> m_port = 0;
    Certificates m_certificates;
    Fault m_fault = Fault::None;
    std::atomic<int> m_faultedRequests = 0;
    std::atomic<int> m_requests = 0;
    int m_faultBudget = -1; // requests the fault still meets; -1: all
    int m_retryAfterSeconds = kRetryAfterSeconds;
    Answer m_custom;
    int m_maxOpen = 0;
    int m_slowMs = kSlowMs;
    int m_held = 0;
    int m_maxHeld = 0;
    QList<QByteArray> m_heads;
    bool m_paused = false;
    QList<QPointer<Connection>> m_clients;
};

Q_DECLARE_METATYPE(FaultProxy::Fault)
