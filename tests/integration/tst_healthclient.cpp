// The health poller against the service's health endpoint as mytrader-sim serves it, through a
// FaultProxy (TLS, the profile's CA file) for what a proxy or a bad day adds: a 503 with the
// service's body is an unhealthy report, not an error; garbage and outages are typed errors; the
// round trip is measured; slow answers never pile up polls; it recovers by itself.

#include "faultproxy.h"
#include "monitoringstack.h"
#include "sources/health/healthclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using Kind = wf::Error::Kind;
using Fault = FaultProxy::Fault;

class TestHealthClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void healthyThenDegradedAre200();
    void unhealthy503IsData();
    void errorsAreTyped_data();
    void errorsAreTyped();
    void unknownPathIsTheServers404();
    void serviceDown();
    void roundTripIsMeasured();
    void slowServiceDoesNotPileUpPolls();
    void recoversByItself();

private:
    wf::HealthSample pollOnce();
    void pointAt(const QUrl &url);
    void drill(const QByteArray &kind, int seconds);
    void clearDrills();
    QUrl healthUrl(const QString &path = QStringLiteral("/api/health/alpaca")) const;

    QNetworkAccessManager m_network;
    QTemporaryDir m_certDir;
    std::optional<FaultProxy::Certificates> m_certs;
    MonitoringStack m_stack;
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<wf::HttpClient> m_http;
    std::unique_ptr<wf::HealthClient> m_client;
};

void TestHealthClient::initTestCase()
{
    QString error;
    m_certs = FaultProxy::makeCertificates(m_certDir.path(), &error);
    QVERIFY2(m_certs, qPrintable(error));
    QVERIFY2(m_stack.startSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE)), qPrintable(m_stack.errorString()));
}

void TestHealthClient::init()
{
    m_client.reset();
    clearDrills();
    m_proxy = std::make_unique<FaultProxy>(quint16(m_stack.simulatorUrl().port()), *m_certs);
    QVERIFY(m_proxy->listen());
    pointAt(healthUrl());
}

void TestHealthClient::cleanup()
{
    m_client.reset();
    m_http.reset();
    m_proxy.reset();
}

QUrl TestHealthClient::healthUrl(const QString &path) const
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1%2").arg(m_proxy->port()).arg(path));
}

void TestHealthClient::pointAt(const QUrl &url)
{
    wf::Profile profile;
    profile.name = QStringLiteral("test");
    profile.endpoint(wf::Endpoint::Health).url = url;
    profile.caFile = m_certs->caFile;
    m_client.reset();
    m_http = std::make_unique<wf::HttpClient>(&m_network, wf::Endpoint::Health);
    m_http->setProfile(profile);
    m_client = std::make_unique<wf::HealthClient>(m_http.get());
}

void TestHealthClient::drill(const QByteArray &kind, int seconds)
{
    QVERIFY2(m_stack.drill(kind, seconds), qPrintable(m_stack.errorString()));
}

void TestHealthClient::clearDrills()
{
    QVERIFY2(m_stack.endDrills(), qPrintable(m_stack.errorString()));
}

wf::HealthSample TestHealthClient::pollOnce()
{
    QSignalSpy spy(m_client.get(), &wf::HealthClient::sampled);
    m_client->pollNow();
    if (!spy.wait(20000))
        qWarning("no health sample");
    return m_client->last();
}

void TestHealthClient::healthyThenDegradedAre200()
{
    // Cleared drills: the service is back on its primary source (it may take it a tick).
    QTRY_VERIFY_WITH_TIMEOUT(pollOnce().report.ok() && m_client->last().report->health() == wf::Health::Good, 20000);
    auto s = m_client->last();
    QCOMPARE(s.httpStatus, 200);
    QCOMPARE(s.report->router.currentState, QStringLiteral("PRIMARY_ACTIVE"));
    QVERIFY(m_proxy->lastRequestHead().startsWith("GET /api/health/alpaca "));

    drill("alpaca_disconnect", 120);
    QTRY_VERIFY_WITH_TIMEOUT(pollOnce().report.ok() && m_client->last().report->router.currentState == u"FALLBACK_ACTIVE", 20000);
    s = m_client->last();
    QCOMPARE(s.httpStatus, 200);
    QCOMPARE(s.report->health(), wf::Health::Warning); // degraded: still 200, on the fallback
}

