// A Prometheus HA pair (a profile naming two replicas), against two real Prometheus servers: a
// request goes to the first; when it is stopped, the same request is answered by the second (no
// error reaches the view, well within one refresh); the stopped one rests and is passed over; once
// it is back and its rest is over, requests go to it again; with both down, the error says so.
// Both scraping one simulator, the first stopped and started again: its range has a hole, and the
// pair's answer has it filled from the second.

#include "endpointstatusmodel.h"
#include "mainwindow.h"
#include "monitoringstack.h"
#include "net/httpclient.h"
#include "sources/prometheus/prometheusclient.h"
#include "panelframe.h"
#include "store/settings.h"
#include "views/viewbase.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QNetworkAccessManager>
#include <QTest>

#include <optional>

class TestPrometheusHa : public QObject
{
    Q_OBJECT
private slots:
    void theFirstThatAnswersIsAsked();
    void aPanelAnsweredByTheOtherReplicaSaysSo();
    void aHoleInOneReplicaIsFilledFromTheOther();
};

namespace {

struct Answer
{
    std::optional<wf::Result<wf::HttpResponse>> result;
    qint64 ms = 0;
};

Answer ask(wf::HttpClient &http)
{
    Answer a;
    QElapsedTimer clock;
    clock.start();
    wf::HttpRequest request;
    request.path = QStringLiteral("/api/v1/query");
    request.params = {{QStringLiteral("query"), QStringLiteral("up")}};
    QObject context;
    http.send(request, &context, [&a](const wf::Result<wf::HttpResponse> &r) { a.result = r; });
    if (!QTest::qWaitFor([&] { return a.result.has_value(); }, 40000))
        a.result.reset();
    a.ms = clock.elapsed();
    return a;
}

QString servedBy(const Answer &a)
{
    return a.result && a.result->ok() ? a.result->value().servedBy.toString() : QStringLiteral("(failed)");
}

} // namespace

