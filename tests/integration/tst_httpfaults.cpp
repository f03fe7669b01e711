// Every way a server can fail, through the HTTP layer and the Prometheus client: each ends in the
// right typed, readable error — no crash, no hang. The server is Debian's real Prometheus (its own
// errors: a query it cannot parse, one it cannot execute) behind a FaultProxy (TLS, the profile's
// CA file) for the failures a real server only shows on a bad day.

#include "faultproxy.h"
#include "monitoringstack.h"
#include "sources/prometheus/prometheusclient.h"
#include "telemetry/logging.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using Kind = wf::Error::Kind;
using Fault = FaultProxy::Fault;

class TestHttpFaults : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void serverDown();
    void serverErrorWithBody_data();
    void serverErrorWithBody();
    void realPrometheusRefusesAQuery_data();
    void realPrometheusRefusesAQuery();
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
    void credentialsStayWithTheirOrigin();
    void redirectsOnTheSameServerAreFollowed();
    void sameFailureIsWarnedOnceAMinute();
    void whatTheLightHears();

private:
    wf::Result<wf::PromResult> query(const QUrl &base, const QString &expr = QStringLiteral("up"), int timeoutMs = 20000);
    wf::Profile profileFor(const QUrl &base) const;
    void fail(const FaultProxy::Answer &answer);
    // How often the real Prometheus answered /api/v1/query with this status, by its own counter.
    double answered(int status);

    QNetworkAccessManager m_network;
    QTemporaryDir m_certDir;
    std::optional<FaultProxy::Certificates> m_certs;
    MonitoringStack m_stack;
    std::unique_ptr<FaultProxy> m_proxy;
    QUrl m_url; // the proxy's
    std::unique_ptr<wf::HttpClient> m_http;
    std::unique_ptr<wf::PrometheusClient> m_client;
};

void TestHttpFaults::initTestCase()
{
    QString error;
    m_certs = FaultProxy::makeCertificates(m_certDir.path(), &error);
    QVERIFY2(m_certs, qPrintable(error));
    // The simulator is scraped too: two series of `up`, for a query that cannot be executed.
    QVERIFY2(m_stack.startWithSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE)), qPrintable(m_stack.errorString()));
    init();
    QTRY_VERIFY_WITH_TIMEOUT(query(m_stack.prometheusUrl(), QStringLiteral("count(up == 1) == 2")).ok()
                                 && !query(m_stack.prometheusUrl(), QStringLiteral("count(up == 1) == 2")).value().series.empty(),
                             30000);
}

void TestHttpFaults::init()
{
    m_client.reset();
    m_http.reset();
    m_proxy = std::make_unique<FaultProxy>(quint16(m_stack.prometheusUrl().port()), *m_certs);
    QVERIFY(m_proxy->listen());
    m_url = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_proxy->port()));
    m_http = std::make_unique<wf::HttpClient>(&m_network, wf::Endpoint::Prometheus);
    auto options = m_http->options();
    options.backoffBaseMs = 20;
    options.totalTimeoutMs = 2000;
    options.connectTimeoutMs = 2000;
    m_http->setOptions(options);
    m_client = std::make_unique<wf::PrometheusClient>(m_http.get());
}

void TestHttpFaults::cleanup()
{
    m_client.reset();
    m_http.reset();
    m_proxy.reset();
}

wf::Profile TestHttpFaults::profileFor(const QUrl &base) const
{
    auto profile = wf::demoProfile();
    profile.endpoint(wf::Endpoint::Prometheus).url = base;
    profile.caFile = m_certs->caFile;
    return profile;
}

void TestHttpFaults::fail(const FaultProxy::Answer &answer)
{
    m_proxy->setCustomAnswer(answer);
    m_proxy->setFault(Fault::Custom);
}

wf::Result<wf::PromResult> TestHttpFaults::query(const QUrl &base, const QString &expr, int timeoutMs)
{
    m_http->setProfile(profileFor(base));
    std::optional<wf::Result<wf::PromResult>> out;
    m_client->query(expr, {}, this, [&out](const auto &r) { out = r; });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, timeoutMs)) {
        wf::Error hang;
        hang.message = QStringLiteral("HANG: no answer within the test's patience");
        return hang;
    }
    return *out;
}

double TestHttpFaults::answered(int status)
{
    std::unique_ptr<QNetworkReply> reply(m_network.get(QNetworkRequest(m_stack.prometheusUrl().resolved(QUrl(QStringLiteral("/metrics"))))));
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 15000))
        return -1;
    double n = 0;
    const auto code = "code=\"" + QByteArray::number(status) + '"';
    for (const auto &line : reply->readAll().split('\n'))
        if (line.startsWith("prometheus_http_requests_total{") && line.contains("handler=\"/api/v1/query\"") && line.contains(code))
            n += line.mid(line.lastIndexOf(' ') + 1).toDouble();
    return n;
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
}

