#pragma once

#include <QDateTime>
#include <QString>

#include <chrono>
#include <optional>

namespace wf {

// The time range every view shows: a sliding "last N" preset, or a fixed absolute window (UTC inside).
class TimeRange
{
public:
    TimeRange() = default;
    static TimeRange last(std::chrono::seconds span);
    static TimeRange absolute(const QDateTime &from, const QDateTime &to);
    // "5m", "1h", "30d" or "2025-10-09T10:00:00Z/2025-10-09T11:00:00Z"; nullopt when unreadable.
    static std::optional<TimeRange> fromString(const QString &text);

    bool isRelative() const { return !m_from.isValid(); }
    std::chrono::seconds span() const;
    QDateTime from(const QDateTime &nowUtc) const;
    QDateTime to(const QDateTime &nowUtc) const;
    QString toString() const;

    friend bool operator==(const TimeRange &a, const TimeRange &b) = default;

private:
    std::chrono::seconds m_span{std::chrono::hours(1)};
    QDateTime m_from;
    QDateTime m_to;
};

// "5m", "1h30m", "7d" -> seconds; nullopt for anything else.
std::optional<std::chrono::seconds> parseDuration(const QString &text);
QString formatDuration(std::chrono::seconds span);
// A moment (milliseconds since the epoch) as the user reads times: in UTC or in local time.
QString formatClock(qint64 msSinceEpoch, bool utc, const QString &format);

} // namespace wf
