// mytrader-sim's service model, driven step by step: every metric of METRICS.md is exposed, each
// drill shows in metrics, health and log within a second, the router fails over and comes back,
// a seed reproduces a run, and no secret of its configuration reaches the log.

#include "promtext.h"
#include "simservice.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using sim::FaultKind;
using sim::RouterState;
using Alpaca = sim::SimService::AlpacaState;

class TestSimService : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void everyContractMetricIsExposed();
    void healthyAtStart();
    void messagesFlowAtRealisticRates();
    void alpacaDisconnectFailsOverAndRecovers();
    void authFailure();
    void staleStream();
    void yahooDownAloneChangesNothing();
    void bothDownIsUnhealthy503();
    void latencySpikePushesP95OverTwoSeconds();
    void invalidPricesRaiseValidationFailures();
    void priceSpikeTripsTheCircuitBreaker();
    void faultsExpireAndClear();
    void seedReproducesARun();
    void secretsNeverReachTheLog();

private:
    void run(double seconds);
    QByteArray metrics() const { return m_service->metricsText(); }
    QJsonObject health() const { return QJsonDocument::fromJson(m_service->healthJson(m_now)).object(); }
    QStringList logLines() const;

    QDateTime m_now;
    std::unique_ptr<sim::SimLog> m_log;
    std::unique_ptr<sim::SimService> m_service;
};

void TestSimService::init()
{
    m_service.reset();
    m_now = QDateTime(QDate(2026, 1, 5), QTime(14, 30), Qt::UTC);
    m_log = std::make_unique<sim::SimLog>(QStringLiteral("test"), 100000, QString(), false);
    sim::SimOptions options;
    options.seed = 42;
    options.symbols = 20;
    m_service = std::make_unique<sim::SimService>(options, m_log.get());
    run(1.0);
}

void TestSimService::run(double seconds)
{
    for (double t = 0; t < seconds - 1e-9; t += 0.1) {
        m_now = m_now.addMSecs(100);
        m_service->advance(0.1, m_now);
    }
}

QStringList TestSimService::logLines() const
{
    QStringList lines;
    for (const auto &r : m_log->records())
        lines << r.line;
    return lines;
}

void TestSimService::everyContractMetricIsExposed()
{
    run(61); // a bar per symbol comes each minute
    const auto text = metrics();
    for (const auto &name : contractMetricNames())
        QVERIFY2(seriesCount(text, name) > 0, qPrintable(name));
    QVERIFY(text.contains("# TYPE alpaca_messages_received_total counter"));
    QVERIFY(text.contains("# TYPE alpaca_message_latency_seconds histogram"));
    // The contract's labels and buckets.
    QVERIFY(sampleValue(text, QStringLiteral("alpaca_messages_received_total"), QStringLiteral(R"(symbol="AAPL",type="trade")")));
    QVERIFY(sampleValue(text, QStringLiteral("alpaca_messages_received_total"), QStringLiteral(R"(symbol="AAPL",type="bar")")).value_or(0) >= 1);
    for (const char *le : {"0.1", "0.25", "0.5", "1", "2", "5", "10", "+Inf"})
        QVERIFY2(sampleValue(text, QStringLiteral("alpaca_message_latency_seconds_bucket"),
                             QStringLiteral(R"(symbol="MSFT",le="%1")").arg(QLatin1String(le))),
                 le);
    for (const char *le : {"10", "25", "50", "100", "250", "500", "1000"})
        QVERIFY2(sampleValue(text, QStringLiteral("alpaca_streaming_processing_duration_ms_bucket"),
                             QStringLiteral(R"(le="%1")").arg(QLatin1String(le))),
                 le);
    for (const char *le : {"1", "5", "10", "20", "30", "60"})
        QVERIFY(sampleValue(text, QStringLiteral("datasource_router_recovery_time_seconds_bucket"),
                            QStringLiteral(R"(le="%1")").arg(QLatin1String(le))));
    for (const char *type : {"parse", "auth", "connection", "timeout", "validation"})
        QVERIFY(sampleValue(text, QStringLiteral("alpaca_errors_total"), QStringLiteral(R"(type="%1")").arg(QLatin1String(type))));
    for (const char *reason : {"invalid_price", "stale_timestamp", "missing_field", "negative_volume"})
        QVERIFY(sampleValue(text, QStringLiteral("datasource_router_validation_failures_total"),
                            QStringLiteral(R"(reason="%1")").arg(QLatin1String(reason))));
    QCOMPARE(seriesCount(text, QStringLiteral("datasource_router_price_delta_percent")), 20);
}

