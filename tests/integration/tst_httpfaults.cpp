// Every way a server can fail, through the HTTP layer and the Prometheus client: each ends in the
// right typed, readable error — no crash, no hang.

#include "sources/prometheus/prometheusclient.h"
#include "telemetry/logging.h"
#include "tinyhttpserver.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using Kind = wf::Error::Kind;

class TestHttpFaults : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void serverDown();
    void serverErrorWithBody_data();
    void serverErrorWithBody();
    void rateLimitedThenServed();
    void slowPastTheTimeout();
    void malformedJson_data();
    void malformedJson();
    void truncatedBody();
    void htmlInsteadOfApi();
    void hugeResponse();
    void postIsNeverRetried();
    void cancelMeansNoCallback();
    void capsRequestsInFlight();
    void noSecretInErrors();
    void sameFailureIsWarnedOnceAMinute();
    void whatTheLightHears();

private:
    wf::Result<wf::PromResult> query(const QUrl &base, int timeoutMs = 20000);

    QNetworkAccessManager m_network;
    std::unique_ptr<TinyHttpServer> m_server;
    std::unique_ptr<wf::HttpClient> m_http;
    std::unique_ptr<wf::PrometheusClient> m_client;
};

static const QByteArray kOk = R"({"status":"success","data":{"resultType":"vector","result":[]}})";

void TestHttpFaults::init()
{
    m_server = std::make_unique<TinyHttpServer>();
    QVERIFY(m_server->listen());
    m_http = std::make_unique<wf::HttpClient>(&m_network, wf::Endpoint::Prometheus);
    auto options = m_http->options();
    options.backoffBaseMs = 20;
    options.totalTimeoutMs = 2000;
    options.connectTimeoutMs = 2000;
    m_http->setOptions(options);
    m_client = std::make_unique<wf::PrometheusClient>(m_http.get());
}

wf::Result<wf::PromResult> TestHttpFaults::query(const QUrl &base, int timeoutMs)
{
    auto profile = wf::demoProfile();
    profile.endpoint(wf::Endpoint::Prometheus).url = base;
    m_http->setProfile(profile);
    std::optional<wf::Result<wf::PromResult>> out;
    m_client->query(QStringLiteral("up"), {}, this, [&out](const auto &r) { out = r; });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, timeoutMs)) {
        wf::Error hang;
        hang.message = QStringLiteral("HANG: no answer within the test's patience");
        return hang;
    }
    return *out;
}

void TestHttpFaults::serverDown()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        port = probe.serverPort();
    }
    const auto r = query(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Kind::Network);
    QVERIFY2(r.error().message.contains(QStringLiteral("Connection refused")), qPrintable(r.error().message));
}

void TestHttpFaults::serverErrorWithBody_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("mentions");
    QTest::addColumn<int>("requests");
    QTest::newRow("500 envelope") << 500
                                  << QByteArray(R"({"status":"error","errorType":"internal","error":"disk full"})")
                                  << int(Kind::Api) << "disk full" << 1;
    QTest::newRow("500 text") << 500 << QByteArray("something broke") << int(Kind::HttpStatus) << "something broke"
                              << 1;
    QTest::newRow("503 timeout envelope, retried")
        << 503 << QByteArray(R"({"status":"error","errorType":"timeout","error":"query timed out"})")
        << int(Kind::Api) << "query timed out" << 3;
    QTest::newRow("422 execution") << 422
                                   << QByteArray(R"({"status":"error","errorType":"execution","error":"many-to-many"})")
                                   << int(Kind::Api) << "many-to-many" << 1;
}

void TestHttpFaults::serverErrorWithBody()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(QString, mentions);
    QFETCH(int, requests);
    m_server->respond(status, body, body.startsWith('{') ? "application/json" : "text/plain");
    const auto r = query(m_server->url());
    QVERIFY(!r.ok());
    QCOMPARE(int(r.error().kind), kind);
    QCOMPARE(r.error().httpStatus, status);
    QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
    QCOMPARE(m_server->requestCount(), requests);
}

void TestHttpFaults::rateLimitedThenServed()
{
    TinyHttpServer::Reply limited;
    limited.status = 429;
    limited.body = "slow down";
    limited.contentType = "text/plain";
    limited.headers = {{"Retry-After", "1"}};
    m_server->enqueue(limited);
    m_server->respond(200, kOk);
    QElapsedTimer clock;
    clock.start();
    const auto r = query(m_server->url());
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(m_server->requestCount(), 2);
    QVERIFY2(clock.elapsed() >= 900, "Retry-After was not honoured");
}