void TestPrometheusHa::theFirstThatAnswersIsAsked()
{
    MonitoringStack first, second;
    QVERIFY2(first.start(), qPrintable(first.errorString()));
    QVERIFY2(second.start(), qPrintable(second.errorString()));
    QNetworkAccessManager network;
    wf::HttpClient::Options options;
    options.replicaRestMs = 3000;
    // "At once" is: before a timeout could have fired. Long ones, so that a busy machine is never
    // mistaken for waiting one out.
    options.connectTimeoutMs = 30'000;
    options.totalTimeoutMs = 35'000;
    wf::HttpClient http(&network, wf::Endpoint::Prometheus);
    http.setOptions(options);
    wf::Profile profile;
    profile.name = QStringLiteral("ha");
    profile.endpoint(wf::Endpoint::Prometheus).url = first.prometheusUrl();
    profile.endpoint(wf::Endpoint::Prometheus).moreUrls = {second.prometheusUrl()};
    http.setProfile(profile);
    QCOMPARE(http.replicaCount(), 2);
    const auto a = first.prometheusUrl().toString(), b = second.prometheusUrl().toString();

    QCOMPARE(servedBy(ask(http)), a);

    // The first stops: the same request is answered by the second, at once.
    first.stopPrometheus();
    const auto failedOver = ask(http);
    QCOMPARE(servedBy(failedOver), b);
    QVERIFY2(failedOver.ms < options.connectTimeoutMs, qPrintable(QString::number(failedOver.ms)));
    qInfo("failed over to the second replica in %lld ms", failedOver.ms);
    // Resting: the next goes straight to the second.
    const auto direct = ask(http);
    QCOMPARE(servedBy(direct), b);

    // Back, and after its rest the first is asked again.
    QVERIFY2(first.restartPrometheus(), qPrintable(first.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(servedBy(ask(http)), a, 30000);

    // Both down: the error of the last one asked.
    first.stopPrometheus();
    second.stopPrometheus();
    const auto none = ask(http);
    QVERIFY(none.result && !none.result->ok());
    QVERIFY2(none.result->error().kind == wf::Error::Kind::Network, qPrintable(none.result->error().message));
    // It names the replica that was asked last, not the first.
    QVERIFY2(none.result->error().message.contains(QString::number(second.prometheusUrl().port())),
             qPrintable(none.result->error().message));
}

// In the console: the first replica stops; the Operations panels keep answering (from the second)
// and say which replica answered in their title's tooltip; the Prometheus light turns amber (one of
// the two replicas ready), and green when the first is back.
void TestPrometheusHa::aPanelAnsweredByTheOtherReplicaSaysSo()
{
    MonitoringStack first, second;
    QVERIFY2(first.start(), qPrintable(first.errorString()));
    QVERIFY2(second.start(), qPrintable(second.errorString()));
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    window.resize(1280, 800);
    wf::Profile profile;
    profile.name = QStringLiteral("ha");
    profile.scrapeSeconds = 1;
    profile.endpoint(wf::Endpoint::Prometheus).url = first.prometheusUrl();
    profile.endpoint(wf::Endpoint::Prometheus).moreUrls = {second.prometheusUrl()};
    window.setProfile(profile, true);
    window.showView(wf::ViewId::Operations);
    window.show();
    auto *frame = window.view(wf::ViewId::Operations)->findChild<wf::PanelFrame *>(QStringLiteral("panel-messages"));
    QVERIFY(frame);
    const auto saysSecond = [&] { return frame->titleToolTip().contains(second.prometheusUrl().toDisplayString()); };
    // The panel has its answer (no series here: "No data"), from the first replica: none of it
    // came from the second.
    QTRY_VERIFY_WITH_TIMEOUT(frame->state() != wf::PanelFrame::State::Loading, 30000);
    QVERIFY2(!saysSecond(), qPrintable(frame->titleToolTip()));

    first.stopPrometheus();
    window.refreshNow();
    QTRY_VERIFY2_WITH_TIMEOUT(saysSecond(), qPrintable(frame->titleToolTip()), 15000);
    QVERIFY(frame->titleToolTip().contains(QStringLiteral("Answered by the replica")));
    QVERIFY2(frame->state() != wf::PanelFrame::State::Error, qPrintable(frame->titleToolTip()));

    // The light: each replica probed; one down is amber, naming it (queries go on), not red.
    const auto light = [&] { return window.endpointStatus().result(wf::Endpoint::Prometheus); };
    QTRY_COMPARE_WITH_TIMEOUT(light().state, wf::ProbeResult::State::Degraded, 15000);
    QVERIFY2(light().message.startsWith(QStringLiteral("1 of 2 replicas ready")), qPrintable(light().message));
    QVERIFY2(light().message.contains(first.prometheusUrl().toDisplayString()), qPrintable(light().message));
    QVERIFY2(!light().message.contains(second.prometheusUrl().toDisplayString()), qPrintable(light().message));
    // Back: green again.
    QVERIFY2(first.restartPrometheus(), qPrintable(first.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(light().state, wf::ProbeResult::State::Ready, 15000);
    QVERIFY2(light().message.startsWith(QStringLiteral("All 2 replicas ready")), qPrintable(light().message));
}

namespace {

constexpr int kLongConnectTimeoutMs = 60'000;

std::optional<wf::PromResult> askRange(const wf::Profile &profile, const QString &promql, const QDateTime &from,
                                       const QDateTime &to)
{
    QNetworkAccessManager network;
    wf::HttpClient http(&network, wf::Endpoint::Prometheus);
    http.setProfile(profile);
    wf::HttpClient::Options options; // long timeouts: waiting one out would show as a minute
    options.connectTimeoutMs = kLongConnectTimeoutMs;
    options.totalTimeoutMs = kLongConnectTimeoutMs + 10'000;
    http.setOptions(options);
    wf::PrometheusClient prom(&http);
    std::optional<wf::Result<wf::PromResult>> answer;
    prom.queryRange(promql, from, to, 1, nullptr, [&answer](const wf::Result<wf::PromResult> &r) { answer = r; });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 2 * kLongConnectTimeoutMs) || !*answer)
        return std::nullopt;
    return answer->value();
}

// The longest run of steps (1 s) without a point, in seconds.
double longestHole(const wf::PromResult &r)
{
    double hole = 0;
    for (const auto &s : r.series)
        for (std::size_t i = 1; i < s.samples.size(); ++i)
            hole = std::max(hole, s.samples[i].time - s.samples[i - 1].time - 1);
    return hole;
}

} // namespace

void TestPrometheusHa::aHoleInOneReplicaIsFilledFromTheOther()
{
    MonitoringStack first, second;
    QVERIFY2(first.startWithSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE)), qPrintable(first.errorString()));
    QVERIFY2(second.start({}, first.simulatorScrapeConfig()), qPrintable(second.errorString()));
    QTest::qWait(4000);
    const auto from = QDateTime::currentDateTimeUtc();
    QTest::qWait(3000);
    first.stopPrometheus(); // down for ten seconds: no scrapes of the simulator then
    QTest::qWait(10000);
    QVERIFY2(first.restartPrometheus(), qPrintable(first.errorString()));
    QTest::qWait(8000);
    const auto to = QDateTime::currentDateTimeUtc();

    // A short window makes the hole plain (for a selector, Prometheus' five-minute lookback would
    // bridge one this short; a longer outage leaves the same hole in any query).
    const auto promql = QStringLiteral("count_over_time(up{job=\"mytrader\"}[2s])");
    wf::Profile alone;
    alone.endpoint(wf::Endpoint::Prometheus).url = first.prometheusUrl();
    const auto holed = askRange(alone, promql, from, to);
    QVERIFY(holed);
    QCOMPARE(holed->series.size(), std::size_t(1));
    QVERIFY2(longestHole(*holed) >= 5, qPrintable(QString::number(longestHole(*holed))));

    wf::Profile pair = alone;
    pair.endpoint(wf::Endpoint::Prometheus).moreUrls = {second.prometheusUrl()};
    const auto filled = askRange(pair, promql, from, to);
    QVERIFY(filled);
    QVERIFY2(filled->servedBy.isEmpty(), qPrintable(filled->servedBy.toString())); // the first answered
    QCOMPARE(filled->filledFrom, second.prometheusUrl());
    QCOMPARE(filled->series.size(), std::size_t(1));
    QVERIFY2(longestHole(*filled) < 1, qPrintable(QString::number(longestHole(*filled))));
    QCOMPARE(filled->filledPoints, int(filled->series[0].samples.size() - holed->series[0].samples.size()));
    QVERIFY2(filled->filledPoints >= 5, qPrintable(QString::number(filled->filledPoints)));
    // The first's own points are kept as they were.
    for (const auto &own : holed->series[0].samples) {
        const auto &points = filled->series[0].samples;
        const auto at = std::find_if(points.cbegin(), points.cend(), [&](const wf::Sample &p) { return p.time == own.time; });
        QVERIFY(at != points.cend());
        QCOMPARE(at->value, own.value);
    }

    // The second down: the pair still answers at once, from the first, holes and all.
    second.stopPrometheus();
    QElapsedTimer clock;
    clock.start();
    const auto alone2 = askRange(pair, promql, from, to);
    QVERIFY(alone2);
    QVERIFY2(clock.elapsed() < kLongConnectTimeoutMs / 2, qPrintable(QString::number(clock.elapsed()))); // no timeout waited out
    qInfo("the pair answered alone in %lld ms", clock.elapsed());
    QCOMPARE(alone2->filledPoints, 0);
}

QTEST_MAIN(TestPrometheusHa)
#include "tst_prometheusha.moc"
