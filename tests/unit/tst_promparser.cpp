// Parsers of Prometheus' answers, on responses captured from the real Debian Prometheus 2.42.

#include "sources/prometheus/promresult.h"
#include "testdata.h"

#include <QTest>

#include <cmath>

using wf::PromResult;

class TestPromParser : public QObject
{
    Q_OBJECT
private slots:
    void vector();
    void matrixFromInstantQuery();
    void rangeMatrix();
    void scalarAndString();
    void specialValues();
    void apiErrorKeepsServerMessage();
    void warningsSurface();
    void malformed_data();
    void malformed();
    void rulesAlertsTargets();
    void metadata();
    void valuesIgnoreLocale();
    void holesFilledFromTheOtherReplica();
    void victoriaMetricsIsRecognised();
    void heldBackPointsAreDropped();
};

static QByteArray data(const char *name)
{
    return readTestData(QStringLiteral("prometheus/") + QLatin1String(name));
}

void TestPromParser::vector()
{
    const auto r = wf::prom::parseQueryResult(data("query_vector.json"));
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    QCOMPARE(r->type, PromResult::Type::Vector);
    QCOMPARE(r->series.size(), std::size_t(1));
    QCOMPARE(r->series[0].labels.value(QStringLiteral("__name__")), QStringLiteral("up"));
    QCOMPARE(r->series[0].labels.value(QStringLiteral("job")), QStringLiteral("prometheus"));
    QCOMPARE(r->series[0].samples.size(), std::size_t(1));
    QCOMPARE(r->series[0].samples[0].value, 1.0);
    QVERIFY(r->series[0].samples[0].time > 1.7e9);
}

void TestPromParser::matrixFromInstantQuery()
{
    const auto r = wf::prom::parseQueryResult(data("query_matrix.json"));
    QVERIFY(r.ok());
    QCOMPARE(r->type, PromResult::Type::Matrix);
    QVERIFY(!r->series.empty() && !r->series[0].samples.empty());
}

void TestPromParser::rangeMatrix()
{
    const auto r = wf::prom::parseQueryResult(data("query_range_matrix.json"));
    QVERIFY(r.ok());
    QCOMPARE(r->type, PromResult::Type::Matrix);
    QCOMPARE(r->series[0].samples[0].time, std::floor(r->series[0].samples[0].time)); // aligned to the step
}

void TestPromParser::scalarAndString()
{
    const auto scalar = wf::prom::parseQueryResult(data("query_scalar.json"));
    QVERIFY(scalar.ok());
    QCOMPARE(scalar->type, PromResult::Type::Scalar);
    QCOMPARE(scalar->scalar.value, 42.0);
    const auto text = wf::prom::parseQueryResult(data("query_string.json"));
    QVERIFY(text.ok());
    QCOMPARE(text->type, PromResult::Type::String);
    QCOMPARE(text->text, QStringLiteral("hello"));
}

void TestPromParser::specialValues()
{
    const auto r = wf::prom::parseQueryResult(data("query_special_values.json"));
    QVERIFY(r.ok());
    QCOMPARE(r->series.size(), std::size_t(3));
    QVERIFY(std::isnan(r->series[0].samples[0].value));
    QVERIFY(std::isinf(r->series[1].samples[0].value) && r->series[1].samples[0].value > 0);
    QVERIFY(std::isinf(r->series[2].samples[0].value) && r->series[2].samples[0].value < 0);
}

void TestPromParser::apiErrorKeepsServerMessage()
{
    const auto r = wf::prom::parseQueryResult(data("error_bad_data.json"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, wf::Error::Kind::Api);
    QCOMPARE(r.error().apiType, QStringLiteral("bad_data"));
    QVERIFY(r.error().apiError.contains(QStringLiteral("missing unit character in duration")));
    QVERIFY(r.error().message.contains(QStringLiteral("bad_data")));

    // The same body behind an HTTP 400 becomes the API error, not a bare "HTTP 400".
    wf::Error http;
    http.kind = wf::Error::Kind::HttpStatus;
    http.httpStatus = 400;
    http.body = data("error_bad_data.json");
    const auto mapped = wf::prom::fromHttpError(http);
    QCOMPARE(mapped.kind, wf::Error::Kind::Api);
    QCOMPARE(mapped.httpStatus, 400);
    // A proxy's HTML page stays an HTTP error.
    http.body = "<html><body>502 Bad Gateway</body></html>";
    QCOMPARE(wf::prom::fromHttpError(http).kind, wf::Error::Kind::HttpStatus);
}

void TestPromParser::warningsSurface()
{
    const auto r = wf::prom::parseQueryResult(
        R"({"status":"success","warnings":["partial response: store down"],"data":{"resultType":"vector","result":[]}})");
    QVERIFY(r.ok());
    QCOMPARE(r->warnings, QStringList{QStringLiteral("partial response: store down")});
    QVERIFY(r->series.empty()); // empty result is "no data", not an error
}

void TestPromParser::malformed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("html") << QByteArray("<html>Bad Gateway</html>");
    QTest::newRow("truncated") << data("query_vector.json").left(60);
    QTest::newRow("no status") << QByteArray(R"({"data":{}})");
    QTest::newRow("unknown type") << QByteArray(R"({"status":"success","data":{"resultType":"table","result":[]}})");
    QTest::newRow("bad sample") << QByteArray(
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,2]}]}})");
    QTest::newRow("bad value") << QByteArray(
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"one"]}]}})");
    QTest::newRow("array") << QByteArray("[1,2,3]");
}