void TestHttpFaults::serverErrorWithBody()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(QString, mentions);
    QFETCH(int, requests);
    fail({status, body, body.startsWith('{') ? QByteArray("application/json") : QByteArray("text/plain"), {}});
    const auto r = query(m_url);
    QVERIFY(!r.ok());
    QCOMPARE(int(r.error().kind), kind);
    QCOMPARE(r.error().httpStatus, status);
    QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
    QCOMPARE(m_proxy->requests(), requests);
}

// Prometheus' own refusals, in its own words: a query it cannot parse (400 bad_data) and one it
// cannot execute (422 execution: `up` has two series here, matched on nothing). Neither is
// retried, as Prometheus' own counter of its answers says.
void TestHttpFaults::realPrometheusRefusesAQuery_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("400 bad_data") << QStringLiteral("up{") << 400 << QStringLiteral("parse error");
    QTest::newRow("422 execution") << QStringLiteral("up + on() up") << 422 << QStringLiteral("many-to-many");
}

void TestHttpFaults::realPrometheusRefusesAQuery()
{
    QFETCH(QString, expr);
    QFETCH(int, status);
    QFETCH(QString, mentions);
    const auto before = answered(status);
    const auto r = query(m_url, expr);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Kind::Api);
    QCOMPARE(r.error().httpStatus, status);
    QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
    QCOMPARE(answered(status) - before, 1.0);
}

void TestHttpFaults::rateLimitedThenServed()
{
    m_proxy->setRetryAfterSeconds(1);
    m_proxy->setFaultFor(Fault::RateLimited, 1);
    QElapsedTimer clock;
    clock.start();
    const auto r = query(m_url);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(m_proxy->requests(), 2);
    QVERIFY2(clock.elapsed() >= 900, "Retry-After was not honoured");
}

void TestHttpFaults::slowPastTheTimeout()
{
    m_proxy->setFault(Fault::Slow);
    auto options = m_http->options();
    options.maxRetries = 0;
    options.totalTimeoutMs = 500;
    options.connectTimeoutMs = 500;
    m_http->setOptions(options);
    QElapsedTimer clock;
    clock.start();
    const auto r = query(m_url);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Kind::Timeout);
    QVERIFY2(r.error().message.contains(QStringLiteral("0.5 s")), qPrintable(r.error().message));
    QVERIFY2(clock.elapsed() < FaultProxy::kSlowMs - 1000, qPrintable(QString::number(clock.elapsed()))); // gave up before the answer came
}

void TestHttpFaults::malformedJson_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<QByteArray>("body"); // Custom's
    QTest::newRow("not json") << Fault::MalformedJson << QByteArray();
    QTest::newRow("empty") << Fault::Custom << QByteArray();
    QTest::newRow("wrong shape") << Fault::WrongShape << QByteArray();
}

void TestHttpFaults::malformedJson()
{
    QFETCH(Fault, fault);
    QFETCH(QByteArray, body);
    m_proxy->setCustomAnswer({200, body, "application/json", {}});
    m_proxy->setFault(fault);
    QSignalSpy failed(m_http.get(), &wf::HttpClient::requestFailed);
    QSignalSpy read(m_http.get(), &wf::HttpClient::answerRead);
    const auto r = query(m_url);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Kind::Parse);
    QCOMPARE(m_proxy->requests(), 1); // a parse error is not retried
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
    QVERIFY(query(m_url).ok());
    QCOMPARE(read.size(), 1);
    QCOMPARE(failed.size(), 0);

    QVERIFY(!query(m_url, QStringLiteral("up{")).ok()); // the real Prometheus: 400 bad_data
    QCOMPARE(failed.size(), 0); // a typo in a query is not the server's fault

    m_proxy->setFault(Fault::ServerError);
    QVERIFY(!query(m_url).ok());
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<wf::Error>().httpStatus, 500);

    // Canceled while the server hangs: nothing to say about the server, even once the request's
    // time is up (a second request, sent after it, has timed out by then).
    m_proxy->setFault(Fault::Hang);
    m_http->setProfile(profileFor(m_url));
    const auto id = m_client->query(QStringLiteral("up"), {}, this, [](const auto &) {});
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->faultedRequests(), 1, 15000);
    m_http->cancel(id);
    const auto later = query(m_url);
    QCOMPARE(later.error().kind, Kind::Timeout);
    QCOMPARE(failed.size(), 2); // the second's timeout, not the canceled one
}

