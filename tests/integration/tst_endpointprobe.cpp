// The endpoint lights' probe against the real servers: Debian's Prometheus and Alertmanager, the
// simulator's health endpoint and Loki API, with a FaultProxy (TLS, the profile's CA file) in
// front where a fault or a look at the request is needed.

#include "faultproxy.h"
#include "monitoringstack.h"
#include "net/endpointprobe.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

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
    void keepsTheBasePath();
    void errorTextHasNoSecret();
    void newProfileDropsOldAnswers();

private:
    wf::ProbeResult probeOnce(const wf::Profile &profile, wf::Endpoint endpoint, int timeoutMs = 15000);
    // A proxy in front of the simulator (its health and Loki API) or Prometheus, and a profile
    // that trusts it.
    std::unique_ptr<FaultProxy> proxyFor(const QUrl &upstream);
    QUrl urlOf(const FaultProxy &proxy, const QString &path = QStringLiteral("/")) const;
    wf::Profile trusting() const;
    void drill(const QByteArray &kind);
    void clearDrills();

    MonitoringStack m_stack;
    QNetworkAccessManager m_network;
    QTemporaryDir m_certDir;
    std::optional<FaultProxy::Certificates> m_certs;
};

std::unique_ptr<FaultProxy> TestEndpointProbe::proxyFor(const QUrl &upstream)
{
    auto proxy = std::make_unique<FaultProxy>(quint16(upstream.port()), *m_certs);
    if (!proxy->listen())
        qWarning("the fault proxy could not listen");
    return proxy;
}

QUrl TestEndpointProbe::urlOf(const FaultProxy &proxy, const QString &path) const
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1%2").arg(proxy.port()).arg(path));
}

wf::Profile TestEndpointProbe::trusting() const
{
    auto p = wf::demoProfile();
    p.caFile = m_certs->caFile;
    return p;
}

void TestEndpointProbe::drill(const QByteArray &kind)
{
    QVERIFY2(m_stack.drill(kind, 120), qPrintable(m_stack.errorString()));
}

void TestEndpointProbe::clearDrills()
{
    QVERIFY2(m_stack.endDrills(), qPrintable(m_stack.errorString()));
}

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
    QString error;
    m_certs = FaultProxy::makeCertificates(m_certDir.path(), &error);
    QVERIFY2(m_certs, qPrintable(error));
    QVERIFY2(m_stack.startWithSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE)), qPrintable(m_stack.errorString()));
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
    QTest::addColumn<QByteArray>("drill");  // run on the simulator first ("": none)
    QTest::addColumn<int>("status");         // a set answer of the proxy instead (0: the service's own)
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("mentions");

    const auto health = QStringLiteral("/api/health/alpaca");
    QTest::newRow("healthy") << QByteArray() << 0 << health << int(State::Ready) << "Healthy";
    QTest::newRow("degraded") << QByteArray("alpaca_disconnect") << 0 << health << int(State::Degraded) << "Degraded";
    QTest::newRow("unhealthy 503 is data") << QByteArray("both_down") << 0 << health << int(State::Degraded) << "Unhealthy";
    QTest::newRow("500 without body") << QByteArray() << 500 << health << int(State::Down) << "500";
    QTest::newRow("the service's 404") << QByteArray() << 0 << QStringLiteral("/api/health/yahoo") << int(State::Down) << "404";
}

void TestEndpointProbe::healthEndpointAnswers()
{
    QFETCH(QByteArray, drill);
    QFETCH(int, status);
    QFETCH(QString, path);
    QFETCH(int, expected);
    QFETCH(QString, mentions);
    clearDrills();
    if (!drill.isEmpty())
        this->drill(drill);
    const auto proxy = proxyFor(m_stack.simulatorUrl());
    if (status != 0) {
        FaultProxy::Answer answer;
        answer.status = status;
        answer.body = "oops";
        proxy->setCustomAnswer(answer);
        proxy->setFault(FaultProxy::Fault::Custom);
    }
    auto p = trusting();
    p.endpoint(wf::Endpoint::Health).url = urlOf(*proxy, path);
    // A drill's router transition lands on the simulator's next tick: the probe sees it then.
    wf::ProbeResult r;
    QTRY_VERIFY2_WITH_TIMEOUT((r = probeOnce(p, wf::Endpoint::Health), int(r.state) == expected), qPrintable(r.message), 20000);
    QVERIFY2(r.message.contains(mentions), qPrintable(r.message));
    QVERIFY(proxy->lastRequestHead().startsWith("GET " + path.toUtf8() + ' '));
    clearDrills();
}