void TestSimService::healthyAtStart()
{
    const auto text = metrics();
    QCOMPARE(m_service->alpacaState(), Alpaca::Connected);
    QCOMPARE(sampleValue(text, QStringLiteral("alpaca_connection_status"), QStringLiteral(R"(state="Connected")")), 1.0);
    QCOMPARE(sampleValue(text, QStringLiteral("alpaca_authentication_status")), 1.0);
    QCOMPARE(sampleValue(text, QStringLiteral("alpaca_subscribed_symbols_count")), 20.0);
    QCOMPARE(sampleValue(text, QStringLiteral("datasource_router_state"), QStringLiteral(R"(state="PRIMARY_ACTIVE")")), 0.0);
    QCOMPARE(seriesCount(text, QStringLiteral("datasource_router_state")), 1);
    QCOMPARE(m_service->healthStatus(), 200);
    const auto h = health();
    QCOMPARE(h.value(QStringLiteral("status")).toString(), QStringLiteral("Healthy"));
    QCOMPARE(h.value(QStringLiteral("checkedAt")).toString(), m_now.toString(Qt::ISODateWithMs));
    const auto alpaca = h.value(QStringLiteral("alpaca")).toObject();
    QCOMPARE(alpaca.value(QStringLiteral("state")).toString(), QStringLiteral("Connected"));
    QCOMPARE(alpaca.value(QStringLiteral("isConnected")).toBool(), true);
    QCOMPARE(alpaca.value(QStringLiteral("isAuthenticated")).toBool(), true);
    QCOMPARE(alpaca.value(QStringLiteral("subscribedSymbols")).toInt(), 20);
    QCOMPARE(alpaca.value(QStringLiteral("reconnectAttempts")).toInt(), 0);
    QVERIFY(QDateTime::fromString(alpaca.value(QStringLiteral("lastMessageAt")).toString(), Qt::ISODateWithMs).isValid());
    const auto router = h.value(QStringLiteral("router")).toObject();
    QCOMPARE(router.value(QStringLiteral("currentState")).toString(), QStringLiteral("PRIMARY_ACTIVE"));
    QCOMPARE(router.value(QStringLiteral("uptimePercent")).toDouble(), 100.0);
    QCOMPARE(router.value(QStringLiteral("failoversTotal")).toInt(), 0);
}

void TestSimService::messagesFlowAtRealisticRates()
{
    const auto before = sumOf(metrics(), QStringLiteral("alpaca_messages_received_total"));
    run(10);
    const auto after = sumOf(metrics(), QStringLiteral("alpaca_messages_received_total"));
    const double perSecond = (after - before) / 10;
    QVERIFY2(perSecond > 20 && perSecond < 2000, qPrintable(QString::number(perSecond)));
    // Symbols differ in activity.
    const auto text = metrics();
    const auto aapl = sampleValue(text, QStringLiteral("alpaca_messages_received_total"), QStringLiteral(R"(symbol="AAPL",type="quote")")).value_or(0);
    const auto last = sampleValue(text, QStringLiteral("alpaca_messages_received_total"),
                                  QStringLiteral(R"(symbol="%1",type="quote")").arg(m_service->symbols().last())).value_or(0);
    QVERIFY(aapl != last);
    // Latency P95 well under the 2 s SLO in normal operation.
    const double under2 = sumOf(text, QStringLiteral("alpaca_message_latency_seconds_bucket"), QStringLiteral(R"(le="2")"));
    const double all = sumOf(text, QStringLiteral("alpaca_message_latency_seconds_count"));
    QVERIFY2(under2 / all > 0.97, qPrintable(QString::number(under2 / all)));
}

