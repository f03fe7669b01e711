#pragma once

#include "net/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QStringList>
#include <QUrl>

#include <vector>

namespace wf {

using Labels = QMap<QString, QString>;

struct Sample
{
    double time = 0;  // Unix seconds
    double value = 0; // may be NaN or ±Inf
};

struct Series
{
    Labels labels;
    std::vector<Sample> samples; // one for a vector, many for a matrix; gaps are absent points
};

// One line of a Loki log query, for a logs panel.
struct LogLineAnswer
{
    Labels labels;
    qint64 ns = 0;
    QString line;
};

// The answer to /api/v1/query or /api/v1/query_range (and, for dashboards, Loki's to a LogQL query).
struct PromResult
{
    enum class Type { Vector, Matrix, Scalar, String };
    Type type = Type::Vector;
    std::vector<Series> series; // vector and matrix
    Sample scalar;              // scalar, and the time of a string
    QString text;               // string
    QStringList warnings;       // the server's warnings: show them, they are not failures
    QUrl servedBy;              // an HA pair: the replica that answered, when not the first
    QUrl filledFrom;            // an HA pair: the replica whose points filled this range's holes
    int filledPoints = 0;       // how many
    int heldBackSeconds = 0;    // VictoriaMetrics: the range's last seconds it does not show yet (dropped)
    std::vector<LogLineAnswer> lines; // a Loki log query (QueryKey::limit): newest first
};

struct AlertingRule
{
    QString name;
    QString query;
    double durationSeconds = 0;
    Labels labels;
    Labels annotations;
    QString state;  // inactive, pending, firing
    QString health; // ok, err, unknown
    QString lastError;
    int activeAlerts = 0;
};

struct RuleGroup
{
    QString name;
    QString file;
    double intervalSeconds = 0;
    QList<AlertingRule> alertingRules;
    QStringList recordingRules; // their names
};

struct PromAlert
{
    Labels labels;
    Labels annotations;
    QString state; // pending, firing
    QDateTime activeAt;
    QString value;
};

struct Target
{
    Labels labels;
    QString scrapePool;
    QString scrapeUrl;
    QString health; // up, down, unknown
    QString lastError;
    QDateTime lastScrape;
    double lastScrapeDurationSeconds = 0;
};

struct BuildInfo
{
    QString version; // empty: the server does not say (VictoriaMetrics answers an empty object)
    QString revision;
    QString goVersion;
};

// Which server answers the Prometheus API, and what of its behaviour the console must know.
struct PromServer
{
    enum class Kind { Unknown, Prometheus, VictoriaMetrics };
    Kind kind = Kind::Unknown;
    // VictoriaMetrics' -search.latencyOffset (30 s unless set): an instant query near now is
    // answered for now − offset unless nocache=1 is sent; a range's points newer than now − offset
    // are the last older one repeated.
    int latencyOffsetMs = 0;
    QString name() const; // "Prometheus", "VictoriaMetrics", or empty
};

// Parsers of Prometheus' HTTP API answers (pure, thread-safe: usable off the UI thread).
namespace prom {

// The envelope: success → its "data" (and warnings); error → Error::Kind::Api with errorType and error.
struct Envelope
{
    QJsonValue data;
    QStringList warnings;
};
Result<Envelope> parseEnvelope(const QByteArray &body, int httpStatus);
// An HTTP error whose body may be the envelope: Api error when it is, the HTTP error otherwise.
Error fromHttpError(const Error &error);

Result<PromResult> parseQueryResult(const QByteArray &body);
Result<QStringList> parseStringList(const QByteArray &body);
Result<QList<Labels>> parseSeries(const QByteArray &body);
Result<QList<RuleGroup>> parseRules(const QByteArray &body);
Result<QList<PromAlert>> parseAlerts(const QByteArray &body);
Result<QList<Target>> parseTargets(const QByteArray &body);
Result<BuildInfo> parseBuildInfo(const QByteArray &body);
// From the body of /-/ready ("Prometheus Server is Ready.", "VictoriaMetrics is Ready.").
PromServer::Kind serverKindFromReady(const QByteArray &body);
// VictoriaMetrics' own /metrics: its flag{name="search.latencyOffset", value="30s"} in ms
// (nullopt when absent or unreadable).
std::optional<int> latencyOffsetFromMetrics(const QByteArray &body);
// A duration as VictoriaMetrics' flags write it: "30s", "1m", "1m30s", "500ms", "0s".
std::optional<int> parseFlagDurationMs(const QString &text);
// Drops the points later than heldBackFrom (Unix seconds) and says how many seconds that is.
void dropHeldBack(PromResult &answer, double heldBackFrom, double end);

// A JSON object of strings ({"job":"x"}) as labels; [time, "value"] as a sample (nullopt if not).
Labels toLabels(const QJsonObject &object);
std::optional<Sample> toSample(const QJsonValue &value);

// An HA pair (Thanos-like deduplication of a range query asked of two replicas with the same
// start, end and step): answer keeps every point it has; each point that other has at a step
// answer lacks (the replica was down, so its series has a hole there) is put in, and a series only
// other has is taken whole. Returns the points added. Matrices only; anything else: 0, unchanged.
int fillHoles(PromResult &answer, const PromResult &other);

// "1", "NaN", "+Inf", "-Inf", "1e+00" → double, locale-independent. nullopt when unreadable.
std::optional<double> parseValue(const QString &text);

} // namespace prom
} // namespace wf
