#include "endpointprobe.h"

#include "httpclient.h"
#include "telemetry/logging.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace wf {

Health ProbeResult::health() const
{
    switch (state) {
    case State::Ready: return Health::Good;
    case State::Degraded: return Health::Warning;
    case State::Down: return Health::Bad;
    case State::Unknown:
    case State::NotConfigured: return Health::Unknown;
    }
    return Health::Unknown;
}

EndpointProbe::EndpointProbe(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<wf::ProbeResult>();
    for (const auto e : kAllEndpoints) {
        auto *client = new HttpClient(network, e, this);
        auto options = client->options();
        options.maxRetries = 0; // a light shows what is, now; the next probe is the retry
        options.totalTimeoutMs = 5000;
        options.connectTimeoutMs = 5000;
        options.maxInFlight = 4; // one probe at a time (m_busy); a Prometheus HA pair's replicas at once
        client->setOptions(options);
        m_clients[std::size_t(e)] = client;
    }
}

EndpointProbe::~EndpointProbe() = default;

void EndpointProbe::setProfile(const Profile &profile)
{
    m_profile = profile;
    for (const auto e : kAllEndpoints) {
        m_clients[std::size_t(e)]->setProfile(profile); // cancels the old profile's probes
        m_busy[std::size_t(e)] = false;
    }
}

void EndpointProbe::setTimeoutMs(int ms)
{
    for (auto *client : m_clients) {
        auto options = client->options();
        options.totalTimeoutMs = ms;
        options.connectTimeoutMs = ms;
        client->setOptions(options);
    }
}

QString EndpointProbe::probePath(Endpoint endpoint)
{
    switch (endpoint) {
    case Endpoint::Prometheus:
    case Endpoint::Alertmanager: return QStringLiteral("/-/ready");
    case Endpoint::Loki: return QStringLiteral("/ready");
    case Endpoint::Health: return {}; // the URL itself
    }
    return {};
}

void EndpointProbe::probeAll()
{
    for (const auto e : kAllEndpoints)
        probe(e);
}

ProbeResult EndpointProbe::healthReported(const QString &status, int httpStatus, qint64 roundTripMs, const QDateTime &checkedAt)
{
    ProbeResult r;
    r.state = status == u"Healthy" ? ProbeResult::State::Ready : ProbeResult::State::Degraded;
    r.httpStatus = httpStatus;
    r.roundTripMs = roundTripMs;
    r.checkedAt = checkedAt;
    r.message = tr("Service reports %1 (HTTP %2, %3 ms).").arg(status).arg(httpStatus).arg(roundTripMs);
    return r;
}

void EndpointProbe::probe(Endpoint endpoint)
{
    const auto index = std::size_t(endpoint);
    if (m_profile.endpoint(endpoint).url.isEmpty()) {
        ProbeResult r;
        r.state = ProbeResult::State::NotConfigured;
        r.message = tr("Not configured in this profile.");
        r.checkedAt = QDateTime::currentDateTimeUtc();
        emit probed(endpoint, r);
        return;
    }
    if (m_busy[index])
        return; // the previous probe is still waiting: its answer (or timeout) comes first
    m_busy[index] = true;
    if (m_clients[index]->replicaCount() > 1) {
        probeReplicas(endpoint);
        return;
    }
    HttpRequest request;
    request.path = probePath(endpoint);
    const auto started = QDateTime::currentMSecsSinceEpoch();
    m_clients[index]->send(request, this, [this, endpoint, index, started](const Result<HttpResponse> &response) {
        m_busy[index] = false;
        ProbeResult r;
        r.checkedAt = QDateTime::currentDateTimeUtc();
        r.roundTripMs = r.checkedAt.toMSecsSinceEpoch() - started;
        r.httpStatus = response ? response->status : response.error().httpStatus;
        const auto body = response ? response->body : response.error().body;
        // The health endpoint answers 503 with a valid body when the service is unhealthy: that is data.
        const auto status = endpoint == Endpoint::Health
            ? QJsonDocument::fromJson(body).object().value(QStringLiteral("status")).toString()
            : QString();
        if (!status.isEmpty()) {
            r = healthReported(status, r.httpStatus, r.roundTripMs, r.checkedAt);
        } else if (response) {
            r.state = ProbeResult::State::Ready;
            // VictoriaMetrics in Prometheus' place says so in its readiness answer: the light names it.
            r.message = endpoint == Endpoint::Prometheus && response->body.contains("VictoriaMetrics")
                ? tr("VictoriaMetrics ready (%1 ms).").arg(r.roundTripMs)
                : tr("Ready (%1 ms).").arg(r.roundTripMs);
        } else if (r.httpStatus == 503) {
            r.state = ProbeResult::State::Degraded;
            r.message = tr("Reachable but not ready yet (HTTP 503).");
        } else {
            r.state = ProbeResult::State::Down;
            r.message = response.error().message;
        }
        logging::get("net")->debug("probe endpoint={} status={} rtt_ms={} state={}",
                                   endpointKey(endpoint).toStdString(), r.httpStatus, r.roundTripMs, int(r.state));
        emit probed(endpoint, r);
    });
}

void EndpointProbe::probeReplicas(Endpoint endpoint)
{
    // A Prometheus HA pair: each replica asked by itself; the light is green when all are ready,
    // amber when some are (queries go to those), red when none is.
    const auto index = std::size_t(endpoint);
    auto *client = m_clients[index];
    struct Round
    {
        int waiting = 0;
        int ready = 0;
        QStringList silent; // "URL: why"
        qint64 slowestMs = 0;
        int lastStatus = 0;
    };
    auto round = std::make_shared<Round>();
    round->waiting = client->replicaCount();
    const auto started = QDateTime::currentMSecsSinceEpoch();
    for (int replica = 0; replica < client->replicaCount(); ++replica) {
        HttpRequest request;
        request.path = probePath(endpoint);
        request.replica = replica;
        const auto url = client->replicaUrl(replica).toDisplayString();
        client->send(request, this, [this, endpoint, index, started, round, url, count = client->replicaCount()](const Result<HttpResponse> &response) {
            const auto now = QDateTime::currentMSecsSinceEpoch();
            round->slowestMs = std::max(round->slowestMs, now - started);
            if (response) {
                ++round->ready;
                round->lastStatus = response->status;
            } else {
                round->silent.append(tr("%1: %2").arg(url, response.error().httpStatus == 503
                                                               ? tr("reachable but not ready yet (HTTP 503).")
                                                               : response.error().message));
            }
            if (--round->waiting > 0)
                return;
            m_busy[index] = false;
            ProbeResult r;
            r.checkedAt = QDateTime::currentDateTimeUtc();
            r.roundTripMs = round->slowestMs;
            r.httpStatus = round->lastStatus;
            if (round->ready == count) {
                r.state = ProbeResult::State::Ready;
                r.message = tr("All %1 replicas ready (%2 ms).").arg(count).arg(r.roundTripMs);
            } else if (round->ready > 0) {
                r.state = ProbeResult::State::Degraded;
                r.message = tr("%1 of %2 replicas ready; queries go to the others. Not answering:\n%3")
                                .arg(round->ready)
                                .arg(count)
                                .arg(round->silent.join(u'\n'));
            } else {
                r.state = ProbeResult::State::Down;
                r.message = tr("No replica answers:\n%1").arg(round->silent.join(u'\n'));
            }
            emit probed(endpoint, r);
        });
    }
}

} // namespace wf
