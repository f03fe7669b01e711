#include "querychart.h"

#include "dashboards/panelformat.h"
#include "dashboards/queryplan.h"
#include "statecolors.h"

namespace wf {

void appendLines(QList<TimeSeriesChart::Line> *lines, const PromResult &result, const QString &legend)
{
    for (const auto &series : result.series) {
        TimeSeriesChart::Line line;
        line.name = dashboards::formatLegend(legend, series.labels);
        line.points.reserve(qsizetype(series.samples.size()));
        for (const auto &s : series.samples)
            line.points.append(QPointF(s.time * 1000, s.value));
        lines->append(line);
    }
}

void sortAndColor(QList<TimeSeriesChart::Line> *lines)
{
    std::sort(lines->begin(), lines->end(), [](const auto &a, const auto &b) { return a.name < b.name; });
    for (int i = 0; i < lines->size(); ++i)
        (*lines)[i].color = seriesColor(i);
}

QList<TimeSeriesChart::Line> chartLines(const PromResult &result)
{
    QList<TimeSeriesChart::Line> lines;
    appendLines(&lines, result, {});
    sortAndColor(&lines);
    return lines;
}

ChartWindow chartWindow(const TimeRange &range, int widthPx, qint64 scrapeSeconds)
{
    const auto now = QDateTime::currentDateTimeUtc();
    ChartWindow w{range.from(now), range.to(now), 1};
    w.stepSeconds = queryplan::stepFor(std::max<qint64>(w.from.secsTo(w.to), 1), widthPx, scrapeSeconds);
    return w;
}

QImage chartImage(const QList<TimeSeriesChart::Line> &lines, qint64 fromMs, qint64 toMs, qint64 stepMs,
                  const QSize &size, bool utc)
{
    TimeSeriesChart chart;
    chart.setAttribute(Qt::WA_DontShowOnScreen);
    chart.setUtc(utc);
    chart.resize(size);
    chart.setRange(fromMs, toMs);
    chart.setLines(lines, stepMs);
    return chart.grab().toImage();
}

} // namespace wf
