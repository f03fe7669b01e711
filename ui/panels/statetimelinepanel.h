#pragma once

#include "panelkind.h"

namespace wf {

class StateTimeline;

// The router's states over the time range as coloured segments; a click zooms to one.
class StateTimelinePanel : public PanelKind
{
    Q_OBJECT
public:
    StateTimelinePanel(const Panel &panel, PanelFrame *frame, QObject *parent);

    QWidget *widget() const override;
    void render() override {} // fed by the router's timeline, not by queries of its own
    void showRouter(const RouterTimeline &timeline, const QDateTime &from, const QDateTime &to) override;
    QStringList csvRows() const override;
    void setUtc(bool utc) override;

private:
    StateTimeline *m_widget;
};

} // namespace wf
