// The health poller: a 503 with the service's body is an unhealthy report, not an error; garbage
// and outages are typed errors; the round trip is measured; slow answers never pile up polls.

#include "sources/health/healthclient.h"
#include "testdata.h"
#include "tinyhttpserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using Kind = wf::Error::Kind;

class TestHealthClient : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void healthyAndDegradedAre200();
    void unhealthy503IsData();
    void errorsAreTyped_data();
    void errorsAreTyped();
    void serviceDown();
    void roundTripIsMeasured();
    void slowServiceDoesNotPileUpPolls();
    void recoversByItself();

private:
    wf::HealthSample pollOnce();
    void pointAt(const QUrl &url);

    QNetworkAccessManager m_network;
    std::unique_ptr<TinyHttpServer> m_server;
    std::unique_ptr<wf::HttpClient> m_http;
    std::unique_ptr<wf::HealthClient> m_client;
};

void TestHealthClient::init()
{
    m_client.reset();
    m_server = std::make_unique<TinyHttpServer>();
    QVERIFY(m_server->listen());
    pointAt(m_server->url(QStringLiteral("/api/health/alpaca")));
}

void TestHealthClient::pointAt(const QUrl &url)
{
    wf::Profile profile;
    profile.name = QStringLiteral("test");
    profile.endpoint(wf::Endpoint::Health).url = url;
    m_client.reset();
    m_http = std::make_unique<wf::HttpClient>(&m_network, wf::Endpoint::Health);
    m_http->setProfile(profile);
    m_client = std::make_unique<wf::HealthClient>(m_http.get());
}

wf::HealthSample TestHealthClient::pollOnce()
{
    QSignalSpy spy(m_client.get(), &wf::HealthClient::sampled);
    m_client->pollNow();
    if (!spy.wait(10000))
        qWarning("no health sample");
    return m_client->last();
}

void TestHealthClient::healthyAndDegradedAre200()
{
    m_server->respond(200, readTestData(QStringLiteral("health/degraded.json")));
    const auto s = pollOnce();
    QVERIFY(s.report.ok());
    QCOMPARE(s.httpStatus, 200);
    QCOMPARE(s.report->health(), wf::Health::Warning);
    QCOMPARE(s.report->router.currentState, QStringLiteral("FALLBACK_ACTIVE"));
    QVERIFY(m_server->lastRequest().startsWith("GET /api/health/alpaca "));
}

void TestHealthClient::unhealthy503IsData()
{
    m_server->respond(503, readTestData(QStringLiteral("health/unhealthy.json")));
    const auto s = pollOnce();
    QVERIFY2(s.report.ok(), qPrintable(s.report ? QString() : s.report.error().message));
    QCOMPARE(s.httpStatus, 503);
    QCOMPARE(s.report->health(), wf::Health::Bad);
    QCOMPARE(s.report->router.currentState, QStringLiteral("BOTH_UNAVAILABLE"));
    QCOMPARE(m_server->requestCount(), 1); // a 503 with a body is an answer: never retried
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
    QTest::newRow("404") << 404 << QByteArray() << QByteArray("text/plain") << Kind::HttpStatus;
}

void TestHealthClient::errorsAreTyped()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(Kind, kind);
    m_server->respond(status, body, contentType);
    const auto s = pollOnce();
    QVERIFY(!s.report.ok());
    QCOMPARE(s.report.error().kind, kind);
    QVERIFY(!s.report.error().message.isEmpty());
    QCOMPARE(s.httpStatus, status);
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
    TinyHttpServer::Reply slow;
    slow.body = readTestData(QStringLiteral("health/degraded.json"));
    slow.delayMs = 250;
    m_server->respond(slow);
    const auto s = pollOnce();
    QVERIFY(s.report.ok());
    QVERIFY2(s.roundTripMs >= 240, qPrintable(QString::number(s.roundTripMs))); // the server's 250 ms in it
    QVERIFY(s.receivedAt.isValid());
}

void TestHealthClient::slowServiceDoesNotPileUpPolls()
{
    TinyHttpServer::Reply slow;
    slow.body = readTestData(QStringLiteral("health/degraded.json"));
    slow.delayMs = 600;
    m_server->respond(slow);
    QSignalSpy spy(m_client.get(), &wf::HealthClient::sampled);
    m_client->setIntervalMs(100);
    m_client->start();
    QTRY_VERIFY_WITH_TIMEOUT(spy.size() >= 3, 10000);
    m_client->stop();
    QCOMPARE(m_server->maxOpenConnections(), 1);
}

void TestHealthClient::recoversByItself()
{
    TinyHttpServer::Reply down;
    down.status = 500;
    down.body = "down";
    down.contentType = "text/plain";
    m_server->enqueue(down);
    m_server->respond(200, readTestData(QStringLiteral("health/degraded.json")));
    QList<bool> oks;
    connect(m_client.get(), &wf::HealthClient::sampled, this, [&](const wf::HealthSample &s) { oks << s.report.ok(); });
    m_client->setIntervalMs(100);
    m_client->start();
    QTRY_VERIFY_WITH_TIMEOUT(oks.size() >= 2, 10000);
    m_client->stop();
    QCOMPARE(oks.at(0), false);
    QCOMPARE(oks.at(1), true);
}

QTEST_GUILESS_MAIN(TestHealthClient)
#include "tst_healthclient.moc"
