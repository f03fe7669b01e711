#pragma once

#include "panelkind.h"

class QTableWidget;

namespace wf {

// Rows that sort by any column: one per series from Prometheus (its labels, then its value at
// the panel's now), or the router's failovers (double-click one to zoom to it).
class TablePanel : public PanelKind
{
    Q_OBJECT
public:
    TablePanel(const Panel &panel, PanelFrame *frame, QObject *parent);

    QWidget *widget() const override;
    void render() override;
    QJsonArray painted() const override;
    QStringList csvRows() const override;
    void showRouter(const RouterTimeline &timeline, const QDateTime &from, const QDateTime &to) override;
    bool paintsNow() const override { return true; }

protected:
    QList<Role> roles(const PanelQuery &) const override { return {Role::Now}; }

private:
    QTableWidget *m_table;
    QString m_signature = QStringLiteral("-"); // the failovers the table shows ("-": nothing drawn yet)
};

} // namespace wf
