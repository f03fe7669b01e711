#pragma once

#include <QFrame>

class QLabel;

namespace wf {

class EnvironmentMonitor;
class StateTimeline;
class StatusLight;

// One environment in the Environments view: its name and health, the router's state now and its
// last hour, firing alerts by severity, 30-day availability and error budget, the endpoint lights.
// Double-click (or Enter while focused) opens that profile.
class EnvironmentCard : public QFrame
{
    Q_OBJECT
public:
    EnvironmentCard(const EnvironmentMonitor *monitor, QWidget *parent = nullptr);

    const EnvironmentMonitor *monitor() const { return m_monitor; }
    void setUtc(bool utc);
    void render(); // from the monitor, as it is now

    QString stateText() const;   // what the card says of the router now
    QString alertsText() const;  // "1 critical · 2 warning · 0 info", or why not known
    QString availabilityText() const;

signals:
    void openRequested();

protected:
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    const EnvironmentMonitor *m_monitor;
    QLabel *m_name;
    StatusLight *m_healthLight;
    QLabel *m_state;
    StateTimeline *m_timeline;
    QLabel *m_alerts;
    QLabel *m_availability;
    QList<StatusLight *> m_lights;
    bool m_utc = false;
};

} // namespace wf
