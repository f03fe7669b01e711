#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QIODevice>
#include <QList>

#include <prometheus/metric_family.h>

#include <map>
#include <string>
#include <vector>

namespace sim {

// The simulator's past: DAYS of router history ending at `end`, with a few failovers (some of them
// through BOTH_UNAVAILABLE), written as OpenMetrics for `promtool tsdb create-blocks-from
// openmetrics`, so that the 30-day SLO panels show real numbers from the first minute.
struct HistoryOptions
{
    int days = 30;
    quint64 seed = 1;
    QDateTime end;
    int stepSeconds = 300;
    // Added to every series: the labels Prometheus' scrape gives the live ones (job, instance…).
    QList<std::pair<QString, QString>> labels;
};

struct HistorySummary
{
    double totalSeconds = 0;
    double downSeconds = 0; // BOTH_UNAVAILABLE
    int failovers = 0;
    qint64 samples = 0;
};

// Every metric of the catalogue over the last hours, as the service itself lived them
// (SimService::replay), kept family by family as OpenMetrics wants them.
class RecentSamples
{
public:
    explicit RecentSamples(const QList<std::pair<QString, QString>> &labels = {});
    void add(const std::vector<prometheus::MetricFamily> &families, const QDateTime &at);
    qint64 samples() const { return m_samples; }

private:
    friend HistorySummary writeHistory(const HistoryOptions &, QIODevice *, const RecentSamples *);
    struct Family
    {
        std::string name; // the OpenMetrics family: a counter's name without _total
        std::string type;
        std::string help;
        QByteArray lines;
    };
    std::vector<Family> m_families;
    std::map<std::string, std::size_t> m_index;
    QByteArray m_labels; // name="value",… added to every series
    qint64 m_samples = 0;
};

// Pure given the options (the same seed gives the same past). out may be null: the summary only.
// recent's samples (which begin where the router's history ends) are written in their families.
HistorySummary writeHistory(const HistoryOptions &options, QIODevice *out, const RecentSamples *recent = nullptr);

} // namespace sim
