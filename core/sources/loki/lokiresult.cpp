#include "lokiresult.h"

#include "domain/redactor.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

namespace wf::loki {
namespace {

using prom::toLabels;
using prom::toSample;

class LokiText
{
    Q_DECLARE_TR_FUNCTIONS(wf::LokiClient)
};

Error parseError(const QString &what)
{
    Error e;
    e.kind = Error::Kind::Parse;
    e.message = LokiText::tr("Loki sent an answer the console cannot read: %1").arg(what);
    return e;
}

Result<QJsonObject> parseObject(const QByteArray &body)
{
    QJsonParseError jsonError;
    const auto doc = QJsonDocument::fromJson(body, &jsonError);
    if (jsonError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (body.isEmpty())
            return parseError(LokiText::tr("the body is empty."));
        return parseError(LokiText::tr("not JSON (%1 at byte %2).").arg(jsonError.errorString()).arg(jsonError.offset));
    }
    return doc.object();
}

// The {"status":"success","data":…} envelope of the query, labels and series endpoints.
Result<QJsonValue> parseData(const QByteArray &body)
{
    auto root = parseObject(body);
    if (!root)
        return root.error();
    const auto status = root->value(QStringLiteral("status")).toString();
    if (status != u"success") {
        if (status == u"error") {
            Error e;
            e.kind = Error::Kind::Api;
            e.apiError = root->value(QStringLiteral("error")).toString();
            e.message = redact(LokiText::tr("Loki refused the request: %1").arg(e.apiError));
            return e;
        }
        return parseError(LokiText::tr("no \"status\": \"success\", so this is not Loki's API."));
    }
    return root->value(QStringLiteral("data"));
}

// [ ["<ns>", "<line>"(, {metadata})], … ]
Result<LogStream> toStream(const QJsonObject &object)
{
    LogStream stream;
    stream.labels = toLabels(object.value(QStringLiteral("stream")).toObject());
    const auto values = object.value(QStringLiteral("values")).toArray();
    stream.entries.reserve(std::size_t(values.size()));
    for (const auto &v : values) {
        const auto pair = v.toArray();
        if (pair.size() < 2 || !pair.at(0).isString() || !pair.at(1).isString())
            return parseError(LokiText::tr("a log entry is not [\"<nanoseconds>\", \"<line>\"]."));
        const auto ns = parseNanos(pair.at(0).toString());
        if (!ns)
            return parseError(LokiText::tr("the timestamp \"%1\" is not nanoseconds.").arg(pair.at(0).toString().left(40)));
        stream.entries.push_back({*ns, pair.at(1).toString()});
    }
    return stream;
}

Result<std::vector<LogStream>> toStreams(const QJsonArray &list)
{
    std::vector<LogStream> streams;
    streams.reserve(std::size_t(list.size()));
    for (const auto &item : list) {
        auto stream = toStream(item.toObject());
        if (!stream)
            return stream.error();
        streams.push_back(std::move(stream).value());
    }
    return streams;
}

} // namespace

std::optional<qint64> parseNanos(const QString &text)
{
    if (text.isEmpty() || text.size() > 19)
        return std::nullopt;
    qint64 v = 0;
    for (const auto c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        const int digit = c.unicode() - u'0';
        if (v > (std::numeric_limits<qint64>::max() - digit) / 10)
            return std::nullopt;
        v = v * 10 + digit;
    }
    return v;
}

QString formatNanos(qint64 ns)
{
    return QString::number(ns);
}

qint64 toNanos(const QDateTime &time)
{
    return time.toMSecsSinceEpoch() * 1'000'000;
}

QDateTime fromNanos(qint64 ns)
{
    return QDateTime::fromMSecsSinceEpoch(ns / 1'000'000, Qt::UTC);
}

Result<LokiResult> parseQueryResult(const QByteArray &body)
{
    auto data = parseData(body);
    if (!data)
        return data.error();
    const auto object = data->toObject();
    const auto type = object.value(QStringLiteral("resultType")).toString();
    const auto result = object.value(QStringLiteral("result"));
    LokiResult r;
    if (type == u"streams") {
        auto streams = toStreams(result.toArray());
        if (!streams)
            return streams.error();
        r.streams = std::move(streams).value();
        return r;
    }
    if (type == u"matrix" || type == u"vector") {
        r.type = type == u"matrix" ? LokiResult::Type::Matrix : LokiResult::Type::Vector;
        for (const auto &item : result.toArray()) {
            const auto s = item.toObject();
            Series series;
            series.labels = toLabels(s.value(QStringLiteral("metric")).toObject());
            const auto points = r.type == LokiResult::Type::Matrix ? s.value(QStringLiteral("values")).toArray()
                                                                   : QJsonArray{s.value(QStringLiteral("value"))};
            for (const auto &p : points) {
                const auto sample = toSample(p);
                if (!sample)
                    return parseError(LokiText::tr("a sample is not [time, \"value\"]."));
                series.samples.push_back(*sample);
            }
            r.series.push_back(std::move(series));
        }
        return r;
    }
    if (type == u"scalar") {
        const auto sample = toSample(result);
        if (!sample)
            return parseError(LokiText::tr("a scalar is not [time, \"value\"]."));
        r.type = LokiResult::Type::Scalar;
        r.scalar = *sample;
        return r;
    }
    return parseError(LokiText::tr("unknown result type \"%1\".").arg(type.left(40)));
}

Result<QStringList> parseStringList(const QByteArray &body)
{
    auto data = parseData(body);
    if (!data)
        return data.error();
    QStringList list;
    // Loki answers "data" absent (not []) when nothing matches.
    if (!data->isUndefined() && !data->isNull() && !data->isArray())
        return parseError(LokiText::tr("\"data\" is not a list."));
    for (const auto &v : data->toArray())
        list << v.toString();
    return list;
}

Result<QList<Labels>> parseSeries(const QByteArray &body)
{
    auto data = parseData(body);
    if (!data)
        return data.error();
    QList<Labels> list;
    for (const auto &v : data->toArray())
        list << toLabels(v.toObject());
    return list;
}

Result<TailMessage> parseTailMessage(const QByteArray &body)
{
    auto root = parseObject(body);
    if (!root)
        return root.error();
    TailMessage m;
    // A message has its streams (a list, maybe empty) or only what was dropped; anything else is not
    // a tail message (an error page's JSON, an object where the list belongs).
    const auto streamsValue = root->value(QStringLiteral("streams"));
    if (streamsValue.isUndefined() ? !root->contains(QStringLiteral("dropped_entries")) : !streamsValue.isArray() && !streamsValue.isNull())
        return parseError(LokiText::tr("a tail message without a list of streams."));
    auto streams = toStreams(streamsValue.toArray());
    if (!streams)
        return streams.error();
    m.streams = std::move(streams).value();
    // Absent when nothing was dropped, and some versions send null.
    for (const auto &v : root->value(QStringLiteral("dropped_entries")).toArray()) {
        const auto o = v.toObject();
        const auto ns = parseNanos(o.value(QStringLiteral("timestamp")).toString());
        if (!ns)
            return parseError(LokiText::tr("a dropped entry has no nanosecond timestamp."));
        m.dropped.push_back({toLabels(o.value(QStringLiteral("labels")).toObject()), *ns});
    }
    return m;
}

Error fromHttpError(const Error &error)
{
    if (error.kind != Error::Kind::HttpStatus)
        return error;
    const auto text = QString::fromUtf8(error.body).trimmed();
    if (text.isEmpty() || text.startsWith(u'<'))
        return error; // nothing, or a proxy's HTML page: the HTTP layer's message says it best
    // Decide by the body, not the header: Loki 2.8 labels its plain-text errors application/json.
    Error e = error;
    e.kind = Error::Kind::Api;
    const auto json = QJsonDocument::fromJson(error.body);
    e.apiError = json.isObject() ? json.object().value(QStringLiteral("message")).toString(text) : text;
    e.message = redact(LokiText::tr("Loki refused the request (HTTP %1): %2").arg(error.httpStatus).arg(e.apiError));
    return e;
}

} // namespace wf::loki

namespace wf {

qsizetype LokiResult::entryCount() const
{
    qsizetype n = 0;
    for (const auto &s : streams)
        n += qsizetype(s.entries.size());
    return n;
}

} // namespace wf
