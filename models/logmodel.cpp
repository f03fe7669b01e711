#include "logmodel.h"

#include "statecolors.h"
#include "telemetry/logging.h"

#include <QColor>
#include <QDateTime>
#include <QDir>
#include <QJsonObject>
#include <QThreadPool>
#include <QTimer>

#include <algorithm>
#include <memory>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace wf {

LogModel::LogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    setSpillDirectory(QDir::tempPath());
}

void LogModel::setSpillDirectory(const QString &directory)
{
    m_spillDirectory = directory;
    if (!m_blocks.empty())
        return; // blocks are in the current file (or memory): the new place from the next setLines()
    m_spill = directory.isEmpty() ? nullptr : std::make_shared<LogSpill>(directory);
    m_spillWarned = false;
}

QString LogModel::spillError() const
{
    return m_spill ? m_spill->errorString() : QString();
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
    qsizetype released = m_packedBytes;
    for (const auto &line : m_lines)
        released += line.utf8.size();
    if (m_lines.size() >= kFreeElsewhereLines) {
        // The old lines are freed on a worker, and the pages handed back there when it was much.
        struct Old
        {
            std::deque<LogLine> lines;
            std::unordered_map<qint32, Block> blocks;
            std::shared_ptr<LogSpill> spill;
        };
        auto old = std::make_shared<Old>();
        old->lines.swap(m_lines);
        old->blocks.swap(m_blocks);
        old->spill = std::move(m_spill);
        const bool giveBackThere = m_releasedBytes + released >= kGiveBackBytes;
        if (giveBackThere)
            m_releasedBytes = 0;
        else
            m_releasedBytes += released;
        QThreadPool::globalInstance()->start([old, giveBackThere] {
            old->lines.clear();
            old->blocks.clear();
            old->spill.reset();
#ifdef __GLIBC__
            if (giveBackThere)
                ::malloc_trim(0);
#endif
        });
    } else {
        m_releasedBytes += released;
    }
    m_lines.clear();
    m_lines.shrink_to_fit();
    m_parsed.clear();
    m_blocks.clear();
    m_unpacked.clear();
    // The old blocks' file goes once nothing reads it (a filter's worker may).
    m_spill = m_spillDirectory.isEmpty() ? nullptr : std::make_shared<LogSpill>(m_spillDirectory);
    m_spillWarned = false;
    m_spilledBytes = 0;
    m_frontSerial = 0;
    ++m_generation;
    m_packedBytes = 0;
    m_packedTextBytes = 0;
    m_unpackedLines = 0;
    m_packCursor = 0;
    m_bytes = 0;
    m_levelCounts.fill(0);
    m_dropped = 0;
    for (auto &line : lines) {
        line.id = m_nextId++;
        line.utf8.squeeze(); // toUtf8() keeps room for three bytes a character: give it back
        line.block = -1;
        line.length = quint32(line.utf8.size());
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
    pack();
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
        line.block = -1;
        line.length = quint32(line.utf8.size());
        hold(line);
        m_lines.push_back(std::move(line));
    }
    endInsertRows();
    trim();
    pack();
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
        it->block = -1;
        it->length = quint32(it->utf8.size());
        hold(*it);
        m_lines.push_front(std::move(*it));
    }
    m_frontSerial -= qint64(lines.size());
    endInsertRows();
    m_packCursor = 0; // the new oldest are not packed yet
    pack();
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
    m_packCursor = std::max<qsizetype>(m_packCursor - over, 0);
    m_frontSerial += over;
    endRemoveRows();
    m_dropped += over;
    emit droppedCountChanged(m_dropped);
    giveBack();
}

void LogModel::hold(const LogLine &line)
{
    m_bytes += line.length;
    ++m_unpackedLines; // a line comes in unpacked
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
    m_bytes -= line.length;
    if (line.block < 0) {
        m_releasedBytes += line.utf8.size();
        --m_unpackedLines;
    } else if (const auto block = m_blocks.find(line.block); block != m_blocks.end()) {
        m_packedTextBytes -= line.length;
        if (--block->second.lines == 0) { // its last line gone: the block goes
            m_packedBytes -= block->second.packed.size();
            m_releasedBytes += block->second.packed.size();
            if (block->second.place.isValid() && m_spill) {
                m_spilledBytes -= block->second.place.size;
                m_spill->release(block->second.place);
            }
            m_unpacked.remove(line.block);
            m_blocks.erase(block);
        }
    }
    if (line.gap == 0)
        --m_levelCounts[std::size_t(line.level)];
}

