#pragma once

#include <QByteArray>
#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <vector>

class QTimer;

namespace wf {

// Log records out of a log file's bytes: one JSON object per line, or the plain template's lines
// where a line that does not start a record (an exception's stack) belongs to the one before.
namespace logfile {
// Takes the complete records from the front of buffer and leaves the rest (an unfinished line, or
// the last record while more of it may follow) in it. final: take everything.
std::vector<QByteArray> takeRecords(QByteArray &buffer, bool final);
} // namespace logfile

// A log file the service wrote, read and then followed as it grows (like tail -F): reads happen
// off the UI thread; a file that shrinks (rotated, truncated) is read again from its start.
class LogFileFollower : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kMaxInitialBytes = 256LL * 1024 * 1024; // a bigger file: its end only

    explicit LogFileFollower(QObject *parent = nullptr);
    ~LogFileFollower() override;

    void open(const QString &path);
    void close();
    QString path() const { return m_path; }
    bool isOpen() const { return !m_path.isEmpty(); }
    void setPollIntervalMs(int ms);

signals:
    void records(const std::vector<QByteArray> &records, bool fromStart); // fromStart: replaces what was shown
    void failed(const QString &message);

private:
    struct Chunk
    {
        QByteArray bytes;
        qint64 offset = 0; // where the next read starts
        bool restarted = false;
        QString error;
    };

    void poll();

    QString m_path;
    qint64 m_offset = -1;
    QByteArray m_pending;
    QTimer *m_timer;
    QFutureWatcher<Chunk> m_watcher;
};

} // namespace wf
