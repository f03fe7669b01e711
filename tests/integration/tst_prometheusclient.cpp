// PrometheusClient against the real Debian Prometheus on a free loopback port.

#include "monitoringstack.h"
#include "sources/prometheus/prometheusclient.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QCoreApplication>
#include <QTest>

#include <cmath>
#include <optional>

using wf::PromResult;

class TestPrometheusClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void instantVector();
    void everyResultType_data();
    void everyResultType();
    void specialValues();
    void rangeQueryIsAligned();
    void plusSignSurvivesEncoding();
    void longQueryGoesAsPost();
    void badPromqlIsTypedApiError();
    void unexecutableQuery();
    void metadata();
    void rulesAndAlerts();
    void targetsBuildInfoReady();
    void contextGoneMeansNoCallback();

private:
    template <typename T, typename F>
    wf::Result<T> wait(F &&start);

    MonitoringStack m_stack;
    QNetworkAccessManager m_network;
    wf::HttpClient *m_http = nullptr;
    wf::PrometheusClient *m_client = nullptr;
};

// Starts a call and runs the event loop until its callback; a call that never answers is an error too.
template <typename T, typename F>
wf::Result<T> TestPrometheusClient::wait(F &&start)
{
    std::optional<wf::Result<T>> out;
    start([&out](const wf::Result<T> &r) { out = r; });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, 15000)) {
        wf::Error e;
        e.message = QStringLiteral("the client never called back");
        return e;
    }
    return *out;
}

void TestPrometheusClient::initTestCase()
{
    const auto rules = QStringLiteral(R"(groups:
  - name: watchfloor-test
    interval: 1s
    rules:
      - alert: AlwaysFiring
        expr: vector(1)
        labels: {severity: warning}
        annotations: {summary: "Always firing", runbook_url: "https://runbooks.example/always-firing"}
)");
    QVERIFY2(m_stack.start(rules), qPrintable(m_stack.errorString()));
    auto profile = wf::demoProfile();
    profile.endpoint(wf::Endpoint::Prometheus).url = m_stack.prometheusUrl();
    m_http = new wf::HttpClient(&m_network, wf::Endpoint::Prometheus, this);
    m_http->setProfile(profile);
    m_client = new wf::PrometheusClient(m_http, this);
    // The self-scrape needs a moment before `up` exists.
    QTRY_VERIFY_WITH_TIMEOUT(([this] {
                                 auto r = wait<PromResult>([this](auto cb) {
                                     m_client->query(QStringLiteral("up"), {}, this, cb);
                                 });
                                 return r.ok() && !r.value().series.empty();
                             }()),
                             20000);
}

void TestPrometheusClient::instantVector()
{
    const auto r = wait<PromResult>([this](auto cb) { m_client->query(QStringLiteral("up"), {}, this, cb); });
    QVERIFY(r.ok());
    QCOMPARE(r.value().type, PromResult::Type::Vector);
    QVERIFY(!r.value().series.empty());
    QCOMPARE(r.value().series.front().labels.value(QStringLiteral("job")), QStringLiteral("prometheus"));
    QCOMPARE(r.value().series.front().samples.front().value, 1.0);
}

void TestPrometheusClient::everyResultType_data()
{
    QTest::addColumn<QString>("promql");
    QTest::addColumn<int>("type");
    QTest::newRow("vector") << "vector(3)" << int(PromResult::Type::Vector);
    QTest::newRow("matrix") << "up[10s]" << int(PromResult::Type::Matrix);
    QTest::newRow("scalar") << "scalar(vector(7))" << int(PromResult::Type::Scalar);
    QTest::newRow("string") << "\"watchfloor\"" << int(PromResult::Type::String);
}

void TestPrometheusClient::everyResultType()
{
    QFETCH(QString, promql);
    QFETCH(int, type);
    const auto r = wait<PromResult>([&](auto cb) { m_client->query(promql, {}, this, cb); });
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(int(r.value().type), type);
}

void TestPrometheusClient::specialValues()
{
    const auto r = wait<PromResult>([this](auto cb) {
        m_client->query(QStringLiteral("vector(0)/0 or label_replace(vector(1)/0, \"k\", \"pos\", \"\", \"\")"
                                       " or label_replace(vector(-1)/0, \"k\", \"neg\", \"\", \"\")"),
                        {}, this, cb);
    });
    QVERIFY(r.ok());
    int nan = 0, pos = 0, neg = 0;
    for (const auto &s : r.value().series) {
        const double v = s.samples.front().value;
        nan += std::isnan(v);
        pos += std::isinf(v) && v > 0;
        neg += std::isinf(v) && v < 0;
    }
    QCOMPARE(nan + pos + neg, 3);
    QVERIFY(nan == 1 && pos == 1 && neg == 1);
}

void TestPrometheusClient::rangeQueryIsAligned()
{
    const auto end = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() / 2 * 2, Qt::UTC);
    const auto start = end.addSecs(-10);
    // vector(1) has a value at every step, whatever the age of the server's data.
    const auto r = wait<PromResult>([&](auto cb) { m_client->queryRange(QStringLiteral("vector(1)"), start, end, 2, this, cb); });
    QVERIFY(r.ok());
    QCOMPARE(r.value().type, PromResult::Type::Matrix);
    QVERIFY(!r.value().series.empty());
    const auto &samples = r.value().series.front().samples;
    QCOMPARE(samples.size(), std::size_t(6));
    QCOMPARE(samples.front().time, double(start.toSecsSinceEpoch()));
    for (const auto &s : samples)
        QCOMPARE(std::fmod(s.time, 2.0), 0.0); // start + k·step
}

