#include "heatmappanel.h"

#include "dashboards/histogram.h"
#include "dashboards/panelformat.h"
#include "heatmap.h"
#include "panelframe.h"

#include <cmath>

namespace wf {

HeatmapPanel::HeatmapPanel(const Panel &panel, PanelFrame *frame, QObject *parent)
    : PanelKind(panel, frame, parent)
    , m_widget(new Heatmap)
{
    frame->setContent(m_widget);
}

QWidget *HeatmapPanel::widget() const
{
    return m_widget;
}

int HeatmapPanel::plotWidth() const
{
    return std::min(m_widget->plotWidth(), 200); // cells wider than a few pixels stay readable
}

void HeatmapPanel::setRange(qint64 fromMs, qint64 toMs)
{
    m_widget->setRange(fromMs, toMs);
}

void HeatmapPanel::render()
{
    const auto &first = m_requests.first();
    if (!first.data)
        return;
    const auto data = dashboards::heatmapFrom(*first.data);
    QStringList rows;
    const auto unit = m_panel.unit;
    for (std::size_t b = 0; b < data.bounds.size(); ++b) {
        const double upper = data.bounds[b];
        rows.append(std::isinf(upper) ? tr("> %1").arg(b > 0 ? dashboards::formatValue(data.bounds[b - 1], unit) : QString())
                                      : tr("≤ %1").arg(dashboards::formatValue(upper, unit)));
    }
    QList<qint64> times;
    QList<QList<double>> counts;
    for (std::size_t t = 0; t < data.times.size(); ++t) {
        times.append(qint64(std::llround(data.times[t] * 1000)));
        counts.append(QList<double>(data.counts[t].cbegin(), data.counts[t].cend()));
    }
    m_widget->setData(times, rows, counts, m_stepMs);
    // The newest column as painted: counts per bucket, de-cumulated (not a value Prometheus returns).
    m_painted = {};
    if (!data.times.empty())
        for (std::size_t b = 0; b < data.bounds.size(); ++b)
            m_painted.append(QJsonObject{{QStringLiteral("text"), rows.at(qsizetype(b))},
                                         {QStringLiteral("value"), data.counts.back()[b]},
                                         {QStringLiteral("time"), data.times.back()},
                                         {QStringLiteral("query"), first.key.expr},
                                         {QStringLiteral("source"), m_panel.source},
                                         {QStringLiteral("derived"), true}});
}

} // namespace wf
