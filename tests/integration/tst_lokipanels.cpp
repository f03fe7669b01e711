// Loki on a dashboard, against mytrader-sim's Loki API: a logs panel shows the newest lines of
// its query — the same Loki returns, newest first — and a router transition is at its top right
// after the refresh that follows it; a LogQL metric panel paints what Loki answers; a Loki that
// stops answering leaves the panels' last lines marked stale while Prometheus' panels go on.

#include "dashboardpanel.h"
#include "dashboards/queryscheduler.h"
#include "domain/logrecord.h"
#include "domain/routertimeline.h"
#include "monitoringstack.h"
#include "net/httpclient.h"
#include "panelframe.h"
#include "sources/loki/lokiclient.h"
#include "sources/prometheus/prometheusclient.h"
#include "views/dashboardview.h"

#include <QJsonArray>
#include <QPixmap>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

using namespace wf;

class TestLokiPanels : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void logsPanelShowsTheNewestLines();
    void transitionOnTopAfterTheNextRefresh();
    void lokiRestartLeavesLinesStale();

private:
    // The test dashboard on its own scheduler, shown over the last 15 minutes, first refresh asked.
    struct Shown
    {
        Shown(PrometheusClient *prometheus, LokiClient *loki, const Dashboard &dashboard)
            : transport(prometheus, loki)
            , scheduler(&transport)
            , view(ViewId::Operations, dashboard, &scheduler, &timeline)
        {
        }
        PrometheusTransport transport;
        QueryScheduler scheduler;
        RouterTimeline timeline;
        DashboardView view;
    };
    std::unique_ptr<Shown> showDashboard();
    void post(const QString &path, const QByteArray &body);
    Result<LokiResult> askLoki(const LokiQuery &query);
    Dashboard dashboard() const;

    MonitoringStack m_stack;
    QNetworkAccessManager m_network;
    Profile m_profile;
    std::unique_ptr<HttpClient> m_promHttp;
    std::unique_ptr<HttpClient> m_lokiHttp;
    std::unique_ptr<PrometheusClient> m_prometheus;
    std::unique_ptr<LokiClient> m_loki;
};

void TestLokiPanels::initTestCase()
{
    QVERIFY2(m_stack.startSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE),
                                    {QStringLiteral("--seed"), QStringLiteral("11"), QStringLiteral("--symbols"), QStringLiteral("5")}),
             qPrintable(m_stack.errorString()));
    m_profile.name = QStringLiteral("loki");
    m_profile.endpoint(Endpoint::Loki).url = m_stack.simulatorUrl();
    m_lokiHttp = std::make_unique<HttpClient>(&m_network, Endpoint::Loki);
    m_lokiHttp->setProfile(m_profile);
    m_loki = std::make_unique<LokiClient>(m_lokiHttp.get());
    m_promHttp = std::make_unique<HttpClient>(&m_network, Endpoint::Prometheus);
    m_promHttp->setProfile(m_profile); // none: Prometheus' panels are not what is looked at here
    m_prometheus = std::make_unique<PrometheusClient>(m_promHttp.get());
    QTest::qWait(3000); // a few seconds of lines
}

void TestLokiPanels::post(const QString &path, const QByteArray &body)
{
    QNetworkRequest request(m_stack.simulatorUrl().resolved(QUrl(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    auto *reply = m_network.post(request, body);
    QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000));
    QVERIFY2(reply->error() == QNetworkReply::NoError, qPrintable(reply->errorString()));
    reply->deleteLater();
}

Result<LokiResult> TestLokiPanels::askLoki(const LokiQuery &query)
{
    std::optional<Result<LokiResult>> out;
    m_loki->queryRange(query, nullptr, [&](const Result<LokiResult> &r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
        return Error::make(Error::Kind::Timeout, QStringLiteral("no answer"));
    return *out;
}

Dashboard TestLokiPanels::dashboard() const
{
    auto parsed = dashboards::parse(R"json({"schemaVersion": 1, "id": "logs", "title": "Logs", "rows": [{"panels": [
        {"id": "lines", "type": "logs", "title": "Router lines", "source": "loki", "width": 12,
         "queries": ["{app=\"mytrader-api\", source_context=~\".*DataSourceRouter.*|.*Alpaca.*\"}"]},
        {"id": "levels", "type": "bar", "title": "Lines by level", "source": "loki", "width": 12,
         "queries": [{"expr": "sum by (level) (count_over_time({app=\"mytrader-api\"}[1m]))", "legend": "{{level}}"}]}]}]})json");
    if (!parsed)
        qFatal("%s", qPrintable(parsed.error().message));
    return parsed.value();
}

std::unique_ptr<TestLokiPanels::Shown> TestLokiPanels::showDashboard()
{
    auto shown = std::make_unique<Shown>(m_prometheus.get(), m_loki.get(), dashboard());
    shown->view.setPrometheus(m_prometheus.get());
    shown->view.setTimeRange(TimeRange::last(std::chrono::minutes(15)));
    shown->view.resize(1400, 700);
    shown->view.show();
    shown->view.refresh();
    return shown;
}

