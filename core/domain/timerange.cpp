#include "timerange.h"

#include <QRegularExpression>

namespace wf {

TimeRange TimeRange::last(std::chrono::seconds span)
{
    TimeRange r;
    r.m_span = span;
    return r;
}

TimeRange TimeRange::absolute(const QDateTime &from, const QDateTime &to)
{
    TimeRange r;
    r.m_from = from.toUTC();
    r.m_to = to.toUTC();
    r.m_span = std::chrono::seconds(r.m_from.secsTo(r.m_to));
    return r;
}

std::optional<TimeRange> TimeRange::fromString(const QString &text)
{
    const auto slash = text.indexOf(u'/');
    if (slash < 0) {
        const auto span = parseDuration(text);
        if (!span || span->count() <= 0)
            return std::nullopt;
        return last(*span);
    }
    const auto from = QDateTime::fromString(text.left(slash), Qt::ISODate);
    const auto to = QDateTime::fromString(text.mid(slash + 1), Qt::ISODate);
    if (!from.isValid() || !to.isValid() || from >= to)
        return std::nullopt;
    return absolute(from, to);
}

std::chrono::seconds TimeRange::span() const
{
    return m_span;
}

QDateTime TimeRange::from(const QDateTime &nowUtc) const
{
    return isRelative() ? nowUtc.addSecs(-m_span.count()) : m_from;
}

QDateTime TimeRange::to(const QDateTime &nowUtc) const
{
    return isRelative() ? nowUtc : m_to;
}

QString TimeRange::toString() const
{
    if (isRelative())
        return formatDuration(m_span);
    return m_from.toString(Qt::ISODate) + u'/' + m_to.toString(Qt::ISODate);
}

std::optional<std::chrono::seconds> parseDuration(const QString &text)
{
    static const QRegularExpression kPart(QStringLiteral(R"((\d+)(ms|s|m|h|d|w|y))"));
    static const QRegularExpression kWhole(QStringLiteral(R"(^(?:\d+(?:ms|s|m|h|d|w|y))+$)"));
    const auto trimmed = text.trimmed();
    if (!kWhole.match(trimmed).hasMatch())
        return std::nullopt;
    qint64 total = 0;
    auto it = kPart.globalMatch(trimmed);
    while (it.hasNext()) {
        const auto m = it.next();
        const auto n = m.captured(1).toLongLong();
        const auto unit = m.captured(2);
        if (unit == u"ms")
            total += n / 1000;
        else if (unit == u"s")
            total += n;
        else if (unit == u"m")
            total += n * 60;
        else if (unit == u"h")
            total += n * 3600;
        else if (unit == u"d")
            total += n * 86400;
        else if (unit == u"w")
            total += n * 7 * 86400;
        else
            total += n * 365 * 86400;
    }
    return std::chrono::seconds(total);
}

QString formatDuration(std::chrono::seconds span)
{
    auto s = span.count();
    if (s == 0)
        return QStringLiteral("0s");
    QString out;
    const std::pair<qint64, const char *> units[] = {{86400, "d"}, {3600, "h"}, {60, "m"}, {1, "s"}};
    for (const auto &[size, suffix] : units) {
        if (s >= size) {
            out += QString::number(s / size) + QLatin1String(suffix);
            s %= size;
        }
    }
    return out;
}

QString formatClock(qint64 msSinceEpoch, bool utc, const QString &format)
{
    const auto t = QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC);
    return (utc ? t : t.toLocalTime()).toString(format);
}

} // namespace wf
