#pragma once

#include "panelkind.h"

namespace wf {

class StatTile;

// A value (or a few) in large type with its recent history under it. From Prometheus: the value
// at the panel's now (an instant query) and a sparkline; or the router's state now; or the
// health endpoint's status.
class StatPanel : public PanelKind
{
    Q_OBJECT
public:
    StatPanel(const Panel &panel, PanelFrame *frame, QObject *parent);

    QWidget *widget() const override;
    void render() override;
    bool renderNoData() override;
    void showRouter(const RouterTimeline &timeline, const QDateTime &from, const QDateTime &to) override;
    void showHealth(const HealthSample &sample) override;
    bool paintsNow() const override { return true; }

protected:
    QList<Role> roles(const PanelQuery &query) const override;

private:
    StatTile *m_stat;
};

} // namespace wf
