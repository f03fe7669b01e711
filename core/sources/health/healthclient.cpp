#include "healthclient.h"

#include <QElapsedTimer>
#include <QTimer>

namespace wf {

HealthClient::HealthClient(HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(1000);
    // The next poll is the retry; a poll that takes longer than a few seconds is a failure to show.
    auto options = m_http->options();
    options.maxRetries = 0;
    options.connectTimeoutMs = std::min(options.connectTimeoutMs, 3000);
    options.totalTimeoutMs = std::min(options.totalTimeoutMs, 5000);
    m_http->setOptions(options);
    connect(m_timer, &QTimer::timeout, this, &HealthClient::pollNow);
}

void HealthClient::setIntervalMs(int ms)
{
    m_timer->setInterval(std::max(100, ms));
}

int HealthClient::intervalMs() const
{
    return m_timer->interval();
}

void HealthClient::start()
{
    m_timer->start();
    pollNow();
}

void HealthClient::stop()
{
    m_timer->stop();
    if (m_inFlight)
        m_http->cancel(m_inFlight);
    m_inFlight = 0;
}

bool HealthClient::isRunning() const
{
    return m_timer->isActive();
}

void HealthClient::pollNow()
{
    if (m_inFlight)
        return;
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    HttpRequest r; // the profile's URL is the endpoint itself
    m_inFlight = m_http->send(r, this, [this, clock](const Result<HttpResponse> &response) {
        m_inFlight = 0;
        HealthSample s;
        s.roundTripMs = clock->elapsed();
        s.receivedAt = QDateTime::currentDateTimeUtc();
        if (response) {
            s.httpStatus = response->status;
            s.report = healthapi::parse(response->body);
        } else {
            const auto &error = response.error();
            s.httpStatus = error.httpStatus;
            // 503 (or any status) with a valid body is the service speaking: data, not a failure.
            auto report = error.kind == Error::Kind::HttpStatus ? healthapi::parse(error.body) : Result<HealthReport>(error);
            s.report = report ? report : Result<HealthReport>(error);
        }
        m_last = s;
        emit sampled(m_last);
    });
}

} // namespace wf
