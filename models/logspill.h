#pragma once

#include <QByteArray>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

namespace wf {

// Where the Logs view's packed blocks of old lines go: a file with no name in the temporary
// directory ($TMPDIR), so that a tail left open all night keeps in memory only where each line
// is, not its text. The file goes with the process, even a killed one; a block let go gives its
// disk space back. When the file cannot be made or written, write() says so and the caller keeps
// the block in memory: nothing is lost.
class LogSpill
{
public:
    explicit LogSpill(QString directory);
    ~LogSpill();
    LogSpill(const LogSpill &) = delete;
    LogSpill &operator=(const LogSpill &) = delete;

    struct Place
    {
        qint64 offset = -1;
        qint32 size = 0;
        bool isValid() const { return offset >= 0; }
    };
    Place write(const QByteArray &block); // invalid when it could not: see errorString()
    QByteArray read(Place place) const;   // from any thread; empty when the bytes cannot be read
    void release(Place place);            // the block is not needed any more
    // While a reader on another thread (the filter's worker) holds a pin, the space of blocks let
    // go is neither given back nor written again: what it reads stays as it was. Taken on the
    // thread that writes and releases; let go anywhere.
    std::shared_ptr<void> pin() const;
    qint64 bytesHeld() const { return m_held; } // what the blocks not let go take
    qint64 diskUsage() const;                   // what the file takes on disk, holes not counted
    QString errorString() const { return m_error; }

private:
    bool open();
    void giveBack(Place place);
    void giveBackDeferred();

    QString m_directory;
    int m_fd = -1;
    qint64 m_end = 0;
    qint64 m_held = 0;
    bool m_failed = false; // once: the blocks stay in memory from then on
    mutable std::shared_ptr<std::atomic<int>> m_pins = std::make_shared<std::atomic<int>>(0);
    std::vector<Place> m_deferred; // let go while pinned
    QString m_error;
};

} // namespace wf
