#include "httpapi.h"

#include "simservice.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>

namespace sim {
namespace {

QHttpServerResponse json(const QJsonObject &object, QHttpServerResponse::StatusCode status)
{
    return QHttpServerResponse("application/json", QJsonDocument(object).toJson(QJsonDocument::Compact), status);
}

QHttpServerResponse problem(const QString &text, QHttpServerResponse::StatusCode status)
{
    return json({{QStringLiteral("error"), text}}, status);
}

} // namespace

HttpApi::HttpApi(SimService *service, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_server(std::make_unique<QHttpServer>())
{
    addRoutes();
}

HttpApi::~HttpApi() = default;

quint16 HttpApi::listen(const QHostAddress &address, quint16 port)
{
    return m_server->listen(address, port);
}

void HttpApi::addRoutes()
{
    using Method = QHttpServerRequest::Method;
    using Status = QHttpServerResponse::StatusCode;

    m_server->route(QStringLiteral("/metrics"), Method::Get, [this] {
        return QHttpServerResponse("text/plain; version=0.0.4; charset=utf-8", m_service->metricsText());
    });

    m_server->route(QStringLiteral("/api/health/alpaca"), Method::Get, [this] {
        const auto status = m_service->healthStatus() == 503 ? Status::ServiceUnavailable : Status::Ok;
        return QHttpServerResponse("application/json", m_service->healthJson(QDateTime::currentDateTimeUtc()), status);
    });

    m_server->route(QStringLiteral("/control/faults"), Method::Get, [this] {
        const auto now = QDateTime::currentDateTimeUtc();
        return json({{QStringLiteral("faults"), m_service->faults().toJson(now)},
                     {QStringLiteral("kinds"), QJsonArray::fromStringList(allFaultKeys())},
                     {QStringLiteral("routerState"), routerStateName(m_service->routerState())},
                     {QStringLiteral("alpacaState"), SimService::alpacaStateName(m_service->alpacaState())}},
                    Status::Ok);
    });

    m_server->route(QStringLiteral("/control/faults"), Method::Post, [this](const QHttpServerRequest &request) {
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(request.body(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return problem(QStringLiteral("the body is not a JSON object: %1").arg(error.errorString()), Status::BadRequest);
        const auto body = doc.object();
        const auto kindText = body.value(QStringLiteral("kind")).toString();
        const auto kind = faultFromKey(kindText);
        if (!kind)
            return problem(QStringLiteral("unknown fault kind \"%1\"; known: %2").arg(kindText, allFaultKeys().join(u", ")),
                           Status::BadRequest);
        const auto duration = body.value(QStringLiteral("durationSeconds")).toDouble(60);
        if (!(duration > 0 && duration <= 86400))
            return problem(QStringLiteral("durationSeconds must be between 0 and 86400"), Status::BadRequest);
        // price_spike may name its symbol ("BRK.B"); else one at random.
        const auto symbol = body.value(QStringLiteral("symbol")).toString();
        if (body.contains(QStringLiteral("symbol"))) {
            if (*kind != FaultKind::PriceSpike)
                return problem(QStringLiteral("only price_spike takes a symbol"), Status::BadRequest);
            if (!m_service->hasSymbol(symbol))
                return problem(QStringLiteral("unknown symbol \"%1\"").arg(symbol), Status::BadRequest);
        }
        if (*kind == FaultKind::PriceSpike)
            m_service->setSpikeSymbol(symbol);
        const auto now = QDateTime::currentDateTimeUtc();
        m_service->inject(*kind, duration, now);
        return json({{QStringLiteral("kind"), kindText},
                     {QStringLiteral("durationSeconds"), duration},
                     {QStringLiteral("faults"), m_service->faults().toJson(now)}},
                    Status::Created);
    });

    m_server->route(QStringLiteral("/control/faults"), Method::Delete, [this] {
        return json({{QStringLiteral("cleared"), m_service->clearFaults(QDateTime::currentDateTimeUtc())}}, Status::Ok);
    });
}

} // namespace sim