void TestEndpointProbe::slowServerTimesOut()
{
    const auto proxy = proxyFor(m_stack.simulatorUrl());
    proxy->setFault(FaultProxy::Fault::Hang);
    auto p = trusting();
    p.endpoint(wf::Endpoint::Loki).url = urlOf(*proxy);
    const auto r = probeOnce(p, wf::Endpoint::Loki, 500);
    QCOMPARE(r.state, State::Down);
    QVERIFY2(r.message.contains(QStringLiteral("0.5 s")), qPrintable(r.message));
}

void TestEndpointProbe::sendsAuthAndTenant()
{
    const auto proxy = proxyFor(m_stack.simulatorUrl());
    auto p = trusting();
    p.endpoint(wf::Endpoint::Loki).url = urlOf(*proxy);
    p.endpoint(wf::Endpoint::Loki).auth = {wf::AuthKind::Bearer, {}, QStringLiteral("tok123")};
    p.lokiTenant = QStringLiteral("team-a");
    const auto r = probeOnce(p, wf::Endpoint::Loki);
    QVERIFY2(r.state == State::Ready, qPrintable(r.message)); // the simulator's Loki /ready
    const auto request = proxy->lastRequestHead();
    QVERIFY2(request.startsWith("GET /ready "), request.constData());
    QVERIFY(request.contains("Authorization: Bearer tok123"));
    QVERIFY(request.contains("X-Scope-OrgID: team-a"));
    QVERIFY(request.contains("User-Agent: Watchfloor/"));
}

void TestEndpointProbe::keepsTheBasePath()
{
    // Loki behind a path prefix: the probe asks /base/ready. The simulator serves Loki at its
    // root, so it answers 404 — and the light names it.
    const auto proxy = proxyFor(m_stack.simulatorUrl());
    auto p = trusting();
    p.endpoint(wf::Endpoint::Loki).url = urlOf(*proxy, QStringLiteral("/base/"));
    const auto r = probeOnce(p, wf::Endpoint::Loki);
    const auto request = proxy->lastRequestHead();
    QVERIFY2(request.startsWith("GET /base/ready "), request.constData());
    QCOMPARE(r.state, State::Down);
    QVERIFY2(r.message.contains(QStringLiteral("404")), qPrintable(r.message));
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
    const auto hanging = proxyFor(m_stack.prometheusUrl());
    hanging->setFault(FaultProxy::Fault::Hang);
    auto old = trusting();
    old.endpoint(wf::Endpoint::Prometheus).url = urlOf(*hanging);
    auto current = trusting();
    current.endpoint(wf::Endpoint::Prometheus).url = m_stack.prometheusUrl();

    wf::EndpointProbe probe(&m_network);
    probe.setTimeoutMs(1000);
    QSignalSpy spy(&probe, &wf::EndpointProbe::probed);
    probe.setProfile(old);
    probe.probe(wf::Endpoint::Prometheus);
    QTRY_COMPARE_WITH_TIMEOUT(hanging->requests(), 1, 15000);
    probe.setProfile(current); // the user switched profiles while the old probe waits
    probe.probe(wf::Endpoint::Prometheus);
    QVERIFY(spy.wait(15000));
    QCOMPARE(spy.first().at(1).value<wf::ProbeResult>().state, State::Ready);
    // The old probe has given up (its connection to the hanging server is gone): whatever it had
    // to say was said by now, and nothing may have been.
    QTRY_COMPARE_WITH_TIMEOUT(hanging->openConnections(), 0, 15000);
    QCoreApplication::processEvents();
    QCOMPARE(spy.size(), 1);
}

QTEST_GUILESS_MAIN(TestEndpointProbe)
#include "tst_endpointprobe.moc"
