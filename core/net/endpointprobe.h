#pragma once

#include "domain/health.h"
#include "store/profile.h"

#include <QDateTime>
#include <QObject>

#include <array>

class QNetworkAccessManager;

namespace wf {

class HttpClient;

// How an endpoint answered its readiness probe.
struct ProbeResult
{
    enum class State { Unknown, Ready, Degraded, Down, NotConfigured };
    State state = State::Unknown;
    QString message; // what a person can act on; never contains a secret
    int httpStatus = 0;
    qint64 roundTripMs = -1;
    QDateTime checkedAt; // UTC

    Health health() const;
};

// Probes each endpoint's readiness (Prometheus and Alertmanager /-/ready, Loki /ready, the
// service's health URL) through the HTTP layer, with the profile's auth, CA file and tenant.
// Asynchronous; one probe per endpoint at a time; a new profile drops the old one's probes.
class EndpointProbe : public QObject
{
    Q_OBJECT
public:
    EndpointProbe(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~EndpointProbe() override;

    void setProfile(const Profile &profile);
    void setTimeoutMs(int ms);
    void probe(Endpoint endpoint);
    void probeAll();

    static QString probePath(Endpoint endpoint);
    // The health endpoint's own verdict ("Healthy", "Degraded", "Unhealthy") as a probe result:
    // Ready when healthy, else Degraded (it answered). For the probe and for the 4 Hz health polls.
    static ProbeResult healthReported(const QString &status, int httpStatus, qint64 roundTripMs, const QDateTime &checkedAt);

signals:
    void probed(wf::Endpoint endpoint, const wf::ProbeResult &result);

private:
    void probeReplicas(Endpoint endpoint);

    Profile m_profile;
    std::array<HttpClient *, 4> m_clients{};
    std::array<bool, 4> m_busy{};
};

} // namespace wf

Q_DECLARE_METATYPE(wf::ProbeResult)
