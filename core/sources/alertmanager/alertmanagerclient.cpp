#include "alertmanagerclient.h"

#include <QUrl>

namespace wf {
namespace {

QList<std::pair<QString, QString>> filterParams(const AlertFilter &f)
{
    const auto flag = [](bool b) { return b ? QStringLiteral("true") : QStringLiteral("false"); };
    QList<std::pair<QString, QString>> params{{QStringLiteral("active"), flag(f.active)},
                                              {QStringLiteral("silenced"), flag(f.silenced)},
                                              {QStringLiteral("inhibited"), flag(f.inhibited)},
                                              {QStringLiteral("unprocessed"), flag(f.unprocessed)}};
    for (const auto &m : f.matchers)
        params.append({QStringLiteral("filter"), m});
    if (!f.receiver.isEmpty())
        params.append({QStringLiteral("receiver"), f.receiver});
    return params;
}

} // namespace

AlertmanagerClient::AlertmanagerClient(HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_http(http)
{
}

template <typename T>
RequestId AlertmanagerClient::call(const HttpRequest &request, QObject *context, Callback<T> done,
                                   Result<T> (*parse)(const QByteArray &))
{
    // Alertmanager's answers are small (alerts and silences, not samples): parsed in place.
    return m_http->send(request, context ? context : this, [http = m_http, done, parse](const Result<HttpResponse> &response) {
        if (!response) {
            done(am::fromHttpError(response.error()));
            return;
        }
        const auto r = parse(response->body);
        http->reportRead(r ? nullptr : &r.error()); // an answer it cannot read is a fault for the light too
        done(r);
    });
}

RequestId AlertmanagerClient::alerts(const AlertFilter &filter, QObject *context, Callback<QList<AmAlert>> done)
{
    HttpRequest r;
    r.path = QStringLiteral("/api/v2/alerts");
    r.params = filterParams(filter);
    return call<QList<AmAlert>>(r, context, std::move(done), &am::parseAlerts);
}

RequestId AlertmanagerClient::alertGroups(const AlertFilter &filter, QObject *context,
                                          Callback<QList<AmAlertGroup>> done)
{
    HttpRequest r;
    r.path = QStringLiteral("/api/v2/alerts/groups");
    r.params = filterParams(filter);
    return call<QList<AmAlertGroup>>(r, context, std::move(done), &am::parseAlertGroups);
}

RequestId AlertmanagerClient::silences(const QStringList &matchers, QObject *context, Callback<QList<Silence>> done)
{
    HttpRequest r;
    r.path = QStringLiteral("/api/v2/silences");
    for (const auto &m : matchers)
        r.params.append({QStringLiteral("filter"), m});
    return call<QList<Silence>>(r, context, std::move(done), &am::parseSilences);
}

RequestId AlertmanagerClient::silence(const QString &id, QObject *context, Callback<Silence> done)
{
    HttpRequest r;
    r.path = QStringLiteral("/api/v2/silence/") + QString::fromLatin1(QUrl::toPercentEncoding(id));
    return call<Silence>(r, context, std::move(done), &am::parseSilence);
}

RequestId AlertmanagerClient::createSilence(const Silence &silence, QObject *context, Callback<QString> done)
{
    HttpRequest r;
    r.method = HttpRequest::Method::Post;
    r.path = QStringLiteral("/api/v2/silences");
    r.body = am::toJson(silence);
    r.contentType = "application/json";
    return call<QString>(r, context, std::move(done), &am::parseSilenceId);
}

RequestId AlertmanagerClient::expireSilence(const QString &id, QObject *context, Callback<Done> done)
{
    HttpRequest r;
    r.method = HttpRequest::Method::Delete;
    r.path = QStringLiteral("/api/v2/silence/") + QString::fromLatin1(QUrl::toPercentEncoding(id));
    return call<Done>(r, context, std::move(done), [](const QByteArray &) -> Result<Done> { return Done{}; });
}

RequestId AlertmanagerClient::status(QObject *context, Callback<AmStatus> done)
{
    HttpRequest r;
    r.path = QStringLiteral("/api/v2/status");
    return call<AmStatus>(r, context, std::move(done), &am::parseStatus);
}

} // namespace wf
