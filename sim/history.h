#pragma once

#include <QDateTime>
#include <QIODevice>

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
};

struct HistorySummary
{
    double totalSeconds = 0;
    double downSeconds = 0; // BOTH_UNAVAILABLE
    int failovers = 0;
    qint64 samples = 0;
};

// Pure given the options (the same seed gives the same past). out may be null: the summary only.
HistorySummary writeHistory(const HistoryOptions &options, QIODevice *out);

} // namespace sim
