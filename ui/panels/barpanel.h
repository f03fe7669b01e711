#pragma once

#include "panelkind.h"

namespace wf {

class BarChart;

// Each series' value at the panel's now as a bar, the largest first.
class BarPanel : public PanelKind
{
    Q_OBJECT
public:
    BarPanel(const Panel &panel, PanelFrame *frame, QObject *parent);

    QWidget *widget() const override;
    void render() override;
    bool paintsNow() const override { return true; }

protected:
    QList<Role> roles(const PanelQuery &) const override { return {Role::Now}; }

private:
    BarChart *m_widget;
};

} // namespace wf
