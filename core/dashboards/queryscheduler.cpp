#include "queryscheduler.h"

#include "sources/prometheus/prometheusclient.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <algorithm>

namespace wf {

RequestId PrometheusTransport::send(const QueryKey &key, QObject *context, Done done)
{
    if (key.instant)
        return m_client->query(key.expr, QDateTime::fromSecsSinceEpoch(key.end, Qt::UTC), context,
                               std::move(done));
    return m_client->queryRange(key.expr, QDateTime::fromSecsSinceEpoch(key.start, Qt::UTC),
                                QDateTime::fromSecsSinceEpoch(key.end, Qt::UTC), double(key.step), context,
                                std::move(done));
}

void PrometheusTransport::cancel(RequestId id)
{
    m_client->cancel(id);
}

QueryScheduler::QueryScheduler(QueryTransport *transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{
    m_clock.start();
}

QueryScheduler::~QueryScheduler()
{
    for (const auto &flight : std::as_const(m_flights))
        if (flight.id != 0)
            m_transport->cancel(flight.id);
}

void QueryScheduler::setBackoff(int firstMs, int maxMs)
{
    m_firstBackoffMs = std::max(1, firstMs);
    m_maxBackoffMs = std::max(m_firstBackoffMs, maxMs);
}

void QueryScheduler::refresh(QObject *owner, const QList<QueryKey> &keys, Delivery deliver)
{
    if (!m_generation.contains(owner))
        connect(owner, &QObject::destroyed, this, [this, owner] {
            forget(owner);
            m_generation.remove(owner);
            m_inactive.remove(owner);
        });
    if (m_inactive.contains(owner)) {
        m_deferred.insert(owner, {keys, std::move(deliver)});
        return;
    }
    m_deferred.remove(owner);
    forget(owner); // the older refresh is superseded
    const auto generation = ++m_generation[owner];

    QList<QueryKey> distinct;
    for (const auto &key : keys)
        if (!distinct.contains(key))
            distinct.append(key);

    if (isBackingOff()) {
        const auto error = backoffError();
        m_stats.refused += int(distinct.size());
        for (const auto &key : distinct)
            deliver(key, error);
        emit finished(owner);
        return;
    }
    for (const auto &key : distinct) {
        auto it = m_flights.find(key);
        if (it != m_flights.end()) {
            ++m_stats.shared;
        } else {
            it = m_flights.insert(key, Flight{});
            m_queue.push_back(key);
        }
        it->waiters.append(Waiter{owner, generation, deliver});
    }
    if (distinct.isEmpty())
        emit finished(owner);
    pump();
}

void QueryScheduler::setActive(QObject *owner, bool active)
{
    if (!active) {
        m_inactive.insert(owner);
        return;
    }
    m_inactive.remove(owner);
    const auto deferred = m_deferred.take(owner);
    if (deferred.second)
        refresh(owner, deferred.first, deferred.second);
}

void QueryScheduler::forget(QObject *owner)
{
    for (auto it = m_flights.begin(); it != m_flights.end();) {
        auto &waiters = it->waiters;
        waiters.removeIf([owner](const Waiter &w) { return w.owner == owner; });
        if (!waiters.isEmpty()) {
            ++it;
            continue;
        }
        if (it->id != 0) {
            m_transport->cancel(it->id);
            --m_running;
        } else {
            m_queue.erase(std::remove(m_queue.begin(), m_queue.end(), it.key()), m_queue.end());
        }
        ++m_stats.cancelled;
        it = m_flights.erase(it);
    }
    pump();
}

int QueryScheduler::waiting(QObject *owner) const
{
    int count = 0;
    for (const auto &flight : m_flights)
        for (const auto &w : flight.waiters)
            if (w.owner == owner)
                ++count;
    return count;
}

bool QueryScheduler::isBackingOff() const
{
    return m_failures > 0 && m_clock.elapsed() < m_backoffUntilMs;
}

Error QueryScheduler::backoffError() const
{
    auto error = m_lastError;
    const auto seconds = std::max<qint64>(1, (m_backoffUntilMs - m_clock.elapsed() + 999) / 1000);
    error.message = QCoreApplication::translate("wf::QueryScheduler", "%1 Next try in %n s.", nullptr, int(seconds))
                        .arg(m_lastError.message);
    return error;
}

void QueryScheduler::pump()
{
    while (m_running < m_maxInFlight && !m_queue.empty()) {
        const auto key = m_queue.front();
        m_queue.pop_front();
        if (!m_flights.contains(key))
            continue;
        ++m_running;
        ++m_stats.sent;
        const auto id = m_transport->send(key, this, [this, key](const Result<PromResult> &result) { complete(key, result); });
        // A transport may answer at once (from a cache, or a refusal): then the flight is gone.
        if (auto it = m_flights.find(key); it != m_flights.end())
            it->id = id;
    }
}

std::optional<Error> QueryScheduler::outage() const
{
    return m_failures > 0 ? std::optional<Error>(m_lastError) : std::nullopt;
}

qint64 QueryScheduler::nextTryInMs() const
{
    return m_failures > 0 ? std::max<qint64>(0, m_backoffUntilMs - m_clock.elapsed()) : 0;
}

void QueryScheduler::retryNow()
{
    if (m_failures == 0)
        return;
    m_failures = 0;
    m_backoffUntilMs = 0;
    emit outageChanged();
}

void QueryScheduler::noteOutcome(const Result<PromResult> &result)
{
    if (result.ok()) {
        if (m_failures > 0) {
            m_failures = 0;
            emit outageChanged();
        }
        return;
    }
    const auto &e = result.error();
    const bool serverTrouble = e.kind == Error::Kind::Network || e.kind == Error::Kind::Timeout ||
                               e.kind == Error::Kind::Tls || e.httpStatus >= 500;
    if (!serverTrouble)
        return;
    m_lastError = e;
    // The requests of one refresh fail together: one failed round, not one per request (sixteen
    // panels failing at once had the backoff at its minute straight away).
    if (isBackingOff())
        return;
    ++m_failures;
    m_lastError = e;
    if (m_failures == 1)
        emit outageChanged();
    const auto delay = std::min<qint64>(qint64(m_firstBackoffMs) << std::min(m_failures - 1, 16), m_maxBackoffMs);
    m_backoffUntilMs = m_clock.elapsed() + delay;
}

void QueryScheduler::complete(const QueryKey &key, const Result<PromResult> &result)
{
    auto it = m_flights.find(key);
    if (it == m_flights.end())
        return; // cancelled meanwhile
    const auto waiters = it->waiters;
    m_flights.erase(it);
    --m_running;
    noteOutcome(result);

    QList<QObject *> owners;
    for (const auto &w : waiters) {
        if (m_generation.value(w.owner) != w.generation)
            continue;
        w.deliver(key, result);
        if (!owners.contains(w.owner))
            owners.append(w.owner);
    }
    for (auto *owner : owners)
        checkFinished(owner);
    pump();
}

void QueryScheduler::checkFinished(QObject *owner)
{
    if (waiting(owner) == 0)
        emit finished(owner);
}

} // namespace wf
