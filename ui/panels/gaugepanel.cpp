#include "gaugepanel.h"

#include "barchart.h"
#include "dashboards/panelformat.h"
#include "panelframe.h"

namespace wf {

GaugePanel::GaugePanel(const Panel &panel, PanelFrame *frame, QObject *parent)
    : PanelKind(panel, frame, parent)
    , m_widget(new Gauge)
{
    m_widget->setRange(panel.min.value_or(0), panel.max.value_or(100));
    if (panel.target)
        m_widget->setTarget(*panel.target, tr("target %1").arg(dashboards::formatValue(*panel.target, panel.unit)));
    frame->setContent(m_widget);
}

QWidget *GaugePanel::widget() const
{
    return m_widget;
}

void GaugePanel::render()
{
    const auto now = series(Role::Now);
    const auto &shown = now.first();
    const double value = shown.series->samples.back().value;
    auto color = dashboards::thresholdColor(m_panel.thresholds, value);
    if (color.isEmpty() && m_panel.target && std::isfinite(value)) {
        const bool good = m_panel.higherIsWorse ? value <= *m_panel.target : value >= *m_panel.target;
        color = good ? QStringLiteral("green") : QStringLiteral("red");
    }
    const auto text = dashboards::formatValue(value, m_panel.unit, m_panel.decimals);
    m_widget->setValue(value, text, namedColor(color));
    m_painted = {paintedItem(text, shown, m_panel.source)};
}

} // namespace wf
