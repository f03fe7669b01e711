#include "wallmode.h"

#include "telemetry/logging.h"

#include <QMainWindow>
#include <QScreen>
#include <QMenuBar>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

namespace wf {

WallMode::WallMode(QMainWindow *window, QList<QWidget *> chrome, std::function<void(ViewId)> showView, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_chrome(std::move(chrome))
    , m_showView(std::move(showView))
    , m_cycle(new QTimer(this))
{
    connect(m_cycle, &QTimer::timeout, this, &WallMode::next);
}

void WallMode::setViews(const QList<ViewId> &views)
{
    m_views = views;
    m_index = -1;
}

void WallMode::setCycleSeconds(int seconds)
{
    m_seconds = std::max(seconds, 0);
    if (m_active && m_seconds > 0 && m_views.size() > 1)
        m_cycle->start(m_seconds * 1000);
    else
        m_cycle->stop();
}

void WallMode::next()
{
    if (m_views.isEmpty())
        return;
    m_index = (m_index + 1) % int(m_views.size());
    m_showView(m_views.at(m_index));
}

bool WallMode::isCycling() const
{
    return m_cycle->isActive();
}

void WallMode::setActive(bool on)
{
    if (on == m_active)
        return;
    m_active = on;
    if (on) {
        // Everything around the views goes; what was visible comes back on leaving.
        QList<QWidget *> around{m_window->menuBar(), m_window->statusBar()};
        for (auto *bar : m_window->findChildren<QToolBar *>(Qt::FindDirectChildrenOnly))
            around.append(bar);
        around += m_chrome;
        m_hidden.clear();
        for (auto *w : around)
            if (w && w->isVisible()) {
                m_hidden.append(w);
                w->hide();
            }
        m_fontWasSet = m_window->testAttribute(Qt::WA_SetFont);
        m_font = m_window->font();
        auto large = m_font;
        large.setPointSizeF(m_font.pointSizeF() * kTypeScale);
        m_window->setFont(large);
        m_states = m_window->windowState();
        m_geometry = m_window->saveGeometry();
        // The whole screen even where no window manager acts on "full screen" (a bare X server
        // driving a wall display, a kiosk session); a geometry set after the state would end it.
        if (auto *screen = m_window->screen())
            m_window->setGeometry(screen->geometry());
        m_window->setWindowState(m_states | Qt::WindowFullScreen);
        m_index = -1;
        if (!m_views.isEmpty())
            next();
        setCycleSeconds(m_seconds);
    } else {
        m_cycle->stop();
        for (const auto &w : m_hidden)
            if (w)
                w->show();
        m_hidden.clear();
        if (m_fontWasSet)
            m_window->setFont(m_font);
        else
            m_window->setFont(QFont()); // back to following the application's
        m_window->setWindowState(m_states & ~Qt::WindowFullScreen);
        m_window->restoreGeometry(m_geometry);
    }
    logging::get("ui")->info("wall mode {} views={} seconds={}", on ? "on" : "off", m_views.size(), m_seconds);
    emit activeChanged(on);
}

} // namespace wf