void TestHealthClient::unhealthy503IsData()
{
    drill("both_down", 120);
    QTRY_VERIFY_WITH_TIMEOUT(pollOnce().httpStatus == 503, 20000);
    // Passed on at once, one request a connection: the proxy sees each (a kept-alive one it would not).
    m_proxy->setSlowMs(0);
    m_proxy->setFault(Fault::Slow);
    const int before = m_proxy->requests();
    const auto s = pollOnce();
    QVERIFY2(s.report.ok(), qPrintable(s.report ? QString() : s.report.error().message));
    QCOMPARE(s.httpStatus, 503);
    QCOMPARE(s.report->health(), wf::Health::Bad);
    QCOMPARE(s.report->router.currentState, QStringLiteral("BOTH_UNAVAILABLE"));
    QCOMPARE(m_proxy->requests() - before, 1); // a 503 with a body is an answer: never retried
}

void TestHealthClient::errorsAreTyped_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<Kind>("kind");
    QTest::newRow("malformed json") << 200 << QByteArray(R"({"status": "Healthy",)") << QByteArray("application/json") << Kind::Parse;
    QTest::newRow("html 200") << 200 << QByteArray("<html>login</html>") << QByteArray("text/html") << Kind::Parse;
    QTest::newRow("503 from a proxy") << 503 << QByteArray("<html>Service Unavailable</html>") << QByteArray("text/html") << Kind::HttpStatus;
    QTest::newRow("500 text") << 500 << QByteArray("boom") << QByteArray("text/plain") << Kind::HttpStatus;
}

void TestHealthClient::errorsAreTyped()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(Kind, kind);
    FaultProxy::Answer answer;
    answer.status = status;
    answer.body = body;
    answer.contentType = contentType;
    m_proxy->setCustomAnswer(answer);
    m_proxy->setFault(Fault::Custom);
    const auto s = pollOnce();
    QVERIFY(!s.report.ok());
    QCOMPARE(s.report.error().kind, kind);
    QVERIFY(!s.report.error().message.isEmpty());
    QCOMPARE(s.httpStatus, status);
}

void TestHealthClient::unknownPathIsTheServers404()
{
    pointAt(healthUrl(QStringLiteral("/api/health/yahoo")));
    const auto s = pollOnce();
    QVERIFY(!s.report.ok());
    QCOMPARE(s.report.error().kind, Kind::HttpStatus);
    QCOMPARE(s.httpStatus, 404);
    QVERIFY2(s.report.error().message.contains(QStringLiteral("404")), qPrintable(s.report.error().message));
}

void TestHealthClient::serviceDown()
{
    QTcpServer reserve;
    QVERIFY(reserve.listen(QHostAddress::LocalHost));
    const auto port = reserve.serverPort();
    reserve.close();
    pointAt(QUrl(QStringLiteral("http://127.0.0.1:%1/api/health/alpaca").arg(port)));
    const auto s = pollOnce();
    QVERIFY(!s.report.ok());
    QCOMPARE(s.report.error().kind, Kind::Network);
    QVERIFY(s.report.error().message.contains(QStringLiteral("refused")));
}

void TestHealthClient::roundTripIsMeasured()
{
    m_proxy->setSlowMs(250);
    m_proxy->setFault(Fault::Slow);
    const auto s = pollOnce();
    QVERIFY2(s.report.ok(), qPrintable(s.report ? QString() : s.report.error().message));
    QVERIFY2(s.roundTripMs >= 240, qPrintable(QString::number(s.roundTripMs))); // the proxy's 250 ms in it
    QVERIFY(s.receivedAt.isValid());
}

void TestHealthClient::slowServiceDoesNotPileUpPolls()
{
    m_proxy->setSlowMs(600);
    m_proxy->setFault(Fault::Slow);
    QSignalSpy spy(m_client.get(), &wf::HealthClient::sampled);
    m_client->setIntervalMs(100); // six polls due while one is answered
    m_client->start();
    QTRY_VERIFY_WITH_TIMEOUT(spy.size() >= 3, 30000);
    m_client->stop();
    QCOMPARE(m_proxy->maxHeldAtOnce(), 1);
}

void TestHealthClient::recoversByItself()
{
    FaultProxy::Answer down;
    down.body = "down";
    m_proxy->setCustomAnswer(down);
    m_proxy->setFaultFor(Fault::Custom, 1);
    QList<bool> oks;
    connect(m_client.get(), &wf::HealthClient::sampled, this, [&](const wf::HealthSample &s) { oks << s.report.ok(); });
    m_client->setIntervalMs(100);
    m_client->start();
    QTRY_VERIFY_WITH_TIMEOUT(oks.size() >= 2, 20000);
    m_client->stop();
    QCOMPARE(oks.at(0), false);
    QCOMPARE(oks.at(1), true);
}

QTEST_GUILESS_MAIN(TestHealthClient)
#include "tst_healthclient.moc"
