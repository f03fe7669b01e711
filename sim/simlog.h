#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QString>

#include <deque>
#include <memory>

namespace spdlog {
class logger;
}

namespace sim {

// One line of the service's log as Loki would store it.
struct LogRecord
{
    qint64 ns = 0;                 // Loki timestamp, strictly increasing
    QMap<QString, QString> labels; // app, environment, component, level, source_context
    QString line;                  // the Serilog-style JSON object
    QString tenant;                // who pushed it (X-Scope-OrgID); empty: the service's own line
};

// The service's log (shared/design/METRICS.md, "Logs"): Serilog-style JSON lines to stdout (and a
// file), sanitised by the design document's §3.3 rules, kept in a bounded ring buffer that the
// Loki API reads and tails.
class SimLog : public QObject
{
    Q_OBJECT
public:
    enum class Level { Debug, Information, Warning, Error };

    SimLog(const QString &environment, qsizetype capacity, const QString &filePath, bool toStdout,
           QObject *parent = nullptr);
    ~SimLog() override;

    // messageTemplate names properties in braces: "Reconnect attempt {Attempt}".
    void write(Level level, const QString &sourceContext, const QString &messageTemplate,
               const QJsonObject &properties = {}, const QString &exception = {});

    // Lines written while replaying the past (SimService::replay) are dated then; an invalid time
    // goes back to the wall clock.
    void setReplayTime(const QDateTime &at) { m_replayTime = at; }

    // A line pushed to the Loki API (POST /loki/api/v1/push), kept in timestamp order among the
    // service's own; the ring buffer's bound holds for both.
    void ingest(const LogRecord &record);

    const std::deque<LogRecord> &records() const { return m_records; }
    qsizetype capacity() const { return m_capacity; }
    qint64 evicted() const { return m_evicted; }
    QString environment() const { return m_environment; }

    static QString levelName(Level level);
    // The design document's sanitiser: api key / secret / password / token followed by 20+
    // word characters → "[REDACTED]"; properties whose names hold key, secret or password too.
    static QString sanitize(const QString &text);
    static QJsonObject sanitize(const QJsonObject &properties);

signals:
    void appended(const sim::LogRecord &record); // the service wrote a line
    void ingested(const sim::LogRecord &record); // a line was pushed

private:
    QString m_environment;
    qsizetype m_capacity;
    std::deque<LogRecord> m_records;
    qint64 m_evicted = 0;
    qint64 m_lastNs = 0;
    QDateTime m_replayTime;
    std::shared_ptr<spdlog::logger> m_out;
};

} // namespace sim
