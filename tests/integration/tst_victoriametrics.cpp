// VictoriaMetrics (Debian's single node, with vmalert for the rules) in Prometheus' place, as it is
// installed (its 30-s -search.latencyOffset), against mytrader-sim, tested against the real
// daemons: the console knows it (its readiness answer, its own /metrics), asks instant queries
// with nocache=1 so that "now" is now, drops a range's held-back points (the last real one
// repeated), reads its empty build information; Explore places its parse errors (it names the
// unparsed rest, not a column); the dashboards render from it. The drill walk
// (tst_dashboardvalues), the failover watch and the alert drill run on it too.

#include "dashboardpanel.h"
#include "domain/promqlsyntax.h"
#include "mainwindow.h"
#include "monitoringstack.h"
#include "net/endpointprobe.h"
#include "panelframe.h"
#include "sources/prometheus/prometheusclient.h"
#include "store/settings.h"
#include "views/dashboardview.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

class TestVictoriaMetrics : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void itIsKnownAndNowIsNow();
    void exploreErrorsArePlaced();
    void operationsRendersFromIt();

private:
    MonitoringStack m_stack;
};

void TestVictoriaMetrics::initTestCase()
{
    m_stack.setBackend(MonitoringStack::Backend::VictoriaMetrics);
    m_stack.setVictoriaMetricsDefaults(true);
    QVERIFY2(m_stack.startSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE), {QStringLiteral("--quiet")}),
             qPrintable(m_stack.errorString()));
    QFile rules(QStringLiteral(WATCHFLOOR_ALERT_RULES));
    QVERIFY(rules.open(QIODevice::ReadOnly));
    QVERIFY2(m_stack.start(QString::fromUtf8(rules.readAll()), m_stack.simulatorScrapeConfig()), qPrintable(m_stack.errorString()));
}

