#pragma once

#include "domain/health.h"
#include "store/profile.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <array>

class QNetworkAccessManager;
class QNetworkReply;

namespace wf {

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
// service's health URL) with the profile's auth, CA file and tenant. Asynchronous; a newer probe
// of an endpoint aborts the one still in flight. The full clients (issue: data sources) reuse
// the same request setup.
class EndpointProbe : public QObject
{
    Q_OBJECT
public:
    EndpointProbe(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~EndpointProbe() override;

    void setProfile(const Profile &profile);
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void probe(Endpoint endpoint);
    void probeAll();

    static QUrl probeUrl(Endpoint endpoint, const QUrl &base);

signals:
    void probed(wf::Endpoint endpoint, const wf::ProbeResult &result);

private:
    void abortAll();
    void finish(Endpoint endpoint, QNetworkReply *reply, qint64 startedMs);

    QNetworkAccessManager *m_network;
    Profile m_profile;
    int m_timeoutMs = 5000;
    std::array<QPointer<QNetworkReply>, 4> m_inFlight;
};

} // namespace wf

Q_DECLARE_METATYPE(wf::ProbeResult)
