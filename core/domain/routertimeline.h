#pragma once

#include "routerstate.h"
#include "sources/prometheus/promresult.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace wf {

struct RouterSegment
{
    RouterState state = RouterState::Unknown;
    bool ambiguous = false; // stale series disagree and nothing decides (METRICS.md): never guessed
    QDateTime start;
    QDateTime end;
    QString reason;
    bool live = false; // from the health endpoint rather than Prometheus

    qint64 seconds() const { return start.secsTo(end); }
};

// Leaving PRIMARY_ACTIVE until it is back: one failover, however many states it passes through.
struct FailoverEvent
{
    QDateTime start;
    QDateTime end; // invalid while it lasts
    RouterState worst = RouterState::FallbackActive;
    QString reason;
    std::optional<qint64> recoverySeconds; // failure detected → fallback serving: the time in BOTH_UNAVAILABLE before it; none for a direct switch

    bool ongoing() const { return !end.isValid(); }
};

// The data-source router's state over the dashboards' time range: segments from the range query of
// datasource_router_state, resolved as METRICS.md says when a service leaves stale series (the state
// whose datasource_router_state_duration_seconds increases wins, else "ambiguous"), overridden by
// the health endpoint's polls, which are authoritative and arrive every second.
class RouterTimeline
{
public:
    // Range queries of datasource_router_state and datasource_router_state_duration_seconds, same
    // start and step. Replaces the previous history.
    void setHistory(const PromResult &states, const PromResult &durations, qint64 stepSeconds);
    // A health poll. lastTransitionAt (the service's) places a change more exactly than the poll time.
    void addLive(const QDateTime &at, RouterState state, const QDateTime &lastTransitionAt, const QString &reason);
    // Forgets what is older than from (bounded memory for a console left open all night).
    void prune(const QDateTime &from);
    void clear();

    // The merged segments overlapping [from, to]; the last live one extends to now.
    QList<RouterSegment> segments(const QDateTime &from, const QDateTime &to) const;
    QList<FailoverEvent> failovers(const QDateTime &from, const QDateTime &to) const;

    // The state now: the live one when there is a recent poll, else the history's last.
    RouterState current() const;
    bool currentAmbiguous() const;
    QDateTime currentSince() const;
    QString currentReason() const;
    // Where the state now comes from: a health poll (true) or Prometheus' history; and the time of
    // that poll or of the history's last point.
    bool currentLive() const;
    QDateTime currentSeenAt() const;
    bool hasData() const { return !m_history.isEmpty() || !m_live.isEmpty(); }

private:
    const QList<RouterSegment> &merged() const;
    QList<RouterSegment> merge() const;

    QList<RouterSegment> m_history;
    QList<RouterSegment> m_live;
    QDateTime m_liveSeen; // the last poll
    mutable std::optional<QList<RouterSegment>> m_merged; // merged(), until the next change
};

} // namespace wf
