#include "faults.h"

#include <QJsonObject>

#include <array>

namespace sim {
namespace {

constexpr std::array kKinds{
    std::pair{FaultKind::AlpacaDisconnect, "alpaca_disconnect"}, std::pair{FaultKind::AuthFailure, "auth_failure"},
    std::pair{FaultKind::LatencySpike, "latency_spike"},         std::pair{FaultKind::InvalidPrices, "invalid_prices"},
    std::pair{FaultKind::PriceSpike, "price_spike"},             std::pair{FaultKind::YahooDown, "yahoo_down"},
    std::pair{FaultKind::BothDown, "both_down"},                 std::pair{FaultKind::StaleStream, "stale_stream"},
};

} // namespace

QString faultKey(FaultKind kind)
{
    for (const auto &[k, key] : kKinds)
        if (k == kind)
            return QString::fromLatin1(key);
    return {};
}

std::optional<FaultKind> faultFromKey(const QString &key)
{
    for (const auto &[k, name] : kKinds)
        if (key == QLatin1String(name))
            return k;
    return std::nullopt;
}

QStringList allFaultKeys()
{
    QStringList keys;
    for (const auto &[k, key] : kKinds)
        keys << QString::fromLatin1(key);
    return keys;
}

void FaultBoard::inject(FaultKind kind, const QDateTime &now, double durationSeconds)
{
    const auto ends = now.addMSecs(qint64(durationSeconds * 1000));
    auto it = m_until.find(kind);
    if (it == m_until.end())
        m_until[kind] = {now, ends};
    else if (ends > it->second.ends)
        it->second.ends = ends;
}

int FaultBoard::clear()
{
    const int n = int(m_until.size());
    m_until.clear();
    return n;
}

void FaultBoard::expire(const QDateTime &now)
{
    for (auto it = m_until.begin(); it != m_until.end();)
        it = it->second.ends <= now ? m_until.erase(it) : std::next(it);
}

QList<FaultKind> FaultBoard::kinds() const
{
    QList<FaultKind> out;
    for (const auto &[kind, span] : m_until)
        out << kind;
    return out;
}

QJsonArray FaultBoard::toJson(const QDateTime &now) const
{
    QJsonArray out;
    for (const auto &[kind, span] : m_until)
        out.append(QJsonObject{{QStringLiteral("kind"), faultKey(kind)},
                               {QStringLiteral("startedAt"), span.started.toUTC().toString(Qt::ISODateWithMs)},
                               {QStringLiteral("endsAt"), span.ends.toUTC().toString(Qt::ISODateWithMs)},
                               {QStringLiteral("secondsLeft"), std::max<qint64>(0, now.msecsTo(span.ends)) / 1000.0}});
    return out;
}

} // namespace sim
