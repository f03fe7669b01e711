#pragma once

#include "net/httpclient.h"
#include "promresult.h"

#include <QObject>

#include <functional>

namespace wf {

// Prometheus' HTTP API (shared/reference/apis.md §1). Every call answers once, by callback on the
// client's thread, with a value or a typed Error; bodies over 256 KB are parsed off the UI thread.
class PrometheusClient : public QObject
{
    Q_OBJECT
public:
    template <typename T>
    using Callback = std::function<void(const Result<T> &)>;

    static constexpr qsizetype kLongQueryBytes = 4000; // longer queries go as a POST form
    static constexpr qsizetype kParseOffThreadBytes = 256 * 1024;
    static constexpr int kFillWaitMs = 1000; // an HA pair: how long a range's answer waits for the other replica's

    explicit PrometheusClient(HttpClient *http, QObject *parent = nullptr);

    HttpClient *http() const { return m_http; }

    // time invalid: now.
    RequestId query(const QString &promql, const QDateTime &time, QObject *context, Callback<PromResult> done);
    // With replicas (an HA pair), the range is asked of each and one answer's holes are filled
    // from the others' points (PromResult::filledFrom); cancel(id) drops the answer.
    RequestId queryRange(const QString &promql, const QDateTime &start, const QDateTime &end, double stepSeconds,
                         QObject *context, Callback<PromResult> done);
    RequestId series(const QStringList &match, const QDateTime &start, const QDateTime &end, QObject *context,
                     Callback<QList<Labels>> done);
    RequestId labels(const QStringList &match, QObject *context, Callback<QStringList> done);
    RequestId labelValues(const QString &label, const QStringList &match, QObject *context,
                          Callback<QStringList> done);
    RequestId rules(QObject *context, Callback<QList<RuleGroup>> done);
    RequestId alerts(QObject *context, Callback<QList<PromAlert>> done);
    RequestId targets(QObject *context, Callback<QList<Target>> done);
    RequestId buildInfo(QObject *context, Callback<BuildInfo> done);
    RequestId ready(QObject *context, Callback<Done> done);
    void cancel(RequestId id) { m_http->cancel(id); }

    // Which server answers: detectServer() asks (its /-/ready, and VictoriaMetrics' /metrics for
    // its latency offset) once per base URL — again after 30 s when it did not answer; the owner
    // calls it when the profile is set and when the endpoint's light turns ready. Until it is
    // known to be Prometheus,
    // an instant query carries nocache=1 (VictoriaMetrics otherwise answers for now − its offset;
    // Prometheus ignores it); on VictoriaMetrics a range's held-back points (the last older one
    // repeated) are dropped and PromResult::heldBackSeconds says how long that end is.
    PromServer server() const { return m_server; }
    void detectServer();

    static QString formatTime(const QDateTime &time); // Unix seconds with milliseconds

signals:
    void serverDetected(const wf::PromServer &server);

private:
    template <typename T>
    RequestId call(HttpRequest request, QObject *context, Callback<T> done, Result<T> (*parse)(const QByteArray &));

    HttpClient *m_http;
    PromServer m_server;
    QUrl m_serverOf;           // the base URL m_server was found for
    qint64 m_detectingSince = 0; // ms; 0: not asking
    qint64 m_detectAgainAt = 0;  // ms: after a failed attempt
    static constexpr int kDetectRetryMs = 30'000;
};

} // namespace wf
