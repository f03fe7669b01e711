// mytrader-sim under the real Prometheus and Alertmanager with the project's alert rules: a drill
// moves the router to the fallback, Prometheus sees it within 5 s, the RouterOnFallback alert
// reaches Alertmanager, the health endpoint says so, and the drill API answers bad input clearly.

#include "monitoringstack.h"
#include "promtext.h"
#include "sources/alertmanager/alertmanagerclient.h"
#include "sources/health/healthclient.h"
#include "sources/prometheus/prometheusclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <optional>

class TestSimStack : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void prometheusScrapesEveryContractMetric();
    void drillApiRejectsBadInput_data();
    void drillApiRejectsBadInput();
    void alpacaDisconnectReachesPrometheusAndAlertmanager();
    void noSecretInTheSimulatorOutput();

private:
    std::optional<double> promValue(const QString &query);
    std::pair<int, QJsonObject> control(const QByteArray &method, const QByteArray &body = {});

    MonitoringStack m_stack;
    QNetworkAccessManager m_network;
    std::unique_ptr<wf::HttpClient> m_promHttp, m_amHttp, m_healthHttp;
    std::unique_ptr<wf::PrometheusClient> m_prom;
    std::unique_ptr<wf::AlertmanagerClient> m_am;
};

void TestSimStack::initTestCase()
{
    QVERIFY2(m_stack.startSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE), {QStringLiteral("--seed"), QStringLiteral("11"),
                                                                               QStringLiteral("--symbols"), QStringLiteral("10")}),
             qPrintable(m_stack.errorString()));
    QFile rules(QStringLiteral(WATCHFLOOR_ALERT_RULES));
    QVERIFY(rules.open(QIODevice::ReadOnly));
    const auto scrape = QStringLiteral("  - job_name: mytrader\n    static_configs:\n      - targets: ['%1']\n")
                            .arg(m_stack.simulatorUrl().authority());
    QVERIFY2(m_stack.start(QString::fromUtf8(rules.readAll()), scrape), qPrintable(m_stack.errorString()));

    wf::Profile profile;
    profile.name = QStringLiteral("sim");
    profile.endpoint(wf::Endpoint::Prometheus).url = m_stack.prometheusUrl();
    profile.endpoint(wf::Endpoint::Alertmanager).url = m_stack.alertmanagerUrl();
    profile.endpoint(wf::Endpoint::Health).url = m_stack.simulatorUrl().resolved(QUrl(QStringLiteral("/api/health/alpaca")));
    m_promHttp = std::make_unique<wf::HttpClient>(&m_network, wf::Endpoint::Prometheus);
    m_amHttp = std::make_unique<wf::HttpClient>(&m_network, wf::Endpoint::Alertmanager);
    m_healthHttp = std::make_unique<wf::HttpClient>(&m_network, wf::Endpoint::Health);
    for (auto *http : {m_promHttp.get(), m_amHttp.get(), m_healthHttp.get()})
        http->setProfile(profile);
    m_prom = std::make_unique<wf::PrometheusClient>(m_promHttp.get());
    m_am = std::make_unique<wf::AlertmanagerClient>(m_amHttp.get());
    // The first scrape of the simulator.
    QTRY_VERIFY_WITH_TIMEOUT(promValue(QStringLiteral("up{job=\"mytrader\"}")) == 1.0, 20000);
}

std::optional<double> TestSimStack::promValue(const QString &query)
{
    std::optional<wf::Result<wf::PromResult>> out;
    m_prom->query(query, {}, nullptr, [&out](const wf::Result<wf::PromResult> &r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000) || !out->ok() || (*out)->series.empty())
        return std::nullopt;
    return (*out)->series.front().samples.front().value;
}

