#pragma once

#include "healthreport.h"
#include "net/httpclient.h"

#include <QDateTime>
#include <QObject>

class QTimer;

namespace wf {

// One poll of the health endpoint: the report (a 503 with a valid body is a report of an unhealthy
// service, not an error), or the error; with the round trip and when it was received.
struct HealthSample
{
    Result<HealthReport> report = Error{};
    int httpStatus = 0;
    qint64 roundTripMs = 0;
    QDateTime receivedAt;
};

// Polls the service's health endpoint (default every second). A poll never overlaps the previous
// one: when the service is slower than the interval, ticks are skipped, not queued.
// It sets its HttpClient to no retries and short timeouts: give it a client of its own.
class HealthClient : public QObject
{
    Q_OBJECT
public:
    explicit HealthClient(HttpClient *http, QObject *parent = nullptr);

    void setIntervalMs(int ms);
    int intervalMs() const;
    void start();  // polls now, then every interval
    void stop();
    bool isRunning() const;
    void pollNow(); // one poll, running or not (ignored while one is in flight)

    const HealthSample &last() const { return m_last; }
    bool hasSample() const { return m_last.receivedAt.isValid(); }

signals:
    void sampled(const wf::HealthSample &sample);

private:
    HttpClient *m_http;
    QTimer *m_timer;
    RequestId m_inFlight = 0;
    HealthSample m_last;
};

} // namespace wf