void TestVictoriaMetrics::itIsKnownAndNowIsNow()
{
    QNetworkAccessManager network;
    wf::HttpClient http(&network, wf::Endpoint::Prometheus);
    const auto profile = m_stack.profile(QStringLiteral("vm"));
    http.setProfile(profile);
    wf::PrometheusClient client(&http);
    client.detectServer();
    const auto ask = [&](const QString &expr) {
        std::optional<wf::Result<wf::PromResult>> answer;
        client.query(expr, {}, nullptr, [&answer](const wf::Result<wf::PromResult> &r) { answer = r; });
        [&] { QVERIFY(QTest::qWaitFor([&] { return answer.has_value(); }, 10000)); }();
        return answer.value_or(wf::Result<wf::PromResult>(wf::Error{}));
    };
    const auto up = QStringLiteral("timestamp(up{job=\"mytrader\"})");
    // Known: VictoriaMetrics, holding back 30 s (its default).
    QTRY_VERIFY_WITH_TIMEOUT(ask(up).ok() && !ask(up)->series.empty(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(client.server().kind == wf::PromServer::Kind::VictoriaMetrics, 15000);
    QCOMPARE(client.server().latencyOffsetMs, 30'000);

    // Scraped for longer than the offset: now is now (asked plainly, it answers for 30 s ago).
    QTest::qWait(32'000);
    const auto now = QDateTime::currentMSecsSinceEpoch() / 1000.0;
    const auto latest = ask(up);
    QVERIFY(latest.ok() && !latest->series.empty());
    const double newest = latest->series.front().samples.back().value;
    QVERIFY2(newest > now - 3, qPrintable(QStringLiteral("the newest sample is %1 s old").arg(now - newest)));

    // A range to now: no point after now − 30 s (those would be the last real value repeated),
    // and the answer says how long its end is held back.
    std::optional<wf::Result<wf::PromResult>> range;
    const auto end = QDateTime::currentDateTimeUtc();
    client.queryRange(up, end.addSecs(-120), end, 1, nullptr, [&range](const wf::Result<wf::PromResult> &r) { range = r; });
    QTRY_VERIFY_WITH_TIMEOUT(range.has_value(), 10000);
    QVERIFY(range->ok() && !range->value().series.empty());
    const auto &points = range->value().series.front().samples;
    const double endSeconds = end.toMSecsSinceEpoch() / 1000.0;
    QVERIFY2(points.back().time <= endSeconds - 29,
             qPrintable(QStringLiteral("a point %1 s before the end").arg(endSeconds - points.back().time)));
    QVERIFY2(points.back().time >= endSeconds - 33, qPrintable(QStringLiteral("%1").arg(endSeconds - points.back().time)));
    for (const auto &p : points) // timestamp(up) at each step is that step's own scrape, never an older one
        QVERIFY2(p.value > p.time - 2, qPrintable(QStringLiteral("at %1 a sample of %2").arg(p.time, 0, 'f', 0).arg(p.value, 0, 'f', 3)));
    QVERIFY(range->value().heldBackSeconds >= 29 && range->value().heldBackSeconds <= 31);

    // Its build information is an empty object: read, without a version.
    std::optional<wf::Result<wf::BuildInfo>> build;
    client.buildInfo(nullptr, [&build](const wf::Result<wf::BuildInfo> &r) { build = r; });
    QTRY_VERIFY_WITH_TIMEOUT(build.has_value(), 10000);
    QVERIFY(build->ok());
    QVERIFY(build->value().version.isEmpty());

    // The Prometheus light names it.
    wf::EndpointProbe probe(&network);
    probe.setProfile(profile);
    QSignalSpy probed(&probe, &wf::EndpointProbe::probed);
    probe.probe(wf::Endpoint::Prometheus);
    QTRY_COMPARE_WITH_TIMEOUT(probed.size(), 1, 10000);
    const auto result = probed.first().at(1).value<wf::ProbeResult>();
    QCOMPARE(result.state, wf::ProbeResult::State::Ready);
    QVERIFY2(result.message.startsWith(QStringLiteral("VictoriaMetrics ready")), qPrintable(result.message));
}

void TestVictoriaMetrics::exploreErrorsArePlaced()
{
    QNetworkAccessManager network;
    wf::HttpClient http(&network, wf::Endpoint::Prometheus);
    http.setProfile(m_stack.profile(QStringLiteral("vm")));
    wf::PrometheusClient client(&http);
    const auto query = QStringLiteral("rate(mytrader_messages_total[5m]) +* 2");
    std::optional<wf::Result<wf::PromResult>> answer;
    client.query(query, {}, nullptr, [&answer](const wf::Result<wf::PromResult> &r) { answer = r; });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
    QVERIFY(!answer->ok());
    const auto message = answer->error().message;
    const auto pos = wf::promql::errorPosition(message, query);
    QVERIFY2(pos, qPrintable(message));
    QCOMPARE(pos->offset, int(query.indexOf(u'*'))); // where "* 2" begins
    QVERIFY2(!wf::promql::errorText(message).startsWith(QStringLiteral("error when executing")), qPrintable(message));
}

void TestVictoriaMetrics::operationsRendersFromIt()
{
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::MainWindow window(settings);
    window.resize(1280, 900);
    window.setProfile(m_stack.profile(QStringLiteral("vm")), true);
    window.show();
    window.showView(wf::ViewId::Operations);
    auto *operations = qobject_cast<wf::DashboardView *>(window.view(wf::ViewId::Operations));
    // Latched: QTRY evaluates its expression once more after it held, and a refresh in it would
    // make that second look see the view unsettled again.
    bool whole = false;
    QTRY_VERIFY_WITH_TIMEOUT(whole || (whole = (operations->refresh(), QTest::qWait(1000), operations->isSettled() && operations->isComplete())), 60000);
    for (auto *panel : operations->panels())
        QVERIFY2(panel->frame()->state() != wf::PanelFrame::State::Error,
                 qPrintable(panel->frame()->title() + QStringLiteral(": ") + panel->frame()->stateText()));
}

QTEST_MAIN(TestVictoriaMetrics)
#include "tst_victoriametrics.moc"
