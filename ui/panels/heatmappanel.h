#pragma once

#include "panelkind.h"

namespace wf {

class Heatmap;

// A histogram's buckets over time: each column the counts of one step, de-cumulated.
class HeatmapPanel : public PanelKind
{
    Q_OBJECT
public:
    HeatmapPanel(const Panel &panel, PanelFrame *frame, QObject *parent);

    QWidget *widget() const override;
    void render() override;
    int plotWidth() const override;

protected:
    void setRange(qint64 fromMs, qint64 toMs) override;

private:
    Heatmap *m_widget;
};

} // namespace wf