namespace {

QStringList paintedLines(DashboardPanel *panel)
{
    QStringList out;
    for (const auto &v : panel->painted())
        out << v.toObject().value(QStringLiteral("ns")).toString() + u' ' + v.toObject().value(QStringLiteral("message")).toString();
    return out;
}

} // namespace

void TestLokiPanels::logsPanelShowsTheNewestLines()
{
    const auto shown = showDashboard();
    auto &view = shown->view;
    QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 20000);
    auto *lines = view.panel(QStringLiteral("lines"));
    QCOMPARE(lines->frame()->state(), PanelFrame::State::Ready);
    const auto painted = lines->painted();
    QVERIFY(!painted.isEmpty());
    QVERIFY(painted.size() <= 100);
    // Exactly what Loki returns for the query over the same window, newest first.
    LokiQuery q;
    q.logql = lines->painted().first().toObject().value(QStringLiteral("query")).toString();
    const auto newest = painted.first().toObject().value(QStringLiteral("ns")).toString().toLongLong();
    q.startNs = loki::toNanos(QDateTime::currentDateTimeUtc().addSecs(-15 * 60)); // the simulator is younger
    q.endNs = newest + 1;
    q.limit = 100;
    const auto answer = askLoki(q);
    QVERIFY(answer.ok());
    std::vector<std::pair<qint64, QString>> expected;
    for (const auto &s : answer->streams)
        for (const auto &e : s.entries)
            expected.emplace_back(e.ns, e.line);
    std::sort(expected.begin(), expected.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    expected.resize(std::min<std::size_t>(expected.size(), std::size_t(painted.size())));
    QCOMPARE(std::size_t(painted.size()), expected.size());
    for (int i = 0; i < painted.size(); ++i) {
        const auto o = painted.at(i).toObject();
        QCOMPARE(o.value(QStringLiteral("ns")).toString().toLongLong(), expected[std::size_t(i)].first);
        // The line's message as the Logs view shows it (redacted: a secret in a line is never shown).
        const auto record = logs::parseLine(logs::exactUtf8(expected[std::size_t(i)].second), expected[std::size_t(i)].first);
        QCOMPARE(o.value(QStringLiteral("message")).toString(), record.message);
        QCOMPARE(o.value(QStringLiteral("level")).toString(), logs::levelName(record.level));
    }
    if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty())
        view.grab().save(grab + QStringLiteral("/loki-panels.png"));
    // The metric panel: one bar per level, each Loki's count.
    auto *levels = view.panel(QStringLiteral("levels"));
    QCOMPARE(levels->frame()->state(), PanelFrame::State::Ready);
    QVERIFY(!levels->painted().isEmpty());
    for (const auto &v : levels->painted())
        QCOMPARE(v.toObject().value(QStringLiteral("source")).toString(), QStringLiteral("loki"));
}

void TestLokiPanels::transitionOnTopAfterTheNextRefresh()
{
    const auto shown = showDashboard();
    auto &view = shown->view;
    QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 20000);
    auto *lines = view.panel(QStringLiteral("lines"));
    const auto before = paintedLines(lines);
    // A failover: the router logs its transition; the next refresh has it first.
    post(QStringLiteral("/control/faults"), R"({"kind":"alpaca_disconnect","durationSeconds":2})");
    bool seen = false;
    QTRY_VERIFY_WITH_TIMEOUT(seen || (seen = (view.refresh(), QTest::qWait(500), view.isSettled()
                                               && paintedLines(lines).first() != before.first()
                                               && paintedLines(lines).join(u'\n').contains(QLatin1String("FALLBACK_ACTIVE")))),
                             20000);
    const auto after = paintedLines(lines);
    // Newest first, and what was shown before is below what came since.
    for (int i = 1; i < after.size(); ++i)
        QVERIFY(after.at(i - 1).section(u' ', 0, 0).toLongLong() >= after.at(i).section(u' ', 0, 0).toLongLong());
    QVERIFY(after.contains(before.first()) || after.size() == 100);
}

void TestLokiPanels::lokiRestartLeavesLinesStale()
{
    const auto shown = showDashboard();
    auto &view = shown->view;
    QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 20000);
    auto *lines = view.panel(QStringLiteral("lines"));
    const auto before = paintedLines(lines);
    QVERIFY(!before.isEmpty());
    // Loki restarts (503 while it is down, as Loki's ingester ring does): the last lines stay,
    // marked stale; Prometheus' backoff is not started by it.
    post(QStringLiteral("/control/loki/restart"), R"({"downSeconds":4})");
    view.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(view.isSettled(), 20000);
    QCOMPARE(lines->frame()->state(), PanelFrame::State::Stale);
    QCOMPARE(paintedLines(lines), before);
    QVERIFY(!shown->scheduler.isBackingOff());
    // Back: whole again within a refresh.
    QTest::qWait(4500);
    bool whole = false;
    QTRY_VERIFY_WITH_TIMEOUT(whole || (whole = (view.refresh(), QTest::qWait(500), view.isSettled()
                                                 && lines->frame()->state() == PanelFrame::State::Ready)),
                             15000);
}

QTEST_MAIN(TestLokiPanels)
#include "tst_lokipanels.moc"