std::pair<int, QJsonObject> TestSimStack::control(const QByteArray &method, const QByteArray &body)
{
    QNetworkRequest request(m_stack.simulatorUrl().resolved(QUrl(QStringLiteral("/control/faults"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    auto *reply = m_network.sendCustomRequest(request, method, body);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        return {0, {}};
    reply->deleteLater();
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            QJsonDocument::fromJson(reply->readAll()).object()};
}

void TestSimStack::prometheusScrapesEveryContractMetric()
{
    for (const auto &name : contractMetricNames()) {
        const auto count = promValue(QStringLiteral("count(%1)").arg(name));
        QVERIFY2(count.value_or(0) >= 1, qPrintable(name));
    }
    QCOMPARE(promValue(QStringLiteral("count(datasource_router_state)")), 1.0);
    QCOMPARE(promValue(QStringLiteral("max(alpaca_subscribed_symbols_count)")), 10.0);
}

void TestSimStack::drillApiRejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("not json") << QByteArray("{kind: alpaca") << QStringLiteral("not a JSON object");
    QTest::newRow("unknown kind") << QByteArray(R"({"kind":"meteor"})") << QStringLiteral("unknown fault kind \"meteor\"");
    QTest::newRow("negative duration") << QByteArray(R"({"kind":"yahoo_down","durationSeconds":-5})")
                                       << QStringLiteral("durationSeconds");
}

void TestSimStack::drillApiRejectsBadInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    const auto [status, answer] = control("POST", body);
    QCOMPARE(status, 400);
    QVERIFY2(answer.value(QStringLiteral("error")).toString().contains(message),
             qPrintable(answer.value(QStringLiteral("error")).toString()));
    QCOMPARE(control("GET").second.value(QStringLiteral("faults")).toArray().size(), 0);
}

void TestSimStack::alpacaDisconnectReachesPrometheusAndAlertmanager()
{
    QCOMPARE(promValue(QStringLiteral("max(datasource_router_state)")), 0.0);
    const auto [status, answer] = control("POST", R"({"kind":"alpaca_disconnect","durationSeconds":120})");
    QCOMPARE(status, 201);
    QElapsedTimer clock;
    clock.start();

    // The health endpoint says so at once.
    wf::HealthClient health(m_healthHttp.get());
    QSignalSpy sampled(&health, &wf::HealthClient::sampled);
    health.pollNow();
    QVERIFY(sampled.wait(10000));
    QVERIFY(health.last().report.ok());
    QCOMPARE(health.last().report->router.currentState, QStringLiteral("FALLBACK_ACTIVE"));
    QCOMPARE(health.last().report->health(), wf::Health::Warning);

    // Prometheus within 5 s (scrape every second).
    QTRY_VERIFY_WITH_TIMEOUT(promValue(QStringLiteral("max(datasource_router_state)")) == 1.0, 15000);
    qInfo("Prometheus saw FALLBACK_ACTIVE %lld ms after the drill", clock.elapsed());
    QCOMPARE(promValue(QStringLiteral("count(datasource_router_state)")), 1.0);

    // The drill is listed with its time left.
    const auto faults = control("GET").second.value(QStringLiteral("faults")).toArray();
    QCOMPARE(faults.size(), 1);
    QCOMPARE(faults.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("alpaca_disconnect"));
    QVERIFY(faults.at(0).toObject().value(QStringLiteral("secondsLeft")).toDouble() > 100);

    // RouterOnFallback reaches Alertmanager.
    const auto routerAlertActive = [this] {
        std::optional<wf::Result<QList<wf::AmAlert>>> out;
        m_am->alerts({}, nullptr, [&out](const wf::Result<QList<wf::AmAlert>> &r) { out = r; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000) || !out->ok())
            return false;
        for (const auto &a : out->value())
            if (a.labels.value(QStringLiteral("alertname")) == u"RouterOnFallback")
                return a.labels.value(QStringLiteral("severity")) == u"warning"
                    && a.annotations.value(QStringLiteral("runbook_url")).endsWith(QStringLiteral("/router-on-fallback"));
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(routerAlertActive(), 40000);
    qInfo("RouterOnFallback reached Alertmanager %lld ms after the drill", clock.elapsed());

    // Clearing the drill brings the router back (reconnect, then 5 s of hysteresis).
    QCOMPARE(control("DELETE").second.value(QStringLiteral("cleared")).toInt(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(promValue(QStringLiteral("max(datasource_router_state)")) == 0.0, 20000);
    QCOMPARE(promValue(QStringLiteral("max(datasource_router_failover_total)")), 1.0);
}

void TestSimStack::noSecretInTheSimulatorOutput()
{
    const auto out = m_stack.simulatorLog();
    QVERIFY(out.contains(QStringLiteral("state transition")));
    QVERIFY(!out.contains(QStringLiteral("PKSIMULATED7H2M4Q9X1Z8W")));
    QVERIFY(!out.contains(QStringLiteral("sim9f3Qx7LmT2vB8nR4cW6yZ1hJ5dA0pE")));
}

QTEST_GUILESS_MAIN(TestSimStack)
#include "tst_simstack.moc"