void TestHttpFaults::truncatedBody()
{
    m_proxy->setFault(Fault::Truncated);
    const auto r = query(m_url);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().kind == Kind::Network || r.error().kind == Kind::Parse, qPrintable(r.error().message));
    QVERIFY(!r.error().message.isEmpty());
}

void TestHttpFaults::htmlInsteadOfApi()
{
    fail({502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html", {}});
    const auto gateway = query(m_url);
    QVERIFY(!gateway.ok());
    QCOMPARE(gateway.error().kind, Kind::HttpStatus);
    QVERIFY2(gateway.error().message.contains(QStringLiteral("HTML page")), qPrintable(gateway.error().message));
    QCOMPARE(m_proxy->requests(), 3); // 502 is worth retrying

    m_proxy->setFault(Fault::LoginPage); // a proxy's login page: HTML, and 200
    const auto login = query(m_url);
    QVERIFY(!login.ok());
    QCOMPARE(login.error().kind, Kind::Parse);
}

void TestHttpFaults::hugeResponse()
{
    m_proxy->setFault(Fault::Huge);
    const auto r = query(m_url, QStringLiteral("up"), 60000);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Kind::TooLarge);
    QVERIFY2(r.error().message.contains(QStringLiteral("32 MB")), qPrintable(r.error().message));
}

void TestHttpFaults::postIsNeverRetried()
{
    fail({503, "busy", "text/plain", {}});
    m_http->setProfile(profileFor(m_url));
    wf::HttpRequest post;
    post.method = wf::HttpRequest::Method::Post;
    post.path = QStringLiteral("/api/v1/admin/tsdb/snapshot");
    std::optional<wf::Result<wf::HttpResponse>> out;
    m_http->send(post, this, [&out](const auto &r) { out = r; });
    QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), 15000);
    QVERIFY(!out->ok());
    QCOMPARE(out->error().httpStatus, 503);
    QCOMPARE(m_proxy->requests(), 1);
}

void TestHttpFaults::cancelMeansNoCallback()
{
    m_proxy->setFault(Fault::Hang);
    m_http->setProfile(profileFor(m_url));
    int calls = 0;
    const auto id = m_client->query(QStringLiteral("up"), {}, this, [&calls](const auto &) { ++calls; });
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->faultedRequests(), 1, 15000);
    m_client->cancel(id);
    QCOMPARE(m_http->inFlight(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->openConnections(), 0, 15000); // the connection was really closed
    // Past the canceled request's timeout — a request sent after it has timed out — still nothing.
    const auto later = query(m_url);
    QCOMPARE(later.error().kind, Kind::Timeout);
    QCOMPARE(calls, 0);
}

void TestHttpFaults::capsRequestsInFlight()
{
    auto options = m_http->options();
    options.maxInFlight = 2;
    m_http->setOptions(options);
    m_http->setProfile(profileFor(m_url));
    int done = 0;
    for (int i = 0; i < 6; ++i)
        m_client->query(QStringLiteral("up"), {}, this, [&done](const auto &r) { done += r.ok(); });
    QCOMPARE(m_http->inFlight(), 2);
    QCOMPARE(m_http->queued(), 4);
    QTRY_COMPARE_WITH_TIMEOUT(done, 6, 15000);
    QVERIFY2(m_proxy->maxOpenConnections() <= 2, qPrintable(QString::number(m_proxy->maxOpenConnections())));
}

void TestHttpFaults::noSecretInErrors()
{
    auto profile = profileFor(m_url);
    auto url = m_url;
    url.setUserName(QStringLiteral("admin"));
    url.setPassword(QStringLiteral("hunter2"));
    profile.endpoint(wf::Endpoint::Prometheus).url = url;
    profile.endpoint(wf::Endpoint::Prometheus).auth = {wf::AuthKind::Bearer, {}, QStringLiteral("tok-abcdefgh123")};
    m_http->setProfile(profile);
    fail({401, "invalid token tok-abcdefgh123", "text/plain", {}}); // a server that echoes what it was sent
    std::optional<wf::Result<wf::PromResult>> out;
    m_client->query(QStringLiteral("up"), {}, this, [&out](const auto &r) { out = r; });
    QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), 15000);
    QVERIFY(!out->ok());
    const auto message = out->error().message;
    QVERIFY2(message.contains(QStringLiteral("401")) && message.contains(QStringLiteral("token")), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("hunter2")), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("tok-abcdefgh123")), qPrintable(message)); // echoed by the server
    QVERIFY(!out->error().body.contains("tok-abcdefgh123"));
    QVERIFY(m_proxy->lastRequestHead().contains("Authorization: Bearer tok-abcdefgh123")); // it was sent, though
}

