// Every failure mode against every client (Prometheus, Alertmanager, Loki, health): the server
// down, a 500 with a body, a 429, an answer slower than the timeout, malformed JSON, a truncated
// body, an HTML page instead of the API, a 50 MB answer. Each ends in the right typed error with
// a message a person can act on: no crash, no hang.

#include "sources/alertmanager/alertmanagerclient.h"
#include "sources/health/healthclient.h"
#include "sources/loki/lokiclient.h"
#include "sources/prometheus/prometheusclient.h"
#include "tinyhttpserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using Kind = wf::Error::Kind;

namespace {

enum class Client { Prometheus, Alertmanager, Loki, Health };

const char *clientName(Client c)
{
    switch (c) {
    case Client::Prometheus: return "prometheus";
    case Client::Alertmanager: return "alertmanager";
    case Client::Loki: return "loki";
    case Client::Health: return "health";
    }
    return "";
}

QByteArray validBody(Client c)
{
    switch (c) {
    case Client::Prometheus: return R"({"status":"success","data":{"resultType":"vector","result":[]}})";
    case Client::Alertmanager: return "[]";
    case Client::Loki: return R"({"status":"success","data":{"resultType":"streams","result":[]}})";
    case Client::Health: return R"({"status":"Healthy","alpaca":{},"router":{}})";
    }
    return {};
}

} // namespace

Q_DECLARE_METATYPE(Client)

class TestClientFaults : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void faults_data();
    void faults();
    void serverDown_data();
    void serverDown();

private:
    // nullopt: the call succeeded.
    std::optional<wf::Error> call(Client client, const QUrl &base);

    QNetworkAccessManager m_network;
    std::unique_ptr<TinyHttpServer> m_server;
};

void TestClientFaults::init()
{
    m_server = std::make_unique<TinyHttpServer>();
    QVERIFY(m_server->listen());
}

std::optional<wf::Error> TestClientFaults::call(Client client, const QUrl &base)
{
    const std::array endpoints{wf::Endpoint::Prometheus, wf::Endpoint::Alertmanager, wf::Endpoint::Loki, wf::Endpoint::Health};
    const auto endpoint = endpoints[std::size_t(client)];
    wf::Profile profile;
    profile.name = QStringLiteral("faults");
    profile.endpoint(endpoint).url = base;
    wf::HttpClient http(&m_network, endpoint);
    http.setProfile(profile);
    auto options = http.options();
    options.totalTimeoutMs = 1500;
    options.connectTimeoutMs = 1500;
    options.backoffBaseMs = 20;
    http.setOptions(options);

    std::optional<std::optional<wf::Error>> out;
    const auto take = [&out](const auto &r) { out = r.ok() ? std::nullopt : std::optional<wf::Error>(r.error()); };
    wf::PrometheusClient prom(&http);
    wf::AlertmanagerClient am(&http);
    wf::LokiClient loki(&http);
    std::unique_ptr<wf::HealthClient> health;
    switch (client) {
    case Client::Prometheus: prom.query(QStringLiteral("up"), {}, nullptr, take); break;
    case Client::Alertmanager: am.alerts({}, nullptr, take); break;
    case Client::Loki: {
        wf::LokiQuery q;
        q.logql = QStringLiteral(R"({app="mytrader-api"})");
        loki.queryRange(q, nullptr, take);
        break;
    }
    case Client::Health:
        health = std::make_unique<wf::HealthClient>(&http);
        QObject::connect(health.get(), &wf::HealthClient::sampled, health.get(), [take](const wf::HealthSample &s) { take(s.report); });
        health->pollNow();
        break;
    }
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 30000)) {
        wf::Error hang;
        hang.message = QStringLiteral("HANG: no answer in 30 s");
        hang.kind = Kind::Canceled;
        return hang;
    }
    return *out;
}

