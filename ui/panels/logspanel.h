#pragma once

#include "panelkind.h"

class QListWidget;

namespace wf {

// The newest lines of a LogQL log query ({app="mytrader-api"} |= "timeout"), newest first, each
// as time, level and message, coloured by level; refreshed with the view. Its query goes to Loki
// through the scheduler like every panel's (QueryKey::limit).
class LogsPanel : public PanelKind
{
    Q_OBJECT
public:
    static constexpr int kLines = 100; // the lines shown, newest first

    LogsPanel(const Panel &panel, PanelFrame *frame, QObject *parent);

    QWidget *widget() const override;
    QList<QueryKey> plan(const QueryContext &context) override;
    void render() override {}
    // The lines are not series: every answer is drawn here, none is "no data" while lines came.
    bool renderNoData() override;
    QStringList csvRows() const override;

private:
    QListWidget *m_list;
    std::vector<LogLineAnswer> m_lines;
};

} // namespace wf
