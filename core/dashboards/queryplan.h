#pragma once

#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QString>
#include <QStringList>

namespace wf {

// One request to Prometheus as the scheduler sees it: identical keys from different panels run once.
struct QueryKey
{
    QString expr; // after variable substitution
    bool instant = false;
    qint64 start = 0; // Unix seconds, aligned to step (range queries); instant: the evaluation time
    qint64 end = 0;
    qint64 step = 0; // seconds; 0 for instant queries
    bool loki = false; // a LogQL query, to Loki
    int limit = 0;     // a LogQL log query (a logs panel): at most this many lines, the newest

    friend bool operator==(const QueryKey &, const QueryKey &) = default;
};
size_t qHash(const QueryKey &key, size_t seed = 0) noexcept;

// What a refresh needs to turn a panel's query text into a QueryKey.
struct QueryContext
{
    QDateTime from; // UTC
    QDateTime to;
    int widthPx = 600;          // the plot's width: no more points than pixels
    qint64 scrapeSeconds = 15;  // the profile's scrape interval
    QMap<QString, QStringList> variables; // "symbol" → selected values; empty or absent: all
};

namespace queryplan {

// max(scrape interval, range / plot width), rounded up to a whole, round number of seconds
// (1 2 5 10 15 30 s, 1 2 5 10 15 30 min, 1 2 3 6 12 h, 1 d) so that nearby widths share a step.
qint64 stepFor(qint64 rangeSeconds, int widthPx, qint64 scrapeSeconds);
// max(4 × scrape, step + scrape), as shared/reference/apis.md defines $__rate_interval.
qint64 rateIntervalFor(qint64 stepSeconds, qint64 scrapeSeconds);
// Replaces $__range, $__rate_interval, $__interval and $name / ${name} of each variable (a regex
// of the selected values, escaped to match them literally; ".*" when none is selected).
QString expand(const QString &expr, const QueryContext &context, qint64 stepSeconds);
// The range key: start aligned down to a multiple of the step (every point on the step's grid),
// end a second before the context's end (no point in the future).
QueryKey rangeKey(const QString &expr, const QueryContext &context);
// For a value that means "now" with its recent history (a stat and its sparkline): the points
// end at the context's end (less the second of rangeKey), stepping back from there.
QueryKey latestKey(const QString &expr, const QueryContext &context);
QueryKey instantKey(const QString &expr, const QueryContext &context);
// "3600s" style durations for PromQL.
QString promDuration(qint64 seconds);

} // namespace queryplan
} // namespace wf