void TestSimService::alpacaDisconnectFailsOverAndRecovers()
{
    m_service->inject(FaultKind::AlpacaDisconnect, 10, m_now);
    // Within a second (here: at once) the router is on the fallback.
    auto text = metrics();
    QCOMPARE(m_service->routerState(), RouterState::FallbackActive);
    QCOMPARE(sampleValue(text, QStringLiteral("datasource_router_state"), QStringLiteral(R"(state="FALLBACK_ACTIVE")")), 1.0);
    QCOMPARE(seriesCount(text, QStringLiteral("datasource_router_state")), 1); // the old series is gone
    QCOMPARE(sampleValue(text, QStringLiteral("alpaca_connection_status"), QStringLiteral(R"(state="Disconnected")")), 0.0);
    QCOMPARE(seriesCount(text, QStringLiteral("alpaca_connection_status")), 1);
    QCOMPARE(sampleValue(text, QStringLiteral("datasource_router_failover_total")), 1.0);
    QCOMPARE(sampleValue(text, QStringLiteral("datasource_router_recovery_time_seconds_count")), 1.0);
    QCOMPARE(sampleValue(text, QStringLiteral("alpaca_errors_total"), QStringLiteral(R"(type="connection")")), 1.0);
    QCOMPARE(health().value(QStringLiteral("status")).toString(), QStringLiteral("Degraded"));
    QCOMPARE(m_service->healthStatus(), 200);
    const auto router = health().value(QStringLiteral("router")).toObject();
    QCOMPARE(router.value(QStringLiteral("lastTransitionReason")).toString(), QStringLiteral("Connection lost"));
    QCOMPARE(router.value(QStringLiteral("failoversTotal")).toInt(), 1);

    // The transition is logged with its structured properties.
    const auto transitions = logLines().filter(QStringLiteral("state transition"));
    QCOMPARE(transitions.size(), 1);
    const auto line = QJsonDocument::fromJson(transitions.first().toUtf8()).object();
    QCOMPARE(line.value(QStringLiteral("level")).toString(), QStringLiteral("Information"));
    QCOMPARE(line.value(QStringLiteral("sourceContext")).toString(), QStringLiteral("MyTrader.Core.Services.DataSourceRouter"));
    const auto props = line.value(QStringLiteral("properties")).toObject();
    QCOMPARE(props.value(QStringLiteral("PreviousState")).toString(), QStringLiteral("PRIMARY_ACTIVE"));
    QCOMPARE(props.value(QStringLiteral("NewState")).toString(), QStringLiteral("FALLBACK_ACTIVE"));
    QCOMPARE(props.value(QStringLiteral("Reason")).toString(), QStringLiteral("Connection lost"));
    QVERIFY(props.contains(QStringLiteral("DurationSeconds")));
    QCOMPARE(props.value(QStringLiteral("Component")).toString(), QStringLiteral("alpaca-streaming"));

    // While the fault lasts: reconnect attempts fail and are logged; no Alpaca messages arrive.
    const auto messages = sumOf(metrics(), QStringLiteral("alpaca_messages_received_total"));
    run(9);
    QVERIFY(m_service->alpacaState() == Alpaca::Reconnecting);
    QCOMPARE(sumOf(metrics(), QStringLiteral("alpaca_messages_received_total")), messages);
    QVERIFY(logLines().filter(QStringLiteral("Reconnect attempt")).size() >= 3);
    QVERIFY(health().value(QStringLiteral("alpaca")).toObject().value(QStringLiteral("reconnectAttempts")).toInt() >= 2);

    // After the fault: reconnect (backoff ≤ 5 s), then 5 s of hysteresis, then primary again.
    run(12);
    QCOMPARE(m_service->alpacaState(), Alpaca::Connected);
    QCOMPARE(m_service->routerState(), RouterState::PrimaryActive);
    text = metrics();
    QCOMPARE(sampleValue(text, QStringLiteral("datasource_router_state"), QStringLiteral(R"(state="PRIMARY_ACTIVE")")), 0.0);
    QVERIFY(sampleValue(text, QStringLiteral("datasource_router_state_duration_seconds"), QStringLiteral(R"(state="FALLBACK_ACTIVE")")).value_or(0) > 10);
    QCOMPARE(logLines().filter(QStringLiteral("state transition")).size(), 2);
    QCOMPARE(health().value(QStringLiteral("status")).toString(), QStringLiteral("Healthy"));
}

void TestSimService::authFailure()
{
    m_service->inject(FaultKind::AuthFailure, 5, m_now);
    const auto text = metrics();
    QCOMPARE(m_service->alpacaState(), Alpaca::AuthFailed);
    QCOMPARE(sampleValue(text, QStringLiteral("alpaca_authentication_status")), 0.0);
    QCOMPARE(sampleValue(text, QStringLiteral("alpaca_connection_status"), QStringLiteral(R"(state="AuthFailed")")), 0.0);
    QVERIFY(sampleValue(text, QStringLiteral("alpaca_errors_total"), QStringLiteral(R"(type="auth")")).value_or(0) >= 1);
    QCOMPARE(m_service->routerState(), RouterState::FallbackActive);
    QCOMPARE(health().value(QStringLiteral("router")).toObject().value(QStringLiteral("lastTransitionReason")).toString(),
             QStringLiteral("Authentication failed"));
    QVERIFY(!logLines().filter(QStringLiteral("authentication failed")).isEmpty());
}

