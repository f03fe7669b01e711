#include "logmodel.h"

#include "statecolors.h"

#include <QColor>
#include <QDateTime>
#include <QJsonObject>

#include <algorithm>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace wf {

LogModel::LogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

quint16 LogModel::streamIndex(const Labels &labels)
{
    const auto at = m_streams.indexOf(labels);
    if (at >= 0)
        return quint16(at);
    if (m_streams.size() >= 65535)
        return 0;
    m_streams.append(labels);
    return quint16(m_streams.size() - 1);
}

void LogModel::setLines(std::vector<LogLine> lines)
{
    beginResetModel();
    for (const auto &line : m_lines)
        m_releasedBytes += line.utf8.size();
    m_lines.clear();
    m_lines.shrink_to_fit();
    m_parsed.clear();
    m_bytes = 0;
    m_levelCounts.fill(0);
    m_dropped = 0;
    for (auto &line : lines) {
        line.id = m_nextId++;
        line.utf8.squeeze(); // toUtf8() keeps room for three bytes a character: give it back
        hold(line);
        m_lines.push_back(std::move(line));
    }
    // Over the limit from the start: keep the newest.
    const auto over = qsizetype(m_lines.size()) - m_limit;
    for (qsizetype i = 0; i < over; ++i) {
        release(m_lines.front());
        m_lines.pop_front();
    }
    m_dropped = std::max<qsizetype>(over, 0);
    endResetModel();
    emit droppedCountChanged(m_dropped);
    giveBack();
}

void LogModel::appendLines(std::vector<LogLine> lines)
{
    if (lines.empty())
        return;
    const int first = int(m_lines.size());
    beginInsertRows({}, first, first + int(lines.size()) - 1);
    for (auto &line : lines) {
        line.id = m_nextId++;
        line.utf8.squeeze();
        hold(line);
        m_lines.push_back(std::move(line));
    }
    endInsertRows();
    trim();
}

void LogModel::prependLines(std::vector<LogLine> lines)
{
    if (lines.empty())
        return;
    // Older pages never push the newest lines out: only what fits under the limit goes in.
    const auto room = std::max<qsizetype>(m_limit - qsizetype(m_lines.size()), 0);
    if (qsizetype(lines.size()) > room)
        lines.erase(lines.begin(), lines.end() - room);
    if (lines.empty())
        return;
    beginInsertRows({}, 0, int(lines.size()) - 1);
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
        it->id = m_nextId++;
        it->utf8.squeeze();
        hold(*it);
        m_lines.push_front(std::move(*it));
    }
    endInsertRows();
}

void LogModel::appendGap(qint64 ns, quint32 count)
{
    LogLine gap;
    gap.ns = ns;
    gap.gap = std::max<quint32>(count, 1);
    appendLines({gap});
}

void LogModel::clear()
{
    setLines({});
    m_streams.clear();
}

void LogModel::setLimit(qsizetype lines)
{
    m_limit = std::max<qsizetype>(lines, 100);
    trim();
}

void LogModel::setUtc(bool utc)
{
    m_utc = utc;
    if (!m_lines.empty())
        emit dataChanged(index(0, Time), index(rowCount() - 1, Time), {Qt::DisplayRole});
}

void LogModel::trim()
{
    const auto over = qsizetype(m_lines.size()) - m_limit;
    if (over <= 0)
        return;
    beginRemoveRows({}, 0, int(over) - 1);
    for (qsizetype i = 0; i < over; ++i) {
        release(m_lines.front());
        m_lines.pop_front();
    }
    endRemoveRows();
    m_dropped += over;
    emit droppedCountChanged(m_dropped);
    giveBack();
}

void LogModel::hold(const LogLine &line)
{
    m_bytes += line.utf8.size();
    if (line.gap == 0)
        ++m_levelCounts[std::size_t(line.level)];
}

void LogModel::giveBack()
{
    // Lines let go are free in the allocator but stay resident: a cleared million would keep the
    // process at a gigabyte. Once enough is free, hand the free pages back to the system.
    if (m_releasedBytes < kGiveBackBytes)
        return;
    m_releasedBytes = 0;
#ifdef __GLIBC__
    ::malloc_trim(0);
#endif
}

