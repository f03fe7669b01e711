#include "screenshotrunner.h"

#include "mainwindow.h"
#include "dashboards/dashboardlibrary.h"
#include "telemetry/logging.h"
#include "views/dashboardview.h"
#include "views/viewbase.h"

#include <QJsonDocument>
#include <QPixmap>
#include <QSaveFile>
#include <QTimer>

namespace wf {

ScreenshotRunner::ScreenshotRunner(MainWindow *window, const QString &directory, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_dir(directory)
{
}

void ScreenshotRunner::start()
{
    m_index = 0;
    m_failures = 0;
    m_sinceStart.start();
    next();
}

ViewBase *ScreenshotRunner::current() const
{
    if (m_index < kAllViews.size())
        return m_window->view(kAllViews[m_index]);
    const auto &dashboards = m_window->dashboardLibrary()->views();
    const auto i = qsizetype(m_index - kAllViews.size());
    return i < dashboards.size() ? dashboards.at(i) : nullptr;
}

QString ScreenshotRunner::currentName() const
{
    if (m_index < kAllViews.size())
        return viewName(kAllViews[m_index]);
    const auto id = static_cast<DashboardView *>(current())->dashboard().id;
    return viewFromName(id) ? QStringLiteral("dashboard-") + id : id; // never over a view's picture
}

void ScreenshotRunner::next()
{
    if (!current()) {
        emit finished(m_failures == 0 ? 0 : 1);
        return;
    }
    if (m_index < kAllViews.size())
        m_window->showView(kAllViews[m_index]);
    else
        m_window->dashboardLibrary()->show(static_cast<DashboardView *>(current())->dashboard().id);
    m_waited.start();
    m_lastRefreshMs = 0;
    capture();
}

void ScreenshotRunner::capture()
{
    auto *view = current();
    const bool timedOut = m_waited.elapsed() > m_timeoutMs;
    if ((!view->isSettled() || !m_window->endpointsChecked()) && !timedOut) {
        QTimer::singleShot(100, this, &ScreenshotRunner::capture);
        return;
    }
    // A fresh stack has scraped little yet: refresh until every panel has data, for a while
    // (once for the whole run: a stack without data must not cost that wait on every view).
    if (!view->isComplete() && m_sinceStart.elapsed() < m_completeTimeoutMs) {
        if (m_waited.elapsed() - m_lastRefreshMs >= 2000) {
            m_lastRefreshMs = m_waited.elapsed();
            view->refresh();
        }
        QTimer::singleShot(200, this, &ScreenshotRunner::capture);
        return;
    }
    const auto name = currentName();
    auto json = view->snapshot();
    if (timedOut)
        json.insert(QStringLiteral("timedOut"), true);
    if (!view->isComplete())
        json.insert(QStringLiteral("incomplete"), true);
    const auto png = m_dir.filePath(name + QStringLiteral(".png"));
    bool ok = m_window->grab().save(png, "PNG");
    QSaveFile file(m_dir.filePath(name + QStringLiteral(".json")));
    ok = ok && file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(json).toJson()) >= 0 && file.commit();
    if (!ok) {
        ++m_failures;
        logging::get("ui")->error("screenshot of view {} could not be written to {}", name.toStdString(),
                                  m_dir.absolutePath().toStdString());
    } else {
        logging::get("ui")->info("screenshot written view={} file={}", name.toStdString(), png.toStdString());
    }
    ++m_index;
    QTimer::singleShot(0, this, &ScreenshotRunner::next);
}

} // namespace wf
