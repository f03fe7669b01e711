#include "prometheusclient.h"

#include "domain/querytext.h"
#include "net/asyncparse.h"

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
    return call<PromResult>(r, context, std::move(done), &prom::parseQueryResult);
}

RequestId PrometheusClient::queryRange(const QString &promql, const QDateTime &start, const QDateTime &end,
                                       double stepSeconds, QObject *context, Callback<PromResult> done)
{
    HttpRequest r;
    r.path = QStringLiteral("/api/v1/query_range");
    r.params = {{QStringLiteral("query"), promql},
                {QStringLiteral("start"), formatTime(start)},
                {QStringLiteral("end"), formatTime(end)},
                {QStringLiteral("step"), QString::number(stepSeconds, 'g', 10)}};
    return call<PromResult>(r, context, std::move(done), &prom::parseQueryResult);
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

RequestId PrometheusClient::ready(QObject *context, Callback<Done> done)
{
    HttpRequest r;
    r.path = QStringLiteral("/-/ready");
    return call<Done>(r, context, std::move(done), [](const QByteArray &) -> Result<Done> { return Done{}; });
}

} // namespace wf
