#include "barpanel.h"

#include "barchart.h"
#include "dashboards/panelformat.h"
#include "panelframe.h"
#include "statecolors.h"

#include <cmath>

namespace wf {

BarPanel::BarPanel(const Panel &panel, PanelFrame *frame, QObject *parent)
    : PanelKind(panel, frame, parent)
    , m_widget(new BarChart)
{
    frame->setContent(m_widget);
}

QWidget *BarPanel::widget() const
{
    return m_widget;
}

void BarPanel::render()
{
    QList<std::pair<BarChart::Bar, QJsonObject>> shown;
    for (const auto &s : series(Role::Now)) {
        BarChart::Bar bar;
        bar.label = legend(s);
        bar.value = s.series->samples.back().value;
        bar.valueText = dashboards::formatValue(bar.value, m_panel.unit, m_panel.decimals);
        bar.color = namedColor(dashboards::thresholdColor(m_panel.thresholds, bar.value));
        if (!bar.color.isValid())
            bar.color = seriesColor(0);
        auto item = paintedItem(bar.valueText, s, m_panel.source);
        item.insert(QStringLiteral("text"), bar.label + QLatin1Char(' ') + bar.valueText);
        shown.append({bar, item});
    }
    std::stable_sort(shown.begin(), shown.end(), [](const auto &a, const auto &b) {
        const auto key = [](double v) { return std::isfinite(v) ? v : -INFINITY; };
        return key(a.first.value) > key(b.first.value);
    });
    QList<BarChart::Bar> bars;
    m_painted = {};
    for (const auto &[bar, item] : shown) {
        bars.append(bar);
        m_painted.append(item);
    }
    m_widget->setBars(bars);
}

} // namespace wf