void LogModel::release(const LogLine &line)
{
    m_releasedBytes += line.utf8.size();
    m_bytes -= line.utf8.size();
    if (line.gap == 0)
        --m_levelCounts[std::size_t(line.level)];
}

LogRecord LogModel::record(int row) const
{
    const auto &line = m_lines[std::size_t(row)];
    if (auto *cached = m_parsed.object(line.id))
        return *cached;
    auto *parsed = new LogRecord(logs::parseLine(line.utf8, line.ns));
    parsed->ns = line.ns; // Loki's time orders the rows: show that one
    if (parsed->level == LogLevel::Unknown)
        parsed->level = line.level;
    const auto copy = *parsed;
    m_parsed.insert(line.id, parsed);
    return copy;
}

int LogModel::rowForNanos(qint64 ns) const
{
    const auto it = std::lower_bound(m_lines.cbegin(), m_lines.cend(), ns,
                                     [](const LogLine &l, qint64 t) { return l.ns < t; });
    return int(it - m_lines.cbegin());
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QColor LogModel::levelColor(LogLevel level)
{
    switch (level) {
    case LogLevel::Error:
    case LogLevel::Fatal: return healthColor(Health::Bad);
    case LogLevel::Warning: return healthColor(Health::Warning);
    case LogLevel::Information: return QColor(0x1565c0);
    case LogLevel::Debug:
    case LogLevel::Verbose:
    case LogLevel::Unknown: break;
    }
    return healthColor(Health::Unknown);
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &line = m_lines[std::size_t(index.row())];
    if (role == NanosRole)
        return line.ns;
    if (role == GapRole)
        return line.gap;
    if (role == LevelRole)
        return int(line.level);
    if (role == StreamRole) {
        QStringList parts;
        const auto labels = m_streams.value(line.stream);
        for (auto it = labels.cbegin(); it != labels.cend(); ++it)
            parts.append(QStringLiteral("%1=\"%2\"").arg(it.key(), it.value()));
        return parts.join(QStringLiteral(", "));
    }
    if (line.gap > 0) {
        if (role == Qt::DisplayRole && index.column() == Message)
            return line.gap == kUnknownGap ? tr("— lines may be missing here: the live tail was away —")
                                           : tr("— Loki dropped lines here: %n —", nullptr, int(line.gap));
        if (role == Qt::ForegroundRole)
            return healthColor(Health::Warning);
        if (role == Qt::DisplayRole && index.column() == Time) {
            const auto t = QDateTime::fromMSecsSinceEpoch(line.ns / 1'000'000, Qt::UTC);
            return (m_utc ? t : t.toLocalTime()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        }
        return {};
    }
    switch (role) {
    case Qt::DisplayRole: {
        if (index.column() == Time) {
            const auto t = QDateTime::fromMSecsSinceEpoch(line.ns / 1'000'000, Qt::UTC);
            return (m_utc ? t : t.toLocalTime()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        }
        const auto r = record(index.row());
        switch (index.column()) {
        case Level: return logs::levelName(r.level);
        case Source: return logs::shortContext(r.sourceContext);
        case Message: {
            auto text = r.message;
            text.replace(u'\n', u' ');
            return r.exception.isEmpty() ? text : text + QStringLiteral("  ⚠ ") + r.exception.section(u'\n', 0, 0);
        }
        default: return {};
        }
    }
    case Qt::ToolTipRole:
        if (index.column() == Source)
            return record(index.row()).sourceContext;
        if (index.column() == Message) {
            const auto r = record(index.row());
            return r.exception.isEmpty() ? r.message : r.message + QStringLiteral("\n\n") + r.exception;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Level)
            return levelColor(record(index.row()).level);
        return {};
    case RawRole: return record(index.row()).raw;
    case SourceContextRole: return record(index.row()).sourceContext;
    case PropertiesRole: return record(index.row()).properties;
    case ExceptionRole: return record(index.row()).exception;
    default: return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Time");
    case Level: return tr("Level");
    case Source: return tr("Source");
    case Message: return tr("Message");
    default: return {};
    }
}

} // namespace wf
