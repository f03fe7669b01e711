#pragma once

#include "sources/prometheus/promresult.h"

#include <QList>
#include <QStringList>

#include <vector>

namespace wf::dashboards {

// A Prometheus histogram over time, de-cumulated for a heatmap: counts[time][bucket] is the number
// of observations in (bounds[bucket − 1], bounds[bucket]] during the step ending at times[time].
struct HeatmapData
{
    std::vector<double> bounds; // ascending upper bounds; the last may be +Inf
    std::vector<double> times;  // Unix seconds, ascending
    std::vector<std::vector<double>> counts;
    double maxCount = 0;
};

// From `sum by (le) (increase(x_bucket[…]))` as a range query: one series per `le`. Series without
// a readable `le` are ignored; a missing point counts as 0; a negative difference (a counter reset
// between buckets' samples) is clamped to 0.
HeatmapData heatmapFrom(const PromResult &result);
// "≤ 0.25", "0.5–1", "> 10": a bucket's range for axes and tooltips, formatted by format.
QString bucketLabel(const HeatmapData &data, std::size_t bucket, QString (*format)(double));

} // namespace wf::dashboards
