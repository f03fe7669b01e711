#include "logspill.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace wf {

LogSpill::LogSpill(QString directory)
    : m_directory(std::move(directory))
{
}

LogSpill::~LogSpill()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool LogSpill::open()
{
    if (m_failed)
        return false;
    if (m_fd >= 0)
        return true;
    const auto path = QFile::encodeName(QDir(m_directory).absolutePath());
#ifdef O_TMPFILE
    m_fd = ::open(path.constData(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
#endif
    if (m_fd < 0) { // a file system without O_TMPFILE: a named file, unlinked at once
        auto pattern = path + "/watchfloor-logs-XXXXXX";
        m_fd = ::mkostemp(pattern.data(), O_CLOEXEC);
        if (m_fd >= 0)
            ::unlink(pattern.constData());
    }
    if (m_fd < 0) {
        m_failed = true;
        m_error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(m_directory), QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

std::shared_ptr<void> LogSpill::pin() const
{
    ++*m_pins;
    return std::shared_ptr<void>(nullptr, [pins = m_pins](void *) { --*pins; });
}

void LogSpill::giveBackDeferred()
{
    if (m_deferred.empty() || *m_pins > 0)
        return;
    const auto deferred = std::exchange(m_deferred, {});
    for (const auto &place : deferred)
        giveBack(place);
}

LogSpill::Place LogSpill::write(const QByteArray &block)
{
    giveBackDeferred();
    if (block.isEmpty() || !open())
        return {};
    qsizetype done = 0;
    while (done < block.size()) {
        const auto n = ::pwrite(m_fd, block.constData() + done, std::size_t(block.size() - done), m_end + done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) { // a full disk, most likely: from here on the blocks stay in memory
            m_error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(m_directory),
                                                   QString::fromLocal8Bit(std::strerror(n < 0 ? errno : ENOSPC)));
            m_failed = true; // the file stays open: the blocks in it are still read
            return {};
        }
        done += n;
    }
    const Place place{m_end, qint32(block.size())};
    m_end += block.size();
    m_held += block.size();
    return place;
}

QByteArray LogSpill::read(Place place) const
{
    if (!place.isValid() || m_fd < 0)
        return {};
    QByteArray block(place.size, Qt::Uninitialized);
    qsizetype done = 0;
    while (done < block.size()) {
        const auto n = ::pread(m_fd, block.data() + done, std::size_t(block.size() - done), place.offset + done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return {};
        done += n;
    }
    return block;
}

qint64 LogSpill::diskUsage() const
{
    struct stat st{};
    return m_fd >= 0 && ::fstat(m_fd, &st) == 0 ? qint64(st.st_blocks) * 512 : 0;
}

void LogSpill::release(Place place)
{
    if (!place.isValid() || m_fd < 0)
        return;
    m_held -= place.size;
    if (*m_pins > 0) {
        m_deferred.push_back(place);
        return;
    }
    giveBackDeferred();
    giveBack(place);
}

void LogSpill::giveBack(Place place)
{
    if (m_held == 0 && m_deferred.empty()) { // nothing left: start the file again
        if (::ftruncate(m_fd, 0) == 0)
            m_end = 0;
        return;
    }
#if defined(FALLOC_FL_PUNCH_HOLE) && defined(FALLOC_FL_KEEP_SIZE)
    // The disk space back; the file keeps its length (a hole reads as zeros).
    ::fallocate(m_fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, place.offset, place.size);
#endif
}

} // namespace wf
