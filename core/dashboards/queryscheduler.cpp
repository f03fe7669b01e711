#include "queryscheduler.h"

#include "sources/loki/lokiclient.h"
#include "sources/prometheus/prometheusclient.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace wf {

namespace {

// Loki leaves out the steps of a metric query where no line fell in the window: there were none
// (0 lines, 0 bytes, a rate of 0). Drawn as gaps, a stacked chart of log counts breaks apart.
void fillMissingSteps(Series *series, const QueryKey &key)
{
    std::vector<Sample> filled;
    std::size_t i = 0;
    for (qint64 t = key.start; t <= key.end; t += key.step) {
        while (i < series->samples.size() && series->samples[i].time < double(t) - 0.0005)
            filled.push_back(series->samples[i++]); // off the grid (none from Loki): kept as it came
        if (i < series->samples.size() && std::abs(series->samples[i].time - double(t)) <= 0.0005)
            filled.push_back(series->samples[i++]);
        else
            filled.push_back({double(t), 0});
    }
    while (i < series->samples.size())
        filled.push_back(series->samples[i++]);
    series->samples = std::move(filled);
}

} // namespace

RequestId PrometheusTransport::send(const QueryKey &key, QObject *context, Done done)
{
    const auto ours = m_next++;
    m_sent.insert(ours, {key.loki, 0});
    auto finish = [this, ours, done = std::move(done)](const Result<PromResult> &result) {
        m_sent.remove(ours);
        done(result);
    };
    RequestId id = 0;
    if (key.loki && !m_loki) {
        finish(Error::make(Error::Kind::NotConfigured, QCoreApplication::translate("wf::QueryScheduler", "No Loki to ask.")));
        return ours;
    }
    if (key.loki) {
        auto converted = [finish, key](const Result<LokiResult> &result) {
            if (!result) {
                finish(result.error());
                return;
            }
            PromResult out;
            out.type = result->type == LokiResult::Type::Vector ? PromResult::Type::Vector
                     : result->type == LokiResult::Type::Scalar ? PromResult::Type::Scalar
                                                                : PromResult::Type::Matrix;
            if (key.limit > 0 && result->type == LokiResult::Type::Streams) {
                out.type = PromResult::Type::String;
                for (const auto &stream : result->streams)
                    for (const auto &entry : stream.entries)
                        out.lines.push_back({stream.labels, entry.ns, entry.line});
                std::stable_sort(out.lines.begin(), out.lines.end(), [](const auto &a, const auto &b) { return a.ns > b.ns; });
                if (out.lines.size() > std::size_t(key.limit))
                    out.lines.resize(std::size_t(key.limit));
                finish(out);
                return;
            }
            if (key.limit > 0) {
                finish(Error::make(Error::Kind::Parse, QCoreApplication::translate(
                                                           "wf::QueryScheduler", "Loki answered with numbers: a logs panel needs a log "
                                                                                 "query such as {app=\"mytrader-api\"} |= \"error\".")));
                return;
            }
            if (result->type == LokiResult::Type::Streams) {
                finish(Error::make(Error::Kind::Parse, QCoreApplication::translate(
                                                           "wf::QueryScheduler", "Loki answered with log lines: a panel needs a metric "
                                                                                 "query such as count_over_time({…}[1m]).")));
                return;
            }
            out.series = result->series;
            out.scalar = result->scalar;
            if (!key.instant && key.step > 0)
                for (auto &series : out.series)
                    fillMissingSteps(&series, key);
            finish(out);
        };
        if (key.instant) {
            id = m_loki->query(key.expr, key.end * 1'000'000'000, context, std::move(converted));
        } else {
            LokiQuery q;
            q.logql = key.expr;
            q.startNs = key.start * 1'000'000'000;
            q.endNs = key.end * 1'000'000'000;
            q.stepSeconds = double(key.step);
            if (key.limit > 0) {
                q.limit = key.limit;
                q.stepSeconds = 0;
            }
            id = m_loki->queryRange(q, context, std::move(converted));
        }
    } else if (key.instant) {
        id = m_client->query(key.expr, QDateTime::fromSecsSinceEpoch(key.end, Qt::UTC), context, std::move(finish));
    } else {
        id = m_client->queryRange(key.expr, QDateTime::fromSecsSinceEpoch(key.start, Qt::UTC),
                                  QDateTime::fromSecsSinceEpoch(key.end, Qt::UTC), double(key.step), context,
                                  std::move(finish));
    }
    if (auto it = m_sent.find(ours); it != m_sent.end()) // not answered at once
        it->id = id;
    return ours;
}

void PrometheusTransport::cancel(RequestId id)
{
    const auto sent = m_sent.take(id);
    if (sent.id == 0)
        return;
    if (sent.loki)
        m_loki->cancel(sent.id);
    else
        m_client->cancel(sent.id);
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
        // Prometheus' keys wait out its backoff; Loki's go on (Loki's outage is its own).
        const auto error = backoffError();
        QList<QueryKey> loki;
        for (const auto &key : std::as_const(distinct)) {
            if (key.loki) {
                loki.append(key);
                continue;
            }
            ++m_stats.refused;
            deliver(key, error);
        }
        distinct = loki;
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
    if (!key.loki)
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
