#pragma once

#include "queryplan.h"
#include "net/httpclient.h"
#include "sources/prometheus/promresult.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>

#include <optional>

#include <deque>
#include <functional>

namespace wf {

class LokiClient;
class PrometheusClient;

// How the scheduler reaches Prometheus; tests count requests through a fake one.
class QueryTransport
{
public:
    using Done = std::function<void(const Result<PromResult> &)>;
    virtual ~QueryTransport() = default;
    // Answers by done, once, unless cancelled.
    virtual RequestId send(const QueryKey &key, QObject *context, Done done) = 0;
    virtual void cancel(RequestId id) = 0;
};

// Prometheus for PromQL keys; Loki for LogQL metric keys (QueryKey::loki), its matrix and vector
// answers in the same shape as Prometheus' so that every panel type draws them.
class PrometheusTransport : public QueryTransport
{
public:
    explicit PrometheusTransport(PrometheusClient *client, LokiClient *loki = nullptr)
        : m_client(client)
        , m_loki(loki)
    {
    }
    RequestId send(const QueryKey &key, QObject *context, Done done) override;
    void cancel(RequestId id) override;

private:
    struct Sent
    {
        bool loki = false;
        RequestId id = 0;
    };
    PrometheusClient *m_client;
    LokiClient *m_loki;
    QHash<RequestId, Sent> m_sent; // ours → the client's (the two clients count apart)
    RequestId m_next = 1;
};

// Runs the dashboards' queries (shared/design/ARCHITECTURE.md, "One request per distinct query"):
// identical keys run once however many panels ask; a view's newer refresh cancels what its older
// one still waits for; at most maxInFlight requests at a time; only active (visible) views run —
// a hidden view's refresh waits until it is shown; when Prometheus fails (down, timeout, 5xx) the
// scheduler backs off (1 s doubling to 60 s) and answers with the error meanwhile, so panels keep
// their last good data, marked stale.
class QueryScheduler : public QObject
{
    Q_OBJECT
public:
    using Delivery = std::function<void(const QueryKey &, const Result<PromResult> &)>;

    struct Stats
    {
        int sent = 0;      // requests that went to the transport
        int shared = 0;    // keys answered by a request another panel or view had asked for
        int cancelled = 0; // requests superseded by a newer refresh
        int refused = 0;   // keys answered with the error during a backoff
    };

    explicit QueryScheduler(QueryTransport *transport, QObject *parent = nullptr);
    ~QueryScheduler() override;

    void setMaxInFlight(int requests) { m_maxInFlight = std::max(1, requests); }
    void setBackoff(int firstMs, int maxMs);

    // One refresh of one owner (a view). deliver is called once per distinct key, on this thread.
    void refresh(QObject *owner, const QList<QueryKey> &keys, Delivery deliver);
    // Inactive owners' refreshes wait (the newest one only) until they are active again.
    void setActive(QObject *owner, bool active);
    bool isActive(QObject *owner) const { return !m_inactive.contains(owner); }
    // Cancels everything the owner waits for.
    void forget(QObject *owner);

    bool isBackingOff() const;
    // While Prometheus fails (down, timeout, 5xx): its error, and how soon the next try goes.
    std::optional<Error> outage() const;
    qint64 nextTryInMs() const;
    // Ends the backoff now (Retry now, or Prometheus' readiness probe answered again).
    void retryNow();
    int inFlight() const { return m_running; }
    int waiting(QObject *owner) const;
    Stats stats() const { return m_stats; }

signals:
    // The owner has nothing left in flight for its newest refresh.
    void finished(QObject *owner);
    // Prometheus began failing, or answered again.
    void outageChanged();

private:
    struct Waiter
    {
        QObject *owner = nullptr;
        quint64 generation = 0;
        Delivery deliver;
    };
    struct Flight
    {
        RequestId id = 0; // 0 while queued
        QList<Waiter> waiters;
    };

    void pump();
    void complete(const QueryKey &key, const Result<PromResult> &result);
    void noteOutcome(const Result<PromResult> &result);
    Error backoffError() const;
    void checkFinished(QObject *owner);

    QueryTransport *m_transport;
    QHash<QueryKey, Flight> m_flights;
    std::deque<QueryKey> m_queue;
    QHash<QObject *, quint64> m_generation;
    QHash<QObject *, std::pair<QList<QueryKey>, Delivery>> m_deferred;
    QSet<QObject *> m_inactive;
    int m_running = 0;
    int m_maxInFlight = 6;
    int m_firstBackoffMs = 1000;
    int m_maxBackoffMs = 60'000;
    int m_failures = 0;
    QElapsedTimer m_clock;
    qint64 m_backoffUntilMs = 0;
    Error m_lastError;
    Stats m_stats;
};

} // namespace wf
