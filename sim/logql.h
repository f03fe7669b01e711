#pragma once

#include <QMap>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>
#include <vector>

namespace sim::logql {

using Labels = QMap<QString, QString>;

// The LogQL subset mytrader-sim's Loki API answers (shared/reference/apis.md §3): a stream selector
// with =, !=, =~, !~; line filters |=, !=, |~, !~; `| json`; label filters after it (=, !=, =~,
// !~ on text; >, >=, <, <=, ==, != on numbers). Everything else is a parse error in Loki's words,
// never a wrong answer.

struct Matcher
{
    enum class Op { Eq, Neq, Re, Nre };
    QString name;
    Op op = Op::Eq;
    QString value;
    QRegularExpression re; // anchored, for Re and Nre
    bool matches(const QString &v) const;
};

struct Stage
{
    enum class Kind { LineContains, LineNotContains, LineRe, LineNotRe, Json, LabelText, LabelNumber };
    Kind kind = Kind::Json;
    QString text;          // line filter text or regex; label filter value
    QRegularExpression re; // line regex (unanchored) or label regex (anchored)
    Matcher label;         // LabelText: the matcher on the label
    QString name;          // LabelNumber: the label
    QString numberOp;      // > >= < <= == !=
    double number = 0;
};

struct LogQuery
{
    std::vector<Matcher> selector;
    std::vector<Stage> pipeline;

    bool selects(const Labels &stream) const; // the selector alone
    // The labels of the result stream when the line passes the pipeline; false when it does not.
    bool evaluate(const Labels &stream, const QString &line, Labels *out) const;
};

// A metric query (apis.md §3): count_over_time, rate, bytes_over_time or bytes_rate over a log
// query and a range, inside any number of sum, count, avg, min or max with by or without.
struct MetricQuery
{
    enum class Range { CountOverTime, Rate, BytesOverTime, BytesRate };
    enum class Op { Sum, Count, Avg, Min, Max };
    struct Aggregation
    {
        Op op = Op::Sum;
        bool without = false;
        QStringList labels;
    };
    Range range = Range::CountOverTime;
    qint64 rangeNs = 0;
    LogQuery log;
    std::vector<Aggregation> aggregations; // innermost first
};

// One line as the metric evaluation reads it.
struct LogLine
{
    const Labels *stream = nullptr;
    qint64 ns = 0;
    const QString *line = nullptr;
};

struct MetricSeries
{
    Labels labels;
    std::vector<std::pair<qint64, double>> points; // (ns, value), in time order
};

// The query at start, start + step, … up to end inclusive, as Loki evaluates it: each step t
// takes the lines in (t − range, t]; a series without lines there has no point at t; then the
// aggregations, each over the series that have a point at t. Series ordered by their labels.
std::vector<MetricSeries> evaluate(const MetricQuery &query, const std::vector<LogLine> &lines, qint64 startNs,
                                   qint64 endNs, qint64 stepNs);

struct ParseError
{
    QString message; // "parse error at line 1, col 6: syntax error: unexpected …"
};

// A log query; a metric query is an error here (labels, series and the tail take log queries).
std::variant<LogQuery, ParseError> parse(const QString &query);
// A log query or a metric query (query and query_range take both).
std::variant<LogQuery, MetricQuery, ParseError> parseQuery(const QString &query);

// A Prometheus-style duration as LogQL ranges and the step parameter take it ("15s", "1h30m",
// "500ms"; units ms s m h d w y); nullopt for anything else.
std::optional<qint64> durationNs(const QString &text);
// a − b, at the ends of an int64 where it would go past them (a time less a range).
qint64 saturatedMinus(qint64 a, qint64 b);

// `| json`: the line's fields as labels (nested objects joined with _, arrays skipped), each name
// made a valid label name; a name that clashes with a stream label gets "_extracted".
void extractJson(const QString &line, const Labels &stream, Labels *into);

} // namespace sim::logql
