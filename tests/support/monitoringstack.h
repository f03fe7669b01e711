#pragma once

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

#include "store/profile.h"

#include <memory>

// Starts the real Debian `prometheus` and `prometheus-alertmanager` on free loopback ports, each
// in a temporary directory, waits until they are ready, and stops them (children die with the test
// process, too: PR_SET_PDEATHSIG). Alertmanager starts first (see shared/reference/stack.md).
class MonitoringStack
{
public:
    MonitoringStack();
    ~MonitoringStack();

    // False with errorString() when a binary is missing or a daemon is not ready within 30 s.
    bool start(const QString &prometheusRules = {}, const QString &extraScrapeConfig = {});
    // Prometheus' scrape and evaluation interval (1 s unless set before start()).
    void setScrapeSeconds(int seconds) { m_scrapeSeconds = seconds; }
    // The metrics backend start() runs (before start()): Prometheus, or Debian's VictoriaMetrics
    // single node scraping the same targets, with vmalert evaluating the rules (writing ALERTS
    // back into it, notifying the same Alertmanager; its rules and alerts served through
    // VictoriaMetrics' -vmalert.proxyURL). prometheusUrl() is then VictoriaMetrics'.
    enum class Backend { Prometheus, VictoriaMetrics };
    void setBackend(Backend backend) { m_backend = backend; }
    Backend backend() const { return m_backend; }
    // VictoriaMetrics as it is installed (its default -search.latencyOffset of 30 s and its
    // rollup cache) instead of answering like Prometheus (latency offset 0, no cache).
    void setVictoriaMetricsDefaults(bool defaults) { m_vmDefaults = defaults; }
    QString errorString() const { return m_error; }
    // Prometheus asks every request for HTTP basic auth (its --web.config.file; /-/ready too), as a
    // Prometheus behind its own auth does; bcryptHash is password's hash as the web config holds it
    // (`htpasswd -nbB`). Before start().
    void requirePrometheusBasicAuth(const QString &user, const QString &password, const QByteArray &bcryptHash);

    // Starts mytrader-sim (the executable at path) on a free port, before start(), so that a
    // scrape config can name simulatorUrl(). False with errorString() when it is not ready in 30 s.
    bool startSimulator(const QString &path, const QStringList &extraArgs = {}, quint16 port = 0); // 0: a free one
    QUrl simulatorUrl() const;
    // The simulator's drill API: starts a drill of kind for seconds (its answer must be 201), or
    // ends them all. False with errorString() otherwise.
    bool drill(const QByteArray &kind, int seconds);
    bool endDrills();
    // The scrape job for the running simulator, for start()'s extraScrapeConfig.
    QString simulatorScrapeConfig() const;
    // mytrader-sim (--quiet) scraped by Prometheus with the given rules, and Alertmanager.
    bool startWithSimulator(const QString &simulatorPath, const QString &prometheusRules = {});
    // A profile pointing at all of it: Prometheus, Alertmanager, the simulator's Loki API and health.
    wf::Profile profile(const QString &name) const;
    qint64 simulatorPid() const { return m_simulator.processId(); }
    void stopSimulator();
    QString simulatorLog() const; // what it printed (its JSON log lines and stderr)

    QUrl prometheusUrl() const;
    QUrl alertmanagerUrl() const;
    qint64 prometheusPid() const;
    qint64 alertmanagerPid() const;

    void stopPrometheus();
    // Starts Prometheus again on the same port with the same storage.
    bool restartPrometheus();
    void stopAlertmanager();
    // Starts Alertmanager again on the same port with the same storage (its silences survive).
    bool restartAlertmanager();
    // SIGKILL, as a crash or the OOM killer: Alertmanager writes its silences to disk only every
    // --data.maintenance-interval (15 min) and on a clean shutdown, so the newest are lost.
    void killAlertmanager();

    // Posts alerts (Alertmanager API v2 JSON objects) to the running Alertmanager, as Prometheus
    // does; true when it answered 200 within 10 s.
    bool postAlerts(const QJsonArray &alerts);
    // The same to any Alertmanager (a cluster's peer); *error says why not.
    static bool postAlertsTo(const QUrl &alertmanager, const QJsonArray &alerts, QString *error);

    static quint16 freePort();
    // Polls url until it answers 200 or timeoutMs passes (runs the event loop meanwhile), with
    // this Authorization header when one is given.
    static bool waitReady(const QUrl &url, int timeoutMs, const QByteArray &authorization = {});

private:
    bool startProcess(QProcess &process, const QString &program, const QStringList &args, const QUrl &readyUrl,
                      const QByteArray &authorization = {});

    QTemporaryDir m_dir;
    QProcess m_prometheus; // or victoria-metrics
    QProcess m_vmalert;
    Backend m_backend = Backend::Prometheus;
    bool m_vmDefaults = false;
    quint16 m_vmalertPort = 0;
    bool m_hasRules = false;
    QProcess m_alertmanager;
    QProcess m_simulator;
    int m_scrapeSeconds = 1;
    quint16 m_simulatorPort = 0;
    quint16 m_prometheusPort = 0;
    quint16 m_alertmanagerPort = 0;
    QString m_error;
    QByteArray m_prometheusAuthorization; // "Basic …" when Prometheus asks for it
};
