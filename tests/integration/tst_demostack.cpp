// The demo stack as `watchfloor --demo` starts it: every child answers, Prometheus scrapes the
// simulator with the project's rules loaded, 30 days of backfilled history make the availability
// SLO query answer from the first minute, the last hour of every metric goes on into the scraped
// series without a joint, and stop() leaves no process behind. Built twice: tst_demostackvm
// (WF_DEMO_ON_VICTORIAMETRICS) runs the same on `--metrics victoriametrics` — VictoriaMetrics as
// installed, the history through its import API, vmalert with the rules.

#include "demo/demostack.h"
#include "sources/prometheus/prometheusclient.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <optional>

namespace {
#ifdef WF_DEMO_ON_VICTORIAMETRICS
constexpr auto kMetrics = wf::DemoStack::Metrics::VictoriaMetrics;
constexpr int kChildren = 4; // vmalert too
#else
constexpr auto kMetrics = wf::DemoStack::Metrics::Prometheus;
constexpr int kChildren = 3;
#endif
} // namespace

class TestDemoStack : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyChildAnswers();
    void historyIsBackfilled();
    void theLastHourHasEveryMetricAndNoJoint();
    void rulesAreLoaded();
    void stopLeavesNothing();

private:
    std::optional<double> value(const QString &query);

    std::unique_ptr<wf::DemoStack> m_stack;
    QNetworkAccessManager m_network;
    std::unique_ptr<wf::HttpClient> m_http;
    std::unique_ptr<wf::PrometheusClient> m_prom;
};

void TestDemoStack::initTestCase()
{
    const auto programs = wf::DemoStack::locate(QFileInfo(QStringLiteral(MYTRADER_SIM_EXECUTABLE)).absolutePath());
    if (const auto *missing = std::get_if<QString>(&programs))
        QFAIL(qPrintable(*missing));
    m_stack = std::make_unique<wf::DemoStack>(std::get<wf::DemoStack::Programs>(programs));
    m_stack->setMetrics(kMetrics);
    QSignalSpy progress(m_stack.get(), &wf::DemoStack::progress);
    QSignalSpy ready(m_stack.get(), &wf::DemoStack::ready);
    QSignalSpy failed(m_stack.get(), &wf::DemoStack::failed);
    m_stack->start();
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 90000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    // Progress went through every step, in order, ending at the last.
    QVERIFY(progress.size() >= wf::DemoStack::kSteps);
    for (int i = 0; i < progress.size(); ++i)
        QVERIFY2(progress.at(i).at(0).toInt() == (i == 0 ? 1 : progress.at(i - 1).at(0).toInt())
                     || progress.at(i).at(0).toInt() == (i == 0 ? 1 : progress.at(i - 1).at(0).toInt() + 1),
                 qPrintable(progress.at(i).at(2).toString()));
    QCOMPARE(progress.constLast().at(0).toInt(), wf::DemoStack::kSteps);
    m_http = std::make_unique<wf::HttpClient>(&m_network, wf::Endpoint::Prometheus);
    m_http->setProfile(m_stack->profile());
    m_prom = std::make_unique<wf::PrometheusClient>(m_http.get());
}

std::optional<double> TestDemoStack::value(const QString &query)
{
    std::optional<wf::Result<wf::PromResult>> out;
    m_prom->query(query, {}, nullptr, [&out](const wf::Result<wf::PromResult> &r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000) || !out->ok() || (*out)->series.empty())
        return std::nullopt;
    return (*out)->series.front().samples.front().value;
}

void TestDemoStack::everyChildAnswers()
{
    const auto profile = m_stack->profile();
    QCOMPARE(profile.name, QStringLiteral("Demo"));
    QCOMPARE(m_stack->processIds().size(), kChildren);
    QTRY_COMPARE_WITH_TIMEOUT(value(QStringLiteral(R"(up{job="mytrader"})")), 1.0, 20000);
    for (const auto endpoint : wf::kAllEndpoints)
        QVERIFY(profile.endpoint(endpoint).url.host() == u"127.0.0.1");
    QCOMPARE(profile.endpoint(wf::Endpoint::Loki).url.port(), profile.endpoint(wf::Endpoint::Health).url.port());
}

