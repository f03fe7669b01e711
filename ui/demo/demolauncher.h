#pragma once

#include "demo/demostack.h"
#include "store/profile.h"

#include <QObject>
#include <QString>

#include <algorithm>
#include <memory>
#include <vector>
#include <optional>

class QWidget;

namespace wf {

// Starts the demo stack for `--demo`, the first start's “Use the demo profile” and File → Start
// demo stack alike: finds the programs, shows the progress (and a way to cancel), and keeps the
// stack until the launcher is destroyed — with the window, so the stack stops with it.
class DemoLauncher : public QObject
{
    Q_OBJECT
public:
    // programsDir: where mytrader-sim is looked for first (the console's own folder by default).
    explicit DemoLauncher(QObject *parent = nullptr, const QString &programsDir = {});
    ~DemoLauncher() override;

    // Blocks in a local event loop until the stack answers, fails or is cancelled. The demo's
    // profile, or nullopt with errorString() set (empty when cancelled). interactive: a progress
    // dialog and message boxes (over parent); otherwise the log and stderr only.
    std::optional<Profile> start(QWidget *parent, bool interactive);
    void stop();

    bool isRunning() const;
    std::optional<Profile> profile() const; // while running
    // --environments N (before start()): N stacks side by side, each with its own seed, profiles
    // "demo-1" … "demo-N"; start() waits for all and answers the first. 1: the one "Demo".
    void setEnvironments(int count) { m_environments = std::clamp(count, 1, kMaxEnvironments); }
    static constexpr int kMaxEnvironments = 20;
    // --metrics victoriametrics (before start()): every stack on VictoriaMetrics and vmalert.
    void setMetrics(DemoStack::Metrics metrics) { m_metrics = metrics; }
    QList<Profile> profiles() const; // every running stack's
    QString errorString() const { return m_error; }
    QString missing() const { return m_missing; } // what the running demo does without (DemoStack::missing)
    DemoStack *stack() const { return m_stack.get(); }

private:
    QString m_programsDir;
    std::unique_ptr<DemoStack> m_stack;
    std::vector<std::unique_ptr<DemoStack>> m_more; // --environments: the second and further
    int m_environments = 1;
    DemoStack::Metrics m_metrics = DemoStack::Metrics::Prometheus;
    QString m_error;
    QString m_missing;
};

} // namespace wf
