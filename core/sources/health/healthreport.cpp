#include "healthreport.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace wf {
namespace {

class HealthText
{
    Q_DECLARE_TR_FUNCTIONS(wf::HealthClient)
};

QDateTime toTime(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}

Error parseError(const QString &what)
{
    Error e;
    e.kind = Error::Kind::Parse;
    e.message = HealthText::tr("The health endpoint sent an answer the console cannot read: %1").arg(what);
    return e;
}

} // namespace

Health HealthReport::healthOf(const QString &status)
{
    if (status == u"Healthy")
        return Health::Good;
    if (status == u"Degraded")
        return Health::Warning;
    if (status == u"Unhealthy")
        return Health::Bad;
    return Health::Unknown;
}

namespace healthapi {

Result<HealthReport> parse(const QByteArray &body)
{
    QJsonParseError jsonError;
    const auto doc = QJsonDocument::fromJson(body, &jsonError);
    if (jsonError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (body.trimmed().isEmpty())
            return parseError(HealthText::tr("the body is empty."));
        return parseError(HealthText::tr("not JSON (%1 at byte %2).").arg(jsonError.errorString()).arg(jsonError.offset));
    }
    const auto root = doc.object();
    HealthReport r;
    r.status = root.value(QStringLiteral("status")).toString();
    if (r.health() == Health::Unknown)
        return parseError(HealthText::tr("\"status\" is “%1”, not Healthy, Degraded or Unhealthy.").arg(r.status.left(40)));
    r.checkedAt = toTime(root.value(QStringLiteral("checkedAt")));

    const auto alpaca = root.value(QStringLiteral("alpaca")).toObject();
    r.alpaca.state = alpaca.value(QStringLiteral("state")).toString();
    r.alpaca.isConnected = alpaca.value(QStringLiteral("isConnected")).toBool();
    r.alpaca.isAuthenticated = alpaca.value(QStringLiteral("isAuthenticated")).toBool();
    r.alpaca.subscribedSymbols = alpaca.value(QStringLiteral("subscribedSymbols")).toInt();
    r.alpaca.lastMessageAt = toTime(alpaca.value(QStringLiteral("lastMessageAt")));
    r.alpaca.reconnectAttempts = alpaca.value(QStringLiteral("reconnectAttempts")).toInt();

    const auto router = root.value(QStringLiteral("router")).toObject();
    r.router.currentState = router.value(QStringLiteral("currentState")).toString();
    if (router.value(QStringLiteral("uptimePercent")).isDouble())
        r.router.uptimePercent = router.value(QStringLiteral("uptimePercent")).toDouble();
    r.router.lastTransitionAt = toTime(router.value(QStringLiteral("lastTransitionAt")));
    r.router.lastTransitionReason = router.value(QStringLiteral("lastTransitionReason")).toString();
    r.router.failoversTotal = router.value(QStringLiteral("failoversTotal")).toInt();
    return r;
}

} // namespace healthapi
} // namespace wf
