#include "promresult.h"

#include "domain/redactor.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace wf::prom {
namespace {

class PromText
{
    Q_DECLARE_TR_FUNCTIONS(wf::PrometheusClient)
};

Error parseError(const QString &what)
{
    Error e;
    e.kind = Error::Kind::Parse;
    e.message = PromText::tr("Prometheus sent an answer the console cannot read: %1").arg(what);
    return e;
}

template <typename T, typename F>
Result<T> withData(const QByteArray &body, F &&f)
{
    auto envelope = parseEnvelope(body, 200);
    if (!envelope)
        return envelope.error();
    return f(envelope->data, envelope->warnings);
}

QDateTime toTime(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}

} // namespace

Labels toLabels(const QJsonObject &object)
{
    Labels labels;
    for (auto it = object.begin(); it != object.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

std::optional<Sample> toSample(const QJsonValue &value)
{
    const auto pair = value.toArray();
    if (pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isString())
        return std::nullopt;
    const auto v = parseValue(pair.at(1).toString());
    if (!v)
        return std::nullopt;
    return Sample{pair.at(0).toDouble(), *v};
}

std::optional<double> parseValue(const QString &text)
{
    if (text == u"NaN")
        return std::numeric_limits<double>::quiet_NaN();
    if (text == u"+Inf" || text == u"Inf")
        return std::numeric_limits<double>::infinity();
    if (text == u"-Inf")
        return -std::numeric_limits<double>::infinity();
    bool ok = false;
    const double v = text.toLatin1().toDouble(&ok); // QByteArray: C locale, whatever the user's locale
    if (!ok)
        return std::nullopt;
    return v;
}

Result<Envelope> parseEnvelope(const QByteArray &body, int httpStatus)
{
    QJsonParseError jsonError;
    const auto doc = QJsonDocument::fromJson(body, &jsonError);
    if (jsonError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (body.isEmpty())
            return parseError(PromText::tr("the body is empty (HTTP %1).").arg(httpStatus));
        return parseError(PromText::tr("not JSON (%1 at byte %2).").arg(jsonError.errorString()).arg(jsonError.offset));
    }
    const auto root = doc.object();
    const auto status = root.value(QStringLiteral("status")).toString();
    if (status == u"error") {
        Error e;
        e.kind = Error::Kind::Api;
        e.httpStatus = httpStatus;
        e.apiType = root.value(QStringLiteral("errorType")).toString();
        e.apiError = root.value(QStringLiteral("error")).toString();
        e.message = redact(PromText::tr("Prometheus refused the query (%1): %2").arg(e.apiType, e.apiError));
        return e;
    }
    if (status != u"success")
        return parseError(PromText::tr("no \"status\" field, so this is not Prometheus' API."));
    Envelope envelope;
    envelope.data = root.value(QStringLiteral("data"));
    for (const auto &w : root.value(QStringLiteral("warnings")).toArray())
        envelope.warnings << w.toString();
    return envelope;
}

Error fromHttpError(const Error &error)
{
    if (error.kind != Error::Kind::HttpStatus || error.body.isEmpty())
        return error;
    auto envelope = parseEnvelope(error.body, error.httpStatus);
    if (!envelope && envelope.error().kind == Error::Kind::Api)
        return envelope.error();
    return error;
}

Result<PromResult> parseQueryResult(const QByteArray &body)
{
    return withData<PromResult>(body, [](const QJsonValue &data, const QStringList &warnings) -> Result<PromResult> {
        const auto object = data.toObject();
        const auto type = object.value(QStringLiteral("resultType")).toString();
        const auto result = object.value(QStringLiteral("result"));
        PromResult r;
        r.warnings = warnings;
        if (type == u"vector" || type == u"matrix") {
            r.type = type == u"vector" ? PromResult::Type::Vector : PromResult::Type::Matrix;
            const auto list = result.toArray();
            r.series.reserve(std::size_t(list.size()));
            for (const auto &item : list) {
                const auto s = item.toObject();
                Series series;
                series.labels = toLabels(s.value(QStringLiteral("metric")).toObject());
                if (r.type == PromResult::Type::Vector) {
                    const auto sample = toSample(s.value(QStringLiteral("value")));
                    if (!sample)
                        return parseError(PromText::tr("a vector sample is not [time, \"value\"]."));
                    series.samples.push_back(*sample);
                } else {
                    const auto values = s.value(QStringLiteral("values")).toArray();
                    series.samples.reserve(std::size_t(values.size()));
                    for (const auto &v : values) {
                        const auto sample = toSample(v);
                        if (!sample)
                            return parseError(PromText::tr("a matrix sample is not [time, \"value\"]."));
                        series.samples.push_back(*sample);
                    }
                }
                r.series.push_back(std::move(series));
            }
            return r;
        }
        if (type == u"scalar" || type == u"string") {
            const auto pair = result.toArray();
            if (pair.size() != 2 || !pair.at(0).isDouble())
                return parseError(PromText::tr("a %1 result is not [time, \"value\"].").arg(type));
            r.scalar.time = pair.at(0).toDouble();
            if (type == u"string") {
                r.type = PromResult::Type::String;
                r.text = pair.at(1).toString();
            } else {
                r.type = PromResult::Type::Scalar;
                const auto v = parseValue(pair.at(1).toString());
                if (!v)
                    return parseError(PromText::tr("the scalar “%1” is not a number.").arg(pair.at(1).toString()));
                r.scalar.value = *v;
            }
            return r;
        }
        return parseError(PromText::tr("unknown resultType “%1”.").arg(type));
    });
}

Result<QStringList> parseStringList(const QByteArray &body)
{
    return withData<QStringList>(body, [](const QJsonValue &data, const QStringList &) -> Result<QStringList> {
        if (!data.isArray())
            return parseError(PromText::tr("expected a list of strings."));
        QStringList out;
        for (const auto &v : data.toArray())
            out << v.toString();
        return out;
    });
}

Result<QList<Labels>> parseSeries(const QByteArray &body)
{
    return withData<QList<Labels>>(body, [](const QJsonValue &data, const QStringList &) -> Result<QList<Labels>> {
        if (!data.isArray())
            return parseError(PromText::tr("expected a list of label sets."));
        QList<Labels> out;
        for (const auto &v : data.toArray())
            out << toLabels(v.toObject());
        return out;
    });
}

Result<QList<RuleGroup>> parseRules(const QByteArray &body)
{
    return withData<QList<RuleGroup>>(body, [](const QJsonValue &data,
                                               const QStringList &) -> Result<QList<RuleGroup>> {
        const auto groups = data.toObject().value(QStringLiteral("groups"));
        if (!groups.isArray())
            return parseError(PromText::tr("no rule groups in the answer."));
        QList<RuleGroup> out;
        for (const auto &g : groups.toArray()) {
            const auto go = g.toObject();
            RuleGroup group;
            group.name = go.value(QStringLiteral("name")).toString();
            group.file = go.value(QStringLiteral("file")).toString();
            group.intervalSeconds = go.value(QStringLiteral("interval")).toDouble();
            for (const auto &r : go.value(QStringLiteral("rules")).toArray()) {
                const auto ro = r.toObject();
                if (ro.value(QStringLiteral("type")).toString() != u"alerting") {
                    group.recordingRules << ro.value(QStringLiteral("name")).toString();
                    continue;
                }
                AlertingRule rule;
                rule.name = ro.value(QStringLiteral("name")).toString();
                rule.query = ro.value(QStringLiteral("query")).toString();
                rule.durationSeconds = ro.value(QStringLiteral("duration")).toDouble();
                rule.labels = toLabels(ro.value(QStringLiteral("labels")).toObject());
                rule.annotations = toLabels(ro.value(QStringLiteral("annotations")).toObject());
                rule.state = ro.value(QStringLiteral("state")).toString();
                rule.health = ro.value(QStringLiteral("health")).toString();
                rule.lastError = ro.value(QStringLiteral("lastError")).toString();
                rule.activeAlerts = int(ro.value(QStringLiteral("alerts")).toArray().size());
                group.alertingRules << rule;
            }
            out << group;
        }
        return out;
    });
}

Result<QList<PromAlert>> parseAlerts(const QByteArray &body)
{
    return withData<QList<PromAlert>>(body, [](const QJsonValue &data,
                                               const QStringList &) -> Result<QList<PromAlert>> {
        const auto alerts = data.toObject().value(QStringLiteral("alerts"));
        if (!alerts.isArray())
            return parseError(PromText::tr("no alerts list in the answer."));
        QList<PromAlert> out;
        for (const auto &a : alerts.toArray()) {
            const auto ao = a.toObject();
            PromAlert alert;
            alert.labels = toLabels(ao.value(QStringLiteral("labels")).toObject());
            alert.annotations = toLabels(ao.value(QStringLiteral("annotations")).toObject());
            alert.state = ao.value(QStringLiteral("state")).toString();
            alert.activeAt = toTime(ao.value(QStringLiteral("activeAt")));
            alert.value = ao.value(QStringLiteral("value")).toString();
            out << alert;
        }
        return out;
    });
}

Result<QList<Target>> parseTargets(const QByteArray &body)
{
    return withData<QList<Target>>(body, [](const QJsonValue &data, const QStringList &) -> Result<QList<Target>> {
        const auto active = data.toObject().value(QStringLiteral("activeTargets"));
        if (!active.isArray())
            return parseError(PromText::tr("no activeTargets in the answer."));
        QList<Target> out;
        for (const auto &t : active.toArray()) {
            const auto to = t.toObject();
            Target target;
            target.labels = toLabels(to.value(QStringLiteral("labels")).toObject());
            target.scrapePool = to.value(QStringLiteral("scrapePool")).toString();
            target.scrapeUrl = to.value(QStringLiteral("scrapeUrl")).toString();
            target.health = to.value(QStringLiteral("health")).toString();
            target.lastError = to.value(QStringLiteral("lastError")).toString();
            target.lastScrape = toTime(to.value(QStringLiteral("lastScrape")));
            target.lastScrapeDurationSeconds = to.value(QStringLiteral("lastScrapeDuration")).toDouble();
            out << target;
        }
        return out;
    });
}

Result<BuildInfo> parseBuildInfo(const QByteArray &body)
{
    return withData<BuildInfo>(body, [](const QJsonValue &data, const QStringList &) -> Result<BuildInfo> {
        if (!data.isObject())
            return parseError(PromText::tr("the build information is not an object."));
        const auto o = data.toObject(); // VictoriaMetrics: {} (it does not say)
        return BuildInfo{o.value(QStringLiteral("version")).toString(), o.value(QStringLiteral("revision")).toString(),
                         o.value(QStringLiteral("goVersion")).toString()};
    });
}

PromServer::Kind serverKindFromReady(const QByteArray &body)
{
    if (body.contains("VictoriaMetrics"))
        return PromServer::Kind::VictoriaMetrics;
    if (body.contains("Prometheus"))
        return PromServer::Kind::Prometheus;
    return PromServer::Kind::Unknown;
}

std::optional<int> parseFlagDurationMs(const QString &text)
{
    static const QRegularExpression part(QStringLiteral(R"((\d+(?:\.\d+)?)(ms|h|m|s))"));
    if (text.isEmpty())
        return std::nullopt;
    double ms = 0;
    qsizetype at = 0;
    for (auto it = part.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (m.capturedStart() != at)
            return std::nullopt;
        at = m.capturedEnd();
        const double n = m.captured(1).toDouble();
        const auto unit = m.captured(2);
        ms += unit == u"ms" ? n : unit == u"s" ? n * 1000 : unit == u"m" ? n * 60'000 : n * 3'600'000;
    }
    if (at != text.size() || ms > 86'400'000.0)
        return std::nullopt;
    return int(ms);
}

std::optional<int> latencyOffsetFromMetrics(const QByteArray &body)
{
    static const QRegularExpression flag(
        QStringLiteral(R"re(^flag\{name="search\.latencyOffset", value="([^"]*)")re"), QRegularExpression::MultilineOption);
    const auto m = flag.match(QString::fromUtf8(body));
    if (!m.hasMatch())
        return std::nullopt;
    return parseFlagDurationMs(m.captured(1));
}

void dropHeldBack(PromResult &answer, double heldBackFrom, double end)
{
    if (answer.type != PromResult::Type::Matrix || end <= heldBackFrom)
        return;
    for (auto &series : answer.series)
        std::erase_if(series.samples, [heldBackFrom](const Sample &s) { return s.time > heldBackFrom; });
    std::erase_if(answer.series, [](const Series &s) { return s.samples.empty(); });
    answer.heldBackSeconds = int(std::ceil(end - heldBackFrom));
}

int fillHoles(PromResult &answer, const PromResult &other)
{
    if (answer.type != PromResult::Type::Matrix || other.type != PromResult::Type::Matrix)
        return 0;
    // Steps are the same on both (start + k × step); milliseconds make them comparable exactly.
    const auto key = [](const Sample &s) { return qint64(std::llround(s.time * 1000.0)); };
    const auto name = [](const Labels &labels) {
        QString n;
        for (auto it = labels.cbegin(); it != labels.cend(); ++it)
            n += it.key() + QChar(0x1f) + it.value() + QChar(0x1e);
        return n;
    };
    QHash<QString, std::size_t> index;
    for (std::size_t i = 0; i < answer.series.size(); ++i)
        index.insert(name(answer.series[i].labels), i);
    int added = 0;
    for (const auto &theirs : other.series) {
        const auto found = index.constFind(name(theirs.labels));
        if (found == index.cend()) {
            answer.series.push_back(theirs);
            added += int(theirs.samples.size());
            continue;
        }
        auto &mine = answer.series[*found].samples;
        std::vector<Sample> merged;
        merged.reserve(std::max(mine.size(), theirs.samples.size()));
        auto a = mine.cbegin();
        auto b = theirs.samples.cbegin();
        while (a != mine.cend() || b != theirs.samples.cend()) {
            if (b == theirs.samples.cend() || (a != mine.cend() && key(*a) <= key(*b))) {
                if (b != theirs.samples.cend() && key(*a) == key(*b))
                    ++b; // both have it: ours stands
                merged.push_back(*a++);
            } else {
                merged.push_back(*b++);
                ++added;
            }
        }
        mine = std::move(merged);
    }
    return added;
}

} // namespace wf::prom

namespace wf {

QString PromServer::name() const
{
    switch (kind) {
    case Kind::Prometheus: return QStringLiteral("Prometheus");
    case Kind::VictoriaMetrics: return QStringLiteral("VictoriaMetrics");
    case Kind::Unknown: break;
    }
    return {};
}

} // namespace wf
