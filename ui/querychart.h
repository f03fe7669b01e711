#pragma once

#include "domain/timerange.h"
#include "sources/prometheus/promresult.h"
#include "timeserieschart.h"

#include <QImage>

namespace wf {

// A query's series appended as chart lines, named by the legend template ("{{symbol}} p95"; empty:
// the labels).
void appendLines(QList<TimeSeriesChart::Line> *lines, const PromResult &result, const QString &legend);
// Sorted by name and coloured in that order, so that a series keeps its colour from one refresh to the next.
void sortAndColor(QList<TimeSeriesChart::Line> *lines);
// A query's answer as chart lines: one per series, named by its labels, sorted, coloured in order.
QList<TimeSeriesChart::Line> chartLines(const PromResult &result);
// Where a chart of the app's time range starts and ends now, and its step for that many pixels.
struct ChartWindow
{
    QDateTime from;
    QDateTime to;
    qint64 stepSeconds = 1;
    qint64 fromMs() const { return from.toMSecsSinceEpoch(); }
    qint64 toMs() const { return to.toMSecsSinceEpoch(); }
};
ChartWindow chartWindow(const TimeRange &range, int widthPx, qint64 scrapeSeconds);
// The lines drawn as a picture (a runbook's inline result), with the dashboards' chart.
QImage chartImage(const QList<TimeSeriesChart::Line> &lines, qint64 fromMs, qint64 toMs, qint64 stepMs,
                  const QSize &size, bool utc);

} // namespace wf
