#pragma once

#include "domain/viewid.h"

#include <QByteArray>
#include <QFont>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QMainWindow;
class QTimer;
class QWidget;

namespace wf {

// Wall mode, for a shared screen (View → Wall mode, F11, --wall): full screen, large type, no
// menus, bars or navigation, cycling through the chosen views every few seconds like a Grafana
// kiosk playlist. Esc or F11 leaves it as it was.
class WallMode : public QObject
{
    Q_OBJECT
public:
    // chrome: what the wall hides besides the window's menu bar, tool bars and status bar (the
    // navigation). showView: how a view is brought up.
    WallMode(QMainWindow *window, QList<QWidget *> chrome, std::function<void(ViewId)> showView, QObject *parent = nullptr);

    // The views cycled through, in order (none: the current one stays); seconds each (0: no cycling).
    void setViews(const QList<ViewId> &views);
    void setCycleSeconds(int seconds);
    const QList<ViewId> &views() const { return m_views; }
    int cycleSeconds() const { return m_seconds; }

    bool isActive() const { return m_active; }
    bool isCycling() const; // the next view is due (active, and the cycle is not 0 s)
    void setActive(bool on);
    void toggle() { setActive(!m_active); }
    void next(); // the next chosen view, as the cycle does

    static constexpr double kTypeScale = 1.5;

signals:
    void activeChanged(bool on);

private:
    QMainWindow *m_window;
    QList<QWidget *> m_chrome;
    std::function<void(ViewId)> m_showView;
    QTimer *m_cycle;
    QList<ViewId> m_views;
    int m_seconds = 30;
    int m_index = -1;
    bool m_active = false;
    // To put back on leaving.
    QList<QPointer<QWidget>> m_hidden;
    QFont m_font;
    bool m_fontWasSet = false;
    Qt::WindowStates m_states;
    QByteArray m_geometry;
};

} // namespace wf
