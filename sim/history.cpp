#include "history.h"

#include "router.h"

#include <QTextStream>

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <vector>

namespace sim {
namespace {

struct Incident
{
    double start = 0;     // seconds from the beginning of the history
    double fallback = 0;  // seconds on the fallback
    double bothFrom = -1; // seconds after start when Yahoo went too (-1: never)
    double both = 0;      // seconds both unavailable
    double recovery = 0;  // seconds until the fallback served
};

RouterState stateAt(const std::vector<Incident> &incidents, double t)
{
    for (const auto &i : incidents) {
        if (t < i.start || t >= i.start + i.fallback)
            continue;
        if (i.bothFrom >= 0 && t >= i.start + i.bothFrom && t < i.start + i.bothFrom + i.both)
            return RouterState::BothUnavailable;
        return RouterState::FallbackActive;
    }
    return RouterState::PrimaryActive;
}

} // namespace

HistorySummary writeHistory(const HistoryOptions &options, QIODevice *out)
{
    std::mt19937_64 rng(options.seed ^ 0x9e3779b97f4a7c15ULL);
    const double span = options.days * 86400.0;
    const int count = std::max(1, int(std::round(options.days / 30.0 * std::uniform_int_distribution<int>(3, 6)(rng))));
    std::uniform_real_distribution<double> when(0.05 * span, 0.95 * span);
    std::lognormal_distribution<double> fallbackMinutes(std::log(6.0), 0.7);
    std::lognormal_distribution<double> recovery(std::log(4.0), 0.6);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<Incident> incidents;
    for (int i = 0; i < count; ++i) {
        Incident in;
        in.start = when(rng);
        in.fallback = std::min(45.0, fallbackMinutes(rng)) * 60;
        in.recovery = std::min(90.0, recovery(rng));
        if (u(rng) < 0.35) { // Yahoo failed too, for a few minutes
            in.both = (2 + 6 * u(rng)) * 60;
            in.bothFrom = std::min(in.fallback - in.both, 60.0);
            if (in.bothFrom < 0) {
                in.fallback = in.both + 60;
                in.bothFrom = 60;
            }
        }
        incidents.push_back(in);
    }
    std::sort(incidents.begin(), incidents.end(), [](const Incident &a, const Incident &b) { return a.start < b.start; });

    const double step = options.stepSeconds;
    const qint64 endSecs = options.end.toSecsSinceEpoch();
    const qint64 startSecs = endSecs - qint64(span);
    const int steps = int(span / step);
    const std::array states{RouterState::PrimaryActive, RouterState::FallbackActive, RouterState::BothUnavailable};
    const std::array<double, 6> buckets{1, 5, 10, 20, 30, 60};

    // One pass computes every series; a second writes them family by family (OpenMetrics wants
    // each family's samples together).
    struct Point
    {
        qint64 t;
        std::array<double, 3> durations;
        RouterState state;
        int failovers;
        std::array<double, 7> recoveryBuckets; // 6 bounds + Inf
        double recoverySum;
        double uptime;
    };
    std::vector<Point> points;
    points.reserve(std::size_t(steps) + 1);
    Point p{};
    std::size_t next = 0;
    for (int i = 0; i <= steps; ++i) {
        const double t = i * step;
        while (next < incidents.size() && incidents[next].start <= t) {
            ++p.failovers;
            const double r = incidents[next].recovery;
            for (std::size_t b = 0; b < buckets.size(); ++b)
                p.recoveryBuckets[b] += r <= buckets[b] ? 1 : 0;
            p.recoveryBuckets[6] += 1;
            p.recoverySum += r;
            ++next;
        }
        p.t = startSecs + qint64(t);
        p.state = stateAt(incidents, t);
        if (i > 0)
            p.durations[std::size_t(stateAt(incidents, t - step))] += step;
        const double total = p.durations[0] + p.durations[1] + p.durations[2];
        p.uptime = total > 0 ? 100.0 * (1 - p.durations[2] / total) : 100.0;
        points.push_back(p);
    }

    HistorySummary summary;
    summary.totalSeconds = points.back().durations[0] + points.back().durations[1] + points.back().durations[2];
    summary.downSeconds = points.back().durations[2];
    summary.failovers = points.back().failovers;
    if (!out)
        return summary;

    QTextStream s(out);
    const auto num = [](double v) { return QString::number(v, 'g', 12); };
    s << "# TYPE datasource_router_state_duration_seconds unknown\n"
         "# HELP datasource_router_state_duration_seconds Seconds spent in each router state\n";
    for (std::size_t k = 0; k < states.size(); ++k)
        for (const auto &pt : points) {
            s << "datasource_router_state_duration_seconds{state=\"" << routerStateName(states[k]) << "\"} "
              << num(pt.durations[k]) << ' ' << pt.t << '\n';
            ++summary.samples;
        }
    s << "# TYPE datasource_router_state gauge\n"
         "# HELP datasource_router_state Current router state\n";
    for (std::size_t k = 0; k < states.size(); ++k)
        for (const auto &pt : points)
            if (pt.state == states[k]) {
                s << "datasource_router_state{state=\"" << routerStateName(states[k]) << "\"} " << int(k) << ' ' << pt.t << '\n';
                ++summary.samples;
            }
    s << "# TYPE datasource_router_failover counter\n"
         "# HELP datasource_router_failover Failover activations\n";
    for (const auto &pt : points) {
        s << "datasource_router_failover_total " << pt.failovers << ' ' << pt.t << '\n';
        ++summary.samples;
    }
    s << "# TYPE datasource_router_recovery_time_seconds histogram\n"
         "# HELP datasource_router_recovery_time_seconds Time from failure detected to fallback serving\n";
    for (const auto &pt : points) {
        for (std::size_t b = 0; b < buckets.size(); ++b)
            s << "datasource_router_recovery_time_seconds_bucket{le=\"" << num(buckets[b]) << "\"} "
              << num(pt.recoveryBuckets[b]) << ' ' << pt.t << '\n';
        s << "datasource_router_recovery_time_seconds_bucket{le=\"+Inf\"} " << num(pt.recoveryBuckets[6]) << ' ' << pt.t << '\n';
        s << "datasource_router_recovery_time_seconds_sum " << num(pt.recoverySum) << ' ' << pt.t << '\n';
        s << "datasource_router_recovery_time_seconds_count " << num(pt.recoveryBuckets[6]) << ' ' << pt.t << '\n';
        summary.samples += 9;
    }
    s << "# TYPE datasource_router_uptime_percent gauge\n"
         "# HELP datasource_router_uptime_percent 30-day rolling uptime percentage\n";
    for (const auto &pt : points) {
        s << "datasource_router_uptime_percent " << num(pt.uptime) << ' ' << pt.t << '\n';
        ++summary.samples;
    }
    s << "# EOF\n";
    s.flush();
    return summary;
}

} // namespace sim
