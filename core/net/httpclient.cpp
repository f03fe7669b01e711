#include "httpclient.h"

#include "domain/redactor.h"
#include "requestsetup.h"
#include "telemetry/logging.h"
#include "telemetry/startuptrace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>

namespace wf {
namespace {

class HttpText
{
    Q_DECLARE_TR_FUNCTIONS(wf::HttpClient)
};

constexpr qsizetype kKeptBodyBytes = 64 * 1024;

QByteArray verb(HttpRequest::Method method)
{
    switch (method) {
    case HttpRequest::Method::Get: return "GET";
    case HttpRequest::Method::Post: return "POST";
    case HttpRequest::Method::Put: return "PUT";
    case HttpRequest::Method::Delete: return "DELETE";
    }
    return "GET";
}

} // namespace

QString Error::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Network: return QStringLiteral("network");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::Tls: return QStringLiteral("tls");
    case Kind::HttpStatus: return QStringLiteral("http");
    case Kind::Api: return QStringLiteral("api");
    case Kind::Parse: return QStringLiteral("parse");
    case Kind::TooLarge: return QStringLiteral("too-large");
    case Kind::Canceled: return QStringLiteral("canceled");
    case Kind::NotConfigured: return QStringLiteral("not-configured");
    }
    return {};
}

HttpClient::HttpClient(QNetworkAccessManager *network, Endpoint kind, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_kind(kind)
{
}

HttpClient::~HttpClient()
{
    cancelAll();
}

QString HttpClient::serviceName() const
{
    switch (m_kind) {
    case Endpoint::Prometheus: return QStringLiteral("Prometheus");
    case Endpoint::Alertmanager: return QStringLiteral("Alertmanager");
    case Endpoint::Loki: return QStringLiteral("Loki");
    case Endpoint::Health: return HttpText::tr("The health endpoint");
    }
    return {};
}

void HttpClient::setProfile(const Profile &profile)
{
    cancelAll();
    m_profile = profile;
    m_replicaRestUntil.assign(std::size_t(replicaCount()), 0);
}

int HttpClient::replicaCount() const
{
    // Only Prometheus answers the same from each member; Alertmanager peers are a cluster
    // (AlertmanagerCluster), not replicas to pick one of.
    if (m_kind != Endpoint::Prometheus)
        return 1;
    return std::clamp(int(m_profile.endpoint(m_kind).urls().size()), 1, 32);
}

QUrl HttpClient::replicaUrl(int replica) const
{
    const auto urls = m_profile.endpoint(m_kind).urls();
    return replica > 0 && replica < urls.size() ? urls.at(replica) : baseUrl();
}

int HttpClient::preferredReplica() const
{
    const auto now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < int(m_replicaRestUntil.size()); ++i)
        if (m_replicaRestUntil[std::size_t(i)] <= now)
            return i;
    return 0; // all resting: the first again
}

bool HttpClient::resting(int replica) const
{
    return replica >= 0 && std::size_t(replica) < m_replicaRestUntil.size()
        && m_replicaRestUntil[std::size_t(replica)] > QDateTime::currentMSecsSinceEpoch();
}

void HttpClient::rest(int replica)
{
    if (replica >= 0 && std::size_t(replica) < m_replicaRestUntil.size())
        m_replicaRestUntil[std::size_t(replica)] = QDateTime::currentMSecsSinceEpoch() + m_options.replicaRestMs;
}

int HttpClient::nextReplica(const Pending &p) const
{
    const int n = replicaCount();
    for (int step = 1; step < n; ++step) {
        const int candidate = (p.replica + step) % n;
        if (!(p.tried & (1u << candidate)))
            return candidate;
    }
    return -1;
}

QUrl HttpClient::urlFor(const HttpRequest &request, int replica) const
{
    QUrl url = replicaUrl(replica);
    auto path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + request.path);
    if (!request.params.isEmpty())
        url.setQuery(QString::fromLatin1(encodeParams(request.params)), QUrl::StrictMode);
    return url;
}

