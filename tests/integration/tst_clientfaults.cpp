// Every failure mode against every client (Prometheus, Alertmanager, Loki, health): the server
// down, a 500 with a body, a 429, an answer slower than the timeout, malformed JSON, a truncated
// body, an HTML page instead of the API, a 200 MB answer. Each ends in the right typed error with
// a message a person can act on: no crash, no hang. The servers are the real ones — Debian's
// Prometheus and Alertmanager, the simulator's Loki API and health endpoint — each behind a
// FaultProxy (TLS, the profile's CA file) that fails in the way the row asks.

#include "faultproxy.h"
#include "monitoringstack.h"
#include "sources/alertmanager/alertmanagerclient.h"
#include "sources/health/healthclient.h"
#include "sources/loki/lokiclient.h"
#include "sources/prometheus/prometheusclient.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using Kind = wf::Error::Kind;
using Fault = FaultProxy::Fault;

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

wf::Endpoint endpointOf(Client c)
{
    const std::array endpoints{wf::Endpoint::Prometheus, wf::Endpoint::Alertmanager, wf::Endpoint::Loki, wf::Endpoint::Health};
    return endpoints[std::size_t(c)];
}

} // namespace

Q_DECLARE_METATYPE(Client)

class TestClientFaults : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void faults_data();
    void faults();
    void serverDown_data();
    void serverDown();

private:
    // nullopt: the call succeeded.
    std::optional<wf::Error> call(Client client, const QUrl &url);
    // The client's real server behind a new proxy; the URL to ask through it.
    QUrl through(Client client);

    QNetworkAccessManager m_network;
    QTemporaryDir m_certDir;
    std::optional<FaultProxy::Certificates> m_certs;
    MonitoringStack m_stack;
    std::unique_ptr<FaultProxy> m_proxy;
};

void TestClientFaults::initTestCase()
{
    QString error;
    m_certs = FaultProxy::makeCertificates(m_certDir.path(), &error);
    QVERIFY2(m_certs, qPrintable(error));
    QVERIFY2(m_stack.startWithSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE)), qPrintable(m_stack.errorString()));
}

void TestClientFaults::init()
{
    m_proxy.reset();
}

void TestClientFaults::cleanup()
{
    m_proxy.reset();
}

QUrl TestClientFaults::through(Client client)
{
    const auto upstream = m_stack.profile(QStringLiteral("faults")).endpoint(endpointOf(client)).url;
    m_proxy = std::make_unique<FaultProxy>(quint16(upstream.port()), *m_certs);
    if (!m_proxy->listen())
        return {};
    QUrl url = upstream;
    url.setScheme(QStringLiteral("https"));
    url.setPort(m_proxy->port());
    return url;
}

std::optional<wf::Error> TestClientFaults::call(Client client, const QUrl &url)
{
    const auto endpoint = endpointOf(client);
    wf::Profile profile;
    profile.name = QStringLiteral("faults");
    profile.endpoint(endpoint).url = url;
    profile.caFile = m_certs->caFile;
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
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<int>("times"); // how many requests meet it; -1: all
    QTest::addColumn<int>("expected"); // Kind, or -1 for success
    QTest::addColumn<QString>("mentions");
    for (const auto c : {Client::Prometheus, Client::Alertmanager, Client::Loki, Client::Health}) {
        const auto row = [&](const char *name, Fault fault, int times, int kind, const char *mentions) {
            QTest::addRow("%s %s", clientName(c), name) << c << fault << times << kind << QString::fromLatin1(mentions);
        };
        // The proxy's 500 is Prometheus' error envelope: Prometheus' client reads it as an API
        // error; Loki's error is its body's text: the server's words, an API error too; to the
        // Alertmanager client (its errors are a JSON string) and the health endpoint's it is a
        // status with the body quoted. Each message says the server's words.
        const bool api = c == Client::Prometheus || c == Client::Loki;
        row("500 with a body", Fault::ServerError, -1, int(api ? Kind::Api : Kind::HttpStatus), "internal error");
        // GETs are retried after a 429 (the health poller's next poll is its retry).
        row("429 then served", Fault::RateLimited, 1, c == Client::Health ? int(Kind::HttpStatus) : -1, c == Client::Health ? "429" : "");
        row("slower than the timeout", Fault::Slow, -1, int(Kind::Timeout), "1.5 s");
        row("malformed JSON", Fault::MalformedJson, -1, int(Kind::Parse), "not JSON");
        row("truncated body", Fault::Truncated, -1, int(Kind::Network), "");
        row("HTML instead of the API", Fault::LoginPage, -1, int(Kind::Parse), "");
        row("200 MB answer", Fault::Huge, -1, int(Kind::TooLarge), "MB");
    }
}

void TestClientFaults::faults()
{
    QFETCH(Client, client);
    QFETCH(Fault, fault);
    QFETCH(int, times);
    QFETCH(int, expected);
    QFETCH(QString, mentions);
    const auto url = through(client);
    QVERIFY(url.isValid());
    // The real server answers through the proxy first.
    const auto good = call(client, url);
    QVERIFY2(!good, good ? qPrintable(good->message) : "");
    const int before = m_proxy->requests();
    m_proxy->setRetryAfterSeconds(0); // retried at once, within the call's 1.5 s
    if (times > 0)
        m_proxy->setFaultFor(fault, times);
    else
        m_proxy->setFault(fault);
    const auto error = call(client, url);
    if (expected < 0) {
        QVERIFY2(!error, error ? qPrintable(error->message) : "");
        QCOMPARE(m_proxy->requests() - before, 2); // the one refused, and its retry
        return;
    }
    QVERIFY2(error, "the call succeeded");
    QVERIFY2(!error->message.startsWith(QStringLiteral("HANG")), qPrintable(error->message));
    // A truncated body is a broken connection, or, when the client got it all buffered, unreadable JSON.
    if (fault == Fault::Truncated)
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
    const auto url = through(client);
    QVERIFY(url.isValid());
    m_proxy->setFault(Fault::Refused); // nothing listens on its port
    const auto error = call(client, url);
    QVERIFY(error);
    QCOMPARE(error->kind, Kind::Network);
    QVERIFY2(error->message.contains(QStringLiteral("refused")), qPrintable(error->message));
}

QTEST_GUILESS_MAIN(TestClientFaults)
#include "tst_clientfaults.moc"