LogRecord LogModel::record(int row) const
{
    const auto &line = m_lines[std::size_t(row)];
    if (auto *cached = m_parsed.object(line.id))
        return *cached;
    auto *parsed = new LogRecord(logs::parseLine(text(row), line.ns));
    parsed->ns = line.ns; // Loki's time orders the rows: show that one
    if (parsed->level == LogLevel::Unknown)
        parsed->level = line.level;
    const auto copy = *parsed;
    // Its cost in KiB of what it holds (UTF-16 texts, the properties about as large as the raw
    // line, the record and the cache's node), rounded up: lines with long exceptions cost what
    // they hold, and the cache stays within its bytes.
    const auto bytes = 2 * (parsed->raw.size() + parsed->message.size() + parsed->exception.size()
                            + parsed->sourceContext.size()) + parsed->raw.size() + 256;
    m_parsed.insert(line.id, parsed, (bytes + 1023) / 1024);
    return copy;
}

QByteArray LogModel::text(int row) const
{
    const auto &line = m_lines[std::size_t(row)];
    if (line.block < 0)
        return line.utf8;
    auto *block = m_unpacked.object(line.block);
    if (!block) {
        if (!m_blocks.contains(line.block))
            return {};
        block = new QByteArray(unpackBlock(packedBlock(line.block)));
        m_unpacked.insert(line.block, block);
    }
    return block->mid(qsizetype(line.offset), qsizetype(line.length));
}

LogModel::PackedBlock LogModel::packedBlockRef(qint32 block) const
{
    const auto it = m_blocks.find(block);
    if (it == m_blocks.end())
        return {};
    if (it->second.place.isValid())
        return {{}, m_spill, it->second.place};
    return {it->second.packed, nullptr, {}};
}

QByteArray LogModel::unpackBlock(const QByteArray &packed)
{
    return packed.isEmpty() ? QByteArray() : qUncompress(packed);
}

qsizetype LogModel::storedBytes() const
{
    return m_bytes - m_packedTextBytes + m_packedBytes;
}

void LogModel::pack()
{
    // Rows before the newest kHotLines, oldest first, kBlockLines lines with text at a time (a
    // marked gap has none and stays as it is). At most kBlocksPerPass blocks at once (a few ms),
    // then the event loop again: a million lines set at once never hold the window for seconds.
    m_packScheduled = false;
    const auto end = qsizetype(m_lines.size()) - kHotLines;
    qsizetype row = std::clamp<qsizetype>(m_packCursor, 0, qsizetype(m_lines.size()));
    int blocks = 0;
    while (m_unpackedLines - kHotLines >= kBlockLines && row < end) {
        if (blocks++ == kBlocksPerPass) {
            m_packScheduled = true;
            QTimer::singleShot(0, this, [this] {
                if (m_packScheduled)
                    pack();
            });
            break;
        }
        std::vector<qsizetype> run;
        run.reserve(std::size_t(kBlockLines));
        for (; row < end && qsizetype(run.size()) < kBlockLines; ++row) {
            const auto &l = m_lines[std::size_t(row)];
            if (l.block < 0 && l.gap == 0)
                run.push_back(row);
        }
        if (qsizetype(run.size()) < kBlockLines)
            break;
        QByteArray text;
        for (const auto r : run)
            text += m_lines[std::size_t(r)].utf8;
        Block block;
        block.packed = qCompress(text, 6);
        block.packed.squeeze(); // qCompress leaves room for the text uncompressed: hand it back
        block.lines = qsizetype(run.size());
        if (m_spill) {
            block.place = m_spill->write(block.packed);
            if (block.place.isValid()) {
                m_spilledBytes += block.packed.size();
                block.packed = QByteArray();
            } else if (!m_spillWarned) {
                m_spillWarned = true;
                logging::get("logs")->warn("old log lines stay in memory: cannot write them to a file in {}",
                                              m_spill->errorString().toStdString());
            }
        }
        const auto id = m_nextBlock++;
        quint32 offset = 0;
        for (const auto r : run) {
            auto &l = m_lines[std::size_t(r)];
            l.block = id;
            l.offset = offset;
            offset += l.length;
            l.utf8 = QByteArray();
        }
        m_unpackedLines -= qsizetype(run.size());
        m_packedTextBytes += text.size();
        m_packedBytes += block.packed.size();
        m_releasedBytes += text.size();
        m_blocks.emplace(id, std::move(block));
        m_packCursor = row; // everything before is packed (or a gap)
    }
    giveBack();
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
