#include "simlog.h"

#include <QDateTime>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QThread>

#include <algorithm>

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace sim {

SimLog::SimLog(const QString &environment, qsizetype capacity, const QString &filePath, bool toStdout, QObject *parent)
    : QObject(parent)
    , m_environment(environment)
    , m_capacity(std::max<qsizetype>(1, capacity))
{
    std::vector<spdlog::sink_ptr> sinks;
    if (toStdout)
        sinks.push_back(std::make_shared<spdlog::sinks::stdout_sink_mt>());
    if (!filePath.isEmpty())
        sinks.push_back(std::make_shared<spdlog::sinks::basic_file_sink_mt>(filePath.toStdString()));
    m_out = std::make_shared<spdlog::logger>("mytrader-sim", sinks.begin(), sinks.end());
    m_out->set_pattern("%v");
    m_out->flush_on(spdlog::level::info);
}

SimLog::~SimLog() = default;

QString SimLog::levelName(Level level)
{
    switch (level) {
    case Level::Debug: return QStringLiteral("Debug");
    case Level::Information: return QStringLiteral("Information");
    case Level::Warning: return QStringLiteral("Warning");
    case Level::Error: return QStringLiteral("Error");
    }
    return {};
}

QString SimLog::sanitize(const QString &text)
{
    static const QRegularExpression apiKey(QStringLiteral(R"re((api[_-]?key|apikey|key)["':\s=]*([\w-]{20,}))re"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression secret(QStringLiteral(R"re((secret|password|token)["':\s=]*([\w-]{20,}))re"),
                                           QRegularExpression::CaseInsensitiveOption);
    QString out = text;
    out.replace(apiKey, QStringLiteral("\\1: [REDACTED]"));
    out.replace(secret, QStringLiteral("\\1: [REDACTED]"));
    return out;
}

QJsonObject SimLog::sanitize(const QJsonObject &properties)
{
    QJsonObject out;
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const auto name = it.key().toLower();
        if (name.contains(u"key") || name.contains(u"secret") || name.contains(u"password") || name.contains(u"token"))
            out.insert(it.key(), QStringLiteral("[REDACTED]"));
        else if (it.value().isString())
            out.insert(it.key(), sanitize(it.value().toString()));
        else if (it.value().isObject())
            out.insert(it.key(), sanitize(it.value().toObject()));
        else
            out.insert(it.key(), it.value());
    }
    return out;
}

void SimLog::write(Level level, const QString &sourceContext, const QString &messageTemplate,
                   const QJsonObject &properties, const QString &exception)
{
    const auto props = sanitize(properties);
    // Render the template from the sanitised values.
    static const QRegularExpression hole(QStringLiteral(R"re(\{([A-Za-z_][A-Za-z0-9_]*)\})re"));
    QString message;
    qsizetype at = 0;
    for (auto it = hole.globalMatch(messageTemplate); it.hasNext();) {
        const auto m = it.next();
        message += messageTemplate.mid(at, m.capturedStart() - at);
        const auto v = props.value(m.captured(1));
        message += v.isUndefined() ? m.captured(0) : v.isString() ? v.toString() : v.toVariant().toString();
        at = m.capturedEnd();
    }
    message += messageTemplate.mid(at);

    auto all = props;
    all.insert(QStringLiteral("MachineName"), QHostInfo::localHostName());
    all.insert(QStringLiteral("ThreadId"), qint64(reinterpret_cast<quintptr>(QThread::currentThreadId()) % 100000));
    all.insert(QStringLiteral("Application"), QStringLiteral("MyTrader"));
    all.insert(QStringLiteral("Environment"), m_environment);
    all.insert(QStringLiteral("Component"), QStringLiteral("alpaca-streaming"));

    const auto now = m_replayTime.isValid() ? m_replayTime : QDateTime::currentDateTimeUtc();
    // Serilog's field order (timestamp, level, sourceContext, message, properties, exception);
    // QJsonObject would sort the keys.
    const auto encode = [](const QJsonValue &v) {
        const auto array = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(array.mid(1, array.size() - 2));
    };
    QString line = u"{\"timestamp\":"_qs + encode(now.toString(Qt::ISODateWithMs)) + u",\"level\":"_qs
        + encode(levelName(level)) + u",\"sourceContext\":"_qs + encode(sourceContext) + u",\"message\":"_qs
        + encode(sanitize(message)) + u",\"properties\":"_qs
        + QString::fromUtf8(QJsonDocument(all).toJson(QJsonDocument::Compact));
    if (!exception.isEmpty())
        line += u",\"exception\":"_qs + encode(sanitize(exception));
    line += u'}';

    LogRecord record;
    // Loki keeps each stream's timestamps increasing; nanoseconds from the wall clock, nudged
    // forward when two lines share a millisecond.
    record.ns = std::max(now.toMSecsSinceEpoch() * 1'000'000, m_lastNs + 1);
    m_lastNs = record.ns;
    record.labels = {{QStringLiteral("app"), QStringLiteral("mytrader-api")},
                     {QStringLiteral("environment"), m_environment},
                     {QStringLiteral("component"), QStringLiteral("alpaca-streaming")},
                     {QStringLiteral("level"), levelName(level)},
                     {QStringLiteral("source_context"), sourceContext}};
    record.line = line;
    m_out->info(record.line.toStdString());

    m_records.push_back(record);
    while (qsizetype(m_records.size()) > m_capacity) {
        m_records.pop_front();
        ++m_evicted;
    }
    emit appended(record);
}

void SimLog::ingest(const LogRecord &record)
{
    const auto at = std::upper_bound(m_records.begin(), m_records.end(), record.ns,
                                     [](qint64 ns, const LogRecord &r) { return ns < r.ns; });
    m_records.insert(at, record);
    while (qsizetype(m_records.size()) > m_capacity) {
        m_records.pop_front();
        ++m_evicted;
    }
    emit ingested(record);
}

} // namespace sim
