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

    static QString formatTime(const QDateTime &time); // Unix seconds with milliseconds

private:
    template <typename T>
    RequestId call(HttpRequest request, QObject *context, Callback<T> done, Result<T> (*parse)(const QByteArray &));

    HttpClient *m_http;
};

} // namespace wf
