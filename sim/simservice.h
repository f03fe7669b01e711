#pragma once

#include "faults.h"
#include "router.h"
#include "simlog.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <functional>
#include <map>
#include <memory>
#include <random>
#include <vector>

class QTimer;

namespace sim {

struct SimOptions
{
    int symbols = 50;
    quint64 seed = 0; // 0: a random seed
    QString environment = QStringLiteral("demo");
    // The "configuration" holds a fake Alpaca key so that tests can prove no secret reaches a log.
    QString alpacaKeyId = QStringLiteral("PKSIMULATED7H2M4Q9X1Z8W");
    QString alpacaSecret = QStringLiteral("sim9f3Qx7LmT2vB8nR4cW6yZ1hJ5dA0pE");
    double staleAfterSeconds = 5;
    double hysteresisSeconds = 5;
    int tickMs = 100;
    // When the service started (invalid: now); earlier when it first lives through the past
    // (replay), so that its first log lines are dated before the replayed ones.
    QDateTime startedAt;
    // The past before this run (history.h): the uptime percentage counts it in.
    double baselineTotalSeconds = 0;
    double baselineDownSeconds = 0;
};

// The simulated MyTrader Alpaca streaming service: market data at Poisson rates per symbol, the
// Alpaca connection, the data-source router, validation and the circuit breaker, all reflected in
// the metrics of shared/design/METRICS.md, the health body and the log. Time advances in steps
// (advance()), driven by a timer in the executable and by hand in tests.
class SimService : public QObject
{
    Q_OBJECT
public:
    enum class AlpacaState { Connected, Connecting, Disconnected, Reconnecting, AuthFailed };

    SimService(const SimOptions &options, SimLog *log, QObject *parent = nullptr);
    ~SimService() override;

    void start(); // advances with the wall clock every tick
    void advance(double dtSeconds, const QDateTime &now);
    // Lives through [from, to] before start(), in ticks of tickSeconds, its log lines dated then;
    // sample(t) is called every sampleSeconds of that time (after `from`) with the metrics as
    // they stood. The same seed and times give the same past and leave the same counters.
    void replay(const QDateTime &from, const QDateTime &to, double tickSeconds, double sampleSeconds,
                const std::function<void(const QDateTime &)> &sample = {});
    std::vector<prometheus::MetricFamily> collect() const { return m_registry->Collect(); }

    // The drill API.
    void inject(FaultKind kind, double durationSeconds, const QDateTime &now);
    // The symbol the price_spike drill moves (empty: one at random each time).
    void setSpikeSymbol(const QString &symbol) { m_spikeSymbol = symbol; }
    bool hasSymbol(const QString &symbol) const;
    int clearFaults(const QDateTime &now);
    const FaultBoard &faults() const { return m_faults; }

    QByteArray metricsText() const;             // Prometheus text format 0.0.4
    int healthStatus() const;                   // 200 or 503
    QByteArray healthJson(const QDateTime &now) const;

    RouterState routerState() const { return m_router.state(); }
    AlpacaState alpacaState() const { return m_alpaca; }
    static QString alpacaStateName(AlpacaState state);
    QString healthStatusName() const; // Healthy, Degraded, Unhealthy
    double uptimePercent() const;      // over the baseline history and this run
    const QStringList &symbols() const { return m_symbolNames; }
    quint64 seed() const { return m_seed; }
    qint64 messagesTotal() const { return m_messagesTotal; }
    double elapsedSeconds() const { return m_elapsed; }
    SimLog *log() const { return m_log; }

private:
    struct Symbol
    {
        QString name;
        double price = 100;
        double yahooPrice = 100;
        double tradeRate = 1; // per second
        double quoteRate = 2;
        double spike = 1;     // price multiplier while a price spike fault is on
        double lastBarMinute = -1;
        prometheus::Counter *trades = nullptr;
        prometheus::Counter *quotes = nullptr;
        prometheus::Counter *bars = nullptr;
        prometheus::Histogram *latency = nullptr;
        prometheus::Gauge *delta = nullptr;
    };

    void buildMetrics();
    void stepAlpaca(double dt, const QDateTime &now);
    void setAlpaca(AlpacaState state);
    QString alpacaFailure(double now) const;
    void stepMarket(double dt, const QDateTime &now);
    void receive(Symbol &s, prometheus::Counter *counter, double count, const QDateTime &now);
    void stepRouter(double dt, const QDateTime &now);
    void spikeSymbol();
    QString m_spikeSymbol;
    double lognormal(double median, double sigma);
    int poisson(double mean);

    SimOptions m_options;
    SimLog *m_log;
    quint64 m_seed;
    std::mt19937_64 m_rng;
    std::shared_ptr<prometheus::Registry> m_registry;
    std::vector<Symbol> m_symbols;
    QStringList m_symbolNames;
    FaultBoard m_faults;
    Router m_router;
    QTimer *m_timer = nullptr;
    QDateTime m_lastTick;

    double m_elapsed = 0; // seconds since start (the router's clock)
    AlpacaState m_alpaca = AlpacaState::Connecting;
    bool m_authenticated = false;
    int m_reconnectAttempts = 0;
    double m_nextAttemptAt = 0;
    double m_connectedAt = 0.5; // the first connect takes half a second
    double m_lastMessageAt = 0;
    QDateTime m_lastMessageTime;
    double m_failureDetectedAt = -1;
    double m_nextSpikeAt = 0;
    double m_nextStatsAt = 10;
    qint64 m_messagesTotal = 0;
    qint64 m_messagesSinceStats = 0;
    std::map<QString, int> m_validationSinceLog;
    double m_nextValidationLogAt = 0;
    QDateTime m_lastTransitionAt;
    QString m_lastTransitionReason;

    prometheus::Family<prometheus::Gauge> *m_connectionFamily = nullptr;
    prometheus::Gauge *m_connection = nullptr;
    prometheus::Gauge *m_auth = nullptr;
    prometheus::Family<prometheus::Counter> *m_messagesFamily = nullptr;
    prometheus::Counter *m_statusMessages = nullptr;
    std::map<QString, prometheus::Counter *> m_errors;
    prometheus::Histogram *m_processing = nullptr;
    prometheus::Family<prometheus::Gauge> *m_stateFamily = nullptr;
    prometheus::Gauge *m_state = nullptr;
    std::map<RouterState, prometheus::Counter *> m_stateDuration;
    prometheus::Counter *m_failovers = nullptr;
    prometheus::Histogram *m_recovery = nullptr;
    prometheus::Gauge *m_uptime = nullptr;
    prometheus::Gauge *m_subscribed = nullptr;
    std::map<QString, prometheus::Counter *> m_validation;
    prometheus::Family<prometheus::Counter> *m_breakerFamily = nullptr;
};

} // namespace sim
