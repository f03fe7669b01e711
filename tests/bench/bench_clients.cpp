// Opt-in benchmarks of the data-source clients (ctest --preset bench). They print figures; the
// targets from the Data sources issue are printed beside them, never asserted on a timer.
//   1. Parse a range answer of 50 series × 11,000 points: MB/s, and the longest stall of the
//      UI thread's event loop while the client parses it (target: ≤ 16 ms).
//   2. 1,000 queued instant queries against a real Prometheus: requests/s and the overhead per
//      request the client adds over bare QNetworkAccessManager (target: < 0.2 ms).

#include "faultproxy.h"
#include "monitoringstack.h"
#include "sources/prometheus/prometheusclient.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>

#include <cstdio>

class BenchClients : public QObject
{
    Q_OBJECT
private slots:
    void parseLargeRangeAnswer();
    void queuedRequests();
};

static QByteArray rangeAnswer(int seriesCount, int points)
{
    QByteArray body = R"({"status":"success","data":{"resultType":"matrix","result":[)";
    body.reserve(seriesCount * points * 32);
    for (int s = 0; s < seriesCount; ++s) {
        if (s)
            body += ',';
        body += R"({"metric":{"__name__":"alpaca_messages_received_total","symbol":"SYM)" + QByteArray::number(s)
            + R"(","type":"trade"},"values":[)";
        for (int p = 0; p < points; ++p) {
            if (p)
                body += ',';
            body += '[' + QByteArray::number(1700000000 + p * 15) + ",\"" + QByteArray::number(s * 1.5 + p * 0.25, 'g', 10) + "\"]";
        }
        body += "]}";
    }
    body += "]}}";
    return body;
}

void BenchClients::parseLargeRangeAnswer()
{
    const auto body = rangeAnswer(50, 11000);
    const double mb = body.size() / 1e6;

    QElapsedTimer clock;
    clock.start();
    const auto parsed = wf::prom::parseQueryResult(body);
    const auto parseMs = clock.nsecsElapsed() / 1e6;
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->series.size(), std::size_t(50));
    QCOMPARE(parsed->series.at(49).samples.size(), std::size_t(11000));

    // Through the client: the answer comes over HTTP and is parsed off the UI thread. A 1 ms
    // timer on this (the UI) thread measures the longest gap between its ticks meanwhile.
    // The answer is set on a FaultProxy in front of the real Prometheus (which has no such series).
    MonitoringStack stack;
    QVERIFY2(stack.start(), qPrintable(stack.errorString()));
    QTemporaryDir certDir;
    QString error;
    const auto certs = FaultProxy::makeCertificates(certDir.path(), &error);
    QVERIFY2(certs, qPrintable(error));
    FaultProxy proxy(quint16(stack.prometheusUrl().port()), *certs);
    QVERIFY(proxy.listen());
    FaultProxy::Answer answer;
    answer.status = 200;
    answer.body = body;
    answer.contentType = "application/json";
    proxy.setCustomAnswer(answer);
    proxy.setFault(FaultProxy::Fault::Custom);
    QNetworkAccessManager network;
    wf::HttpClient http(&network, wf::Endpoint::Prometheus);
    wf::Profile profile;
    profile.endpoint(wf::Endpoint::Prometheus).url = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(proxy.port()));
    profile.caFile = certs->caFile;
    http.setProfile(profile);
    wf::PrometheusClient client(&http);

    qint64 longestGapNs = 0;
    QElapsedTimer tick;
    tick.start();
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    connect(&heartbeat, &QTimer::timeout, this, [&] { longestGapNs = std::max(longestGapNs, tick.nsecsElapsed()); tick.restart(); });
    heartbeat.start(1);
    bool done = false;
    clock.restart();
    client.queryRange(QStringLiteral("x"), QDateTime::currentDateTimeUtc().addSecs(-3600),
                      QDateTime::currentDateTimeUtc(), 15, nullptr, [&](const wf::Result<wf::PromResult> &r) {
                          QVERIFY(r.ok());
                          done = true;
                      });
    QVERIFY(QTest::qWaitFor([&] { return done; }, 60000));
    const auto endToEndMs = clock.nsecsElapsed() / 1e6;
    heartbeat.stop();

    std::printf("\n[bench] range answer 50 series x 11,000 points: %.1f MB\n", mb);
    std::printf("[bench]   parse on one thread: %.1f ms, %.1f MB/s\n", parseMs, mb / (parseMs / 1000.0));
    std::printf("[bench]   through the client (HTTP + parse off the UI thread): %.1f ms\n", endToEndMs);
    std::printf("[bench]   longest UI-thread stall meanwhile: %.1f ms (target <= 16 ms)\n", longestGapNs / 1e6);
}

void BenchClients::queuedRequests()
{
    MonitoringStack stack;
    QVERIFY2(stack.start(), qPrintable(stack.errorString()));
    constexpr int kRequests = 1000;
    QNetworkAccessManager network;

    // Bare QNetworkAccessManager, six in flight like the client's default.
    const auto queryUrl = [&](int i) {
        auto url = stack.prometheusUrl();
        url.setPath(QStringLiteral("/api/v1/query"));
        url.setQuery(QStringLiteral("query=%1").arg(i));
        return url;
    };
    int started = 0, finished = 0;
    std::function<void()> next = [&] {
        if (started >= kRequests)
            return;
        auto *reply = network.get(QNetworkRequest(queryUrl(started++)));
        connect(reply, &QNetworkReply::finished, this, [&, reply] {
            reply->readAll();
            reply->deleteLater();
            ++finished;
            next();
        });
    };
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 6; ++i)
        next();
    QVERIFY(QTest::qWaitFor([&] { return finished == kRequests; }, 120000));
    const double bareMs = clock.nsecsElapsed() / 1e6;

    wf::HttpClient http(&network, wf::Endpoint::Prometheus);
    wf::Profile profile;
    profile.endpoint(wf::Endpoint::Prometheus).url = stack.prometheusUrl();
    http.setProfile(profile);
    wf::PrometheusClient client(&http);
    int answered = 0, failed = 0;
    clock.restart();
    for (int i = 0; i < kRequests; ++i)
        client.query(QString::number(i), {}, nullptr, [&](const wf::Result<wf::PromResult> &r) {
            ++answered;
            failed += r.ok() ? 0 : 1;
        });
    const double queueMs = clock.nsecsElapsed() / 1e6;
    QVERIFY(QTest::qWaitFor([&] { return answered == kRequests; }, 120000));
    const double clientMs = clock.nsecsElapsed() / 1e6;
    QCOMPARE(failed, 0);

    std::printf("\n[bench] %d instant queries against Prometheus, 6 in flight\n", kRequests);
    std::printf("[bench]   bare QNetworkAccessManager: %.0f ms, %.0f requests/s\n", bareMs, kRequests / (bareMs / 1000));
    std::printf("[bench]   PrometheusClient: %.0f ms, %.0f requests/s (queueing all took %.1f ms)\n", clientMs,
                kRequests / (clientMs / 1000), queueMs);
    std::printf("[bench]   overhead per request: %.3f ms (target < 0.2 ms)\n", (clientMs - bareMs) / kRequests);
}

QTEST_GUILESS_MAIN(BenchClients)
#include "bench_clients.moc"