void TestSimService::staleStream()
{
    m_service->inject(FaultKind::StaleStream, 30, m_now);
    run(4);
    QCOMPARE(m_service->routerState(), RouterState::PrimaryActive); // not stale yet
    run(2);
    QCOMPARE(m_service->routerState(), RouterState::FallbackActive);
    QCOMPARE(m_service->alpacaState(), Alpaca::Connected); // connected, but silent
    QVERIFY(health().value(QStringLiteral("router")).toObject().value(QStringLiteral("lastTransitionReason")).toString().startsWith(QStringLiteral("Stream stale")));
}

void TestSimService::yahooDownAloneChangesNothing()
{
    m_service->inject(FaultKind::YahooDown, 10, m_now);
    run(2);
    QCOMPARE(m_service->routerState(), RouterState::PrimaryActive);
    QCOMPARE(m_service->healthStatus(), 200);
    // …until Alpaca goes too.
    m_service->inject(FaultKind::AlpacaDisconnect, 5, m_now);
    QCOMPARE(m_service->routerState(), RouterState::BothUnavailable);
}

void TestSimService::bothDownIsUnhealthy503()
{
    m_service->inject(FaultKind::BothDown, 5, m_now);
    QCOMPARE(m_service->routerState(), RouterState::BothUnavailable);
    QCOMPARE(m_service->healthStatus(), 503);
    const auto h = health();
    QCOMPARE(h.value(QStringLiteral("status")).toString(), QStringLiteral("Unhealthy"));
    QCOMPARE(h.value(QStringLiteral("router")).toObject().value(QStringLiteral("currentState")).toString(),
             QStringLiteral("BOTH_UNAVAILABLE"));
    QCOMPARE(sampleValue(metrics(), QStringLiteral("datasource_router_state"), QStringLiteral(R"(state="BOTH_UNAVAILABLE")")), 2.0);
    run(3);
    QVERIFY(h.value(QStringLiteral("router")).toObject().value(QStringLiteral("uptimePercent")).toDouble() <= 100);
    QVERIFY(sampleValue(metrics(), QStringLiteral("datasource_router_uptime_percent")).value_or(100) < 100);
    // Yahoo returns first when the fault ends: fallback, then primary.
    run(4);
    QVERIFY(m_service->routerState() != RouterState::BothUnavailable);
    // Failure detected to fallback serving took the fault's 5 s: the recovery histogram has it (a
    // Recovery P95 of "no data" after a both_down drill was wrong).
    const auto text = metrics();
    QCOMPARE(sampleValue(text, QStringLiteral("datasource_router_recovery_time_seconds_count")), 1.0);
    const double recovery = sampleValue(text, QStringLiteral("datasource_router_recovery_time_seconds_sum")).value_or(0);
    QVERIFY2(recovery >= 4.9 && recovery <= 5.2, qPrintable(QString::number(recovery)));
    QCOMPARE(sampleValue(text, QStringLiteral("datasource_router_recovery_time_seconds_bucket"), QStringLiteral(R"(le="1")")), 0.0);
    QCOMPARE(sampleValue(text, QStringLiteral("datasource_router_recovery_time_seconds_bucket"), QStringLiteral(R"(le="10")")), 1.0);
    QCOMPARE(logLines().filter(QStringLiteral("Fallback serving again after")).size(), 1);
}

void TestSimService::latencySpikePushesP95OverTwoSeconds()
{
    const auto before = metrics();
    m_service->inject(FaultKind::LatencySpike, 30, m_now);
    run(10);
    const auto after = metrics();
    const auto delta = [&](const QString &name, const QString &filter) { return sumOf(after, name, filter) - sumOf(before, name, filter); };
    const double under2 = delta(QStringLiteral("alpaca_message_latency_seconds_bucket"), QStringLiteral(R"(le="2")"));
    const double all = delta(QStringLiteral("alpaca_message_latency_seconds_count"), {});
    QVERIFY(all > 100);
    QVERIFY2(under2 / all < 0.95, qPrintable(QString::number(under2 / all))); // P95 over 2 s
}

