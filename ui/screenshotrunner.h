#pragma once

#include "domain/viewid.h"

#include <QDir>
#include <QElapsedTimer>
#include <QObject>

namespace wf {

class MainWindow;
class ViewBase;

// --screenshot-dir: shows every view in turn, then every dashboard of the folder (imported from
// Grafana), waits until it has settled (data or error shown, at most a timeout), and writes
// DIR/<view>.png and DIR/<view>.json (<dashboard id>.png/json). Emits finished(exit code).
class ScreenshotRunner : public QObject
{
    Q_OBJECT
public:
    ScreenshotRunner(MainWindow *window, const QString &directory, QObject *parent = nullptr);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void start();

signals:
    void finished(int exitCode);

private:
    void next();
    void capture();
    ViewBase *current() const;
    QString currentName() const;

    MainWindow *m_window;
    QDir m_dir;
    std::size_t m_index = 0; // the views, then the dashboards
    int m_timeoutMs = 30'000;
    int m_completeTimeoutMs = 20'000;
    qint64 m_lastRefreshMs = 0;
    int m_failures = 0;
    QElapsedTimer m_waited;
    QElapsedTimer m_sinceStart;
};

} // namespace wf
