#pragma once

#include "domain/logrecord.h"
#include "sources/prometheus/promresult.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QCache>
#include <QList>

#include <array>
#include <deque>
#include <vector>

namespace wf {

// One line as the Logs view keeps it: small enough for a million of them. The text stays UTF-8
// as it came; it is taken apart (and redacted) only when shown.
struct LogLine
{
    qint64 ns = 0;
    QByteArray utf8;
    LogLevel level = LogLevel::Unknown;
    quint16 stream = 0; // index into LogModel::streams()
    quint32 gap = 0;    // > 0: not a line but a marked gap of this many lines Loki dropped
    quint64 id = 0;     // set by the model: the key of its parsed form in the cache
};

// The lines of the Logs view, oldest first: a query's answer, older pages put before it, live
// tail lines after it. Bounded: past the limit the oldest go, and the model counts them.
class LogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Level, Source, Message, ColumnCount };
    enum Role {
        NanosRole = Qt::UserRole + 1, // qint64
        LevelRole,                    // int(LogLevel)
        RawRole,                      // the whole line, redacted
        SourceContextRole,            // the full source context
        PropertiesRole,               // QJsonObject
        ExceptionRole,
        GapRole,                      // number of dropped lines; 0 for a line
        StreamRole,                   // the stream's labels as "a=\"b\", …"
    };

    explicit LogModel(QObject *parent = nullptr);

    // Replaces everything (a new query).
    void setLines(std::vector<LogLine> lines);
    void appendLines(std::vector<LogLine> lines);  // newer lines (tail), ascending
    void prependLines(std::vector<LogLine> lines); // older lines (load older), ascending
    // A marked gap: count lines Loki dropped, or kUnknownGap where lines may be missing (a live
    // tail that was away longer than its replay covers).
    static constexpr quint32 kUnknownGap = 0xffffffffu;
    void appendGap(qint64 ns, quint32 count);
    void clear();

    quint16 streamIndex(const Labels &labels); // registers a stream's labels once
    const QList<Labels> &streams() const { return m_streams; }

    void setLimit(qsizetype lines); // default 100,000
    qsizetype limit() const { return m_limit; }
    qsizetype droppedCount() const { return m_dropped; } // oldest lines let go for the limit
    qsizetype bytes() const { return m_bytes; }           // UTF-8 held
    // Lines of that level held (gaps not counted), kept as lines come and go.
    qsizetype levelCount(LogLevel level) const { return m_levelCounts[std::size_t(level)]; }
    void setUtc(bool utc);

    const LogLine &line(int row) const { return m_lines[std::size_t(row)]; }
    // The line taken apart (cached for the rows on screen).
    LogRecord record(int row) const;
    int rowForNanos(qint64 ns) const; // the first row at or after ns

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QColor levelColor(LogLevel level);
    static constexpr qsizetype kGiveBackBytes = 32 * 1024 * 1024; // let go before the pages are handed back

signals:
    void droppedCountChanged(qsizetype dropped);

private:
    void trim();
    void giveBack();
    void hold(const LogLine &line);    // counts a line in
    void release(const LogLine &line); // and out

    std::deque<LogLine> m_lines;
    QList<Labels> m_streams;
    qsizetype m_limit = 100'000;
    qsizetype m_dropped = 0;
    qsizetype m_bytes = 0;
    qsizetype m_releasedBytes = 0; // let go since the pages were last handed back
    std::array<qsizetype, std::size_t(LogLevel::Fatal) + 1> m_levelCounts{};
    bool m_utc = false;
    // Parsed records by line id: rows shift as lines come and go, ids do not. The rows on screen
    // and a few pages around them (about 300 bytes each in a soak: 4,000 held 1.2 MB).
    mutable QCache<quint64, LogRecord> m_parsed{1000};
    quint64 m_nextId = 1;
};

} // namespace wf
