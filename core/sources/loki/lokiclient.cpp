#include "lokiclient.h"

#include "domain/querytext.h"
#include "net/asyncparse.h"

namespace wf {
namespace {

void addWindow(HttpRequest &r, qint64 startNs, qint64 endNs)
{
    if (startNs > 0)
        r.params.append({QStringLiteral("start"), loki::formatNanos(startNs)});
    if (endNs > 0)
        r.params.append({QStringLiteral("end"), loki::formatNanos(endNs)});
}

Result<Done> parseReady(const QByteArray &)
{
    return Done{};
}

} // namespace

LokiClient::LokiClient(HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_http(http)
{
}

template <typename T>
RequestId LokiClient::call(const HttpRequest &request, QObject *context, Callback<T> done,
                           Result<T> (*parse)(const QByteArray &))
{
    QPointer<QObject> guard(context);
    const bool hasContext = context != nullptr;
    return m_http->send(request, context ? context : this, [this, guard, hasContext, done, parse](const Result<HttpResponse> &response) {
        if (!response) {
            done(loki::fromHttpError(response.error()));
            return;
        }
        // How the body read goes to the endpoint's light too: an answer it cannot read is a fault.
        auto reported = [http = QPointer<HttpClient>(m_http), done](const Result<T> &r) {
            if (http)
                http->reportRead(r ? nullptr : &r.error());
            done(r);
        };
        parseBody<T>(this, guard, hasContext, response->body, kParseOffThreadBytes, parse, reported);
    });
}

RequestId LokiClient::queryRange(const LokiQuery &query, QObject *context, Callback<LokiResult> done)
{
    HttpRequest r;
    r.path = QStringLiteral("/loki/api/v1/query_range");
    r.params = {{QStringLiteral("query"), query.logql},
                {QStringLiteral("limit"), QString::number(std::clamp(query.limit, 1, kMaxLimit))},
                {QStringLiteral("direction"), query.direction == LokiQuery::Direction::Backward
                                                  ? QStringLiteral("backward")
                                                  : QStringLiteral("forward")}};
    addWindow(r, query.startNs, query.endNs);
    if (query.stepSeconds > 0)
        r.params.append({QStringLiteral("step"), QString::number(query.stepSeconds, 'g', 10)});
    return call<LokiResult>(r, context, std::move(done), &loki::parseQueryResult);
}

RequestId LokiClient::query(const QString &logql, qint64 timeNs, QObject *context, Callback<LokiResult> done)
{
    HttpRequest r;
    r.path = QStringLiteral("/loki/api/v1/query");
    r.params = {{QStringLiteral("query"), logql}};
    if (timeNs > 0)
        r.params.append({QStringLiteral("time"), loki::formatNanos(timeNs)});
    return call<LokiResult>(r, context, std::move(done), &loki::parseQueryResult);
}

RequestId LokiClient::labels(const QString &selector, qint64 startNs, qint64 endNs, QObject *context,
                             Callback<QStringList> done)
{
    HttpRequest r;
    r.path = QStringLiteral("/loki/api/v1/labels");
    addWindow(r, startNs, endNs);
    if (!selector.isEmpty())
        r.params.append({QStringLiteral("query"), selector});
    return call<QStringList>(r, context, std::move(done), &loki::parseStringList);
}

RequestId LokiClient::labelValues(const QString &label, const QString &selector, qint64 startNs, qint64 endNs,
                                  QObject *context, Callback<QStringList> done)
{
    if (!isValidLabelName(label)) {
        // Never put an unchecked name into a path; answer like a refusal, but later.
        Error e;
        e.kind = Error::Kind::Api;
        e.message = tr("“%1” is not a valid label name.").arg(label);
        QMetaObject::invokeMethod(this, [done, e] { done(e); }, Qt::QueuedConnection);
        return 0;
    }
    HttpRequest r;
    r.path = QStringLiteral("/loki/api/v1/label/%1/values").arg(label);
    addWindow(r, startNs, endNs);
    if (!selector.isEmpty())
        r.params.append({QStringLiteral("query"), selector});
    return call<QStringList>(r, context, std::move(done), &loki::parseStringList);
}

RequestId LokiClient::series(const QStringList &match, qint64 startNs, qint64 endNs, QObject *context,
                             Callback<QList<Labels>> done)
{
    HttpRequest r;
    r.path = QStringLiteral("/loki/api/v1/series");
    for (const auto &m : match)
        r.params.append({QStringLiteral("match[]"), m});
    addWindow(r, startNs, endNs);
    return call<QList<Labels>>(r, context, std::move(done), &loki::parseSeries);
}

RequestId LokiClient::ready(QObject *context, Callback<Done> done)
{
    HttpRequest r;
    r.path = QStringLiteral("/ready");
    return call<Done>(r, context, std::move(done), &parseReady);
}

} // namespace wf