QByteArray HttpClient::encodeParams(const QList<std::pair<QString, QString>> &params)
{
    QByteArray out;
    for (const auto &[name, value] : params) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

RequestId HttpClient::send(const HttpRequest &request, QObject *context, Callback callback)
{
    if (m_kind == Endpoint::Prometheus)
        startup::mark("first-prometheus-request");
    auto pending = std::make_unique<Pending>();
    pending->id = m_nextId++;
    pending->request = request;
    pending->context = context;
    pending->hasContext = context != nullptr;
    pending->callback = std::move(callback);
    pending->startedMs = QDateTime::currentMSecsSinceEpoch();
    const auto id = pending->id;
    if (baseUrl().isEmpty()) {
        // Answer later, never from inside send(): callers may not expect re-entrance.
        m_active.emplace(id, std::move(pending));
        QTimer::singleShot(0, this, [this, id] {
            Error e;
            e.kind = Error::Kind::NotConfigured;
            e.message = HttpText::tr("%1 is not configured in this profile.").arg(serviceName());
            finish(id, e);
        });
        return id;
    }
    m_queue.push_back(std::move(pending));
    pump();
    return id;
}

void HttpClient::pump()
{
    while (!m_queue.empty() && int(m_active.size()) < m_options.maxInFlight) {
        auto pending = std::move(m_queue.front());
        m_queue.pop_front();
        auto &ref = *pending;
        m_active.emplace(ref.id, std::move(pending));
        start(ref);
    }
}

void HttpClient::start(Pending &p)
{
    ++p.attempt;
    p.aborted = false;
    p.body.clear(); // a retry starts its answer afresh
    // The total timeout is the request's, retries included: a server that hangs is said within it.
    const auto now = QDateTime::currentMSecsSinceEpoch();
    if (p.attempt == 1) {
        p.firstAttemptMs = now;
        p.replica = p.request.replica >= 0 && p.request.replica < replicaCount() ? p.request.replica : preferredReplica();
    }
    p.tried |= 1u << p.replica;
    const int timeout = int(std::max<qint64>(budgetMs(p) - (now - p.firstAttemptMs), 1000));
    auto request = makeRequest(urlFor(p.request, p.replica), m_profile.endpoint(m_kind), m_profile, m_kind, 0);
    if (!p.request.contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, p.request.contentType);
    switch (p.request.method) {
    case HttpRequest::Method::Get: p.reply = m_network->get(request); break;
    case HttpRequest::Method::Post: p.reply = m_network->post(request, p.request.body); break;
    case HttpRequest::Method::Put: p.reply = m_network->put(request, p.request.body); break;
    case HttpRequest::Method::Delete: p.reply = m_network->deleteResource(request); break;
    }
    const auto id = p.id;
    p.connectTimer = new QTimer(this);
    p.connectTimer->setSingleShot(true);
    connect(p.connectTimer, &QTimer::timeout, this, [this, id] {
        if (auto it = m_active.find(id); it != m_active.end())
            abortWith(*it->second, Error::Kind::Timeout);
    });
    p.connectTimer->start(std::min(m_options.connectTimeoutMs, timeout));
    p.totalTimer = new QTimer(this);
    p.totalTimer->setSingleShot(true);
    connect(p.totalTimer, &QTimer::timeout, this, [this, id] {
        if (auto it = m_active.find(id); it != m_active.end())
            abortWith(*it->second, Error::Kind::Timeout);
    });
    p.totalTimer->start(timeout);
    // Connected and the request on its way: from here the server takes its time (a heavy query's
    // headers come only when it has been evaluated), up to the total timeout.
    connect(p.reply, &QNetworkReply::requestSent, p.connectTimer, &QTimer::stop);
    connect(p.reply, &QNetworkReply::metaDataChanged, p.connectTimer, &QTimer::stop);
    // Memory stays bounded whatever the server sends: a body announced over the limit is refused
    // before it is read, and the network thread reads no further ahead than a small buffer while
    // the body is taken in here, piece by piece, up to the limit.
    p.reply->setReadBufferSize(kReadBufferBytes);
    connect(p.reply, &QNetworkReply::metaDataChanged, this, [this, id] {
        auto it = m_active.find(id);
        if (it == m_active.end() || !it->second->reply)
            return;
        const auto announced = it->second->reply->header(QNetworkRequest::ContentLengthHeader);
        if (announced.isValid() && announced.toLongLong() > m_options.maxResponseBytes)
            abortWith(*it->second, Error::Kind::TooLarge);
    });
    connect(p.reply, &QNetworkReply::readyRead, this, [this, id] {
        auto it = m_active.find(id);
        if (it == m_active.end() || !it->second->reply || it->second->aborted)
            return;
        auto &pending = *it->second;
        pending.body += pending.reply->readAll();
        if (pending.body.size() > m_options.maxResponseBytes) {
            pending.body.clear();
            abortWith(pending, Error::Kind::TooLarge);
        }
    });
    connect(p.reply, &QNetworkReply::downloadProgress, this, [this, id](qint64 received, qint64 total) {
        auto it = m_active.find(id);
        if (it == m_active.end())
            return;
        it->second->connectTimer->stop();
        if (received > m_options.maxResponseBytes || total > m_options.maxResponseBytes)
            abortWith(*it->second, Error::Kind::TooLarge);
    });
    connect(p.reply, &QNetworkReply::finished, this, [this, id] { onFinished(id); });
}

void HttpClient::abortWith(Pending &p, Error::Kind reason)
{
    if (!p.reply || p.aborted)
        return;
    p.aborted = true;
    p.abortReason = reason;
    p.reply->abort(); // finished() follows and reports the reason
}

void HttpClient::release(Pending &p)
{
    for (auto **timer : {&p.connectTimer, &p.totalTimer, &p.retryTimer}) {
        if (*timer) {
            (*timer)->stop();
            (*timer)->deleteLater();
            *timer = nullptr;
        }
    }
    if (p.reply) {
        p.reply->disconnect(this);
        if (p.reply->isRunning())
            p.reply->abort();
        p.reply->deleteLater();
        p.reply = nullptr;
    }
}

Error HttpClient::errorFor(const Pending &p, QNetworkReply *reply) const
{
    Error e;
    const auto where = urlFor(p.request, p.replica).adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toString();
    const auto timeout = p.request.timeoutMs > 0 ? p.request.timeoutMs : m_options.totalTimeoutMs;
    if (p.aborted) {
        e.kind = p.abortReason;
        if (e.kind == Error::Kind::TooLarge) {
            e.message = HttpText::tr("%1 sent more than %2 MB for %3; narrow the query or the time range.")
                            .arg(serviceName())
                            .arg(m_options.maxResponseBytes / (1024 * 1024))
                            .arg(where);
        } else if (e.kind == Error::Kind::Timeout) {
            const bool noHeaders = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 0;
            const int waited = noHeaders ? std::min(m_options.connectTimeoutMs, timeout) : timeout;
            e.message = HttpText::tr("%1 did not answer %2 within %3 s — it is down, overloaded or unreachable.")
                            .arg(serviceName(), where)
                            .arg(waited / 1000.0);
        } else {
            e.message = HttpText::tr("The request to %1 was canceled.").arg(where);
        }
        return e;
    }
    e.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (e.httpStatus >= 300) {
        e.kind = Error::Kind::HttpStatus;
        e.body = (p.body + reply->read(kKeptBodyBytes)).left(kKeptBodyBytes);
        const auto reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        const auto type = reply->header(QNetworkRequest::ContentTypeHeader).toString();
        QString detail;
        if (type.contains(u"html") || e.body.trimmed().startsWith('<'))
            detail = HttpText::tr("The answer is an HTML page, not the API — is a proxy or login page in the way?");
        else if (!e.body.trimmed().isEmpty())
            detail = redact(QString::fromUtf8(e.body.left(300)).trimmed());
        e.message = HttpText::tr("%1 answered HTTP %2%3 for %4.")
                        .arg(serviceName())
                        .arg(e.httpStatus)
                        .arg(reason.isEmpty() ? QString() : QStringLiteral(" ") + reason, where);
        const auto location = reply->header(QNetworkRequest::LocationHeader).toUrl();
        const auto target = reply->url().resolved(location).adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
        const auto from = reply->url();
        if (e.httpStatus < 400 && location.isValid()
            && (target.scheme() != from.scheme() || target.host() != from.host() || target.port() != from.port())) {
            // Not followed (only same-origin redirects are: the credentials go with every hop).
            e.message = HttpText::tr("%1 redirected %2 to %3, another server. Watchfloor follows redirects only on the same "
                                     "server (scheme, host and port), so that the profile's credentials stay there — if "
                                     "the new address is right, put it in the profile.")
                            .arg(serviceName(), where, redact(target.toDisplayString()));
            return e;
        }
        if (e.httpStatus == 401)
            e.message += u' ' + HttpText::tr("Check the user name, password or token in the profile.");
        else if (e.httpStatus == 429)
            e.message += u' ' + HttpText::tr("The server is rate limiting; the console backs off.");
        if (!detail.isEmpty())
            e.message += u' ' + detail;
        return e;
    }
    switch (reply->error()) {
    case QNetworkReply::TimeoutError: e.kind = Error::Kind::Timeout; break;
    case QNetworkReply::SslHandshakeFailedError: e.kind = Error::Kind::Tls; break;
    default: e.kind = Error::Kind::Network; break;
    }
    e.message = describeNetworkError(reply->error(), reply->errorString(), urlFor(p.request, p.replica), timeout);
    return e;
}

int HttpClient::budgetMs(const Pending &p) const
{
    return p.request.timeoutMs > 0 ? p.request.timeoutMs : m_options.totalTimeoutMs;
}

bool HttpClient::shouldRetry(const Pending &p, const Error &e) const
{
    if (p.request.method != HttpRequest::Method::Get || p.attempt > m_options.maxRetries)
        return false;
    switch (e.kind) {
    case Error::Kind::Network:
    case Error::Kind::Timeout: return true;
    case Error::Kind::HttpStatus:
        return e.httpStatus == 429 || e.httpStatus == 502 || e.httpStatus == 503 || e.httpStatus == 504;
    default: return false;
    }
}

int HttpClient::backoffMs(int attempt, int retryAfterSeconds) const
{
    if (retryAfterSeconds > 0)
        return std::min(retryAfterSeconds * 1000, m_options.maxBackoffMs);
    const int base = m_options.backoffBaseMs << std::min(attempt - 1, 10);
    const int jitter = int(QRandomGenerator::global()->bounded(std::max(1, m_options.backoffBaseMs)));
    return std::min(base + jitter, m_options.maxBackoffMs);
}

Error HttpClient::scrubbed(Error e) const
{
    // The redactor catches secrets by their shape; the profile's own secrets are known exactly.
    const auto &auth = m_profile.endpoint(m_kind).auth;
    const auto url = baseUrl();
    for (const auto &secret : {auth.secret, url.password()}) {
        if (secret.size() >= 3) {
            e.message.replace(secret, QStringLiteral("[REDACTED]"));
            e.apiError.replace(secret, QStringLiteral("[REDACTED]"));
            e.body.replace(secret.toUtf8(), "[REDACTED]");
        }
    }
    e.message = redact(e.message);
    return e;
}

void HttpClient::onFinished(RequestId id)
{
    auto it = m_active.find(id);
    if (it == m_active.end())
        return;
    auto &p = *it->second;
    QNetworkReply *reply = p.reply;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!p.aborted && reply->error() == QNetworkReply::NoError && status >= 200 && status < 300) {
        HttpResponse r;
        r.status = status;
        r.body = std::move(p.body) + reply->readAll();
        p.body.clear();
        r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        r.elapsedMs = QDateTime::currentMSecsSinceEpoch() - p.startedMs;
        r.attempts = p.attempt;
        r.servedBy = replicaUrl(p.replica);
        if (std::size_t(p.replica) < m_replicaRestUntil.size())
            m_replicaRestUntil[std::size_t(p.replica)] = 0;
        if (r.body.size() > m_options.maxResponseBytes) {
            p.aborted = true;
            p.abortReason = Error::Kind::TooLarge;
            finish(id, scrubbed(errorFor(p, reply)));
            return;
        }
        finish(id, r);
        return;
    }
    if (p.aborted && p.abortReason == Error::Kind::Canceled)
        return; // cancel() already removed it
    const auto error = scrubbed(errorFor(p, reply));
    const int retryAfter = reply->rawHeader("Retry-After").toInt();
    const int wait = backoffMs(p.attempt, retryAfter);
    // Another replica, at once: this one rests, and the request asks the next it has not asked.
    if (replicaCount() > 1
        && (error.kind == Error::Kind::Network || error.kind == Error::Kind::Timeout || error.kind == Error::Kind::Tls
            || (error.kind == Error::Kind::HttpStatus && (error.httpStatus >= 500 || error.httpStatus == 429)))) {
        const auto nowMs = QDateTime::currentMSecsSinceEpoch();
        m_replicaRestUntil[std::size_t(p.replica)] = nowMs + m_options.replicaRestMs;
        if (const int next = p.request.replica < 0 ? nextReplica(p) : -1; next >= 0 && nowMs - p.firstAttemptMs < budgetMs(p)) {
            logging::get("net")->warn("service={} path={} replica={} failed ({}); asking replica {}", serviceName().toStdString(),
                                      p.request.path.toStdString(), replicaUrl(p.replica).toString().toStdString(),
                                      error.message.toStdString(), replicaUrl(next).toString().toStdString());
            release(p);
            p.replica = next;
            start(p);
            return;
        }
    }
    const bool inTime = QDateTime::currentMSecsSinceEpoch() - p.firstAttemptMs + wait < budgetMs(p);
    if (inTime && shouldRetry(p, error)) {
        logging::get("net")->info("retry service={} path={} attempt={} wait_ms={} reason=\"{}\"",
                                  serviceName().toStdString(), p.request.path.toStdString(), p.attempt, wait,
                                  error.message.toStdString());
        release(p);
        p.retryTimer = new QTimer(this);
        p.retryTimer->setSingleShot(true);
        connect(p.retryTimer, &QTimer::timeout, this, [this, id] {
            auto again = m_active.find(id);
            if (again == m_active.end())
                return;
            again->second->retryTimer->deleteLater();
            again->second->retryTimer = nullptr;
            start(*again->second);
        });
        p.retryTimer->start(wait);
        return;
    }
    finish(id, error);
}

