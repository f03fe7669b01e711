#include "router.h"

namespace sim {

QString routerStateName(RouterState state)
{
    switch (state) {
    case RouterState::PrimaryActive: return QStringLiteral("PRIMARY_ACTIVE");
    case RouterState::FallbackActive: return QStringLiteral("FALLBACK_ACTIVE");
    case RouterState::BothUnavailable: return QStringLiteral("BOTH_UNAVAILABLE");
    }
    return {};
}

Router::Router(double hysteresisSeconds)
    : m_hysteresis(hysteresisSeconds)
{
}

std::optional<Router::Transition> Router::moveTo(RouterState to, double now, const QString &reason)
{
    Transition t{m_state, to, reason, now - m_enteredAt, m_state == RouterState::PrimaryActive};
    if (t.failover)
        ++m_failovers;
    m_state = to;
    m_enteredAt = now;
    return t;
}

std::optional<Router::Transition> Router::step(double now, double dt, const QString &alpacaFailure, bool yahooUp)
{
    m_durations[std::size_t(m_state)] += dt;
    const bool alpacaUp = alpacaFailure.isEmpty();
    if (!alpacaUp)
        m_alpacaHealthySince = -1;
    else if (m_alpacaHealthySince < 0)
        m_alpacaHealthySince = now;

    switch (m_state) {
    case RouterState::PrimaryActive:
        if (!alpacaUp)
            return moveTo(yahooUp ? RouterState::FallbackActive : RouterState::BothUnavailable, now, alpacaFailure);
        return std::nullopt;
    case RouterState::FallbackActive:
    case RouterState::BothUnavailable:
        if (alpacaUp && now - m_alpacaHealthySince >= m_hysteresis)
            return moveTo(RouterState::PrimaryActive, now,
                          QStringLiteral("Alpaca healthy for %1 s").arg(m_hysteresis, 0, 'g', 3));
        if (m_state == RouterState::FallbackActive && !yahooUp)
            return moveTo(RouterState::BothUnavailable, now, QStringLiteral("Yahoo Finance unavailable"));
        if (m_state == RouterState::BothUnavailable && yahooUp)
            return moveTo(RouterState::FallbackActive, now, QStringLiteral("Yahoo Finance available again"));
        return std::nullopt;
    }
    return std::nullopt;
}

double Router::uptimePercent(double baselineTotal, double baselineDown) const
{
    const double total = baselineTotal + m_durations[0] + m_durations[1] + m_durations[2];
    const double down = baselineDown + m_durations[2];
    return total <= 0 ? 100.0 : 100.0 * (1.0 - down / total);
}

} // namespace sim
