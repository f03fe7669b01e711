#include "histogram.h"

#include <QMap>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace wf::dashboards {

HeatmapData heatmapFrom(const PromResult &result)
{
    HeatmapData data;
    QMap<double, const Series *> byBound;
    QSet<qint64> timeSet;
    for (const auto &series : result.series) {
        const auto le = prom::parseValue(series.labels.value(QStringLiteral("le")));
        if (!le || std::isnan(*le))
            continue;
        byBound.insert(*le, &series);
        for (const auto &s : series.samples)
            timeSet.insert(qint64(std::llround(s.time * 1000)));
    }
    if (byBound.isEmpty())
        return data;
    QList<qint64> times(timeSet.cbegin(), timeSet.cend());
    std::sort(times.begin(), times.end());
    for (const auto t : times)
        data.times.push_back(double(t) / 1000);
    data.bounds.assign(byBound.keyBegin(), byBound.keyEnd());
    data.counts.assign(times.size(), std::vector<double>(data.bounds.size(), 0.0));

    // cumulative[time][bucket], then differences between neighbouring buckets.
    std::size_t bucket = 0;
    std::vector<std::vector<double>> cumulative(times.size(), std::vector<double>(data.bounds.size(), 0.0));
    for (auto it = byBound.cbegin(); it != byBound.cend(); ++it, ++bucket) {
        for (const auto &s : it.value()->samples) {
            const auto t = qint64(std::llround(s.time * 1000));
            const auto row = std::size_t(std::lower_bound(times.cbegin(), times.cend(), t) - times.cbegin());
            cumulative[row][bucket] = std::isfinite(s.value) ? s.value : 0.0;
        }
    }
    for (std::size_t row = 0; row < std::size_t(times.size()); ++row) {
        double below = 0;
        for (std::size_t b = 0; b < data.bounds.size(); ++b) {
            const double here = std::max(cumulative[row][b], below); // buckets never shrink upwards
            data.counts[row][b] = here - below;
            data.maxCount = std::max(data.maxCount, data.counts[row][b]);
            below = here;
        }
    }
    return data;
}

QString bucketLabel(const HeatmapData &data, std::size_t bucket, QString (*format)(double))
{
    if (bucket >= data.bounds.size())
        return {};
    const double upper = data.bounds[bucket];
    if (std::isinf(upper))
        return bucket == 0 ? QStringLiteral("all") : QStringLiteral("> ") + format(data.bounds[bucket - 1]);
    if (bucket == 0)
        return QStringLiteral("≤ ") + format(upper);
    return format(data.bounds[bucket - 1]) + QStringLiteral("–") + format(upper);
}

} // namespace wf::dashboards
