#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace wf {

enum class LogLevel : quint8 { Unknown, Verbose, Debug, Information, Warning, Error, Fatal };

// One log line of the service, taken apart for the Logs view: the JSON lines of METRICS.md, or
// the plain `{Timestamp} [{Level:u3}] {SourceContext} - {Message}` lines of its file sink. A line
// that is neither keeps its text as the message (`structured` false). Every text field has been
// through the redactor: what is shown never carries a secret, whatever the service logged.
struct LogRecord
{
    qint64 ns = 0; // when: the line's own timestamp if it has one, else the time it was given
    LogLevel level = LogLevel::Unknown;
    QString sourceContext;
    QString message;
    QString exception;
    QJsonObject properties;
    bool structured = false;
    QString raw; // the whole line, redacted
};

namespace logs {

// Lines longer than this are shown as text, not parsed (a megabyte of JSON is not a log line).
inline constexpr qsizetype kMaxParsedBytes = 256 * 1024;

// Pure and thread-safe. ns: the time to use when the line has none (Loki's, or the file's read time).
LogRecord parseLine(const QByteArray &utf8, qint64 ns);
// "Information", "Info", "INF", "information", "Warn", "WRN", "ERR", "Error", "Fatal", "FTL",
// "Debug", "DBG", "Verbose", "VRB", "Trace" → the level; Unknown otherwise.
LogLevel levelFromText(QStringView text);
QString levelName(LogLevel level); // "Information" …, "" for Unknown
// "MyTrader.Core.Services.DataSourceRouter" → "DataSourceRouter".
QString shortContext(const QString &sourceContext);
// The level without parsing the line: a scan for "level":"…" or " [INF] ". For counts over
// many lines; Unknown when neither is found in the first kilobyte.
LogLevel quickLevel(const QByteArray &utf8);
// The line as UTF-8 in exactly its size. QString::toUtf8() reserves three bytes a character; kept
// like that (or squeezed later, once a million of them are in memory) the heap ends up full of
// holes that stay resident. Encoded and copied at once, the next line reuses the same room.
QByteArray exactUtf8(QStringView text);
// The line's own time without parsing all of it ("timestamp" of a JSON line, the leading time of
// a plain one); fallback when it has none.
qint64 quickTime(const QByteArray &utf8, qint64 fallback);

} // namespace logs
} // namespace wf
