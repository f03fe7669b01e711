#pragma once

#include "panelkind.h"

#include <QPointF>

namespace wf {

// Lines over the time range (stacked or not), failovers as bands behind them; drag to zoom.
// From Prometheus' range queries, or the health endpoint's round trip a second.
class TimeSeriesPanel : public PanelKind
{
    Q_OBJECT
public:
    TimeSeriesPanel(const Panel &panel, PanelFrame *frame, QObject *parent);

    QWidget *widget() const override;
    void render() override;
    QJsonArray painted() const override;
    QStringList csvRows() const override;
    void showHealth(const HealthSample &sample) override;
    void drawRoundTrips() override;
    void setFailoverBands(const QList<TimeSeriesChart::Band> &bands) override;
    int plotWidth() const override;
    void setUtc(bool utc) override;

protected:
    void setRange(qint64 fromMs, qint64 toMs) override;

private:
    TimeSeriesChart *m_chart;
    QList<QPointF> m_roundTrips; // health source: (ms since epoch, round trip ms)
};

} // namespace wf
