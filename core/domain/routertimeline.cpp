#include "routertimeline.h"

#include <QTimeZone>
#include <QCoreApplication>
#include <QMap>
#include <QSet>

#include <cmath>

namespace wf {
namespace {

// The gauge's value names the state when a series has no state label: 0, 1, 2.
RouterState stateFromValue(double value)
{
    switch (int(std::lround(value))) {
    case 0:
        return RouterState::PrimaryActive;
    case 1:
        return RouterState::FallbackActive;
    case 2:
        return RouterState::BothUnavailable;
    default:
        return RouterState::Unknown;
    }
}

QDateTime at(double seconds)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(seconds * 1000)), Qt::UTC);
}

void append(QList<RouterSegment> &segments, RouterSegment segment)
{
    if (!segments.isEmpty()) {
        auto &last = segments.last();
        // Touching (or overlapping) pieces of the same state are one segment, wherever they came from.
        if (last.state == segment.state && last.ambiguous == segment.ambiguous &&
            last.end.msecsTo(segment.start) <= 1000) {
            last.end = std::max(last.end, segment.end);
            last.live = last.live || segment.live;
            if (last.reason.isEmpty())
                last.reason = segment.reason;
            return;
        }
    }
    segments.append(std::move(segment));
}

} // namespace

void RouterTimeline::setHistory(const PromResult &states, const PromResult &durations, qint64 stepSeconds)
{
    m_merged.reset();
    m_history.clear();
    // time → states present at that time; state → (time → duration counter)
    QMap<qint64, QSet<RouterState>> present;
    for (const auto &series : states.series) {
        // A series with a state label tells the state by its label; without, by its value.
        const auto name = series.labels.value(QStringLiteral("state"));
        for (const auto &sample : series.samples)
            present[qint64(std::llround(sample.time))].insert(name.isEmpty() ? stateFromValue(sample.value)
                                                                              : routerStateFromName(name));
    }
    QMap<RouterState, QMap<qint64, double>> counters;
    for (const auto &series : durations.series) {
        const auto state = routerStateFromName(series.labels.value(QStringLiteral("state")));
        for (const auto &sample : series.samples)
            counters[state][qint64(std::llround(sample.time))] += sample.value;
    }
    const auto increasing = [&](RouterState state, qint64 t) {
        const auto &c = counters.value(state);
        const auto now = c.constFind(t);
        const auto before = c.constFind(t - stepSeconds);
        return now != c.constEnd() && before != c.constEnd() && *now > *before;
    };

    for (auto it = present.cbegin(); it != present.cend(); ++it) {
        RouterSegment segment;
        segment.start = at(double(it.key()));
        segment.end = at(double(it.key() + stepSeconds));
        if (it.value().size() == 1) {
            segment.state = *it.value().cbegin();
        } else {
            QList<RouterState> rising;
            for (const auto state : it.value())
                if (increasing(state, it.key()))
                    rising.append(state);
            if (rising.size() == 1) {
                segment.state = rising.first();
            } else {
                segment.ambiguous = true;
                segment.reason = QCoreApplication::translate(
                    "wf::RouterTimeline", "The service reports several states and none can be told current.");
            }
        }
        append(m_history, segment);
    }
    // The newest sample says what is true now, not for a step into the future.
    if (!present.isEmpty() && !m_history.isEmpty())
        m_history.last().end = std::max(m_history.last().start, at(double(present.lastKey())));
}

void RouterTimeline::addLive(const QDateTime &when, RouterState state, const QDateTime &lastTransitionAt,
                             const QString &reason)
{
    m_merged.reset();
    const auto now = when.toUTC();
    if (!m_live.isEmpty() && m_live.last().state == state && !m_live.last().ambiguous) {
        m_live.last().end = now;
        if (!reason.isEmpty())
            m_live.last().reason = reason;
        m_liveSeen = now;
        return;
    }
    RouterSegment segment;
    segment.state = state;
    segment.live = true;
    segment.reason = reason;
    segment.end = now;
    // Where the change happened: the service's own transition time when it is plausible, i.e. after
    // the previous poll (or, for the first poll, any time before this one); else the poll time.
    auto start = now;
    const auto floor = m_live.isEmpty() ? QDateTime() : m_live.last().end;
    if (lastTransitionAt.isValid() && state != RouterState::Unknown) {
        const auto t = lastTransitionAt.toUTC();
        if (t <= now && (!floor.isValid() || t >= floor))
            start = t;
        else if (floor.isValid() && t < floor)
            start = floor;
    } else if (floor.isValid()) {
        start = floor;
    }
    segment.start = start;
    if (!m_live.isEmpty())
        m_live.last().end = std::max(m_live.last().start, start);
    m_live.append(segment);
    m_liveSeen = now;
}

