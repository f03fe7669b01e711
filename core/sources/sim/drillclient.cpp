#include "drillclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace wf {
namespace {

Error parseError(const QString &what)
{
    Error e;
    e.kind = Error::Kind::Parse;
    e.message = DrillClient::tr("The simulator sent an answer the console cannot read: %1").arg(what);
    return e;
}

// The simulator's refusals are {"error": "…"}.
Error fromHttpError(const Error &error)
{
    const auto text = QJsonDocument::fromJson(error.body).object().value(QStringLiteral("error")).toString();
    if (error.kind != Error::Kind::HttpStatus || text.isEmpty())
        return error;
    Error e = error;
    e.kind = Error::Kind::Api;
    e.apiError = text;
    e.message = DrillClient::tr("The simulator refused the drill: %1").arg(text);
    return e;
}

// A control call's answer that is a count ({"cleared": 2}): the number, or what went wrong.
Result<int> countFrom(const Result<HttpResponse> &response, const QString &key, const QString &missing)
{
    if (!response)
        return fromHttpError(response.error());
    const auto value = QJsonDocument::fromJson(response->body).object().value(key);
    if (!value.isDouble())
        return parseError(missing);
    return value.toInt();
}

} // namespace

DrillClient::DrillClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_http(network, Endpoint::Health)
{
    auto options = m_http.options();
    options.maxRetries = 0; // a drill is a command: never sent twice
    options.totalTimeoutMs = 5000;
    m_http.setOptions(options);
}

void DrillClient::setProfile(const Profile &profile)
{
    Profile root = profile;
    auto url = profile.endpoint(Endpoint::Health).url;
    url.setPath(QString());
    url.setQuery(QString());
    root.endpoint(Endpoint::Health).url = url;
    m_http.setProfile(root);
}

QUrl DrillClient::simulatorUrl() const
{
    return m_http.baseUrl();
}

QStringList DrillClient::knownKinds()
{
    return {QStringLiteral("alpaca_disconnect"), QStringLiteral("auth_failure"),  QStringLiteral("latency_spike"),
            QStringLiteral("invalid_prices"),    QStringLiteral("price_spike"),   QStringLiteral("yahoo_down"),
            QStringLiteral("both_down"),         QStringLiteral("stale_stream")};
}

QString DrillClient::kindLabel(const QString &kind)
{
    if (kind == u"alpaca_disconnect")
        return tr("Alpaca disconnect");
    if (kind == u"auth_failure")
        return tr("Authentication failure");
    if (kind == u"latency_spike")
        return tr("Latency spike");
    if (kind == u"invalid_prices")
        return tr("Invalid prices");
    if (kind == u"price_spike")
        return tr("Price spike (circuit breaker)");
    if (kind == u"yahoo_down")
        return tr("Yahoo Finance down");
    if (kind == u"both_down")
        return tr("Both sources down");
    if (kind == u"stale_stream")
        return tr("Stale stream");
    return kind;
}

Result<DrillStatus> DrillClient::parseStatus(const QByteArray &body)
{
    QJsonParseError jsonError;
    const auto doc = QJsonDocument::fromJson(body, &jsonError);
    if (jsonError.error != QJsonParseError::NoError || !doc.isObject())
        return parseError(tr("not JSON (%1).").arg(jsonError.errorString()));
    const auto root = doc.object();
    if (!root.value(QStringLiteral("faults")).isArray())
        return parseError(tr("no list of drills."));
    DrillStatus s;
    for (const auto &v : root.value(QStringLiteral("faults")).toArray()) {
        const auto o = v.toObject();
        s.active << Drill{o.value(QStringLiteral("kind")).toString(),
                          QDateTime::fromString(o.value(QStringLiteral("endsAt")).toString(), Qt::ISODateWithMs),
                          o.value(QStringLiteral("secondsLeft")).toDouble()};
    }
    for (const auto &k : root.value(QStringLiteral("kinds")).toArray())
        s.kinds << k.toString();
    s.routerState = root.value(QStringLiteral("routerState")).toString();
    s.alpacaState = root.value(QStringLiteral("alpacaState")).toString();
    return s;
}

RequestId DrillClient::status(QObject *context, Callback<DrillStatus> done)
{
    HttpRequest r;
    r.path = QStringLiteral("/control/faults");
    return m_http.send(r, context ? context : this, [done](const Result<HttpResponse> &response) {
        done(response ? parseStatus(response->body) : Result<DrillStatus>(fromHttpError(response.error())));
    });
}

RequestId DrillClient::inject(const QString &kind, int seconds, QObject *context, Callback<DrillStatus> done)
{
    HttpRequest r;
    r.method = HttpRequest::Method::Post;
    r.path = QStringLiteral("/control/faults");
    r.contentType = "application/json";
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("kind"), kind}, {QStringLiteral("durationSeconds"), seconds}})
                 .toJson(QJsonDocument::Compact);
    return m_http.send(r, context ? context : this, [done](const Result<HttpResponse> &response) {
        done(response ? parseStatus(response->body) : Result<DrillStatus>(fromHttpError(response.error())));
    });
}

RequestId DrillClient::clear(QObject *context, Callback<int> done)
{
    HttpRequest r;
    r.method = HttpRequest::Method::Delete;
    r.path = QStringLiteral("/control/faults");
    return m_http.send(r, context ? context : this, [done](const Result<HttpResponse> &response) {
        done(countFrom(response, QStringLiteral("cleared"), DrillClient::tr("no count of ended drills.")));
    });
}

RequestId DrillClient::restartLoki(int downSeconds, QObject *context, Callback<int> done)
{
    HttpRequest r;
    r.method = HttpRequest::Method::Post;
    r.path = QStringLiteral("/control/loki/restart");
    r.contentType = "application/json";
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("downSeconds"), downSeconds}}).toJson(QJsonDocument::Compact);
    return m_http.send(r, context ? context : this, [done](const Result<HttpResponse> &response) {
        done(countFrom(response, QStringLiteral("tailsClosed"), DrillClient::tr("no count of closed tails.")));
    });
}

} // namespace wf
