#pragma once

#include "net/result.h"
#include "sources/prometheus/promresult.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace wf {

// One log line as Loki stores it: its nanosecond timestamp (int64 — a double loses the last digits,
// and resuming a tail on a rounded timestamp duplicates or skips lines) and its text.
struct LogEntry
{
    qint64 ns = 0;
    QString line;
};

struct LogStream
{
    Labels labels;
    std::vector<LogEntry> entries;
};

// The answer to /loki/api/v1/query_range or /query: streams for log queries, series for metric ones.
struct LokiResult
{
    enum class Type { Streams, Matrix, Vector, Scalar };
    Type type = Type::Streams;
    std::vector<LogStream> streams;
    std::vector<Series> series;
    Sample scalar;

    qsizetype entryCount() const;
};

// A line the tail could not deliver (apis.md §3): the console shows a marked gap there.
struct DroppedEntry
{
    Labels labels;
    qint64 ns = 0;
};

struct TailMessage
{
    std::vector<LogStream> streams;
    std::vector<DroppedEntry> dropped;
};

// Parsers of Loki's HTTP API answers (pure, thread-safe: usable off the UI thread).
namespace loki {

Result<LokiResult> parseQueryResult(const QByteArray &body);
Result<QStringList> parseStringList(const QByteArray &body); // labels, label values
Result<QList<Labels>> parseSeries(const QByteArray &body);
Result<TailMessage> parseTailMessage(const QByteArray &body);

// Loki's errors are plain text (400 parse errors, 429 limits, 500), sometimes with a JSON content
// type although the body is not JSON: an HTTP error with a text body becomes Kind::Api with that text.
Error fromHttpError(const Error &error);

// "1633789200123000000" → 1633789200123000000; nullopt unless it is all digits and fits int64.
std::optional<qint64> parseNanos(const QString &text);
QString formatNanos(qint64 ns);
qint64 toNanos(const QDateTime &time);
QDateTime fromNanos(qint64 ns); // millisecond precision, UTC

} // namespace loki
} // namespace wf
