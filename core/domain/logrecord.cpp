#include "logrecord.h"

#include "redactor.h"
#include "sources/loki/lokiresult.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace wf::logs {
namespace {

// A JSON value as one line of text: strings as they are, the rest compact JSON.
QString text(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

// Every string in the properties redacted, however deep.
QJsonValue redactValue(const QJsonValue &value)
{
    if (value.isString())
        return redact(value.toString());
    if (value.isObject()) {
        auto object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            *it = redactValue(*it);
        return object;
    }
    if (value.isArray()) {
        auto array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it)
            *it = redactValue(*it);
        return array;
    }
    return value;
}

QJsonValue field(const QJsonObject &o, const char *lower, const char *upper)
{
    auto v = o.value(QLatin1String(lower));
    return v.isUndefined() ? o.value(QLatin1String(upper)) : v;
}

bool parseJson(const QByteArray &utf8, LogRecord &r)
{
    if (utf8.isEmpty() || utf8.front() != '{')
        return false;
    QJsonParseError error{};
    const auto doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const auto o = doc.object();
    // Serilog's compact formats use @t/@l/@m; the contract's names come first.
    const auto time = field(o, "timestamp", "@t").toString();
    if (const auto when = QDateTime::fromString(time, Qt::ISODateWithMs); when.isValid())
        r.ns = loki::toNanos(when);
    r.level = levelFromText(field(o, "level", "@l").toString());
    if (r.level == LogLevel::Unknown && o.contains(QLatin1String("@m")))
        r.level = LogLevel::Information; // the compact format leaves Information out
    r.sourceContext = redact(text(field(o, "sourceContext", "SourceContext")));
    r.message = redact(text(o.contains(QLatin1String("message")) ? o.value(QLatin1String("message"))
                                                                  : field(o, "@m", "@mt")));
    r.exception = redact(text(field(o, "exception", "@x")));
    const auto properties = o.value(QLatin1String("properties"));
    if (properties.isObject())
        r.properties = redactValue(properties).toObject();
    if (r.sourceContext.isEmpty())
        r.sourceContext = redact(r.properties.value(QLatin1String("SourceContext")).toString());
    r.structured = true;
    return true;
}

bool parsePlain(const QString &line, LogRecord &r)
{
    // 2025-10-09 10:15:32.123 +00:00 [INF] MyTrader.Core.Services.DataSourceRouter - message
    static const QRegularExpression plain(QStringLiteral(
        R"(^(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)\s*(Z|[+-]\d{2}:?\d{2})?\s+\[([A-Za-z]{3,11})\]\s+(\S+)\s+-\s(.*)$)"),
        QRegularExpression::DotMatchesEverythingOption);
    const auto m = plain.match(line);
    if (!m.hasMatch())
        return false;
    auto stamp = m.captured(1);
    stamp.replace(u' ', u'T');
    auto zone = m.captured(2);
    if (zone.isEmpty() || zone == u"Z")
        zone = QStringLiteral("Z");
    else if (!zone.contains(u':'))
        zone.insert(3, u':');
    if (const auto when = QDateTime::fromString(stamp + zone, Qt::ISODateWithMs); when.isValid())
        r.ns = loki::toNanos(when);
    r.level = levelFromText(m.captured(3));
    r.sourceContext = redact(m.captured(4));
    // The exception follows the message on the next lines (the template's {NewLine}{Exception}).
    auto rest = m.captured(5);
    const auto newline = rest.indexOf(u'\n');
    if (newline >= 0) {
        r.exception = redact(rest.mid(newline + 1).trimmed());
        rest.truncate(newline);
    }
    r.message = redact(rest.trimmed());
    r.structured = true;
    return true;
}

} // namespace