void TestHttpFaults::slowPastTheTimeout()
{
    TinyHttpServer::Reply slow;
    slow.body = kOk;
    slow.delayMs = 10000;
    m_server->respond(slow);
    auto options = m_http->options();
    options.maxRetries = 0;
    options.totalTimeoutMs = 500;
    options.connectTimeoutMs = 500;
    m_http->setOptions(options);
    QElapsedTimer clock;
    clock.start();
    const auto r = query(m_server->url());
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Kind::Timeout);
    QVERIFY2(r.error().message.contains(QStringLiteral("0.5 s")), qPrintable(r.error().message));
    QVERIFY2(clock.elapsed() < slow.delayMs - 1000, qPrintable(QString::number(clock.elapsed()))); // gave up before the answer came
}

void TestHttpFaults::malformedJson_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("not json") << QByteArray("{status: success");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("wrong shape") << QByteArray(R"({"hello":"world"})");
}

void TestHttpFaults::malformedJson()
{
    QFETCH(QByteArray, body);
    m_server->respond(200, body);
    QSignalSpy failed(m_http.get(), &wf::HttpClient::requestFailed);
    QSignalSpy read(m_http.get(), &wf::HttpClient::answerRead);
    const auto r = query(m_server->url());
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Kind::Parse);
    QCOMPARE(m_server->requestCount(), 1); // a parse error is not retried
    // The endpoint's light hears of it: a 200 it cannot read is a fault.
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<wf::Error>().kind, Kind::Parse);
    QCOMPARE(read.size(), 0);
}

// What reaches the endpoint's light from the views' requests: a failure on the way or a status
// that is the server's fault, an answer read; never a cancel, nor the request's own fault (400).
void TestHttpFaults::whatTheLightHears()
{
    QSignalSpy failed(m_http.get(), &wf::HttpClient::requestFailed);
    QSignalSpy read(m_http.get(), &wf::HttpClient::answerRead);
    m_server->respond(200, kOk);
    QVERIFY(query(m_server->url()).ok());
    QCOMPARE(read.size(), 1);
    QCOMPARE(failed.size(), 0);

    m_server->respond(400, R"({"status":"error","errorType":"bad_data","error":"parse error at char 3"})");
    QVERIFY(!query(m_server->url()).ok());
    QCOMPARE(failed.size(), 0); // a typo in a query is not the server's fault

    m_server->respond(500, R"({"status":"error","errorType":"internal","error":"boom"})");
    QVERIFY(!query(m_server->url()).ok());
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<wf::Error>().httpStatus, 500);

    m_server->setSilent(true);
    auto profile = wf::demoProfile();
    profile.endpoint(wf::Endpoint::Prometheus).url = m_server->url();
    m_http->setProfile(profile);
    const auto id = m_client->query(QStringLiteral("up"), {}, this, [](const auto &) {});
    QTest::qWait(100);
    m_http->cancel(id);
    QTest::qWait(100);
    QCOMPARE(failed.size(), 1); // canceled: nothing to say about the server
}

void TestHttpFaults::truncatedBody()
{
    TinyHttpServer::Reply cut;
    cut.body = QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[)") + QByteArray(4000, ' ') + "]}}";
    cut.truncate = true;
    m_server->respond(cut);
    const auto r = query(m_server->url());
    QVERIFY(!r.ok());
    QVERIFY2(r.error().kind == Kind::Network || r.error().kind == Kind::Parse, qPrintable(r.error().message));
    QVERIFY(!r.error().message.isEmpty());
}

void TestHttpFaults::htmlInsteadOfApi()
{
    m_server->respond(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html");
    const auto gateway = query(m_server->url());
    QVERIFY(!gateway.ok());
    QCOMPARE(gateway.error().kind, Kind::HttpStatus);
    QVERIFY2(gateway.error().message.contains(QStringLiteral("HTML page")), qPrintable(gateway.error().message));
    QCOMPARE(m_server->requestCount(), 3); // 502 is worth retrying

    init();
    m_server->respond(200, "<html><body>Please log in</body></html>", "text/html"); // wrong content type, 200
    const auto login = query(m_server->url());
    QVERIFY(!login.ok());
    QCOMPARE(login.error().kind, Kind::Parse);
}

void TestHttpFaults::hugeResponse()
{
    QByteArray huge = R"({"status":"success","data":{"resultType":"vector","result":[)";
    const QByteArray item = R"({"metric":{"symbol":"AAPL"},"value":[1795544254.269,"1"]},)";
    while (huge.size() < 50 * 1024 * 1024)
        huge += item;
    huge.chop(1);
    huge += "]}}";
    m_server->respond(200, huge);
    const auto r = query(m_server->url(), 60000);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Kind::TooLarge);
    QVERIFY2(r.error().message.contains(QStringLiteral("32 MB")), qPrintable(r.error().message));
}

