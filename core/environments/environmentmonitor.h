#pragma once

#include "domain/routertimeline.h"
#include "net/endpointprobe.h"
#include "store/profile.h"

#include <QJsonObject>
#include <QObject>

#include <array>
#include <optional>

class QNetworkAccessManager;
class QTimer;

namespace wf {

class AlertmanagerClient;
class HealthClient;
class HttpClient;
struct HealthSample;
class PrometheusClient;

// One profile watched from afar, for the Environments view: its health endpoint every second
// (the router's state now, the service's status), Prometheus at the refresh interval (the router's
// last hour, availability and error budget over 30 days — the Reliability view's own queries),
// Alertmanager at the refresh interval (firing alerts, not silenced nor inhibited, by severity),
// and every endpoint's readiness (its lights). Runs only between start() and stop(); its own
// clients, so one environment that hangs holds up no other.
class EnvironmentMonitor : public QObject
{
    Q_OBJECT
public:
    enum Severity { Critical, Warning, Info };
    static constexpr int kSeverities = 3;
    static constexpr qint64 kTimelineSeconds = 3600;
    static constexpr int kTimelineStepSeconds = 15;

    EnvironmentMonitor(QNetworkAccessManager *network, const Profile &profile, QObject *parent = nullptr);
    ~EnvironmentMonitor() override;

    const Profile &profile() const { return m_profile; }
    void start(int refreshMs); // health now and every second, the rest now and every refreshMs
    void stop();
    bool isRunning() const;
    void refresh(); // Prometheus, Alertmanager and the probes, now

    const RouterTimeline &timeline() const { return m_timeline; }
    QString healthStatus() const { return m_healthStatus; } // Healthy, Degraded, Unhealthy; empty until known
    QString healthError() const { return m_healthError; }
    std::optional<std::array<int, kSeverities>> firing() const { return m_firing; }
    QString alertsError() const { return m_alertsError; }
    std::optional<double> availability() const { return m_availability; } // percent, 30 days
    std::optional<double> budgetLeft() const { return m_budgetLeft; }     // percent of the 30-day budget
    QString prometheusError() const { return m_prometheusError; }
    ProbeResult light(Endpoint endpoint) const { return m_lights[std::size_t(endpoint)]; }

    // Every source has answered (data or an error) since start().
    bool isSettled() const;
    // {"profile", "state", "health", "alerts": {"critical", …}, "availability", "budgetLeft",
    //  "lights": {"prometheus": "ready", …}, "timeline": [{"state", "from", "to"}], "errors": […]}
    QJsonObject snapshot() const;

    static Severity severityOf(const QString &label); // critical; warning; anything else is info

signals:
    void changed();

private:
    void onHealth(const HealthSample &sample);
    void askPrometheus();
    void askAlertmanager();

    Profile m_profile;
    HttpClient *m_promHttp;
    HttpClient *m_amHttp;
    HttpClient *m_healthHttp;
    PrometheusClient *m_prometheus;
    AlertmanagerClient *m_alertmanager;
    HealthClient *m_health;
    EndpointProbe *m_probe;
    QTimer *m_refresh;

    RouterTimeline m_timeline;
    std::optional<PromResult> m_states;
    std::optional<PromResult> m_durations;
    QString m_healthStatus;
    QString m_healthError;
    std::optional<std::array<int, kSeverities>> m_firing;
    QString m_alertsError;
    std::optional<double> m_availability;
    std::optional<double> m_budgetLeft;
    QString m_prometheusError;
    std::array<ProbeResult, 4> m_lights{};
    bool m_healthAnswered = false;
    bool m_prometheusAnswered = false;
    bool m_alertsAnswered = false;
};

} // namespace wf