void TestDemoStack::historyIsBackfilled()
{
    // Thirty days of router time, from the first minute.
    const auto days = value(QStringLiteral("sum(increase(datasource_router_state_duration_seconds[30d])) / 86400"));
    QVERIFY(days);
    QVERIFY2(*days > 29 && *days < 31.5, qPrintable(QString::number(*days)));
    // METRICS.md's availability query answers with a real number: a few minutes down in 30 days.
    const auto availability = value(QStringLiteral(
        R"(100 * (1 - sum(increase(datasource_router_state_duration_seconds{state="BOTH_UNAVAILABLE"}[30d])) / sum(increase(datasource_router_state_duration_seconds[30d]))))"));
    QVERIFY(availability);
    QVERIFY2(*availability > 99 && *availability <= 100, qPrintable(QString::number(*availability)));
    const auto failovers = value(QStringLiteral("max(max_over_time(datasource_router_failover_total[30d]))"));
    QVERIFY(failovers.value_or(0) >= 1);
}

// Every chart has its past on the first frame: the last hour holds every metric, as one series
// with the scraped one (the same job and instance labels), and the counters go on from the
// backfill without a reset, so a rate across the joint is the rate on either side.
void TestDemoStack::theLastHourHasEveryMetricAndNoJoint()
{
    QTRY_VERIFY_WITH_TIMEOUT(value(QStringLiteral(R"(count(count_over_time(up{job="mytrader"}[1m])))")).has_value(), 20000);
    // Forty minutes ago, before the stack started: messages by type, latency buckets, processing.
    for (const auto &query : {QStringLiteral("sum(rate(alpaca_messages_received_total[1m] offset 40m))"),
                              QStringLiteral("sum(rate(alpaca_message_latency_seconds_count[1m] offset 40m))"),
                              QStringLiteral("sum(rate(alpaca_streaming_processing_duration_ms_count[1m] offset 40m))")}) {
        const auto v = value(query);
        QVERIFY2(v && *v > 10, qPrintable(query + QStringLiteral(" = ") + QString::number(v.value_or(-1))));
    }
    QCOMPARE(value(QStringLiteral("count(alpaca_subscribed_symbols_count offset 40m)")).value_or(0), 1.0);
    // One series from the past to now: the series forty minutes ago are the ones scraped now.
    QCOMPARE(value(QStringLiteral(R"(count(alpaca_messages_received_total offset 40m unless on (job, instance, environment, type, symbol) alpaca_messages_received_total{job="mytrader"}))")), std::nullopt);
    // A minute of live scrapes, then no reset over the joint and the same rate before and after.
    QTest::qWait(15000);
    QCOMPARE(value(QStringLiteral("sum(resets(alpaca_messages_received_total[2h]))")).value_or(-1), 0.0);
    QCOMPARE(value(QStringLiteral("sum(resets(alpaca_message_latency_seconds_count[2h]))")).value_or(-1), 0.0);
    const auto before = value(QStringLiteral("sum(rate(alpaca_messages_received_total[5m] offset 10m))"));
    const auto across = value(QStringLiteral("sum(rate(alpaca_messages_received_total[1m]))"));
    QVERIFY(before && across);
    QVERIFY2(*across > 0.7 * *before && *across < 1.3 * *before,
             qPrintable(QStringLiteral("%1 messages/s across the joint against %2 before").arg(*across).arg(*before)));
}

void TestDemoStack::rulesAreLoaded()
{
    QTRY_VERIFY_WITH_TIMEOUT(value(QStringLiteral(R"(count(ALERTS) or vector(0))")).has_value(), 10000);
    std::optional<wf::Result<QList<wf::RuleGroup>>> out;
    m_prom->rules(nullptr, [&out](const wf::Result<QList<wf::RuleGroup>> &r) { out = r; });
    QVERIFY(QTest::qWaitFor([&] { return out.has_value(); }, 10000));
    QVERIFY(out->ok());
    QStringList names;
    for (const auto &g : out->value())
        for (const auto &r : g.alertingRules)
            names << r.name;
    QVERIFY2(names.contains(QStringLiteral("RouterOnFallback")), qPrintable(names.join(u' ')));
    QVERIFY(names.contains(QStringLiteral("AvailabilityErrorBudgetFastBurn")));
}

void TestDemoStack::stopLeavesNothing()
{
    const auto pids = m_stack->processIds();
    const auto dir = m_stack->directory();
    QCOMPARE(pids.size(), kChildren);
    m_stack.reset();
    for (const auto pid : pids)
        QVERIFY2(::kill(pid_t(pid), 0) != 0, qPrintable(QString::number(pid))); // gone (and reaped)
    QVERIFY(!QDir(dir).exists());
}

QTEST_GUILESS_MAIN(TestDemoStack)
#include "tst_demostack.moc"
