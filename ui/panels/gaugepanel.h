#pragma once

#include "panelkind.h"

namespace wf {

class Gauge;

// One value on a dial against its SLO target (an instant query at the panel's now).
class GaugePanel : public PanelKind
{
    Q_OBJECT
public:
    GaugePanel(const Panel &panel, PanelFrame *frame, QObject *parent);

    QWidget *widget() const override;
    void render() override;
    bool paintsNow() const override { return true; }

protected:
    QList<Role> roles(const PanelQuery &) const override { return {Role::Now}; }

private:
    Gauge *m_widget;
};

} // namespace wf
