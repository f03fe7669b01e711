#pragma once

#include "domain/logrecord.h"
#include "logspill.h"
#include "sources/prometheus/promresult.h"

#include <QAbstractTableModel>
#include <QByteArray>
#include <QCache>
#include <QList>

#include <array>
#include <memory>
#include <unordered_map>
#include <deque>
#include <vector>

namespace wf {

// One line as the Logs view keeps it: small enough for a million of them. The text stays UTF-8
// as it came; it is taken apart (and redacted) only when shown. Past the newest lines the model
// packs the text into compressed blocks (utf8 empty, block ≥ 0): read it with LogModel::text().
struct LogLine
{
    qint64 ns = 0;
    QByteArray utf8;
    qint32 block = -1;   // set by the model: the compressed block holding the text, -1 while in utf8
    quint32 offset = 0;  // where in the block's text
    quint32 length = 0;  // the text's size in bytes (in utf8 or in the block)
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
    qsizetype bytes() const { return m_bytes; }           // UTF-8 held (as unpacked)
    // Lines of that level held (gaps not counted), kept as lines come and go.
    qsizetype levelCount(LogLevel level) const { return m_levelCounts[std::size_t(level)]; }
    void setUtc(bool utc);

    const LogLine &line(int row) const { return m_lines[std::size_t(row)]; }
    QByteArray text(int row) const; // the line's UTF-8, unpacked when it was packed
    // A packed block where it is kept — in memory, or in the spill file — read() from any thread,
    // and its text unpacked: for reading packed lines elsewhere (the filter's worker) without
    // reading or unpacking on the UI thread. Empty once its last line went.
    struct PackedBlock
    {
        QByteArray inMemory;
        std::shared_ptr<const LogSpill> spill;
        LogSpill::Place place;
        QByteArray read() const { return spill ? spill->read(place) : inMemory; }
    };
    PackedBlock packedBlockRef(qint32 block) const;
    QByteArray packedBlock(qint32 block) const { return packedBlockRef(block).read(); }
    static QByteArray unpackBlock(const QByteArray &packed);
    // Packed blocks go to a file with no name in this directory (default: the temporary one,
    // $TMPDIR), so that their text does not stay in memory; an empty one keeps them in memory.
    // With blocks already packed, it applies from the next setLines() (they stay where they are).
    void setSpillDirectory(const QString &directory);
    QString spillDirectory() const { return m_spillDirectory; }
    qsizetype spilledBytes() const { return m_spilledBytes; } // packed text on disk
    QString spillError() const;                                // why blocks stay in memory, if they do
    // Rows move as lines come and go; this says where. Row r is the line numbered frontSerial() + r
    // until the next setLines(): lines dropped at the front raise it, older lines put before lower
    // it. setLines() replaces every line and counts a new generation().
    qint64 frontSerial() const { return m_frontSerial; }
    quint64 generation() const { return m_generation; }
    // Lines older than the newest kHotLines are packed kBlockLines at a time (zlib): JSON log
    // lines take about a sixth of their size then, so a tail left open all night stays small.
    static constexpr qsizetype kHotLines = 2000;
    static constexpr qsizetype kBlockLines = 256;
    qsizetype storedBytes() const; // what the text takes in memory: unpacked lines, blocks not spilled
    // The line taken apart (cached for the rows on screen).
    LogRecord record(int row) const;
    int rowForNanos(qint64 ns) const; // the first row at or after ns

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QColor levelColor(LogLevel level);
    static constexpr qsizetype kGiveBackBytes = 32 * 1024 * 1024; // let go before the pages are handed back
    static constexpr qsizetype kParsedCacheKiB = 512;               // the parsed lines kept (see m_parsed)
    qsizetype parsedCacheKiB() const { return m_parsed.totalCost(); }

signals:
    void droppedCountChanged(qsizetype dropped);

private:
    void trim();
    void giveBack();
    void hold(const LogLine &line);    // counts a line in
    void release(const LogLine &line); // and out
    void pack();                        // the oldest unpacked lines into blocks, while enough

    std::deque<LogLine> m_lines;
    QList<Labels> m_streams;
    qsizetype m_limit = 100'000;
    qsizetype m_dropped = 0;
    qsizetype m_bytes = 0;
    qsizetype m_releasedBytes = 0; // let go since the pages were last handed back
    qint64 m_frontSerial = 0;
    quint64 m_generation = 0;
    // Lines replaced by setLines() at or past this many are freed on a worker: a million of them
    // took the UI thread 80 ms in free() alone.
    static constexpr std::size_t kFreeElsewhereLines = 20'000;
    std::array<qsizetype, std::size_t(LogLevel::Fatal) + 1> m_levelCounts{};
    bool m_utc = false;
    // Parsed records by line id: rows shift as lines come and go, ids do not. The rows on screen
    // and a few pages around them, bounded by what they hold (KiB, rounded up): a record takes
    // 1–2 KB (the line in UTF-16, its message, its properties), more with an exception; counted
    // by entries (1,000), the cache grew by megabytes over hours as longer lines were looked at;
    // at 1 MiB with the cost rounded down it still filled for two hours of a soak, to about 2 MB
    // held. 512 KiB are some 250–500 records: several screens of rows.
    mutable QCache<quint64, LogRecord> m_parsed{kParsedCacheKiB};
    struct Block
    {
        QByteArray packed;    // empty when spilled
        LogSpill::Place place; // where in m_spill, when spilled
        qsizetype lines = 0;   // still held: the block goes with its last line
    };
    std::unordered_map<qint32, Block> m_blocks;
    qint32 m_nextBlock = 0;
    QString m_spillDirectory;
    std::shared_ptr<LogSpill> m_spill; // a new one for each setLines(): a filter may still read the old
    bool m_spillWarned = false;
    qsizetype m_spilledBytes = 0;    // the blocks' compressed size on disk
    qsizetype m_packedBytes = 0;     // the blocks' compressed size in memory
    qsizetype m_packedTextBytes = 0; // the text in them, unpacked
    qsizetype m_unpackedLines = 0;                     // lines with their text in utf8
    qsizetype m_packCursor = 0;                        // rows before it are packed (or gaps)
    bool m_packScheduled = false;
    static constexpr int kBlocksPerPass = 8;
    mutable QCache<qint32, QByteArray> m_unpacked{4}; // blocks read lately (a screenful, a scan)
    quint64 m_nextId = 1;
};

} // namespace wf