void TestHttpFaults::postIsNeverRetried()
{
    m_server->respond(503, "busy", "text/plain");
    auto profile = wf::demoProfile();
    profile.endpoint(wf::Endpoint::Prometheus).url = m_server->url();
    m_http->setProfile(profile);
    wf::HttpRequest post;
    post.method = wf::HttpRequest::Method::Post;
    post.path = QStringLiteral("/api/v1/admin/tsdb/snapshot");
    std::optional<wf::Result<wf::HttpResponse>> out;
    m_http->send(post, this, [&out](const auto &r) { out = r; });
    QTRY_VERIFY(out.has_value());
    QVERIFY(!out->ok());
    QCOMPARE(out->error().httpStatus, 503);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestHttpFaults::cancelMeansNoCallback()
{
    m_server->setSilent(true);
    auto profile = wf::demoProfile();
    profile.endpoint(wf::Endpoint::Prometheus).url = m_server->url();
    m_http->setProfile(profile);
    int calls = 0;
    const auto id = m_client->query(QStringLiteral("up"), {}, this, [&calls](const auto &) { ++calls; });
    QTRY_COMPARE(m_server->requestCount(), 1);
    m_client->cancel(id);
    QCOMPARE(m_http->inFlight(), 0);
    QTRY_COMPARE(m_server->openConnections(), 0); // the connection was really closed
    QTest::qWait(2500);                           // past the timeout: still nothing
    QCOMPARE(calls, 0);
}

void TestHttpFaults::capsRequestsInFlight()
{
    TinyHttpServer::Reply slow;
    slow.body = kOk;
    slow.delayMs = 200;
    m_server->respond(slow);
    auto options = m_http->options();
    options.maxInFlight = 2;
    m_http->setOptions(options);
    auto profile = wf::demoProfile();
    profile.endpoint(wf::Endpoint::Prometheus).url = m_server->url();
    m_http->setProfile(profile);
    int done = 0;
    for (int i = 0; i < 6; ++i)
        m_client->query(QStringLiteral("up"), {}, this, [&done](const auto &r) { done += r.ok(); });
    QCOMPARE(m_http->inFlight(), 2);
    QCOMPARE(m_http->queued(), 4);
    QTRY_COMPARE_WITH_TIMEOUT(done, 6, 10000);
    QVERIFY2(m_server->maxOpenConnections() <= 2, qPrintable(QString::number(m_server->maxOpenConnections())));
}

void TestHttpFaults::noSecretInErrors()
{
    auto profile = wf::demoProfile();
    auto url = m_server->url();
    url.setUserName(QStringLiteral("admin"));
    url.setPassword(QStringLiteral("hunter2"));
    profile.endpoint(wf::Endpoint::Prometheus).url = url;
    profile.endpoint(wf::Endpoint::Prometheus).auth = {wf::AuthKind::Bearer, {}, QStringLiteral("tok-abcdefgh123")};
    m_http->setProfile(profile);
    m_server->respond(401, R"(invalid token tok-abcdefgh123)", "text/plain");
    std::optional<wf::Result<wf::PromResult>> out;
    m_client->query(QStringLiteral("up"), {}, this, [&out](const auto &r) { out = r; });
    QTRY_VERIFY(out.has_value());
    QVERIFY(!out->ok());
    const auto message = out->error().message;
    QVERIFY2(message.contains(QStringLiteral("401")) && message.contains(QStringLiteral("token")), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("hunter2")), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("tok-abcdefgh123")), qPrintable(message)); // echoed by the server
    QVERIFY(!out->error().body.contains("tok-abcdefgh123"));
    QVERIFY(m_server->lastRequest().contains("Authorization: Bearer tok-abcdefgh123")); // it was sent, though
}

void TestHttpFaults::sameFailureIsWarnedOnceAMinute()
{
    // A server that fails the same way at every poll all night is one warning a minute in the
    // console's log, not one per request; an answer in between makes the next failure news again.
    QTemporaryDir logs;
    wf::logging::Options options;
    options.directory = logs.path();
    options.toStderr = false;
    wf::logging::setup(options);
    const auto warnings = [&] {
        wf::logging::get("net")->flush();
        QFile log(wf::logging::logFilePath(logs.path()));
        return log.open(QIODevice::ReadOnly) ? int(log.readAll().count("warning [net] GET")) : -1;
    };
    TinyHttpServer::Reply broken;
    broken.status = 500;
    broken.body = "database is locked";
    broken.contentType = "text/plain";
    m_server->respond(broken);
    for (int i = 0; i < 5; ++i)
        QVERIFY(!query(m_server->url()).ok());
    QCOMPARE(warnings(), 1);
    // The same status with a body that changes each time (a 503 health body carries its time).
    for (int i = 0; i < 3; ++i) {
        broken.body = "database is locked at second " + QByteArray::number(i);
        m_server->respond(broken);
        QVERIFY(!query(m_server->url()).ok());
    }
    QCOMPARE(warnings(), 1);
    broken.body = "database is locked";
    m_server->respond(broken);
    m_server->respond(200, kOk);
    QVERIFY(query(m_server->url()).ok());
    m_server->respond(broken);
    QVERIFY(!query(m_server->url()).ok());
    QCOMPARE(warnings(), 2);
    wf::logging::setup({}); // back to the defaults for the other tests
}

QTEST_GUILESS_MAIN(TestHttpFaults)
#include "tst_httpfaults.moc"
