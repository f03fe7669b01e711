#pragma once

#include "dashboard.h"
#include "sources/prometheus/promresult.h"

#include <QString>

namespace wf::dashboards {

// "12.4 ops/s", "1.25 s", "350 ms", "99.50 %", "1,234"; "no data" for NaN (histogram_quantile
// without observations), "∞" for infinities. decimals −1: chosen from the size of the value.
QString formatValue(double value, Unit unit, int decimals = -1);
// "{{symbol}} p95" with the series' labels; an empty template gives "{a="x", b="y"}" (or the
// metric name alone, or "value" when there is nothing).
QString formatLegend(const QString &legendTemplate, const Labels &labels);
// The colour name of the last threshold the value reaches ("" when none is reached or given).
QString thresholdColor(const QList<Threshold> &thresholds, double value);
// The text for a mapped value ("Authenticated"), empty when no mapping matches.
QString mappedText(const QList<ValueMapping> &mappings, double value);

} // namespace wf::dashboards