void TestPromParser::malformed()
{
    QFETCH(QByteArray, body);
    const auto r = wf::prom::parseQueryResult(body);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, wf::Error::Kind::Parse);
    QVERIFY(r.error().message.startsWith(QStringLiteral("Prometheus sent an answer")));
}

void TestPromParser::rulesAlertsTargets()
{
    const auto rules = wf::prom::parseRules(data("rules.json"));
    QVERIFY(rules.ok());
    QCOMPARE(rules->size(), 1);
    const auto &group = rules->first();
    QCOMPARE(group.alertingRules.size(), 1);
    QCOMPARE(group.alertingRules[0].name, QStringLiteral("AlwaysFiring"));
    QCOMPARE(group.alertingRules[0].query, QStringLiteral("vector(1)"));
    QCOMPARE(group.alertingRules[0].state, QStringLiteral("firing"));
    QCOMPARE(group.alertingRules[0].annotations.value(QStringLiteral("runbook_url")),
             QStringLiteral("https://runbooks.example/always-firing"));
    QCOMPARE(group.recordingRules, QStringList{QStringLiteral("job:up:sum")});

    const auto alerts = wf::prom::parseAlerts(data("alerts.json"));
    QVERIFY(alerts.ok());
    QCOMPARE(alerts->first().state, QStringLiteral("firing"));
    QVERIFY(alerts->first().activeAt.isValid());

    const auto targets = wf::prom::parseTargets(data("targets.json"));
    QVERIFY(targets.ok());
    QCOMPARE(targets->first().health, QStringLiteral("up"));
    QCOMPARE(targets->first().scrapePool, QStringLiteral("prometheus"));
    QVERIFY(targets->first().lastScrape.isValid());
}

void TestPromParser::metadata()
{
    const auto labels = wf::prom::parseStringList(data("labels.json"));
    QVERIFY(labels.ok());
    QVERIFY(labels->contains(QStringLiteral("__name__")) && labels->contains(QStringLiteral("job")));
    const auto series = wf::prom::parseSeries(data("series.json"));
    QVERIFY(series.ok());
    QCOMPARE(series->first().value(QStringLiteral("__name__")), QStringLiteral("up"));
    const auto build = wf::prom::parseBuildInfo(data("buildinfo.json"));
    QVERIFY(build.ok());
    QVERIFY(build->version.startsWith(QStringLiteral("2.")));
}

void TestPromParser::valuesIgnoreLocale()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(wf::prom::parseValue(QStringLiteral("1.5")), 1.5);
    QCOMPARE(wf::prom::parseValue(QStringLiteral("1e+00")), 1.0);
    QVERIFY(!wf::prom::parseValue(QStringLiteral("1,5")).has_value());
    QLocale::setDefault(QLocale::c());
}

