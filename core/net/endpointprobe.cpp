#include "endpointprobe.h"

#include "requestsetup.h"
#include "telemetry/logging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

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
    , m_network(network)
{
    qRegisterMetaType<wf::ProbeResult>();
    qRegisterMetaType<wf::Endpoint>();
}

EndpointProbe::~EndpointProbe()
{
    abortAll();
}

void EndpointProbe::abortAll()
{
    for (auto &reply : m_inFlight) {
        if (reply) {
            reply->disconnect(this); // its answer belongs to the old settings: nobody wants it
            reply->abort();
            reply->deleteLater();
        }
        reply = nullptr;
    }
}

void EndpointProbe::setProfile(const Profile &profile)
{
    abortAll();
    m_profile = profile;
}

QUrl EndpointProbe::probeUrl(Endpoint endpoint, const QUrl &base)
{
    if (endpoint == Endpoint::Health)
        return base;
    QUrl url = base;
    auto path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + (endpoint == Endpoint::Loki ? QStringLiteral("/ready") : QStringLiteral("/-/ready")));
    return url;
}

void EndpointProbe::probeAll()
{
    for (const auto e : kAllEndpoints)
        probe(e);
}

void EndpointProbe::probe(Endpoint endpoint)
{
    const auto &config = m_profile.endpoint(endpoint);
    if (config.url.isEmpty()) {
        ProbeResult r;
        r.state = ProbeResult::State::NotConfigured;
        r.message = tr("Not configured in this profile.");
        r.checkedAt = QDateTime::currentDateTimeUtc();
        emit probed(endpoint, r);
        return;
    }
    auto &slot = m_inFlight[std::size_t(endpoint)];
    if (slot) {
        // A probe still waiting means the previous one is slow; let it finish rather than restart the wait.
        return;
    }
    const auto url = probeUrl(endpoint, config.url);
    auto *reply = m_network->get(makeRequest(url, config, m_profile, endpoint, m_timeoutMs));
    slot = reply;
    const auto started = QDateTime::currentMSecsSinceEpoch();
    connect(reply, &QNetworkReply::finished, this, [this, endpoint, reply, started] { finish(endpoint, reply, started); });
}

void EndpointProbe::finish(Endpoint endpoint, QNetworkReply *reply, qint64 startedMs)
{
    reply->deleteLater();
    m_inFlight[std::size_t(endpoint)] = nullptr;
    ProbeResult r;
    r.checkedAt = QDateTime::currentDateTimeUtc();
    r.roundTripMs = QDateTime::currentMSecsSinceEpoch() - startedMs;
    r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const auto body = reply->readAll();

    if (endpoint == Endpoint::Health && r.httpStatus != 0) {
        // The health endpoint answers 503 with a valid body when the service is unhealthy: that is data.
        const auto json = QJsonDocument::fromJson(body).object();
        const auto status = json.value(QStringLiteral("status")).toString();
        if (!status.isEmpty()) {
            r.state = status == u"Healthy" ? ProbeResult::State::Ready : ProbeResult::State::Degraded;
            r.message = tr("Service reports %1 (HTTP %2, %3 ms).").arg(status).arg(r.httpStatus).arg(r.roundTripMs);
            emit probed(endpoint, r);
            return;
        }
    }
    if (reply->error() == QNetworkReply::NoError) {
        r.state = ProbeResult::State::Ready;
        r.message = tr("Ready (%1 ms).").arg(r.roundTripMs);
    } else if (r.httpStatus == 503) {
        r.state = ProbeResult::State::Degraded;
        r.message = tr("Reachable but not ready yet (HTTP 503).");
    } else {
        r.state = ProbeResult::State::Down;
        r.message = r.httpStatus >= 500
            ? tr("Server error HTTP %1 from %2.").arg(r.httpStatus).arg(reply->url().adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toString())
            : describeNetworkError(reply->error(), reply->errorString(), reply->url(), m_timeoutMs);
    }
    logging::get("net")->debug("probe endpoint={} status={} rtt_ms={} state={}", endpointKey(endpoint).toStdString(),
                               r.httpStatus, r.roundTripMs, int(r.state));
    emit probed(endpoint, r);
}

} // namespace wf