void HttpClient::finish(RequestId id, const Result<HttpResponse> &result)
{
    auto it = m_active.find(id);
    if (it == m_active.end())
        return;
    auto pending = std::move(it->second);
    m_active.erase(it);
    release(*pending);
    const auto elapsed = QDateTime::currentMSecsSinceEpoch() - pending->startedMs;
    if (result.ok()) {
        m_lastFailure.clear();
        logging::get("net")->debug("{} service={} path={} status={} bytes={} ms={} attempts={}",
                                   verb(pending->request.method).constData(), serviceName().toStdString(),
                                   pending->request.path.toStdString(), result->status, result->body.size(), elapsed,
                                   pending->attempt);
    } else {
        // Not configured is the profile's choice, not a failure: said once by the endpoint's light.
        // The same failure again (a server down all night, the health endpoint's 503 through a
        // drill at four polls a second) is a warning once a minute; the rest go to debug.
        // An HTTP status is the same failure whatever its body says (a health endpoint's 503 body
        // carries the time it was checked).
        const auto &failure = result.error();
        const auto signature = pending->request.path + u'\n' + Error::kindName(failure.kind) + u'\n'
            + (failure.httpStatus > 0 ? QString::number(failure.httpStatus) : failure.message);
        const auto nowMs = QDateTime::currentMSecsSinceEpoch();
        const bool repeated = signature == m_lastFailure && nowMs - m_lastFailureLoggedMs < kRepeatedFailureLogMs;
        if (!repeated) {
            m_lastFailure = signature;
            m_lastFailureLoggedMs = nowMs;
        }
        const bool quiet = result.error().kind == Error::Kind::NotConfigured || repeated;
        logging::get("net")->log(quiet ? spdlog::level::debug : spdlog::level::warn,
                                  "{} service={} path={} failed kind={} ms={} attempts={} error=\"{}\"",
                                  verb(pending->request.method).constData(), serviceName().toStdString(),
                                  pending->request.path.toStdString(), Error::kindName(result.error().kind).toStdString(),
                                  elapsed, pending->attempt, result.error().message.toStdString());
    }
    if (!result.ok()) {
        const auto &e = result.error();
        const bool requestsOwnFault = e.httpStatus == 400 || e.httpStatus == 404 || e.httpStatus == 422;
        if (e.kind != Error::Kind::Canceled && e.kind != Error::Kind::NotConfigured && !requestsOwnFault)
            emit requestFailed(e);
    }
    if (!pending->hasContext || pending->context)
        pending->callback(result);
    pump();
}

void HttpClient::reportRead(const Error *unreadable)
{
    if (unreadable == nullptr)
        emit answerRead();
    else if (unreadable->kind == Error::Kind::Parse)
        emit requestFailed(*unreadable);
}

void HttpClient::cancel(RequestId id)
{
    for (auto it = m_queue.begin(); it != m_queue.end(); ++it) {
        if ((*it)->id == id) {
            m_queue.erase(it);
            return;
        }
    }
    auto it = m_active.find(id);
    if (it == m_active.end())
        return;
    auto pending = std::move(it->second);
    m_active.erase(it);
    pending->aborted = true;
    pending->abortReason = Error::Kind::Canceled;
    release(*pending);
    pump();
}

void HttpClient::cancelAll()
{
    m_queue.clear();
    auto active = std::move(m_active);
    m_active.clear();
    for (auto &[id, pending] : active) {
        pending->aborted = true;
        pending->abortReason = Error::Kind::Canceled;
        release(*pending);
    }
}

} // namespace wf
