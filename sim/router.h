#pragma once

#include <QString>

#include <array>
#include <optional>

namespace sim {

enum class RouterState { PrimaryActive = 0, FallbackActive = 1, BothUnavailable = 2 };
QString routerStateName(RouterState state); // PRIMARY_ACTIVE, …

// The data-source router of the MyTrader service: Alpaca first, Yahoo as fallback.
//   PRIMARY_ACTIVE  → FALLBACK_ACTIVE   when Alpaca fails (disconnect, auth, stale) and Yahoo is up
//   PRIMARY_ACTIVE  → BOTH_UNAVAILABLE  when Alpaca fails and Yahoo is down too
//   FALLBACK_ACTIVE → BOTH_UNAVAILABLE  when Yahoo goes down as well
//   BOTH_UNAVAILABLE→ FALLBACK_ACTIVE   when Yahoo comes back first
//   any             → PRIMARY_ACTIVE    after Alpaca has been healthy for the hysteresis period
// Pure: time comes in as seconds, so tests drive it step by step.
class Router
{
public:
    struct Transition
    {
        RouterState from;
        RouterState to;
        QString reason;
        double secondsInPrevious = 0;
        bool failover = false; // left PRIMARY_ACTIVE
    };

    explicit Router(double hysteresisSeconds = 5.0);

    // One step: dt seconds passed with these inputs. alpacaFailure names why Alpaca is not usable
    // (empty when it is).
    std::optional<Transition> step(double now, double dt, const QString &alpacaFailure, bool yahooUp);

    RouterState state() const { return m_state; }
    double secondsIn(RouterState s) const { return m_durations[std::size_t(s)]; } // accumulated
    int failovers() const { return m_failovers; }
    double enteredAt() const { return m_enteredAt; }
    // Share of time not BOTH_UNAVAILABLE, in percent, over the accumulated durations plus a baseline
    // (the history before this run).
    double uptimePercent(double baselineTotal = 0, double baselineDown = 0) const;

private:
    std::optional<Transition> moveTo(RouterState to, double now, const QString &reason);

    double m_hysteresis;
    RouterState m_state = RouterState::PrimaryActive;
    double m_enteredAt = 0;
    double m_alpacaHealthySince = -1; // -1: Alpaca is failing
    std::array<double, 3> m_durations{};
    int m_failovers = 0;
};

} // namespace sim
