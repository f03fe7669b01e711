#pragma once

#include "panelkind.h"

namespace wf {

class StateTimeline;

// States over the time range as coloured segments; a click zooms to one. The router's (source
// "router"), or each series of its queries in a lane of its own (Grafana's state timeline and
// status history): a value's mapping or formatted value, coloured by the thresholds.
class StateTimelinePanel : public PanelKind
{
    Q_OBJECT
public:
    StateTimelinePanel(const Panel &panel, PanelFrame *frame, QObject *parent);

    QWidget *widget() const override;
    void render() override;
    void showRouter(const RouterTimeline &timeline, const QDateTime &from, const QDateTime &to) override;
    QStringList csvRows() const override;
    void setUtc(bool utc) override;

private:
    StateTimeline *lane(int index);

    QWidget *m_content = nullptr;
    StateTimeline *m_widget;
    QList<StateTimeline *> m_lanes; // queries: one per series, m_widget the first
};

} // namespace wf