// An HA pair: the answer keeps its own points, takes the other's only where it has none (its
// replica was down), and a series only the other has comes whole; what is not a matrix stays.
void TestPromParser::holesFilledFromTheOtherReplica()
{
    const auto series = [](const QString &job, std::initializer_list<std::pair<double, double>> points) {
        wf::Series s;
        s.labels = {{QStringLiteral("job"), job}};
        for (const auto &[t, v] : points)
            s.samples.push_back({t, v});
        return s;
    };
    wf::PromResult answer;
    answer.type = wf::PromResult::Type::Matrix;
    answer.series = {series(QStringLiteral("api"), {{100, 1}, {101, 1}, {105, 5}, {106, 6}})};
    wf::PromResult other;
    other.type = wf::PromResult::Type::Matrix;
    other.series = {series(QStringLiteral("api"), {{100.0004, 9}, {101, 9}, {102, 2}, {103, 3}, {104, 4}, {105, 9}, {107, 7}}),
                    series(QStringLiteral("sim"), {{104, 1}})};

    QCOMPARE(wf::prom::fillHoles(answer, other), 5);
    QCOMPARE(answer.series.size(), std::size_t(2));
    const auto &api = answer.series.at(0).samples;
    QCOMPARE(api.size(), std::size_t(8));
    const double times[] = {100, 101, 102, 103, 104, 105, 106, 107};
    const double values[] = {1, 1, 2, 3, 4, 5, 6, 7}; // its own 1s and 5 stand; 9s never come in
    for (std::size_t i = 0; i < api.size(); ++i) {
        QCOMPARE(api[i].time, times[i]);
        QCOMPARE(api[i].value, values[i]);
    }
    QCOMPARE(answer.series.at(1).labels.value(QStringLiteral("job")), QStringLiteral("sim"));

    // Nothing to fill: nothing changes, and a vector is left alone.
    QCOMPARE(wf::prom::fillHoles(answer, other), 0);
    wf::PromResult vector;
    vector.series = {series(QStringLiteral("api"), {{100, 1}})};
    QCOMPARE(wf::prom::fillHoles(vector, other), 0);
    QCOMPARE(vector.series.size(), std::size_t(1));
}

void TestPromParser::victoriaMetricsIsRecognised()
{
    using Kind = wf::PromServer::Kind;
    QCOMPARE(wf::prom::serverKindFromReady("VictoriaMetrics is Ready.\n"), Kind::VictoriaMetrics);
    QCOMPARE(wf::prom::serverKindFromReady("Prometheus Server is Ready.\n"), Kind::Prometheus);
    QCOMPARE(wf::prom::serverKindFromReady("OK"), Kind::Unknown);
    // Its build information is an empty object: read, with no version, not an error.
    const auto build = wf::prom::parseBuildInfo(data("buildinfo-victoriametrics.json"));
    QVERIFY2(build.ok(), build.ok() ? "" : qPrintable(build.error().message));
    QVERIFY(build->version.isEmpty());
    QVERIFY(!wf::prom::parseBuildInfo(R"({"status":"success","data":[]})").ok());
    // Its latency offset, from its own /metrics (the default, not set).
    QCOMPARE(wf::prom::latencyOffsetFromMetrics(data("victoriametrics-metrics.txt")), std::optional<int>(30'000));
    QCOMPARE(wf::prom::latencyOffsetFromMetrics("flag{name=\"search.latencyOffset\", value=\"0s\", is_set=\"true\"} 1\n"),
             std::optional<int>(0));
    QCOMPARE(wf::prom::latencyOffsetFromMetrics("vm_app_uptime_seconds 1\n"), std::nullopt);
    QCOMPARE(wf::prom::parseFlagDurationMs(QStringLiteral("1m30s")), std::optional<int>(90'000));
    QCOMPARE(wf::prom::parseFlagDurationMs(QStringLiteral("500ms")), std::optional<int>(500));
    QCOMPARE(wf::prom::parseFlagDurationMs(QStringLiteral("5m0s")), std::optional<int>(300'000));
    QCOMPARE(wf::prom::parseFlagDurationMs(QStringLiteral("30")), std::nullopt);
    QCOMPARE(wf::prom::parseFlagDurationMs(QStringLiteral("30s junk")), std::nullopt);
    QCOMPARE(wf::prom::parseFlagDurationMs(QString()), std::nullopt);
}

void TestPromParser::heldBackPointsAreDropped()
{
    // As VictoriaMetrics answered a range ending now with its 30-s offset: after 175 the last
    // real value repeated. Only the real points stay; the answer says how long its end is missing.
    wf::PromResult answer;
    answer.type = wf::PromResult::Type::Matrix;
    wf::Series up;
    for (int t = 145; t <= 205; t += 5)
        up.samples.push_back({double(t), t <= 175 ? double(t) - 0.046 : 174.954});
    wf::Series late; // a series whose only points are held back
    late.samples.push_back({200, 1});
    answer.series = {up, late};
    wf::prom::dropHeldBack(answer, 176.0, 205.0);
    QCOMPARE(answer.series.size(), std::size_t(1));
    QCOMPARE(answer.series.front().samples.back().time, 175.0);
    QCOMPARE(answer.series.front().samples.size(), std::size_t(7));
    QCOMPARE(answer.heldBackSeconds, 29);
    // A range that ends before the held-back time is left as it is.
    wf::PromResult old;
    old.type = wf::PromResult::Type::Matrix;
    old.series = {up};
    wf::prom::dropHeldBack(old, 300.0, 205.0);
    QCOMPARE(old.series.front().samples.size(), up.samples.size());
    QCOMPARE(old.heldBackSeconds, 0);
}

QTEST_GUILESS_MAIN(TestPromParser)
#include "tst_promparser.moc"
