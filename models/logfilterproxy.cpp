#include "logfilterproxy.h"

#include "logmodel.h"

#include <QElapsedTimer>
#include <QStringDecoder>
#include <QTimer>
#include <QtConcurrent>

#include <algorithm>
#include <unordered_map>

namespace wf {

LogFilterProxy::LogFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    m_coordinator.setMaxThreadCount(1);
    connect(&m_watcher, &QFutureWatcher<std::shared_ptr<const Matches>>::finished, this, [this] {
        if (m_watcher.isCanceled())
            return;
        apply(m_pendingPattern, m_pendingMatcher, m_pendingPrefilter, m_watcher.result());
    });
}

LogFilterProxy::~LogFilterProxy()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

bool LogFilterProxy::setPattern(const QString &pattern, bool regex, bool caseSensitive, QString *error)
{
    QRegularExpression matcher;
    if (!pattern.isEmpty()) {
        matcher.setPattern(regex ? pattern : QRegularExpression::escape(pattern));
        matcher.setPatternOptions(caseSensitive ? QRegularExpression::NoPatternOption
                                                : QRegularExpression::CaseInsensitiveOption);
        if (!matcher.isValid()) {
            if (error)
                *error = tr("Not a valid regular expression: %1 (at character %2).")
                             .arg(matcher.errorString())
                             .arg(matcher.patternErrorOffset() + 1);
            return false;
        }
        matcher.optimize();
    }
    m_watcher.cancel(); // a newer pattern: the older match is of no use
    m_snapshot.reset();
    ++m_snapshotToken;
    const auto *model = qobject_cast<const LogModel *>(sourceModel());
    if (pattern.isEmpty() || !model || model->rowCount() <= kSynchronousLines) {
        apply(pattern, matcher, TextPrefilter(pattern, regex, caseSensitive), nullptr);
        return true;
    }
    m_pendingPattern = pattern;
    m_pendingMatcher = matcher;
    m_pendingPrefilter = TextPrefilter(pattern, regex, caseSensitive);
    m_snapshot = std::make_shared<Snapshot>();
    takeSnapshot();
    return true;
}

// The lines the worker matches: each line's own bytes (shared, not copied) or where in a packed
// block it is; the worker unpacks. Ids tie its answer to lines, wherever they have moved since.
struct LogFilterProxy::Snapshot
{
    struct Line
    {
        quint64 id = 0;
        QByteArray utf8;
        qint32 block = -1;
        quint32 offset = 0;
        quint32 length = 0;
    };
    std::vector<Line> lines;
    std::unordered_map<qint32, LogModel::PackedBlock> blocks; // packed, where the model kept them
    std::vector<std::shared_ptr<void>> pins;                  // their files' space kept while read
    const LogSpill *pinned = nullptr;                         // the file pinned last
    const LogModel *model = nullptr;               // whose lines
};

