#include "logfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTimer>
#include <QtConcurrent>

namespace wf {
namespace logfile {
namespace {

// 2025-10-09 10:15:32… or {: a line that starts a record.
bool startsRecord(QByteArrayView line)
{
    if (line.startsWith('{'))
        return true;
    if (line.size() < 10)
        return false;
    const auto digit = [&](qsizetype i) { return line[i] >= '0' && line[i] <= '9'; };
    return digit(0) && digit(1) && digit(2) && digit(3) && line[4] == '-' && digit(5) && digit(6) && line[7] == '-' &&
           digit(8) && digit(9);
}

} // namespace

std::vector<QByteArray> takeRecords(QByteArray &buffer, bool final)
{
    std::vector<QByteArray> out;
    qsizetype start = 0;      // of the record being gathered
    qsizetype lineStart = 0;  // of the line being looked at
    while (true) {
        const auto newline = buffer.indexOf('\n', lineStart);
        if (newline < 0)
            break;
        const auto next = newline + 1;
        // Does the line after this one start a new record? Then the record ends here.
        const auto following = QByteArrayView(buffer).sliced(next);
        const auto followingEnd = following.indexOf('\n');
        if (followingEnd < 0 && !final) {
            // The next line is not complete yet: its start may still be enough to tell.
            if (following.size() < 10 && !following.startsWith('{'))
                break;
        }
        if (next >= buffer.size() && !final)
            break; // an exception's lines may still follow: the follower flushes after a quiet poll
        if (next >= buffer.size() || startsRecord(following)) {
            // Without its line ends, blank lines at its end included: the same record whether
            // it was taken here or at the end of the file (below).
            auto record = buffer.mid(start, newline - start);
            while (record.endsWith('\n') || record.endsWith('\r'))
                record.chop(1);
            if (!record.trimmed().isEmpty())
                out.push_back(record);
            start = next;
        }
        lineStart = next;
    }
    if (final && start < buffer.size()) {
        auto record = buffer.mid(start);
        while (record.endsWith('\n') || record.endsWith('\r'))
            record.chop(1);
        if (!record.trimmed().isEmpty())
            out.push_back(record);
        start = buffer.size();
    }
    buffer.remove(0, start);
    return out;
}

} // namespace logfile

LogFileFollower::LogFileFollower(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(500);
    connect(m_timer, &QTimer::timeout, this, &LogFileFollower::poll);
    connect(&m_watcher, &QFutureWatcher<Chunk>::finished, this, [this] {
        if (m_path.isEmpty() || m_watcher.isCanceled())
            return;
        auto chunk = m_watcher.result();
        if (!chunk.error.isEmpty()) {
            emit failed(chunk.error);
            return;
        }
        const bool fromStart = chunk.restarted || m_offset < 0;
        if (chunk.restarted)
            m_pending.clear();
        m_offset = chunk.offset;
        m_pending += chunk.bytes;
        auto records = logfile::takeRecords(m_pending, false);
        // A record still open at the end waits for more; one that has waited a poll is complete.
        if (chunk.bytes.isEmpty() && !m_pending.isEmpty()) {
            auto rest = logfile::takeRecords(m_pending, true);
            records.insert(records.end(), rest.begin(), rest.end());
        }
        if (!records.empty() || fromStart)
            emit this->records(records, fromStart);
    });
}

LogFileFollower::~LogFileFollower()
{
    m_watcher.waitForFinished();
}

void LogFileFollower::setPollIntervalMs(int ms)
{
    m_timer->setInterval(std::max(ms, 50));
}

void LogFileFollower::open(const QString &path)
{
    close();
    m_path = path;
    m_offset = -1;
    m_pending.clear();
    poll();
    m_timer->start();
}

void LogFileFollower::close()
{
    m_timer->stop();
    m_path.clear();
    m_pending.clear();
}

void LogFileFollower::poll()
{
    if (m_path.isEmpty() || m_watcher.isRunning())
        return;
    const auto path = m_path;
    const auto offset = m_offset;
    m_watcher.setFuture(QtConcurrent::run([path, offset]() {
        Chunk chunk;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            chunk.error = QCoreApplication::translate("wf::LogFileFollower", "Cannot read “%1”: %2").arg(path, file.errorString());
            return chunk;
        }
        const auto size = file.size();
        qint64 from = offset;
        if (offset < 0 || size < offset) { // first read, or the file was rotated or truncated
            chunk.restarted = offset >= 0;
            from = std::max<qint64>(0, size - kMaxInitialBytes);
        }
        file.seek(from);
        chunk.bytes = file.read(std::min<qint64>(size - from, 64LL * 1024 * 1024));
        chunk.offset = from + chunk.bytes.size();
        if (from > 0 && (offset < 0 || chunk.restarted)) {
            // Started in the middle of a big file: drop the partial first line.
            const auto newline = chunk.bytes.indexOf('\n');
            chunk.bytes.remove(0, newline + 1);
        }
        return chunk;
    }));
}

} // namespace wf
