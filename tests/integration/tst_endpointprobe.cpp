#include "monitoringstack.h"
#include "net/endpointprobe.h"
#include "tinyhttpserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using State = wf::ProbeResult::State;

class TestEndpointProbe : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void realPrometheusAndAlertmanagerAreReady();
    void stoppedServerIsDownWithReason();
    void healthEndpointAnswers_data();
    void healthEndpointAnswers();
    void slowServerTimesOut();
    void sendsAuthAndTenant();
    void errorTextHasNoSecret();
    void newProfileDropsOldAnswers();

private:
    wf::ProbeResult probeOnce(const wf::Profile &profile, wf::Endpoint endpoint, int timeoutMs = 5000);

    MonitoringStack m_stack;
    QNetworkAccessManager m_network;
};

wf::ProbeResult TestEndpointProbe::probeOnce(const wf::Profile &profile, wf::Endpoint endpoint, int timeoutMs)
{
    wf::EndpointProbe probe(&m_network);
    probe.setProfile(profile);
    probe.setTimeoutMs(timeoutMs);
    QSignalSpy spy(&probe, &wf::EndpointProbe::probed);
    probe.probe(endpoint);
    if (spy.isEmpty() && !spy.wait(timeoutMs + 5000))
        return {};
    return spy.first().at(1).value<wf::ProbeResult>();
}

void TestEndpointProbe::initTestCase()
{
    QVERIFY2(m_stack.start(), qPrintable(m_stack.errorString()));
}

void TestEndpointProbe::realPrometheusAndAlertmanagerAreReady()
{
    auto p = wf::demoProfile();
    p.endpoint(wf::Endpoint::Prometheus).url = m_stack.prometheusUrl();
    p.endpoint(wf::Endpoint::Alertmanager).url = m_stack.alertmanagerUrl();
    const auto prom = probeOnce(p, wf::Endpoint::Prometheus);
    QCOMPARE(prom.state, State::Ready);
    QCOMPARE(prom.httpStatus, 200);
    QVERIFY(prom.roundTripMs >= 0);
    const auto am = probeOnce(p, wf::Endpoint::Alertmanager);
    QCOMPARE(am.state, State::Ready);
}

void TestEndpointProbe::stoppedServerIsDownWithReason()
{
    MonitoringStack own;
    QVERIFY2(own.start(), qPrintable(own.errorString()));
    auto p = wf::demoProfile();
    p.endpoint(wf::Endpoint::Prometheus).url = own.prometheusUrl();
    QCOMPARE(probeOnce(p, wf::Endpoint::Prometheus).state, State::Ready);
    own.stopPrometheus();
    const auto after = probeOnce(p, wf::Endpoint::Prometheus);
    QCOMPARE(after.state, State::Down);
    QVERIFY2(after.message.contains(QStringLiteral("Connection refused")), qPrintable(after.message));
    QVERIFY(after.message.contains(own.prometheusUrl().authority()));
}

void TestEndpointProbe::healthEndpointAnswers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("healthy") << 200 << QByteArray(R"({"status":"Healthy"})") << int(State::Ready) << "Healthy";
    QTest::newRow("degraded") << 200 << QByteArray(R"({"status":"Degraded"})") << int(State::Degraded)
                              << "Degraded";
    QTest::newRow("unhealthy 503 is data") << 503 << QByteArray(R"({"status":"Unhealthy"})") << int(State::Degraded)
                                           << "Unhealthy";
    QTest::newRow("500 without body") << 500 << QByteArray("oops") << int(State::Down) << "500";
    QTest::newRow("404") << 404 << QByteArray("not found") << int(State::Down) << "404";
}

void TestEndpointProbe::healthEndpointAnswers()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, expected);
    QFETCH(QString, mentions);
    TinyHttpServer server;
    QVERIFY(server.listen());
    server.respond(status, body);
    auto p = wf::demoProfile();
    p.endpoint(wf::Endpoint::Health).url = server.url(QStringLiteral("/api/health/alpaca"));
    const auto r = probeOnce(p, wf::Endpoint::Health);
    QCOMPARE(int(r.state), expected);
    QVERIFY2(r.message.contains(mentions), qPrintable(r.message));
    QVERIFY(server.lastRequest().startsWith("GET /api/health/alpaca "));
}

void TestEndpointProbe::slowServerTimesOut()
{
    TinyHttpServer server;
    QVERIFY(server.listen());
    server.setSilent(true);
    auto p = wf::demoProfile();
    p.endpoint(wf::Endpoint::Loki).url = server.url();
    const auto r = probeOnce(p, wf::Endpoint::Loki, 500);
    QCOMPARE(r.state, State::Down);
    QVERIFY2(r.message.contains(QStringLiteral("0.5 s")), qPrintable(r.message));
}

void TestEndpointProbe::sendsAuthAndTenant()
{
    TinyHttpServer server;
    QVERIFY(server.listen());
    server.respond(200, "ready", "text/plain");
    auto p = wf::demoProfile();
    p.endpoint(wf::Endpoint::Loki).url = server.url(QStringLiteral("/base/"));
    p.endpoint(wf::Endpoint::Loki).auth = {wf::AuthKind::Bearer, {}, QStringLiteral("tok123")};
    p.lokiTenant = QStringLiteral("team-a");
    QCOMPARE(probeOnce(p, wf::Endpoint::Loki).state, State::Ready);
    const auto request = server.lastRequest();
    QVERIFY2(request.startsWith("GET /base/ready "), request.constData());
    QVERIFY(request.contains("Authorization: Bearer tok123"));
    QVERIFY(request.contains("X-Scope-OrgID: team-a"));
    QVERIFY(request.contains("User-Agent: Watchfloor/"));
}

void TestEndpointProbe::errorTextHasNoSecret()
{
    auto p = wf::demoProfile();
    p.endpoint(wf::Endpoint::Prometheus).url = QUrl(QStringLiteral("http://admin:hunter2@127.0.0.1:1/"));
    const auto r = probeOnce(p, wf::Endpoint::Prometheus);
    QCOMPARE(r.state, State::Down);
    QVERIFY2(!r.message.contains(QStringLiteral("hunter2")), qPrintable(r.message));
}

void TestEndpointProbe::newProfileDropsOldAnswers()
{
    TinyHttpServer slow;
    QVERIFY(slow.listen());
    slow.setSilent(true);
    auto old = wf::demoProfile();
    old.endpoint(wf::Endpoint::Prometheus).url = slow.url();
    auto current = wf::demoProfile();
    current.endpoint(wf::Endpoint::Prometheus).url = m_stack.prometheusUrl();

    wf::EndpointProbe probe(&m_network);
    probe.setTimeoutMs(1000);
    QSignalSpy spy(&probe, &wf::EndpointProbe::probed);
    probe.setProfile(old);
    probe.probe(wf::Endpoint::Prometheus);
    QTRY_COMPARE(slow.requestCount(), 1);
    probe.setProfile(current); // the user switched profiles while the old probe waits
    probe.probe(wf::Endpoint::Prometheus);
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.first().at(1).value<wf::ProbeResult>().state, State::Ready);
    QTest::qWait(1500); // past the old probe's timeout: its answer must not arrive
    QCOMPARE(spy.size(), 1);
}

QTEST_GUILESS_MAIN(TestEndpointProbe)
#include "tst_endpointprobe.moc"