LogLevel levelFromText(QStringView text)
{
    const auto t = text.trimmed().toString().toLower();
    if (t == u"information" || t == u"info" || t == u"inf")
        return LogLevel::Information;
    if (t == u"warning" || t == u"warn" || t == u"wrn")
        return LogLevel::Warning;
    if (t == u"error" || t == u"err" || t == u"eror")
        return LogLevel::Error;
    if (t == u"fatal" || t == u"ftl" || t == u"critical" || t == u"crit")
        return LogLevel::Fatal;
    if (t == u"debug" || t == u"dbg")
        return LogLevel::Debug;
    if (t == u"verbose" || t == u"vrb" || t == u"trace")
        return LogLevel::Verbose;
    return LogLevel::Unknown;
}

QString levelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Verbose: return QStringLiteral("Verbose");
    case LogLevel::Debug: return QStringLiteral("Debug");
    case LogLevel::Information: return QStringLiteral("Information");
    case LogLevel::Warning: return QStringLiteral("Warning");
    case LogLevel::Error: return QStringLiteral("Error");
    case LogLevel::Fatal: return QStringLiteral("Fatal");
    case LogLevel::Unknown: break;
    }
    return {};
}

QString shortContext(const QString &sourceContext)
{
    const auto dot = sourceContext.lastIndexOf(u'.');
    return dot >= 0 && dot + 1 < sourceContext.size() ? sourceContext.mid(dot + 1) : sourceContext;
}

QByteArray exactUtf8(QStringView text)
{
    const auto encoded = text.toUtf8();
    return QByteArray(encoded.constData(), encoded.size());
}

LogLevel quickLevel(const QByteArray &utf8)
{
    const auto head = QByteArrayView(utf8).first(std::min<qsizetype>(utf8.size(), 1024));
    if (const auto at = head.indexOf("\"level\""); at >= 0) {
        const auto open = head.indexOf('"', at + 7);
        const auto close = open >= 0 ? head.indexOf('"', open + 1) : -1;
        if (open >= 0 && close > open)
            return levelFromText(QString::fromLatin1(head.sliced(open + 1, close - open - 1)));
    }
    if (const auto at = head.indexOf(" ["); at >= 0) {
        const auto close = head.indexOf(']', at + 2);
        if (close > at && close - at <= 13)
            return levelFromText(QString::fromLatin1(head.sliced(at + 2, close - at - 2)));
    }
    return LogLevel::Unknown;
}

qint64 quickTime(const QByteArray &utf8, qint64 fallback)
{
    const auto head = QByteArrayView(utf8).first(std::min<qsizetype>(utf8.size(), 1024));
    QString stamp;
    if (const auto at = head.indexOf("\"timestamp\""); at >= 0) {
        const auto open = head.indexOf('"', at + 11);
        const auto close = open >= 0 ? head.indexOf('"', open + 1) : -1;
        if (close > open)
            stamp = QString::fromLatin1(head.sliced(open + 1, close - open - 1));
    } else if (head.size() >= 23 && head[4] == '-' && head[10] == ' ') {
        // 2025-10-09 10:15:32.123 +00:00
        const auto firstLine = QString::fromLatin1(head.first(std::min<qsizetype>(head.size(), 40)));
        const auto parts = firstLine.split(u' ');
        if (parts.size() >= 3) {
            stamp = parts[0] + u'T' + parts[1];
            stamp += parts[2].startsWith(u'+') || parts[2].startsWith(u'-') ? parts[2] : QStringLiteral("Z");
        }
    }
    const auto when = QDateTime::fromString(stamp, Qt::ISODateWithMs);
    return when.isValid() ? loki::toNanos(when) : fallback;
}

LogRecord parseLine(const QByteArray &utf8, qint64 ns)
{
    LogRecord r;
    r.ns = ns;
    if (utf8.size() <= kMaxParsedBytes && !parseJson(utf8, r)) {
        const auto line = QString::fromUtf8(utf8);
        if (!parsePlain(line, r))
            r.message = redact(line);
    } else if (utf8.size() > kMaxParsedBytes) {
        r.message = redact(QString::fromUtf8(utf8));
    }
    r.raw = redact(QString::fromUtf8(utf8));
    return r;
}

} // namespace wf::logs