void LogFilterProxy::takeSnapshot()
{
    const auto *model = qobject_cast<const LogModel *>(sourceModel());
    if (!m_snapshot || !model)
        return;
    if (model != m_snapshot->model || model->generation() != m_snapshotGeneration) {
        // Begun, or every line was replaced meanwhile: take the lines there are now.
        m_snapshot->lines.clear();
        m_snapshot->blocks.clear();
        m_snapshot->lines.reserve(std::size_t(model->rowCount()));
        m_snapshot->model = model;
        m_snapshotGeneration = model->generation();
        m_snapshotNext = model->frontSerial();
        m_snapshotEnd = model->frontSerial() + model->rowCount();
    }
    // Rows move as lines come and go: the serials say where the next one is now. Lines dropped
    // before their turn are not shown any more; lines that came since are matched as they come.
    const auto front = model->frontSerial();
    int row = int(std::max<qint64>(m_snapshotNext - front, 0));
    const int end = int(std::clamp<qint64>(m_snapshotEnd - front, 0, model->rowCount()));
    QElapsedTimer pass;
    pass.start();
    auto &snapshot = *m_snapshot;
    qint32 lastBlock = -1;
    const int first = row;
    for (; row < end; ++row) {
        if (m_snapshotLinesPerPass > 0 ? row - first == m_snapshotLinesPerPass
                                       : (row - first) % 4096 == 4095 && pass.elapsed() >= kSnapshotPassMs)
            break;
        const auto &line = model->line(row);
        if (line.gap > 0)
            continue; // always shown
        Snapshot::Line taken;
        taken.id = line.id;
        taken.length = line.length;
        if (line.block < 0) {
            taken.utf8 = line.utf8;
        } else {
            taken.block = line.block;
            taken.offset = line.offset;
            if (line.block != lastBlock && !snapshot.blocks.contains(line.block)) {
                auto ref = model->packedBlockRef(line.block);
                if (ref.spill && snapshot.pinned != ref.spill.get()) {
                    snapshot.pins.push_back(ref.spill->pin());
                    snapshot.pinned = ref.spill.get();
                }
                snapshot.blocks.emplace(line.block, std::move(ref));
            }
            lastBlock = line.block;
        }
        snapshot.lines.push_back(std::move(taken));
    }
    m_snapshotNext = front + row;
    if (row < end) {
        QTimer::singleShot(0, this, [this, token = m_snapshotToken] {
            if (token == m_snapshotToken)
                takeSnapshot();
        });
        return;
    }
    std::shared_ptr<const Snapshot> lines = std::move(m_snapshot);
    m_snapshot.reset();
    if (lines->lines.empty()) { // every line went meanwhile: what comes is matched as it comes
        apply(m_pendingPattern, m_pendingMatcher, m_pendingPrefilter, nullptr);
        return;
    }
    m_watcher.setFuture(QtConcurrent::run(&m_coordinator, [lines, matcher = m_pendingMatcher,
                                                           prefilter = m_pendingPrefilter](QPromise<std::shared_ptr<const Matches>> &promise) {
        auto matches = std::make_shared<Matches>();
        const auto [lo, hi] = std::minmax_element(lines->lines.cbegin(), lines->lines.cend(),
                                                  [](const auto &a, const auto &b) { return a.id < b.id; });
        matches->firstId = lo->id;
        matches->lastId = hi->id;
        matches->byId.assign(std::size_t(matches->lastId - matches->firstId + 1), 0);
        // Chunks over every core; each writes its own bytes, so no locks.
        constexpr std::size_t kChunk = 16'384;
        std::vector<std::size_t> starts;
        for (std::size_t at = 0; at < lines->lines.size(); at += kChunk)
            starts.push_back(at);
        QtConcurrent::blockingMap(starts, [&](std::size_t start) {
            if (promise.isCanceled())
                return;
            const auto end = std::min(start + kChunk, lines->lines.size());
            // Each line decoded into one buffer per chunk: a million allocations fewer.
            QString buffer;
            QStringDecoder utf8Decoder(QStringDecoder::Utf8);
            qint32 unpackedBlock = -1; // a chunk's packed lines come block after block
            QByteArray unpacked;
            for (auto i = start; i < end; ++i) {
                const auto &line = lines->lines[i];
                QByteArrayView utf8 = line.utf8;
                if (line.block >= 0) {
                    if (line.block != unpackedBlock) {
                        const auto packed = lines->blocks.find(line.block);
                        unpacked = packed == lines->blocks.end() ? QByteArray() : LogModel::unpackBlock(packed->second.read());
                        unpackedBlock = line.block;
                    }
                    if (qsizetype(line.offset) + qsizetype(line.length) > unpacked.size())
                        continue; // not there (cannot happen for a block the model held)
                    utf8 = QByteArrayView(unpacked).sliced(qsizetype(line.offset), qsizetype(line.length));
                }
                if (!prefilter.mayMatch(utf8))
                    continue; // cannot match: stays 0
                if (buffer.size() < utf8.size())
                    buffer.resize(utf8.size()); // UTF-16 never needs more units than UTF-8 has bytes
                utf8Decoder.resetState();
                const QChar *text = buffer.data();
                const QChar *textEnd = utf8Decoder.appendToBuffer(buffer.data(), utf8);
                // The decoder writes valid UTF-16 (U+FFFD for broken bytes): no need to check it again.
                matches->byId[std::size_t(line.id - matches->firstId)] =
                    matcher.match(QStringView(text, textEnd - text), 0, QRegularExpression::NormalMatch,
                                  QRegularExpression::DontCheckSubjectStringMatchOption)
                        .hasMatch();
            }
        });
        promise.addResult(std::shared_ptr<const Matches>(matches));
    }));
}

void LogFilterProxy::apply(const QString &pattern, const QRegularExpression &matcher, const TextPrefilter &prefilter,
                           std::shared_ptr<const Matches> matches)
{
    m_pattern = pattern;
    m_matcher = matcher;
    m_prefilter = prefilter;
    m_matches = std::move(matches);
    // One layout change, not a removal per run of rows: scattered matches among a million lines
    // would otherwise cost minutes.
    invalidate();
    emit filtered();
}

void LogFilterProxy::setLevelShown(LogLevel level, bool shown)
{
    if (shown == isLevelShown(level))
        return;
    if (shown)
        m_hiddenLevels.remove(level);
    else
        m_hiddenLevels.insert(level);
    invalidate();
}

bool LogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *model = qobject_cast<const LogModel *>(sourceModel());
    if (!model)
        return true;
    const auto &line = model->line(sourceRow);
    if (line.gap > 0)
        return true;
    if (m_hiddenLevels.contains(line.level))
        return false;
    if (m_pattern.isEmpty())
        return true;
    if (m_matches && line.id >= m_matches->firstId && line.id <= m_matches->lastId)
        return m_matches->byId[std::size_t(line.id - m_matches->firstId)] != 0;
    const auto text = model->text(sourceRow);
    return m_prefilter.mayMatch(text) && m_matcher.match(QString::fromUtf8(text)).hasMatch();
}

} // namespace wf
