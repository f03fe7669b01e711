#pragma once

#include "sources/sim/drillclient.h"

#include <QLabel>
#include <QMenu>
#include <QPointer>

class QTimer;

namespace wf {

// The Drill menu of the demo stack: injects mytrader-sim's faults with a duration, ends them, and
// shows the drills in force with their time left (in the menu and on a status-bar label).
class DrillMenu : public QMenu
{
    Q_OBJECT
public:
    DrillMenu(QNetworkAccessManager *network, QWidget *parent = nullptr);
    ~DrillMenu() override; // the status label too, unless a status bar took it

    void setProfile(const Profile &profile);
    QLabel *statusLabel() const { return m_label; }
    const DrillStatus &lastStatus() const { return m_status; }
    QString lastError() const { return m_error; }

    // The menu's actions, by kind and seconds (for tests and shortcuts).
    QAction *injectAction(const QString &kind, int seconds) const;
    QAction *clearAction() const { return m_clear; }

public slots:
    void refresh();

signals:
    void statusChanged();

private:
    void rebuildActive();
    void showStatus(const Result<DrillStatus> &status);

    DrillClient m_client;
    DrillStatus m_status;
    QString m_error;
    QAction *m_activeHeader = nullptr;
    QList<QAction *> m_activeItems;
    QAction *m_clear = nullptr;
    QPointer<QLabel> m_label; // made without a parent: whoever shows it (the status bar) owns it
    QTimer *m_poll = nullptr;
};

} // namespace wf
