#include "prometheusclient.h"

#include "domain/querytext.h"
#include "net/asyncparse.h"

#include <QPointer>
#include <QTimer>

#include <memory>
#include <optional>
#include <type_traits>


namespace wf {

PrometheusClient::PrometheusClient(HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_http(http)
{
}

QString PrometheusClient::formatTime(const QDateTime &time)
{
    return QString::number(double(time.toMSecsSinceEpoch()) / 1000.0, 'f', 3);
}

template <typename T>
RequestId PrometheusClient::call(HttpRequest request, QObject *context, Callback<T> done,
                                 Result<T> (*parse)(const QByteArray &))
{
    // A long query does not fit a URL: send the same parameters as a form (apis.md §1).
    if (request.method == HttpRequest::Method::Get && request.path != u"/-/ready") {
        qsizetype size = 0;
        for (const auto &[name, value] : request.params)
            size += name.size() + value.size();
        if (size > kLongQueryBytes) {
            request.method = HttpRequest::Method::Post;
            request.body = HttpClient::encodeParams(request.params);
            request.contentType = "application/x-www-form-urlencoded";
            request.params.clear();
        }
    }
    // The HTTP layer drops the answer when the context is gone; the guard covers the parse off-thread.
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    return m_http->send(request, context ? context : this, [this, guard, hasContext, done, parse](const Result<HttpResponse> &response) {
        if (!response) {
            done(prom::fromHttpError(response.error()));
            return;
        }
        // An HA pair: which replica answered, when it was not the first (the panels say so).
        const auto servedBy = response->servedBy.isEmpty() || response->servedBy == m_http->baseUrl() ? QUrl() : response->servedBy;
        // How the body read goes to the endpoint's light too: an answer it cannot read is a fault.
        auto reported = [http = QPointer<HttpClient>(m_http), done, servedBy](const Result<T> &r) {
            if (http)
                http->reportRead(r ? nullptr : &r.error());
            if constexpr (std::is_same_v<T, PromResult>) {
                if (r && !servedBy.isEmpty()) {
                    auto answered = r.value();
                    answered.servedBy = servedBy;
                    done(answered);
                    return;
                }
            }
            done(r);
        };
        parseBody<T>(this, guard, hasContext, response->body, kParseOffThreadBytes, parse, reported);
    });
}

RequestId PrometheusClient::query(const QString &promql, const QDateTime &time, QObject *context,
                                  Callback<PromResult> done)
{
    HttpRequest r;
    r.path = QStringLiteral("/api/v1/query");
    r.params = {{QStringLiteral("query"), promql}};
    if (time.isValid())
        r.params.append({QStringLiteral("time"), formatTime(time)});
    if (m_server.kind != PromServer::Kind::Prometheus)
        r.params.append({QStringLiteral("nocache"), QStringLiteral("1")});
    return call<PromResult>(r, context, std::move(done), &prom::parseQueryResult);
}

RequestId PrometheusClient::queryRange(const QString &promql, const QDateTime &start, const QDateTime &end,
                                       double stepSeconds, QObject *context, Callback<PromResult> done)
{
    if (m_server.kind == PromServer::Kind::VictoriaMetrics && m_server.latencyOffsetMs > 0) {
        // Its points after now − offset are the last older one repeated: not data, dropped.
        const double heldBackFrom = double(QDateTime::currentMSecsSinceEpoch() - m_server.latencyOffsetMs) / 1000.0;
        const double last = double(end.toMSecsSinceEpoch()) / 1000.0;
        done = [done = std::move(done), heldBackFrom, last](const Result<PromResult> &answer) {
            if (!answer) {
                done(answer);
                return;
            }
            auto shown = answer.value();
            prom::dropHeldBack(shown, heldBackFrom, last);
            done(shown);
        };
    }
    HttpRequest r;
    r.path = QStringLiteral("/api/v1/query_range");
    r.params = {{QStringLiteral("query"), promql},
                {QStringLiteral("start"), formatTime(start)},
                {QStringLiteral("end"), formatTime(end)},
                {QStringLiteral("step"), QString::number(stepSeconds, 'g', 10)}};
    if (m_http->replicaCount() < 2)
        return call<PromResult>(r, context, std::move(done), &prom::parseQueryResult);

    // An HA pair: the range is asked of the replica the client picks (it moves on when that one
    // fails) and, beside it, of every other replica not resting; its holes (a replica that was down
    // has none of the points of that time) are filled from theirs, as Thanos deduplicates. Waiting
    // for the others is bounded: kFillWaitMs after the answer, it goes as it is.
    struct Fill
    {
        std::optional<Result<PromResult>> answer;
        std::vector<std::pair<int, PromResult>> others; // by replica
        std::vector<std::pair<int, RequestId>> asking;  // the others not in yet
        bool delivered = false;
    };
    auto fill = std::make_shared<Fill>();
    const QPointer<HttpClient> http(m_http);
    const auto deliver = [fill, http, done](bool waitedEnough) {
        if (fill->delivered || !fill->answer)
            return;
        const bool answered = fill->answer->ok();
        if (answered && !fill->asking.empty() && !waitedEnough)
            return;
        fill->delivered = true;
        for (const auto &[replica, id] : fill->asking)
            if (http) {
                http->cancel(id);
                if (answered)
                    http->rest(replica); // no answer while another answered: passed over for a while
            }
        if (!answered || !http) {
            done(*fill->answer);
            return;
        }
        auto answer = fill->answer->value();
        const auto answeredBy = answer.servedBy.isEmpty() ? http->baseUrl() : answer.servedBy;
        for (const auto &[replica, theirs] : fill->others) {
            const auto from = http->replicaUrl(replica);
            if (from == answeredBy)
                continue;
            if (const int added = prom::fillHoles(answer, theirs); added > 0) {
                answer.filledFrom = from;
                answer.filledPoints += added;
            }
        }
        done(answer);
    };
    const int picked = m_http->preferredReplica();
    for (int replica = 0; replica < m_http->replicaCount(); ++replica) {
        if (replica == picked || m_http->resting(replica))
            continue;
        auto pinned = r;
        pinned.replica = replica;
        const auto id = call<PromResult>(pinned, context, [fill, replica, deliver](const Result<PromResult> &theirs) {
            std::erase_if(fill->asking, [replica](const auto &a) { return a.first == replica; });
            if (theirs)
                fill->others.emplace_back(replica, theirs.value());
            deliver(false);
        }, &prom::parseQueryResult);
        if (!fill->delivered)
            fill->asking.emplace_back(replica, id);
    }
    return call<PromResult>(r, context, [this, fill, deliver, guard = QPointer<QObject>(context), hasContext = context != nullptr](const Result<PromResult> &answer) {
        fill->answer = answer;
        if (answer && !fill->asking.empty())
            QTimer::singleShot(kFillWaitMs, hasContext ? guard.data() : this, [deliver] { deliver(true); });
        deliver(false);
    }, &prom::parseQueryResult);
}

RequestId PrometheusClient::series(const QStringList &match, const QDateTime &start, const QDateTime &end,
                                   QObject *context, Callback<QList<Labels>> done)
{
    HttpRequest r;
    r.path = QStringLiteral("/api/v1/series");
    for (const auto &m : match)
        r.params.append({QStringLiteral("match[]"), m});
    if (start.isValid())
        r.params.append({QStringLiteral("start"), formatTime(start)});
    if (end.isValid())
        r.params.append({QStringLiteral("end"), formatTime(end)});
    return call<QList<Labels>>(r, context, std::move(done), &prom::parseSeries);
}

RequestId PrometheusClient::labels(const QStringList &match, QObject *context, Callback<QStringList> done)
{
    HttpRequest r;
    r.path = QStringLiteral("/api/v1/labels");
    for (const auto &m : match)
        r.params.append({QStringLiteral("match[]"), m});
    return call<QStringList>(r, context, std::move(done), &prom::parseStringList);
}

RequestId PrometheusClient::labelValues(const QString &label, const QStringList &match, QObject *context,
                                        Callback<QStringList> done)
{
    if (!isValidLabelName(label)) {
        // Never put an unchecked name into a path; answer like the server would, but later.
        Error e;
        e.kind = Error::Kind::Api;
        e.apiType = QStringLiteral("bad_data");
        e.message = tr("“%1” is not a valid label name.").arg(label);
        QMetaObject::invokeMethod(this, [done, e] { done(e); }, Qt::QueuedConnection);
        return 0;
    }
    HttpRequest r;
    r.path = QStringLiteral("/api/v1/label/%1/values").arg(label);
    for (const auto &m : match)
        r.params.append({QStringLiteral("match[]"), m});
    return call<QStringList>(r, context, std::move(done), &prom::parseStringList);
}

RequestId PrometheusClient::rules(QObject *context, Callback<QList<RuleGroup>> done)
{
    HttpRequest r;
    r.path = QStringLiteral("/api/v1/rules");
    return call<QList<RuleGroup>>(r, context, std::move(done), &prom::parseRules);
}

RequestId PrometheusClient::alerts(QObject *context, Callback<QList<PromAlert>> done)
{
    HttpRequest r;
    r.path = QStringLiteral("/api/v1/alerts");
    return call<QList<PromAlert>>(r, context, std::move(done), &prom::parseAlerts);
}

RequestId PrometheusClient::targets(QObject *context, Callback<QList<Target>> done)
{
    HttpRequest r;
    r.path = QStringLiteral("/api/v1/targets");
    r.params = {{QStringLiteral("state"), QStringLiteral("active")}};
    return call<QList<Target>>(r, context, std::move(done), &prom::parseTargets);
}

RequestId PrometheusClient::buildInfo(QObject *context, Callback<BuildInfo> done)
{
    HttpRequest r;
    r.path = QStringLiteral("/api/v1/status/buildinfo");
    return call<BuildInfo>(r, context, std::move(done), &prom::parseBuildInfo);
}

void PrometheusClient::detectServer()
{
    const auto base = m_http->baseUrl();
    const auto now = QDateTime::currentMSecsSinceEpoch();
    if (base != m_serverOf) {
        m_server = {};
        m_serverOf = base;
        m_detectingSince = 0;
        m_detectAgainAt = 0;
    }
    // A new profile cancels what is in flight without an answer: a question older than 15 s is lost.
    if (base.isEmpty() || m_server.kind != PromServer::Kind::Unknown || now < m_detectAgainAt
        || (m_detectingSince > 0 && now - m_detectingSince < 15'000))
        return;
    m_detectingSince = now;
    const auto found = [this, base](PromServer server) {
        if (base != m_http->baseUrl())
            return;
        m_detectingSince = 0;
        if (server.kind == PromServer::Kind::Unknown) {
            m_detectAgainAt = QDateTime::currentMSecsSinceEpoch() + kDetectRetryMs;
            return;
        }
        m_server = server;
        emit serverDetected(server);
    };
    HttpRequest ready;
    ready.path = QStringLiteral("/-/ready");
    m_http->send(ready, this, [this, found](const Result<HttpResponse> &answer) {
        PromServer server;
        server.kind = answer ? prom::serverKindFromReady(answer->body) : PromServer::Kind::Unknown;
        if (answer && server.kind == PromServer::Kind::Unknown)
            server.kind = PromServer::Kind::Prometheus; // answers the API and does not say: as Prometheus
        if (server.kind != PromServer::Kind::VictoriaMetrics) {
            found(server);
            return;
        }
        HttpRequest metrics;
        metrics.path = QStringLiteral("/metrics");
        m_http->send(metrics, this, [found, server](const Result<HttpResponse> &own) mutable {
            // Its own metrics name the flag; when they cannot be read, its default (1.79: 30 s).
            server.latencyOffsetMs = (own ? prom::latencyOffsetFromMetrics(own->body) : std::nullopt).value_or(30'000);
            found(server);
        });
    });
}

RequestId PrometheusClient::ready(QObject *context, Callback<Done> done)
{
    HttpRequest r;
    r.path = QStringLiteral("/-/ready");
    return call<Done>(r, context, std::move(done), [](const QByteArray &) -> Result<Done> { return Done{}; });
}

} // namespace wf
