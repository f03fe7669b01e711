#include "simservice.h"

#include "symbols.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTimer>

#include <prometheus/text_serializer.h>

#include <cmath>

namespace sim {
namespace {

using Labels = std::map<std::string, std::string>;

const char *kAlpacaContext = "MyTrader.Infrastructure.Alpaca.AlpacaStreamingService";
const char *kRouterContext = "MyTrader.Core.Services.DataSourceRouter";
const char *kValidatorContext = "MyTrader.Core.Services.MarketDataValidator";
const char *kBreakerContext = "MyTrader.Core.Services.CircuitBreaker";
const char *kFaultContext = "MyTrader.Simulator.FaultInjector";

QString ctx(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

SimService::SimService(const SimOptions &options, SimLog *log, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_log(log)
    , m_seed(options.seed ? options.seed : QRandomGenerator::global()->generate64())
    , m_rng(m_seed)
    , m_registry(std::make_shared<prometheus::Registry>())
    , m_router(options.hysteresisSeconds)
{
    const auto &tickers = knownTickers();
    const int n = std::clamp(options.symbols, 1, int(tickers.size()));
    std::uniform_real_distribution<double> price(20, 600);
    std::uniform_real_distribution<double> activity(0.2, 1.0);
    for (int i = 0; i < n; ++i) {
        Symbol s;
        s.name = tickers.at(i);
        s.price = price(m_rng);
        s.yahooPrice = s.price;
        // The most traded tickers come first: activity falls off along the list.
        const double weight = activity(m_rng) * (1.0 + 3.0 * double(n - i) / n);
        s.tradeRate = 0.6 * weight;
        s.quoteRate = 1.8 * weight;
        m_symbols.push_back(s);
        m_symbolNames << s.name;
    }
    buildMetrics();
    m_log->setReplayTime(options.startedAt);
    m_log->write(SimLog::Level::Information, ctx(kAlpacaContext),
                 QStringLiteral("Connecting to Alpaca market data stream with key {ApiKeyId} (secret {SecretKey}), {Symbols} symbols, seed {Seed}"),
                 {{QStringLiteral("ApiKeyId"), QStringLiteral("key %1").arg(m_options.alpacaKeyId)},
                  {QStringLiteral("SecretKey"), m_options.alpacaSecret},
                  {QStringLiteral("Symbols"), n},
                  {QStringLiteral("Seed"), QString::number(m_seed)}});
    m_log->write(SimLog::Level::Debug, ctx(kAlpacaContext),
                 QStringLiteral("Auth message sent: {Payload}"),
                 {{QStringLiteral("Payload"), QStringLiteral(R"({"action":"auth","key":"%1","secret":"%2"})")
                                                  .arg(m_options.alpacaKeyId, m_options.alpacaSecret)}});
    m_log->setReplayTime({});
}

SimService::~SimService() = default;

void SimService::buildMetrics()
{
    auto &reg = *m_registry;
    m_connectionFamily = &prometheus::BuildGauge()
                              .Name("alpaca_connection_status")
                              .Help("Alpaca WebSocket connection: 1 connected, 0 not; state names the connection state")
                              .Register(reg);
    m_auth = &prometheus::BuildGauge()
                  .Name("alpaca_authentication_status")
                  .Help("Alpaca authentication: 1 authenticated, 0 not")
                  .Register(reg)
                  .Add({});
    m_messagesFamily = &prometheus::BuildCounter()
                            .Name("alpaca_messages_received_total")
                            .Help("Messages received from Alpaca by type and symbol")
                            .Register(reg);
    m_statusMessages = &m_messagesFamily->Add({{"type", "status"}, {"symbol", ""}});
    auto &errors = prometheus::BuildCounter().Name("alpaca_errors_total").Help("Processing errors by type").Register(reg);
    for (const char *type : {"parse", "auth", "connection", "timeout", "validation"})
        m_errors[QString::fromLatin1(type)] = &errors.Add({{"type", type}});
    auto &latency = prometheus::BuildHistogram()
                        .Name("alpaca_message_latency_seconds")
                        .Help("End-to-end latency from Alpaca to the frontend")
                        .Register(reg);
    auto &delta = prometheus::BuildGauge()
                      .Name("datasource_router_price_delta_percent")
                      .Help("Price difference Alpaca vs Yahoo, percent")
                      .Register(reg);
    const prometheus::Histogram::BucketBoundaries latencyBuckets{0.1, 0.25, 0.5, 1, 2, 5, 10};
    for (auto &s : m_symbols) {
        const auto sym = s.name.toStdString();
        s.trades = &m_messagesFamily->Add({{"type", "trade"}, {"symbol", sym}});
        s.quotes = &m_messagesFamily->Add({{"type", "quote"}, {"symbol", sym}});
        s.bars = &m_messagesFamily->Add({{"type", "bar"}, {"symbol", sym}});
        s.latency = &latency.Add({{"symbol", sym}}, latencyBuckets);
        s.delta = &delta.Add({{"symbol", sym}});
    }
    m_processing = &prometheus::BuildHistogram()
                        .Name("alpaca_streaming_processing_duration_ms")
                        .Help("Processing time in the service, milliseconds")
                        .Register(reg)
                        .Add({}, prometheus::Histogram::BucketBoundaries{10, 25, 50, 100, 250, 500, 1000});
    m_stateFamily = &prometheus::BuildGauge()
                         .Name("datasource_router_state")
                         .Help("Current router state: 0 PRIMARY_ACTIVE, 1 FALLBACK_ACTIVE, 2 BOTH_UNAVAILABLE")
                         .Register(reg);
    m_state = &m_stateFamily->Add({{"state", "PRIMARY_ACTIVE"}});
    m_state->Set(0);
    auto &durations = prometheus::BuildCounter()
                          .Name("datasource_router_state_duration_seconds")
                          .Help("Seconds spent in each router state")
                          .Register(reg);
    for (auto st : {RouterState::PrimaryActive, RouterState::FallbackActive, RouterState::BothUnavailable})
        m_stateDuration[st] = &durations.Add({{"state", routerStateName(st).toStdString()}});
    m_failovers = &prometheus::BuildCounter()
                       .Name("datasource_router_failover_total")
                       .Help("Failover activations")
                       .Register(reg)
                       .Add({});
    m_recovery = &prometheus::BuildHistogram()
                      .Name("datasource_router_recovery_time_seconds")
                      .Help("Time from failure detected to fallback serving")
                      .Register(reg)
                      .Add({}, prometheus::Histogram::BucketBoundaries{1, 5, 10, 20, 30, 60});
    m_uptime = &prometheus::BuildGauge()
                    .Name("datasource_router_uptime_percent")
                    .Help("30-day rolling uptime percentage")
                    .Register(reg)
                    .Add({});
    m_uptime->Set(100);
    m_subscribed = &prometheus::BuildGauge()
                        .Name("alpaca_subscribed_symbols_count")
                        .Help("Symbols subscribed")
                        .Register(reg)
                        .Add({});
    auto &validation = prometheus::BuildCounter()
                           .Name("datasource_router_validation_failures_total")
                           .Help("Data validation failures by reason")
                           .Register(reg);
    for (const char *reason : {"invalid_price", "stale_timestamp", "missing_field", "negative_volume"})
        m_validation[QString::fromLatin1(reason)] = &validation.Add({{"reason", reason}});
    m_breakerFamily = &prometheus::BuildCounter()
                           .Name("datasource_router_circuit_breaker_total")
                           .Help("Circuit breaker activations by symbol and reason")
                           .Register(reg);
    // Every series exists from the start at zero, so increase() sees the first activation.
    for (const auto &s : m_symbols)
        m_breakerFamily->Add({{"symbol", s.name.toStdString()}, {"reason", "price_movement_exceeded"}});
    setAlpaca(AlpacaState::Connecting);
}

void SimService::start()
{
    if (m_timer)
        return;
    m_timer = new QTimer(this);
    m_timer->setTimerType(Qt::PreciseTimer);
    m_lastTick = QDateTime::currentDateTimeUtc();
    connect(m_timer, &QTimer::timeout, this, [this] {
        const auto now = QDateTime::currentDateTimeUtc();
        const double dt = std::clamp(m_lastTick.msecsTo(now) / 1000.0, 0.0, 5.0);
        m_lastTick = now;
        advance(dt, now);
    });
    m_timer->start(m_options.tickMs);
}

void SimService::replay(const QDateTime &from, const QDateTime &to, double tickSeconds, double sampleSeconds,
                        const std::function<void(const QDateTime &)> &sample)
{
    const qint64 tickMs = std::max<qint64>(1, qint64(tickSeconds * 1000));
    const qint64 sampleMs = std::max<qint64>(tickMs, qint64(sampleSeconds * 1000));
    const qint64 fromMs = from.toMSecsSinceEpoch();
    const qint64 toMs = to.toMSecsSinceEpoch();
    qint64 nextSample = fromMs + sampleMs; // at `from` itself stands the last sample of what came before
    for (qint64 t = fromMs; t <= toMs; t += tickMs) {
        const auto at = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
        m_log->setReplayTime(at);
        advance(t == fromMs ? 0.0 : double(tickMs) / 1000, at);
        if (sample && t >= nextSample) {
            sample(at);
            nextSample += sampleMs;
        }
    }
    m_log->setReplayTime({});
}

double SimService::lognormal(double median, double sigma)
{
    std::lognormal_distribution<double> d(std::log(median), sigma);
    return d(m_rng);
}

int SimService::poisson(double mean)
{
    if (mean <= 0)
        return 0;
    std::poisson_distribution<int> d(mean);
    return d(m_rng);
}

QString SimService::alpacaStateName(AlpacaState state)
{
    switch (state) {
    case AlpacaState::Connected: return QStringLiteral("Connected");
    case AlpacaState::Connecting: return QStringLiteral("Connecting");
    case AlpacaState::Disconnected: return QStringLiteral("Disconnected");
    case AlpacaState::Reconnecting: return QStringLiteral("Reconnecting");
    case AlpacaState::AuthFailed: return QStringLiteral("AuthFailed");
    }
    return {};
}

void SimService::setAlpaca(AlpacaState state)
{
    // Exactly one series: the current connection state.
    if (m_connection && state == m_alpaca)
        return;
    if (m_connection)
        m_connectionFamily->Remove(m_connection);
    m_alpaca = state;
    m_connection = &m_connectionFamily->Add({{"state", alpacaStateName(state).toStdString()}});
    m_connection->Set(state == AlpacaState::Connected ? 1 : 0);
    m_auth->Set(m_authenticated ? 1 : 0);
    m_subscribed->Set(state == AlpacaState::Connected ? double(m_symbols.size()) : 0);
}

bool SimService::hasSymbol(const QString &symbol) const
{
    return std::any_of(m_symbols.begin(), m_symbols.end(), [&](const auto &s) { return s.name == symbol; });
}

void SimService::inject(FaultKind kind, double durationSeconds, const QDateTime &now)
{
    m_faults.inject(kind, now, durationSeconds);
    m_log->write(SimLog::Level::Warning, ctx(kFaultContext),
                 QStringLiteral("Fault injected: {FaultKind} for {DurationSeconds}s"),
                 {{QStringLiteral("FaultKind"), faultKey(kind)}, {QStringLiteral("DurationSeconds"), durationSeconds}});
    if (kind == FaultKind::PriceSpike)
        m_nextSpikeAt = m_elapsed; // at once
    advance(0, now); // effects show in metrics and health at once, not at the next tick
}

int SimService::clearFaults(const QDateTime &now)
{
    const auto kinds = m_faults.kinds();
    const int n = m_faults.clear();
    for (auto kind : kinds)
        m_log->write(SimLog::Level::Information, ctx(kFaultContext), QStringLiteral("Fault cleared: {FaultKind}"),
                     {{QStringLiteral("FaultKind"), faultKey(kind)}});
    advance(0, now);
    return n;
}

void SimService::advance(double dt, const QDateTime &now)
{
    m_elapsed += dt;
    const auto before = m_faults.kinds();
    m_faults.expire(now);
    for (auto kind : before)
        if (!m_faults.active(kind))
            m_log->write(SimLog::Level::Information, ctx(kFaultContext), QStringLiteral("Fault ended: {FaultKind}"),
                         {{QStringLiteral("FaultKind"), faultKey(kind)}});
    stepAlpaca(dt, now);
    stepMarket(dt, now);
    stepRouter(dt, now);
}

QString SimService::alpacaFailure(double now) const
{
    switch (m_alpaca) {
    case AlpacaState::Connected:
        if (now - m_lastMessageAt > m_options.staleAfterSeconds)
            return QStringLiteral("Stream stale: no messages for %1 s").arg(m_options.staleAfterSeconds, 0, 'g', 3);
        return {};
    case AlpacaState::AuthFailed: return QStringLiteral("Authentication failed");
    case AlpacaState::Disconnected: return QStringLiteral("Connection lost");
    case AlpacaState::Reconnecting: return QStringLiteral("Connection timeout");
    case AlpacaState::Connecting: return m_elapsed < 1 ? QString() : QStringLiteral("Connecting");
    }
    return {};
}

void SimService::stepAlpaca(double, const QDateTime &now)
{
    const double t = m_elapsed;
    const bool cut = m_faults.active(FaultKind::AlpacaDisconnect) || m_faults.active(FaultKind::BothDown);
    const bool authBroken = m_faults.active(FaultKind::AuthFailure);
    switch (m_alpaca) {
    case AlpacaState::Connected:
        if (cut || authBroken) {
            m_authenticated = !authBroken && m_authenticated;
            if (authBroken) {
                m_authenticated = false;
                m_errors[QStringLiteral("auth")]->Increment();
                m_log->write(SimLog::Level::Error, ctx(kAlpacaContext),
                             QStringLiteral("Alpaca authentication failed: {Error}"),
                             {{QStringLiteral("Error"), QStringLiteral("401 unauthorized: invalid key or secret")}});
                setAlpaca(AlpacaState::AuthFailed);
            } else {
                m_errors[QStringLiteral("connection")]->Increment();
                m_log->write(SimLog::Level::Error, ctx(kAlpacaContext),
                             QStringLiteral("Alpaca connection lost: {Error}"),
                             {{QStringLiteral("Error"), QStringLiteral("WebSocket closed by remote (1006)")}},
                             QStringLiteral("System.Net.WebSockets.WebSocketException (0x80004005): The remote party "
                                            "closed the WebSocket connection without completing the close handshake.\n"
                                            "   at MyTrader.Infrastructure.Alpaca.AlpacaStreamingService.ReceiveLoopAsync()"));
                setAlpaca(AlpacaState::Disconnected);
            }
            m_reconnectAttempts = 0;
            m_nextAttemptAt = t + 1;
        }
        break;
    case AlpacaState::Disconnected:
    case AlpacaState::Reconnecting:
    case AlpacaState::AuthFailed:
        if (t < m_nextAttemptAt)
            break;
        ++m_reconnectAttempts;
        m_log->write(SimLog::Level::Warning, ctx(kAlpacaContext),
                     QStringLiteral("Reconnect attempt {Attempt} to Alpaca"),
                     {{QStringLiteral("Attempt"), m_reconnectAttempts}});
        // Exponential backoff capped at 5 s, so a drill recovers promptly once it ends.
        m_nextAttemptAt = t + std::min(5.0, std::pow(2.0, m_reconnectAttempts - 1));
        if (authBroken) {
            m_errors[QStringLiteral("auth")]->Increment();
            m_log->write(SimLog::Level::Error, ctx(kAlpacaContext),
                         QStringLiteral("Alpaca authentication failed: {Error}"),
                         {{QStringLiteral("Error"), QStringLiteral("401 unauthorized: invalid key or secret")}});
            setAlpaca(AlpacaState::AuthFailed);
        } else if (cut) {
            m_errors[QStringLiteral("timeout")]->Increment();
            m_log->write(SimLog::Level::Error, ctx(kAlpacaContext),
                         QStringLiteral("Reconnect attempt {Attempt} failed: {Error}"),
                         {{QStringLiteral("Attempt"), m_reconnectAttempts},
                          {QStringLiteral("Error"), QStringLiteral("Connection timeout after 10s")}});
            setAlpaca(AlpacaState::Reconnecting);
        } else {
            m_connectedAt = t + 0.5;
            setAlpaca(AlpacaState::Connecting);
        }
        break;
    case AlpacaState::Connecting:
        if (cut || authBroken) { // the attempt in progress fails: the next one follows at once
            m_nextAttemptAt = t;
            setAlpaca(authBroken ? AlpacaState::AuthFailed : AlpacaState::Reconnecting);
            break;
        }
        if (t >= m_connectedAt) {
            m_authenticated = true;
            m_lastMessageAt = t;
            m_statusMessages->Increment(2); // "connected", "authenticated"
            m_log->write(SimLog::Level::Information, ctx(kAlpacaContext),
                         QStringLiteral("Alpaca connection established, subscribed to {Symbols} symbols after {Attempts} attempts"),
                         {{QStringLiteral("Symbols"), int(m_symbols.size())},
                          {QStringLiteral("Attempts"), m_reconnectAttempts}});
            m_reconnectAttempts = 0;
            setAlpaca(AlpacaState::Connected);
        }
        break;
    }
    (void)now;
}

void SimService::receive(Symbol &s, prometheus::Counter *counter, double count, const QDateTime &now)
{
    if (count <= 0)
        return;
    counter->Increment(count);
    m_messagesTotal += qint64(count);
    m_messagesSinceStats += qint64(count);
    m_lastMessageAt = m_elapsed;
    m_lastMessageTime = now;
    const double latencyMedian = m_faults.active(FaultKind::LatencySpike) ? 2.2 : 0.22;
    const bool invalid = m_faults.active(FaultKind::InvalidPrices);
    std::uniform_real_distribution<double> u(0, 1);
    for (int i = 0; i < int(count); ++i) {
        s.latency->Observe(lognormal(latencyMedian, 0.55));
        m_processing->Observe(lognormal(18, 0.6));
        const double p = u(m_rng);
        QString reason;
        if (invalid && p < 0.2)
            reason = QStringLiteral("invalid_price");
        else if (p < 0.0004)
            reason = QStringList{QStringLiteral("invalid_price"), QStringLiteral("stale_timestamp"),
                                 QStringLiteral("missing_field"), QStringLiteral("negative_volume")}
                         .at(int(p / 0.0001) % 4);
        if (!reason.isEmpty()) {
            m_validation[reason]->Increment();
            m_errors[QStringLiteral("validation")]->Increment();
            ++m_validationSinceLog[s.name + u'|' + reason];
        } else if (p > 0.99995) {
            m_errors[QStringLiteral("parse")]->Increment();
            m_log->write(SimLog::Level::Error, ctx(kAlpacaContext),
                         QStringLiteral("Failed to parse Alpaca message for {Symbol}"),
                         {{QStringLiteral("Symbol"), s.name}},
                         QStringLiteral("System.Text.Json.JsonException: '}' is invalid after a value. Path: $[0].p | "
                                        "LineNumber: 0 | BytePositionInLine: 57."));
        }
    }
}

void SimService::spikeSymbol()
{
    std::uniform_int_distribution<int> pick(0, int(m_symbols.size()) - 1);
    auto index = std::size_t(pick(m_rng));
    for (std::size_t i = 0; i < m_symbols.size(); ++i)
        if (m_symbols[i].name == m_spikeSymbol)
            index = i;
    auto &s = m_symbols.at(index);
    s.spike = 1.25;
    const double move = 25.0;
    auto *breaker = &m_breakerFamily->Add({{"symbol", s.name.toStdString()}, {"reason", "price_movement_exceeded"}});
    breaker->Increment();
    m_log->write(SimLog::Level::Warning, ctx(kBreakerContext),
                 QStringLiteral("Circuit breaker triggered for {Symbol}: price moved {MovePercent}% (limit 20%)"),
                 {{QStringLiteral("Symbol"), s.name},
                  {QStringLiteral("MovePercent"), move},
                  {QStringLiteral("Reason"), QStringLiteral("price_movement_exceeded")}});
}

void SimService::stepMarket(double dt, const QDateTime &now)
{
    std::normal_distribution<double> n01(0, 1);
    const bool streaming = m_alpaca == AlpacaState::Connected && !m_faults.active(FaultKind::StaleStream);
    const bool spiking = m_faults.active(FaultKind::PriceSpike);
    if (spiking && m_elapsed >= m_nextSpikeAt) {
        spikeSymbol();
        m_nextSpikeAt = m_elapsed + 10;
    }
    const double minute = std::floor(m_elapsed / 60);
    for (auto &s : m_symbols) {
        if (!spiking)
            s.spike = 1;
        if (dt > 0) {
            s.price *= std::exp(0.0004 * std::sqrt(dt) * n01(m_rng));
            // Yahoo quotes the same market a little off and a little late.
            s.yahooPrice += (s.price - s.yahooPrice) * std::min(1.0, dt / 3) + s.price * 0.0003 * std::sqrt(dt) * n01(m_rng);
        }
        const double alpacaPrice = s.price * s.spike;
        s.delta->Set(std::abs(alpacaPrice - s.yahooPrice) / s.yahooPrice * 100.0);
        if (!streaming || dt <= 0)
            continue;
        receive(s, s.trades, poisson(s.tradeRate * dt), now);
        receive(s, s.quotes, poisson(s.quoteRate * dt), now);
        if (minute != s.lastBarMinute) {
            if (s.lastBarMinute >= 0)
                receive(s, s.bars, 1, now);
            s.lastBarMinute = minute;
        }
    }
    // Validation failures are logged in batches, once per second at most.
    if (m_elapsed >= m_nextValidationLogAt && !m_validationSinceLog.empty()) {
        for (const auto &[key, count] : m_validationSinceLog)
            m_log->write(SimLog::Level::Warning, ctx(kValidatorContext),
                         QStringLiteral("Validation failed for {Symbol}: {Reason} ({Count} messages rejected)"),
                         {{QStringLiteral("Symbol"), key.section(u'|', 0, 0)},
                          {QStringLiteral("Reason"), key.section(u'|', 1, 1)},
                          {QStringLiteral("Count"), count}});
        m_validationSinceLog.clear();
        m_nextValidationLogAt = m_elapsed + 1;
    }
    if (m_elapsed >= m_nextStatsAt) {
        m_log->write(SimLog::Level::Information, ctx(kAlpacaContext),
                     QStringLiteral("Streaming statistics: {MessagesPerSecond} msg/s over {Symbols} symbols"),
                     {{QStringLiteral("MessagesPerSecond"), std::round(m_messagesSinceStats / 10.0)},
                      {QStringLiteral("Symbols"), int(m_symbols.size())}});
        m_messagesSinceStats = 0;
        m_nextStatsAt = m_elapsed + 10;
    }
}

void SimService::stepRouter(double dt, const QDateTime &now)
{
    const bool yahooUp = !m_faults.active(FaultKind::YahooDown) && !m_faults.active(FaultKind::BothDown);
    const auto previous = m_router.state();
    if (dt > 0)
        m_stateDuration[previous]->Increment(dt);
    const auto transition = m_router.step(m_elapsed, dt, alpacaFailure(m_elapsed), yahooUp);
    if (transition) {
        m_stateFamily->Remove(m_state);
        m_state = &m_stateFamily->Add({{"state", routerStateName(transition->to).toStdString()}});
        m_state->Set(double(int(transition->to)));
        m_lastTransitionAt = now;
        m_lastTransitionReason = transition->reason;
        m_log->write(SimLog::Level::Information, ctx(kRouterContext),
                     QStringLiteral("Alpaca state transition: {PreviousState} → {NewState} (Reason: {Reason}, Duration: {DurationSeconds}s)"),
                     {{QStringLiteral("PreviousState"), routerStateName(transition->from)},
                      {QStringLiteral("NewState"), routerStateName(transition->to)},
                      {QStringLiteral("Reason"), transition->reason},
                      {QStringLiteral("DurationSeconds"), std::round(transition->secondsInPrevious * 10) / 10}});
        if (transition->failover) {
            m_failovers->Increment();
            if (transition->to == RouterState::FallbackActive) {
                const double recovery = std::min(90.0, lognormal(4, 0.6));
                m_recovery->Observe(recovery);
                m_log->write(SimLog::Level::Warning, ctx(kRouterContext),
                             QStringLiteral("Failover to Yahoo Finance activated; fallback serving after {RecoverySeconds}s"),
                             {{QStringLiteral("RecoverySeconds"), std::round(recovery * 10) / 10}});
            }
        } else if (transition->from == RouterState::BothUnavailable && transition->to == RouterState::FallbackActive) {
            // Failure detected to fallback serving: the time both were down (a both_down drill's
            // length), so the Recovery P95 and FailoverRecoverySlow see the outage a drill made.
            m_recovery->Observe(transition->secondsInPrevious);
            m_log->write(SimLog::Level::Warning, ctx(kRouterContext),
                         QStringLiteral("Fallback serving again after {RecoverySeconds}s"),
                         {{QStringLiteral("RecoverySeconds"), std::round(transition->secondsInPrevious * 10) / 10}});
        }
    }
    m_uptime->Set(uptimePercent());
}

double SimService::uptimePercent() const
{
    return m_router.uptimePercent(m_options.baselineTotalSeconds, m_options.baselineDownSeconds);
}

QByteArray SimService::metricsText() const
{
    const auto text = prometheus::TextSerializer().Serialize(m_registry->Collect());
    return QByteArray::fromStdString(text);
}

QString SimService::healthStatusName() const
{
    if (m_router.state() == RouterState::BothUnavailable)
        return QStringLiteral("Unhealthy");
    if (m_router.state() == RouterState::PrimaryActive && m_alpaca == AlpacaState::Connected)
        return QStringLiteral("Healthy");
    return QStringLiteral("Degraded");
}

int SimService::healthStatus() const
{
    return healthStatusName() == u"Unhealthy" ? 503 : 200;
}

QByteArray SimService::healthJson(const QDateTime &now) const
{
    const auto iso = [](const QDateTime &t) { return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(); };
    const QJsonObject alpaca{{QStringLiteral("state"), alpacaStateName(m_alpaca)},
                             {QStringLiteral("isConnected"), m_alpaca == AlpacaState::Connected},
                             {QStringLiteral("isAuthenticated"), m_authenticated},
                             {QStringLiteral("subscribedSymbols"), m_alpaca == AlpacaState::Connected ? int(m_symbols.size()) : 0},
                             {QStringLiteral("lastMessageAt"), iso(m_lastMessageTime)},
                             {QStringLiteral("reconnectAttempts"), m_reconnectAttempts}};
    const QJsonObject router{{QStringLiteral("currentState"), routerStateName(m_router.state())},
                             {QStringLiteral("uptimePercent"), std::round(uptimePercent() * 100) / 100},
                             {QStringLiteral("lastTransitionAt"), iso(m_lastTransitionAt)},
                             {QStringLiteral("lastTransitionReason"), m_lastTransitionReason},
                             {QStringLiteral("failoversTotal"), m_router.failovers()}};
    const QJsonObject root{{QStringLiteral("status"), healthStatusName()},
                           {QStringLiteral("checkedAt"), iso(now)},
                           {QStringLiteral("alpaca"), alpaca},
                           {QStringLiteral("router"), router}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace sim