void RouterTimeline::prune(const QDateTime &from)
{
    m_merged.reset();
    const auto old = [&](const RouterSegment &s) { return s.end < from; };
    m_history.removeIf(old);
    if (m_live.size() > 1) {
        const auto last = m_live.takeLast(); // the current state stays, however old its start
        m_live.removeIf(old);
        m_live.append(last);
    }
}

void RouterTimeline::clear()
{
    m_merged.reset();
    m_history.clear();
    m_live.clear();
    m_liveSeen = {};
}

const QList<RouterSegment> &RouterTimeline::merged() const
{
    // Several panels ask each refresh; it changes only when a poll or the history comes in.
    if (!m_merged)
        m_merged = merge();
    return *m_merged;
}

QList<RouterSegment> RouterTimeline::merge() const
{
    QList<RouterSegment> all;
    const auto liveStart = m_live.isEmpty() ? QDateTime() : m_live.first().start;
    for (auto segment : m_history) {
        if (liveStart.isValid()) {
            if (segment.start >= liveStart)
                break;
            segment.end = std::min(segment.end, liveStart);
        }
        append(all, segment);
    }
    for (const auto &segment : m_live)
        append(all, segment);
    // When the polls stopped (health endpoint unreachable), Prometheus' history takes over again.
    if (m_liveSeen.isValid()) {
        const auto after = m_liveSeen.addSecs(5); // a few missed polls are not a takeover
        for (auto segment : m_history) {
            if (segment.end <= after)
                continue;
            segment.start = std::max(segment.start, after);
            append(all, segment);
        }
    }
    return all;
}

QList<RouterSegment> RouterTimeline::segments(const QDateTime &from, const QDateTime &to) const
{
    QList<RouterSegment> visible;
    const auto &all = merged();
    for (int i = 0; i < all.size(); ++i) {
        auto segment = all.at(i);
        // The current live state lasts until now (a poll every second; allow a few missed).
        if (i == all.size() - 1 && segment.live && m_liveSeen.isValid() && m_liveSeen.secsTo(to) < 5)
            segment.end = std::max(segment.end, to);
        if (segment.end <= from || segment.start >= to)
            continue;
        visible.append(segment);
    }
    return visible;
}

QList<FailoverEvent> RouterTimeline::failovers(const QDateTime &from, const QDateTime &to) const
{
    QList<FailoverEvent> events;
    std::optional<FailoverEvent> open;
    QDateTime bothSince;
    for (const auto &segment : segments(from, to)) {
        const bool down = !segment.ambiguous && (segment.state == RouterState::FallbackActive ||
                                                 segment.state == RouterState::BothUnavailable);
        if (down) {
            if (!open) {
                open = FailoverEvent{};
                open->start = segment.start;
                open->reason = segment.reason;
                open->worst = segment.state;
            }
            if (segment.state == RouterState::BothUnavailable) {
                open->worst = RouterState::BothUnavailable;
                if (!bothSince.isValid())
                    bothSince = segment.start;
            } else if (!open->recoverySeconds && bothSince.isValid()) {
                // Both down, then the fallback serves: that wait is the recovery. A direct switch
                // to the fallback has none that the states can show.
                open->recoverySeconds = bothSince.secsTo(segment.start);
            }
            open->end = segment.end;
        } else if (open && segment.state == RouterState::PrimaryActive) {
            open->end = segment.start;
            events.append(*open);
            open.reset();
            bothSince = {};
        }
    }
    if (open) {
        open->end = {};
        events.append(*open);
    }
    return events;
}

RouterState RouterTimeline::current() const
{
    const auto &all = merged();
    return all.isEmpty() ? RouterState::Unknown : all.last().state;
}

bool RouterTimeline::currentAmbiguous() const
{
    const auto &all = merged();
    return !all.isEmpty() && all.last().ambiguous;
}

QDateTime RouterTimeline::currentSince() const
{
    // The service's own word when the polls are current: its last transition.
    const auto &all = merged();
    if (!m_live.isEmpty() && !all.isEmpty() && all.last().live && all.last().state == m_live.last().state)
        return m_live.last().start;
    return all.isEmpty() ? QDateTime() : all.last().start;
}

bool RouterTimeline::currentLive() const
{
    const auto &all = merged();
    return !all.isEmpty() && all.last().live;
}

QDateTime RouterTimeline::currentSeenAt() const
{
    if (currentLive())
        return m_liveSeen;
    return m_history.isEmpty() ? QDateTime() : m_history.last().end;
}

QString RouterTimeline::currentReason() const
{
    const auto &all = merged();
    return all.isEmpty() ? QString() : all.last().reason;
}

} // namespace wf