void TestSimService::invalidPricesRaiseValidationFailures()
{
    const auto before = sampleValue(metrics(), QStringLiteral("datasource_router_validation_failures_total"), QStringLiteral(R"(reason="invalid_price")")).value_or(0);
    m_service->inject(FaultKind::InvalidPrices, 30, m_now);
    run(5);
    const auto text = metrics();
    const auto after = sampleValue(text, QStringLiteral("datasource_router_validation_failures_total"), QStringLiteral(R"(reason="invalid_price")")).value_or(0);
    QVERIFY2(after - before > 50, qPrintable(QString::number(after - before)));
    QVERIFY(sampleValue(text, QStringLiteral("alpaca_errors_total"), QStringLiteral(R"(type="validation")")).value_or(0) >= after - before);
    QVERIFY(!logLines().filter(QStringLiteral("Validation failed")).isEmpty());
    // Logged in batches, not a line per rejected message.
    QVERIFY(logLines().filter(QStringLiteral("Validation failed")).size() < after - before);
}

void TestSimService::priceSpikeTripsTheCircuitBreaker()
{
    m_service->inject(FaultKind::PriceSpike, 15, m_now);
    run(1);
    const auto text = metrics();
    QVERIFY(sumOf(text, QStringLiteral("datasource_router_circuit_breaker_total"), QStringLiteral(R"(reason="price_movement_exceeded")")) >= 1);
    double maxDelta = 0;
    for (const auto &symbol : m_service->symbols())
        maxDelta = std::max(maxDelta, sampleValue(text, QStringLiteral("datasource_router_price_delta_percent"),
                                                  QStringLiteral(R"(symbol="%1")").arg(symbol)).value_or(0));
    QVERIFY2(maxDelta > 20, qPrintable(QString::number(maxDelta)));
    QVERIFY(!logLines().filter(QStringLiteral("Circuit breaker triggered")).isEmpty());
    run(20); // over: prices converge again
    double after = 0;
    for (const auto &symbol : m_service->symbols())
        after = std::max(after, sampleValue(metrics(), QStringLiteral("datasource_router_price_delta_percent"),
                                            QStringLiteral(R"(symbol="%1")").arg(symbol)).value_or(0));
    QVERIFY2(after < 5, qPrintable(QString::number(after)));
}

void TestSimService::faultsExpireAndClear()
{
    m_service->inject(FaultKind::LatencySpike, 2, m_now);
    m_service->inject(FaultKind::YahooDown, 60, m_now);
    QCOMPARE(m_service->faults().kinds().size(), 2);
    const auto listed = m_service->faults().toJson(m_now);
    QCOMPARE(listed.size(), 2);
    run(2.5);
    QCOMPARE(m_service->faults().kinds(), QList<FaultKind>{FaultKind::YahooDown});
    QVERIFY(!logLines().filter(QStringLiteral("Fault ended: latency_spike")).isEmpty());
    QCOMPARE(m_service->clearFaults(m_now), 1);
    QVERIFY(m_service->faults().kinds().isEmpty());
}

void TestSimService::seedReproducesARun()
{
    const auto runWith = [](quint64 seed) {
        sim::SimLog log(QStringLiteral("test"), 1000, QString(), false);
        sim::SimOptions options;
        options.seed = seed;
        options.symbols = 10;
        sim::SimService service(options, &log);
        auto now = QDateTime(QDate(2026, 1, 5), QTime(14, 30), Qt::UTC);
        for (int i = 0; i < 100; ++i) {
            now = now.addMSecs(100);
            service.advance(0.1, now);
        }
        return service.metricsText();
    };
    QCOMPARE(runWith(7), runWith(7));
    QVERIFY(runWith(7) != runWith(8));
}

void TestSimService::secretsNeverReachTheLog()
{
    sim::SimOptions defaults;
    m_service->inject(FaultKind::AuthFailure, 3, m_now);
    run(10);
    const auto all = logLines().join(u'\n');
    QVERIFY(!all.isEmpty());
    QVERIFY(!all.contains(defaults.alpacaKeyId));
    QVERIFY(!all.contains(defaults.alpacaSecret));
    QVERIFY(all.contains(QStringLiteral("[REDACTED]"))); // the lines that held them are there, redacted
    // Every line is one JSON object with the Serilog fields.
    for (const auto &line : logLines()) {
        const auto o = QJsonDocument::fromJson(line.toUtf8()).object();
        QVERIFY2(!o.isEmpty(), qPrintable(line));
        for (const char *field : {"timestamp", "level", "sourceContext", "message", "properties"})
            QVERIFY2(o.contains(QLatin1String(field)), field);
    }
    QVERIFY(logLines().first().startsWith(QStringLiteral("{\"timestamp\":\"")));
}

QTEST_GUILESS_MAIN(TestSimService)
#include "tst_simservice.moc"
