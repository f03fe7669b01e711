#pragma once

#include "store/profile.h"

#include <QObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <variant>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace wf {

// `watchfloor --demo`: mytrader-sim, a real Prometheus (with the project's alert rules) — or, with
// `--metrics victoriametrics`, VictoriaMetrics with vmalert evaluating the same rules — and a real
// Alertmanager on free loopback ports, configured from resources/demo/ in a temporary directory,
// started as children of the console. The children stop when the stack is destroyed, and die with
// the console if it crashes (PR_SET_PDEATHSIG). Prometheus or Alertmanager not installed: the rest
// starts (the simulator alone gives health, logs and drills) and missing() says which package.
class DemoStack : public QObject
{
    Q_OBJECT
public:
    struct Programs
    {
        QString simulator;    // next to the console's executable
        QString prometheus;   // on PATH; empty: not installed
        QString alertmanager; // prometheus-alertmanager on PATH; empty: not installed
        QString promtool;     // on PATH (the history backfill); empty: not installed
        QString victoriaMetrics; // victoria-metrics on PATH; empty: not installed
        QString vmalert;         // on PATH (the same package)
    };
    enum class Metrics { Prometheus, VictoriaMetrics };
    // Finds the programs; an error (naming where it looked) only when the simulator is missing.
    static std::variant<Programs, QString> locate(const QString &applicationDir);
    // What the demo runs without and which Debian package brings it; empty when nothing is missing.
    static QString missing(const Programs &programs, Metrics metrics = Metrics::Prometheus);
    // VictoriaMetrics asked for and not installed: why the demo cannot start (empty: it can).
    static QString cannotRun(const Programs &programs, Metrics metrics);

    explicit DemoStack(const Programs &programs, QObject *parent = nullptr);
    ~DemoStack() override;

    void start(); // progress(), then ready() or failed() (then call stop() for what did start)
    void stop();
    bool isRunning() const;

    Profile profile() const; // the "Demo" profile (or setName's) pointing at the children
    // Before start(): the profile's name (--environments: "demo-1", …) and the simulator's seed
    // (0: from the clock; stacks started together need different ones to differ).
    void setName(const QString &name) { m_name = name; }
    void setSeed(quint64 seed) { m_fixedSeed = seed; }
    // Before start(): the metrics backend. VictoriaMetrics runs as installed (its defaults) and
    // gets the history through its import API; vmalert evaluates the rules and notifies Alertmanager.
    void setMetrics(Metrics metrics) { m_metrics = metrics; }
    Metrics metrics() const { return m_metrics; }
    QList<qint64> processIds() const;
    QString directory() const { return m_dir.path(); }
    static constexpr int kSteps = 7;
    static constexpr int kHistoryDays = 30;

signals:
    void progress(int step, int steps, const QString &text);
    void ready();
    void failed(const QString &message);

private:
    enum Child { Simulator, Alertmanager, Prometheus, VmAlert }; // Prometheus: or VictoriaMetrics
    bool writeConfigs(QString *error);
    void runTool(const QString &program, const QStringList &args, const QString &what, std::function<void()> next);
    bool launchChild(Child child, int step, const QString &text);
    void launchPrometheusAndWait();
    void importHistory(); // VictoriaMetrics: the history through /api/v1/import/prometheus, then vmalert
    // One request of the import: its answer leads to next, or to failed() with failure (%1 the
    // error, %2 the server's words).
    void importStep(QNetworkReply *reply, const QString &failure, std::function<void()> next);
    bool writePrometheusConfig(); // with the ports as they are now
    void fail(const QString &message);
    bool launch(Child child, QString *error);
    void poll();
    QUrl readyUrl(Child child) const;
    QString program(Child child) const;
    QString childName(Child child) const;
    QString logTail(Child child) const;

    Programs m_programs;
    QTemporaryDir m_dir;
    std::array<std::unique_ptr<QProcess>, 4> m_children;
    std::unique_ptr<QProcess> m_tool; // a one-off step: the history, the backfill
    quint64 m_seed = 0;
    quint64 m_fixedSeed = 0;
    QString m_name;
    qint64 m_historyEnd = 0; // seconds since 1970: where the backfill ends and the simulator goes on
    QStringList historyArguments() const;
    std::array<quint16, 4> m_ports{};
    std::array<bool, 4> m_ready{};
    Metrics m_metrics = Metrics::Prometheus;
    bool m_importing = false;
    QNetworkReply *m_import = nullptr;
    bool m_imported = false;
    QNetworkAccessManager *m_network;
    QTimer *m_poll;
    qint64 m_startedMs = 0;
    bool m_failed = false;
    bool m_readyEmitted = false;
};

} // namespace wf
