#pragma once

#include "result.h"
#include "store/profile.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <deque>
#include <map>
#include <memory>
#include <functional>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace wf {

struct HttpRequest
{
    enum class Method { Get, Post, Put, Delete };
    Method method = Method::Get;
    QString path; // appended to the endpoint's base path
    QList<std::pair<QString, QString>> params; // the query string; repeat a name for match[]-style lists
    QByteArray body;
    QByteArray contentType;
    int timeoutMs = 0; // 0: the client's total timeout
    // Prometheus replicas: -1, the client picks (the first not resting, the next on failure);
    // 0…n-1, that replica only (its failure still makes it rest).
    int replica = -1;
};

struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    qint64 elapsedMs = 0;
    int attempts = 1;
    QUrl servedBy; // the base URL that answered: with replicas, not always the first
};

using RequestId = quint64;

// A request that has waited this long is said in the view that asked ("no answer for 10 s"),
// what it showed kept and marked stale: the same in every view.
inline constexpr qint64 kRequestOverdueMs = 10'000;

// The HTTP layer every data-source client stands on: one endpoint of a profile (base URL, auth,
// CA file, Loki tenant), User-Agent, connect and total timeouts, retries with exponential backoff
// and jitter for GETs only, cancellation, a cap on requests in flight, a cap on response size.
// Every call ends exactly once in an HttpResponse (2xx) or an Error, on the thread of the client.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int connectTimeoutMs = 5'000; // no response headers by then: give up (and maybe retry)
        int totalTimeoutMs = 30'000;
        int maxRetries = 2;            // extra attempts for GETs on network errors, timeouts, 429, 502-504
        int backoffBaseMs = 250;       // 250, 500, 1000 … plus up to the same again of jitter
        int maxBackoffMs = 10'000;
        int maxInFlight = 6;
        qint64 maxResponseBytes = 32 * 1024 * 1024; // 50 series × 11,000 points is about 15 MB
        int replicaRestMs = 30'000; // Prometheus replicas: one that failed is passed over this long
    };
    using Callback = std::function<void(const Result<HttpResponse> &)>;

    HttpClient(QNetworkAccessManager *network, Endpoint kind, QObject *parent = nullptr);
    ~HttpClient() override;

    void setProfile(const Profile &profile); // cancels what is in flight for the old one
    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }
    QUrl baseUrl() const { return m_profile.endpoint(m_kind).url; }
    // Prometheus replicas (an HA pair: the profile's URL and its further ones): a request goes to
    // the first that has not failed in the last replicaRestMs, and on a failure to reach it or a
    // 5xx straight to the next, within the same request.
    int replicaCount() const;
    int preferredReplica() const;      // the one a request goes to now
    bool resting(int replica) const;   // failed in the last replicaRestMs
    void rest(int replica);            // pass it over for replicaRestMs (it did not answer in time)
    QUrl replicaUrl(int replica) const;
    Endpoint endpoint() const { return m_kind; }
    QString serviceName() const; // "Prometheus", … for messages

    // The callback runs unless the request is canceled, or context (if given) is destroyed first.
    RequestId send(const HttpRequest &request, QObject *context, Callback callback);
    void cancel(RequestId id);
    void cancelAll();

    int inFlight() const { return int(m_active.size()); }
    int queued() const { return int(m_queue.size()); }
    QUrl urlFor(const HttpRequest &request, int replica) const; // errors name the replica asked

    // What real requests (not the readiness probe) learn about the endpoint, for its light. The
    // client that reads a 2xx body reports how that went (nullptr: read; else why not: malformed,
    // the wrong shape); requestFailed() also comes for a request that failed on the way (network,
    // timeout, TLS, size, an HTTP error status) — not for one canceled, nor for 400/404/422, which
    // are the request's own fault (a query with a typo, a silence already gone).
    void reportRead(const Error *unreadable = nullptr);

    // name=value&… with everything but unreserved characters percent-encoded ('+' as %2B: Go servers
    // read a bare '+' in a query or form as a space, which breaks PromQL like "a + b").
    static QByteArray encodeParams(const QList<std::pair<QString, QString>> &params);

signals:
    void answerRead();
    void requestFailed(const wf::Error &error);

private:
    struct Pending
    {
        RequestId id = 0;
        HttpRequest request;
        QPointer<QObject> context;
        bool hasContext = false;
        Callback callback;
        int attempt = 0;
        qint64 startedMs = 0;
        qint64 firstAttemptMs = 0; // the total timeout counts from here, retries included
        QPointer<QNetworkReply> reply; // the network manager may go first, and its replies with it
        QByteArray body;               // what was read of the answer so far
        QTimer *connectTimer = nullptr;
        QTimer *totalTimer = nullptr;
        QTimer *retryTimer = nullptr;
        Error::Kind abortReason = Error::Kind::Canceled;
        bool aborted = false;
        int replica = 0;      // which of the replicas this attempt asks
        quint32 tried = 0;    // the replicas this request has asked (bits)
    };

    void pump();
    void start(Pending &pending);
    void onFinished(RequestId id);
    void finish(RequestId id, const Result<HttpResponse> &result);
    bool shouldRetry(const Pending &pending, const Error &error) const;
    int nextReplica(const Pending &pending) const; // -1: none left to ask
    int budgetMs(const Pending &pending) const;
    int backoffMs(int attempt, int retryAfterSeconds) const;
    void abortWith(Pending &pending, Error::Kind reason);
    void release(Pending &pending);
    Error errorFor(const Pending &pending, QNetworkReply *reply) const;
    Error scrubbed(Error error) const;

    QNetworkAccessManager *m_network;
    Endpoint m_kind;
    std::vector<qint64> m_replicaRestUntil; // ms since the epoch, by replica
    static constexpr qint64 kRepeatedFailureLogMs = 60'000;
    static constexpr qint64 kReadBufferBytes = 1024 * 1024; // read ahead by the network thread, per reply
    QString m_lastFailure; // path, kind and message of the last failure logged as a warning
    qint64 m_lastFailureLoggedMs = 0;
    Profile m_profile;
    Options m_options;
    RequestId m_nextId = 1;
    std::map<RequestId, std::unique_ptr<Pending>> m_active; // sent, or waiting for a retry
    std::deque<std::unique_ptr<Pending>> m_queue;           // waiting for a slot
};

} // namespace wf
