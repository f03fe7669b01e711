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

QByteArray number(double v)
{
    if (std::isinf(v))
        return v > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    if (std::isnan(v))
        return QByteArrayLiteral("NaN");
    if (v == std::floor(v) && std::abs(v) < 1e15)
        return QByteArray::number(qint64(v)); // the same digits, without the slow way round
    return QByteArray::number(v, 'g', 16); // as prometheus-cpp writes them: the same le labels
}

QByteArray escaped(const std::string &text)
{
    QByteArray out;
    for (const char c : text) {
        if (c == '\\' || c == '"')
            out += '\\';
        if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

// name="value",… without braces.
QByteArray labelList(const std::vector<prometheus::ClientMetric::Label> &labels)
{
    QByteArray out;
    for (const auto &label : labels) {
        if (!out.isEmpty())
            out += ',';
        out += QByteArray::fromStdString(label.name) + "=\"" + escaped(label.value) + '"';
    }
    return out;
}

} // namespace

RecentSamples::RecentSamples(const QList<std::pair<QString, QString>> &labels)
{
    std::vector<prometheus::ClientMetric::Label> list;
    for (const auto &[name, value] : labels)
        list.push_back({name.toStdString(), value.toStdString()});
    m_labels = labelList(list);
}

void RecentSamples::add(const std::vector<prometheus::MetricFamily> &families, const QDateTime &at)
{
    const QByteArray ts = ' ' + QByteArray::number(at.toMSecsSinceEpoch() / 1000.0, 'f', 3) + '\n';
    for (const auto &family : families) {
        std::string name = family.name;
        std::string type;
        switch (family.type) {
        case prometheus::MetricType::Counter:
            // OpenMetrics counters are samples of <family>_total; one without the suffix is "unknown".
            if (name.size() > 6 && name.compare(name.size() - 6, 6, "_total") == 0) {
                name.resize(name.size() - 6);
                type = "counter";
            } else {
                type = "unknown";
            }
            break;
        case prometheus::MetricType::Gauge: type = "gauge"; break;
        case prometheus::MetricType::Histogram: type = "histogram"; break;
        default: continue; // the catalogue has no summaries or untyped metrics
        }
        auto [it, inserted] = m_index.try_emplace(name, m_families.size());
        if (inserted)
            m_families.push_back({name, type, family.help, {}});
        auto &lines = m_families[it->second].lines;
        const auto sampleName = QByteArray::fromStdString(family.name);
        for (const auto &metric : family.metric) {
            auto all = m_labels;
            if (const auto own = labelList(metric.label); !own.isEmpty())
                all += (all.isEmpty() ? "" : ",") + own;
            const QByteArray set = all.isEmpty() ? QByteArray() : '{' + all + '}';
            switch (family.type) {
            case prometheus::MetricType::Counter:
                lines += sampleName + set + ' ' + number(metric.counter.value) + ts;
                ++m_samples;
                break;
            case prometheus::MetricType::Gauge:
                lines += sampleName + set + ' ' + number(metric.gauge.value) + ts;
                ++m_samples;
                break;
            case prometheus::MetricType::Histogram: {
                const QByteArray bucketOpen = sampleName + "_bucket{" + all + (all.isEmpty() ? "" : ",") + "le=\"";
                for (const auto &bucket : metric.histogram.bucket) {
                    lines += bucketOpen + number(bucket.upper_bound) + "\"} " + number(double(bucket.cumulative_count)) + ts;
                    ++m_samples;
                }
                lines += sampleName + "_sum" + set + ' ' + number(metric.histogram.sample_sum) + ts;
                lines += sampleName + "_count" + set + ' ' + number(double(metric.histogram.sample_count)) + ts;
                m_samples += 2;
                break;
            }
            default:
                break;
            }
        }
    }
}

HistorySummary writeHistory(const HistoryOptions &options, QIODevice *out, const RecentSamples *recent)
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
    // The labels Prometheus gives the scraped series, so that the past and the present are one series.
    QString inner;
    for (const auto &[name, value] : options.labels)
        inner += name + QStringLiteral("=\"") + QString::fromUtf8(escaped(value.toStdString())) + QStringLiteral("\",");
    const QString bare = inner.isEmpty() ? QString() : u'{' + inner.chopped(1) + u'}';
    // After the router's own samples of a family, the replayed hours' samples of it.
    std::vector<bool> written(recent ? recent->m_families.size() : 0, false);
    const auto recentOf = [&](const char *family) {
        if (!recent)
            return;
        const auto it = recent->m_index.find(family);
        if (it == recent->m_index.end())
            return;
        s.flush();
        out->write(recent->m_families[it->second].lines);
        written[it->second] = true;
    };
    s << "# TYPE datasource_router_state_duration_seconds unknown\n"
         "# HELP datasource_router_state_duration_seconds Seconds spent in each router state\n";
    for (std::size_t k = 0; k < states.size(); ++k)
        for (const auto &pt : points) {
            s << "datasource_router_state_duration_seconds{" << inner << "state=\"" << routerStateName(states[k]) << "\"} "
              << num(pt.durations[k]) << ' ' << pt.t << '\n';
            ++summary.samples;
        }
    recentOf("datasource_router_state_duration_seconds");
    s << "# TYPE datasource_router_state gauge\n"
         "# HELP datasource_router_state Current router state\n";
    for (std::size_t k = 0; k < states.size(); ++k)
        for (const auto &pt : points)
            if (pt.state == states[k]) {
                s << "datasource_router_state{" << inner << "state=\"" << routerStateName(states[k]) << "\"} " << int(k) << ' ' << pt.t << '\n';
                ++summary.samples;
            }
    recentOf("datasource_router_state");
    s << "# TYPE datasource_router_failover counter\n"
         "# HELP datasource_router_failover Failover activations\n";
    for (const auto &pt : points) {
        s << "datasource_router_failover_total" << bare << ' ' << pt.failovers << ' ' << pt.t << '\n';
        ++summary.samples;
    }
    recentOf("datasource_router_failover");
    s << "# TYPE datasource_router_recovery_time_seconds histogram\n"
         "# HELP datasource_router_recovery_time_seconds Time from failure detected to fallback serving\n";
    for (const auto &pt : points) {
        for (std::size_t b = 0; b < buckets.size(); ++b)
            s << "datasource_router_recovery_time_seconds_bucket{" << inner << "le=\"" << num(buckets[b]) << "\"} "
              << num(pt.recoveryBuckets[b]) << ' ' << pt.t << '\n';
        s << "datasource_router_recovery_time_seconds_bucket{" << inner << "le=\"+Inf\"} " << num(pt.recoveryBuckets[6]) << ' ' << pt.t << '\n';
        s << "datasource_router_recovery_time_seconds_sum" << bare << ' ' << num(pt.recoverySum) << ' ' << pt.t << '\n';
        s << "datasource_router_recovery_time_seconds_count" << bare << ' ' << num(pt.recoveryBuckets[6]) << ' ' << pt.t << '\n';
        summary.samples += 9;
    }
    recentOf("datasource_router_recovery_time_seconds");
    s << "# TYPE datasource_router_uptime_percent gauge\n"
         "# HELP datasource_router_uptime_percent 30-day rolling uptime percentage\n";
    for (const auto &pt : points) {
        s << "datasource_router_uptime_percent" << bare << ' ' << num(pt.uptime) << ' ' << pt.t << '\n';
        ++summary.samples;
    }
    recentOf("datasource_router_uptime_percent");
    // The families the router's history does not have.
    for (std::size_t i = 0; recent && i < recent->m_families.size(); ++i) {
        if (written[i])
            continue;
        const auto &family = recent->m_families[i];
        s << "# TYPE " << QString::fromStdString(family.name) << ' ' << QString::fromStdString(family.type) << '\n';
        if (!family.help.empty())
            s << "# HELP " << QString::fromStdString(family.name) << ' '
              << QString::fromUtf8(escaped(family.help)) << '\n';
        s.flush();
        out->write(family.lines);
    }
    if (recent)
        summary.samples += recent->samples();
    s << "# EOF\n";
    s.flush();
    return summary;
}

} // namespace sim