void TestPrometheusClient::plusSignSurvivesEncoding()
{
    const auto r = wait<PromResult>([this](auto cb) { m_client->query(QStringLiteral("1 + 1"), {}, this, cb); });
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(r.value().scalar.value, 2.0);
}

void TestPrometheusClient::longQueryGoesAsPost()
{
    // A 9 KB query: too long for a comfortable URL, fine as a form.
    QString promql = QStringLiteral("vector(1)");
    while (promql.size() < 9000)
        promql += QStringLiteral(" + vector(1)");
    const int terms = int(promql.count(QStringLiteral("vector(1)")));
    const auto r = wait<PromResult>([&](auto cb) { m_client->query(promql, {}, this, cb); });
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QVERIFY(!r.value().series.empty());
    QCOMPARE(r.value().series.front().samples.front().value, double(terms));
}

void TestPrometheusClient::badPromqlIsTypedApiError()
{
    const auto r = wait<PromResult>([this](auto cb) { m_client->query(QStringLiteral("sum(rate(up[5m)"), {}, this, cb); });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, wf::Error::Kind::Api);
    QCOMPARE(r.error().httpStatus, 400);
    QCOMPARE(r.error().apiType, QStringLiteral("bad_data"));
    QVERIFY2(r.error().apiError.contains(QStringLiteral("parse error")), qPrintable(r.error().apiError));
}

void TestPrometheusClient::unexecutableQuery()
{
    // Too many points per series is refused with bad_data (apis.md §1), never silently truncated.
    const auto end = QDateTime::currentDateTimeUtc();
    const auto r = wait<PromResult>([&](auto cb) {
        m_client->queryRange(QStringLiteral("up"), end.addDays(-2), end, 1, this, cb);
    });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, wf::Error::Kind::Api);
    QVERIFY(r.error().apiError.contains(QStringLiteral("11,000")));
}

void TestPrometheusClient::metadata()
{
    const auto labels = wait<QStringList>([this](auto cb) { m_client->labels({}, this, cb); });
    QVERIFY(labels.ok());
    QVERIFY(labels.value().contains(QStringLiteral("job")));
    const auto names = wait<QStringList>([this](auto cb) { m_client->labelValues(QStringLiteral("__name__"), {}, this, cb); });
    QVERIFY(names.ok());
    QVERIFY(names.value().contains(QStringLiteral("up")));
    const auto jobs = wait<QStringList>([this](auto cb) {
        m_client->labelValues(QStringLiteral("job"), {QStringLiteral("up")}, this, cb);
    });
    QCOMPARE(jobs.value(), QStringList{QStringLiteral("prometheus")});
    const auto badName = wait<QStringList>([this](auto cb) {
        m_client->labelValues(QStringLiteral("job/../../x"), {}, this, cb);
    });
    QVERIFY(!badName.ok());
    const auto series = wait<QList<wf::Labels>>([this](auto cb) {
        m_client->series({QStringLiteral("up")}, QDateTime::currentDateTimeUtc().addSecs(-60),
                         QDateTime::currentDateTimeUtc(), this, cb);
    });
    QVERIFY(series.ok());
    QCOMPARE(series.value().first().value(QStringLiteral("__name__")), QStringLiteral("up"));
}

void TestPrometheusClient::rulesAndAlerts()
{
    const auto rules = wait<QList<wf::RuleGroup>>([this](auto cb) { m_client->rules(this, cb); });
    QVERIFY(rules.ok());
    QCOMPARE(rules.value().first().alertingRules.first().name, QStringLiteral("AlwaysFiring"));
    QCOMPARE(rules.value().first().alertingRules.first().health, QStringLiteral("ok"));
    QTRY_VERIFY_WITH_TIMEOUT(([this] {
                                 auto alerts = wait<QList<wf::PromAlert>>([this](auto cb) { m_client->alerts(this, cb); });
                                 return alerts.ok() && !alerts.value().isEmpty()
                                     && alerts.value().first().state == u"firing";
                             }()),
                             15000);
}

void TestPrometheusClient::targetsBuildInfoReady()
{
    const auto targets = wait<QList<wf::Target>>([this](auto cb) { m_client->targets(this, cb); });
    QVERIFY(targets.ok());
    QCOMPARE(targets.value().first().health, QStringLiteral("up"));
    const auto build = wait<wf::BuildInfo>([this](auto cb) { m_client->buildInfo(this, cb); });
    QVERIFY(build.ok());
    QVERIFY(build.value().version.startsWith(QStringLiteral("2.")));
    const auto ready = wait<wf::Done>([this](auto cb) { m_client->ready(this, cb); });
    QVERIFY(ready.ok());
    // Which server it is, learnt from its readiness answer.
    m_client->detectServer();
    QTRY_COMPARE_WITH_TIMEOUT(m_client->server().kind, wf::PromServer::Kind::Prometheus, 15000);
    QCOMPARE(m_client->server().latencyOffsetMs, 0);
}

void TestPrometheusClient::contextGoneMeansNoCallback()
{
    int calls = 0;
    auto *context = new QObject;
    m_client->query(QStringLiteral("up"), {}, context, [&calls](const auto &) { ++calls; });
    delete context;
    int after = 0;
    m_client->query(QStringLiteral("up"), {}, this, [&after](const auto &) { ++after; });
    QTRY_COMPARE(after, 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_http->inFlight(), 0, 15000); // the first one's answer is in too
    QCoreApplication::processEvents();
    QCOMPARE(calls, 0);
}

QTEST_GUILESS_MAIN(TestPrometheusClient)
#include "tst_prometheusclient.moc"