void TestClientFaults::faults_data()
{
    QTest::addColumn<Client>("client");
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("expected"); // Kind, or -1 for success
    QTest::addColumn<QString>("mentions");
    for (const auto c : {Client::Prometheus, Client::Alertmanager, Client::Loki, Client::Health}) {
        const auto row = [&](const char *fault, int kind, const char *mentions) {
            QTest::addRow("%s %s", clientName(c), fault) << c << QString::fromLatin1(fault) << kind << QString::fromLatin1(mentions);
        };
        // Loki (plain text) and Alertmanager (a JSON string, or text) put their error in the body: an
        // API error with the server's words. Prometheus' errors are its JSON envelope; plain text is a proxy.
        row("500 with a body", int(c == Client::Loki || c == Client::Alertmanager ? Kind::Api : Kind::HttpStatus), "database is locked");
        // GETs are retried after a 429 (the health poller's next poll is its retry).
        row("429 then served", c == Client::Health ? int(Kind::HttpStatus) : -1, c == Client::Health ? "429" : "");
        row("slower than the timeout", int(Kind::Timeout), "1.5 s");
        row("malformed JSON", int(Kind::Parse), "not JSON");
        row("truncated body", int(Kind::Network), "");
        row("HTML instead of the API", int(Kind::Parse), "");
        row("50 MB answer", int(Kind::TooLarge), "MB");
    }
}

void TestClientFaults::faults()
{
    QFETCH(Client, client);
    QFETCH(QString, fault);
    QFETCH(int, expected);
    QFETCH(QString, mentions);
    TinyHttpServer::Reply reply;
    reply.body = validBody(client);
    if (fault == u"500 with a body") {
        reply.status = 500;
        reply.body = "database is locked";
        reply.contentType = "text/plain";
    } else if (fault == u"429 then served") {
        TinyHttpServer::Reply limited;
        limited.status = 429;
        limited.body = "too many requests";
        limited.contentType = "text/plain";
        limited.headers = {{"Retry-After", "0"}};
        m_server->enqueue(limited);
    } else if (fault == u"slower than the timeout") {
        reply.delayMs = 4000;
    } else if (fault == u"malformed JSON") {
        reply.body = validBody(client).left(validBody(client).size() - 1);
    } else if (fault == u"truncated body") {
        reply.body = validBody(client) + QByteArray(8000, ' ');
        reply.truncate = true;
    } else if (fault == u"HTML instead of the API") {
        reply.body = "<html><body>Please log in</body></html>";
        reply.contentType = "text/html";
    } else if (fault == u"50 MB answer") {
        reply.body = QByteArray(50 * 1024 * 1024, ' ');
    }
    m_server->respond(reply);
    const auto error = call(client, m_server->url(client == Client::Health ? QStringLiteral("/api/health/alpaca") : QStringLiteral("/")));
    if (expected < 0) {
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        QCOMPARE(m_server->requestCount(), 2);
        return;
    }
    QVERIFY2(error, "the call succeeded");
    QVERIFY2(!error->message.startsWith(QStringLiteral("HANG")), qPrintable(error->message));
    // A truncated body is a broken connection, or, when the client got it all buffered, unreadable JSON.
    if (fault == u"truncated body")
        QVERIFY2(error->kind == Kind::Network || error->kind == Kind::Parse, qPrintable(wf::Error::kindName(error->kind) + u' ' + error->message));
    else
        QVERIFY2(error->kind == Kind(expected), qPrintable(wf::Error::kindName(error->kind) + u' ' + error->message));
    QVERIFY(!error->message.isEmpty());
    QVERIFY2(error->message.contains(mentions), qPrintable(error->message));
}

void TestClientFaults::serverDown_data()
{
    QTest::addColumn<Client>("client");
    for (const auto c : {Client::Prometheus, Client::Alertmanager, Client::Loki, Client::Health})
        QTest::addRow("%s", clientName(c)) << c;
}

void TestClientFaults::serverDown()
{
    QFETCH(Client, client);
    const auto url = m_server->url();
    m_server.reset();
    const auto error = call(client, url);
    QVERIFY(error);
    QCOMPARE(error->kind, Kind::Network);
    QVERIFY2(error->message.contains(QStringLiteral("refused")), qPrintable(error->message));
}

QTEST_GUILESS_MAIN(TestClientFaults)
#include "tst_clientfaults.moc"