void TestHttpFaults::credentialsStayWithTheirOrigin()
{
    // A server answers 302 to another (a second proxy in front of the same real Prometheus, on
    // another port: another origin), which records what reaches it. Nothing does: neither the
    // token nor the tenant nor the request at all.
    FaultProxy other(quint16(m_stack.prometheusUrl().port()), *m_certs);
    QVERIFY(other.listen());
    const auto elsewhere = QByteArrayLiteral("https://127.0.0.1:") + QByteArray::number(other.port()) + "/api/v1/query?query=up";
    fail({302, {}, "text/plain", {{"Location", elsewhere}}});
    auto profile = profileFor(m_url);
    profile.endpoint(wf::Endpoint::Prometheus).auth = {wf::AuthKind::Bearer, {}, QStringLiteral("tok-abcdefgh123")};
    m_http->setProfile(profile);
    std::optional<wf::Result<wf::PromResult>> out;
    m_client->query(QStringLiteral("up"), {}, this, [&out](const auto &r) { out = r; });
    QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), 15000);
    QVERIFY(!out->ok());
    QVERIFY2(out->error().message.contains(QStringLiteral("another server")), qPrintable(out->error().message));
    QVERIFY2(out->error().message.contains(QStringLiteral("127.0.0.1:%1/api/v1/query").arg(other.port())), qPrintable(out->error().message));
    QVERIFY(m_proxy->lastRequestHead().contains("Authorization: Bearer tok-abcdefgh123")); // sent to its origin
    QCOMPARE(other.requests(), 0);

    // Basic auth, and another scheme (http) on the same host and port, is another origin too.
    m_proxy->setFault(Fault::None);
    fail({302, {}, "text/plain", {{"Location", QByteArrayLiteral("http://127.0.0.1:") + QByteArray::number(m_stack.prometheusUrl().port()) + "/api/v1/query?query=up"}}});
    profile.endpoint(wf::Endpoint::Prometheus).auth = {wf::AuthKind::Basic, QStringLiteral("jane"), QStringLiteral("pa55")};
    m_http->setProfile(profile);
    const auto before = answered(200);
    out.reset();
    m_client->query(QStringLiteral("up"), {}, this, [&out](const auto &r) { out = r; });
    QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), 15000);
    QVERIFY(!out->ok());
    QVERIFY2(out->error().message.contains(QStringLiteral("another server")), qPrintable(out->error().message));
    QCOMPARE(answered(200), before); // the real Prometheus behind was never asked
}

void TestHttpFaults::redirectsOnTheSameServerAreFollowed()
{
    // A 302 to another path of the same origin is followed, with the credentials.
    const auto same = QByteArrayLiteral("https://127.0.0.1:") + QByteArray::number(m_proxy->port()) + "/api/v1/query?query=up";
    m_proxy->setCustomAnswer({302, {}, "text/plain", {{"Location", same}}});
    m_proxy->setFaultFor(Fault::Custom, 1);
    auto profile = profileFor(m_url);
    profile.endpoint(wf::Endpoint::Prometheus).auth = {wf::AuthKind::Bearer, {}, QStringLiteral("tok-abcdefgh123")};
    m_http->setProfile(profile);
    std::optional<wf::Result<wf::PromResult>> out;
    m_client->query(QStringLiteral("vector(1)"), {}, this, [&out](const auto &r) { out = r; });
    QTRY_VERIFY_WITH_TIMEOUT(out.has_value(), 15000);
    QVERIFY2(out->ok(), out->ok() ? "" : qPrintable(out->error().message));
    const auto heads = m_proxy->requestHeads();
    QCOMPARE(heads.size(), 2);
    QVERIFY2(heads.at(1).startsWith("GET /api/v1/query?query=up "), heads.at(1).constData());
    QVERIFY(heads.at(1).contains("Authorization: Bearer tok-abcdefgh123"));
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
    FaultProxy::Answer broken{500, "database is locked", "text/plain", {}};
    fail(broken);
    for (int i = 0; i < 5; ++i)
        QVERIFY(!query(m_url).ok());
    QCOMPARE(warnings(), 1);
    // The same status with a body that changes each time (a 503 health body carries its time).
    for (int i = 0; i < 3; ++i) {
        broken.body = "database is locked at second " + QByteArray::number(i);
        fail(broken);
        QVERIFY(!query(m_url).ok());
    }
    QCOMPARE(warnings(), 1);
    m_proxy->setFault(Fault::None); // the real Prometheus answers
    QVERIFY(query(m_url).ok());
    broken.body = "database is locked";
    fail(broken);
    QVERIFY(!query(m_url).ok());
    QCOMPARE(warnings(), 2);
    wf::logging::setup({}); // back to the defaults for the other tests
}

QTEST_GUILESS_MAIN(TestHttpFaults)
#include "tst_httpfaults.moc"
