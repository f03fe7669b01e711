// mytrader-sim's LogQL subset: what it selects and filters, what `| json` extracts, and that every
// query outside the subset is refused with Loki's "parse error at line 1, col N" — never answered
// wrongly. Selectors built by the console's own escaping helpers select exactly their value.

#include "domain/querytext.h"
#include "logql.h"

#include <QTest>

#include <deque>

using namespace sim::logql;

namespace {

const Labels kStream{{QStringLiteral("app"), QStringLiteral("mytrader-api")},
                     {QStringLiteral("level"), QStringLiteral("Information")},
                     {QStringLiteral("source_context"), QStringLiteral("MyTrader.Core.Services.DataSourceRouter")}};
const QString kLine = QStringLiteral(
    R"js({"timestamp":"2025-10-09T10:15:32.123Z","level":"Information","sourceContext":"MyTrader.Core.Services.DataSourceRouter",)js"
    R"js("message":"Alpaca state transition: PRIMARY_ACTIVE → FALLBACK_ACTIVE (Reason: Connection timeout, Duration: 35s)",)js"
    R"js("properties":{"PreviousState":"PRIMARY_ACTIVE","NewState":"FALLBACK_ACTIVE","Reason":"Connection timeout",)js"
    R"js("DurationSeconds":35,"Tags":["a","b"],"Nested":{"Deep":{"Value":true}},"ThreadId":42}})js");

std::optional<Labels> run(const QString &query, const Labels &stream = kStream, const QString &line = kLine)
{
    auto parsed = parse(query);
    if (auto *e = std::get_if<ParseError>(&parsed)) {
        qWarning("%s", qPrintable(e->message));
        return std::nullopt;
    }
    Labels out;
    if (!std::get<LogQuery>(parsed).evaluate(stream, line, &out))
        return std::nullopt;
    return out;
}

} // namespace

class TestLogQL : public QObject
{
    Q_OBJECT
private slots:
    void selects_data();
    void selects();
    void jsonExtraction();
    void refused_data();
    void refused();
    void consoleEscapingRoundTrips_data();
    void consoleEscapingRoundTrips();
    void metricQueriesParse_data();
    void metricQueriesParse();
    void metricWindowsAreLokis();
    void metricAggregations();
    void durations_data();
    void durations();
};

void TestLogQL::selects_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("kept");
    QTest::newRow("equal") << R"({app="mytrader-api"})" << true;
    QTest::newRow("equal other") << R"({app="other"})" << false;
    QTest::newRow("not equal") << R"({app="mytrader-api", level!="Error"})" << true;
    QTest::newRow("regex is anchored") << R"({app=~"mytrader"})" << false;
    QTest::newRow("regex") << R"({app=~"mytrader-.*", level=~"Info.*|Warning"})" << true;
    QTest::newRow("not regex") << R"({app="mytrader-api", level!~"Warning|Error"})" << true;
    QTest::newRow("missing label is empty") << R"({app="mytrader-api", env=""})" << true;
    QTest::newRow("trailing comma") << R"({app="mytrader-api",})" << true;
    QTest::newRow("contains") << R"({app="mytrader-api"} |= "FALLBACK_ACTIVE")" << true;
    QTest::newRow("contains is case sensitive") << R"({app="mytrader-api"} |= "fallback_active")" << false;
    QTest::newRow("not contains") << R"({app="mytrader-api"} != "Reconnect")" << true;
    QTest::newRow("chained") << R"({app="mytrader-api"} |= "transition" != "PRIMARY_ACTIVE")" << false;
    QTest::newRow("line regex unanchored") << R"({app="mytrader-api"} |~ "Duration: \\d+s")" << true;
    QTest::newRow("line not regex") << R"({app="mytrader-api"} !~ "(?i)timeout")" << false;
    QTest::newRow("raw string") << "{app=\"mytrader-api\"} |~ `Duration: \\d+s`" << true;
    QTest::newRow("json label eq") << R"({app="mytrader-api"} | json | properties_NewState="FALLBACK_ACTIVE")" << true;
    QTest::newRow("json label neq") << R"({app="mytrader-api"} | json | properties_NewState!="FALLBACK_ACTIVE")" << false;
    QTest::newRow("json label regex") << R"({app="mytrader-api"} | json | properties_Reason=~"Connection.*")" << true;
    QTest::newRow("json number gt") << R"({app="mytrader-api"} | json | properties_DurationSeconds > 30)" << true;
    QTest::newRow("json number le") << R"({app="mytrader-api"} | json | properties_DurationSeconds <= 30)" << false;
    QTest::newRow("json number on text") << R"({app="mytrader-api"} | json | properties_Reason > 3)" << false;
    QTest::newRow("json then line filter") << R"({app="mytrader-api"} | json | properties_ThreadId == 42 |= "Alpaca")" << true;
    QTest::newRow("json nested bool") << R"({app="mytrader-api"} | json | properties_Nested_Deep_Value="true")" << true;
}

void TestLogQL::selects()
{
    QFETCH(QString, query);
    QFETCH(bool, kept);
    QCOMPARE(run(query).has_value(), kept);
}

void TestLogQL::jsonExtraction()
{
    const auto labels = run(QStringLiteral(R"({app="mytrader-api"} | json)"));
    QVERIFY(labels);
    QCOMPARE(labels->value(QStringLiteral("properties_NewState")), QStringLiteral("FALLBACK_ACTIVE"));
    QCOMPARE(labels->value(QStringLiteral("properties_DurationSeconds")), QStringLiteral("35"));
    QCOMPARE(labels->value(QStringLiteral("properties_Nested_Deep_Value")), QStringLiteral("true"));
    QVERIFY(!labels->contains(QStringLiteral("properties_Tags"))); // arrays are skipped, like Loki
    // "level" clashes with the stream label: the extracted one is suffixed, the stream's stays.
    QCOMPARE(labels->value(QStringLiteral("level")), QStringLiteral("Information"));
    QCOMPARE(labels->value(QStringLiteral("level_extracted")), QStringLiteral("Information"));
    QCOMPARE(labels->value(QStringLiteral("app")), QStringLiteral("mytrader-api"));
    // A line that is not JSON passes with the parser's error label, as in Loki.
    const auto plain = run(QStringLiteral(R"({app="mytrader-api"} | json)"), kStream, QStringLiteral("plain text"));
    QVERIFY(plain);
    QCOMPARE(plain->value(QStringLiteral("__error__")), QStringLiteral("JSONParserErr"));
    QVERIFY(!run(QStringLiteral(R"({app="mytrader-api"} | json | __error__="")"), kStream, QStringLiteral("plain")));
    // Without | json the result keeps the stream's labels only.
    QCOMPARE(*run(QStringLiteral(R"({app="mytrader-api"})")), kStream);
}

void TestLogQL::refused_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("message");
    QTest::newRow("no selector") << "app=\"x\"" << "parse error at line 1, col 1: syntax error: unexpected IDENTIFIER, expecting {";
    QTest::newRow("empty") << "" << "parse error at line 1, col 1: syntax error: unexpected $end, expecting {";
    QTest::newRow("unquoted value") << "{app=mytrader}" << "parse error at line 1, col 6: syntax error: unexpected IDENTIFIER, expecting STRING";
    QTest::newRow("unterminated") << "{app=\"x}" << "parse error at line 1, col 6: literal not terminated";
    QTest::newRow("no closing brace") << "{app=\"x\"" << "parse error at line 1, col 9: syntax error: unexpected $end, expecting , or }";
    QTest::newRow("empty compatible") << "{app=~\".*\"}" << "queries require at least one regexp or equality matcher";
    QTest::newRow("only negative") << "{app!=\"x\"}" << "queries require at least one regexp or equality matcher";
    QTest::newRow("bad regex") << "{app=~\"(\"}" << "error parsing regexp";
    QTest::newRow("metric query where a log query goes") << "count_over_time({app=\"x\"}[1m])" << "metric queries (count_over_time) are not supported here";
    QTest::newRow("logfmt") << "{app=\"x\"} | logfmt" << "the logfmt stage is not supported";
    QTest::newRow("line_format") << "{app=\"x\"} | line_format \"{{.message}}\"" << "the line_format stage is not supported";
    QTest::newRow("dangling pipe") << "{app=\"x\"} |" << "parse error at line 1, col 12: syntax error: unexpected $end";
    QTest::newRow("junk") << "{app=\"x\"} @" << "unexpected character @";
}

void TestLogQL::refused()
{
    QFETCH(QString, query);
    QFETCH(QString, message);
    const auto parsed = parse(query);
    QVERIFY(std::holds_alternative<ParseError>(parsed));
    const auto &text = std::get<ParseError>(parsed).message;
    QVERIFY2(text.contains(message), qPrintable(text));
    QVERIFY(text.startsWith(QStringLiteral("parse error")));
}

void TestLogQL::consoleEscapingRoundTrips_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("quote") << R"(say "hi")";
    QTest::newRow("backslash") << R"(C:\temp\new)";
    QTest::newRow("newline and tab") << "a\nb\tc";
    QTest::newRow("regex metacharacters") << "a.b*c+(d)|[e]{f}^$?";
    QTest::newRow("unicode") << QStringLiteral("Zürich → 東京");
}

void TestLogQL::consoleEscapingRoundTrips()
{
    QFETCH(QString, value);
    const Labels stream{{QStringLiteral("app"), QStringLiteral("mytrader-api")}, {QStringLiteral("symbol"), value}};
    const Labels other{{QStringLiteral("app"), QStringLiteral("mytrader-api")}, {QStringLiteral("symbol"), value + u'x'}};
    const auto equal = QStringLiteral("{app=\"mytrader-api\", %1}").arg(wf::labelMatcher(QStringLiteral("symbol"), QStringLiteral("="), value));
    QVERIFY2(run(equal, stream), qPrintable(equal));
    QVERIFY(!run(equal, other));
    const auto regex = QStringLiteral("{app=\"mytrader-api\", %1}")
                           .arg(wf::labelMatcher(QStringLiteral("symbol"), QStringLiteral("=~"), wf::escapeRegex(value)));
    QVERIFY2(run(regex, stream), qPrintable(regex));
    QVERIFY(!run(regex, other));
    const auto filter = QStringLiteral("{app=\"mytrader-api\"} |= %1").arg(wf::quoteString(value));
    QVERIFY2(run(filter, stream, QStringLiteral("before %1 after").arg(value)), qPrintable(filter));
}

void TestLogQL::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ns"); // -1: refused
    QTest::newRow("seconds") << QStringLiteral("15s") << 15'000'000'000LL;
    QTest::newRow("milliseconds") << QStringLiteral("500ms") << 500'000'000LL;
    QTest::newRow("compound") << QStringLiteral("1h30m") << 5'400'000'000'000LL;
    QTest::newRow("week") << QStringLiteral("1w") << 604'800'000'000'000LL;
    QTest::newRow("year") << QStringLiteral("1y") << 31'536'000'000'000'000LL;
    QTest::newRow("no unit") << QStringLiteral("15") << -1LL;
    QTest::newRow("unknown unit") << QStringLiteral("5x") << -1LL;
    QTest::newRow("fraction") << QStringLiteral("1.5m") << -1LL;
    QTest::newRow("empty") << QString() << -1LL;
    // Past an int64 of nanoseconds: not a duration, as for Prometheus' ParseDuration (fuzz_logql
    // found the overflow).
    QTest::newRow("292 years") << QStringLiteral("292y") << 292LL * 31'536'000'000'000'000LL;
    QTest::newRow("293 years") << QStringLiteral("293y") << -1LL;
    QTest::newRow("many parts past it") << QStringLiteral("200y200y") << -1LL;
    QTest::newRow("digits past an int64") << QStringLiteral("99999999999999999999s") << -1LL;
}

// One parser for a range in a query and the step parameter: the same text, the same length.
void TestLogQL::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, ns);
    const auto parsed = durationNs(text);
    QCOMPARE(parsed.value_or(-1), ns);
    if (ns > 0) {
        const auto query = parseQuery(QStringLiteral("count_over_time({app=\"mytrader-api\"}[%1])").arg(text));
        const auto *metric = std::get_if<MetricQuery>(&query);
        QVERIFY(metric);
        QCOMPARE(metric->rangeNs, ns);
    }
}

QTEST_GUILESS_MAIN(TestLogQL)
void TestLogQL::metricQueriesParse_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("error"); // empty: a metric query
    QTest::newRow("count") << R"(count_over_time({app="x"}[1m]))" << "";
    QTest::newRow("rate with a pipeline") << R"(rate({app="x"} |= "timeout" | json | level="Error" [5m]))" << "";
    QTest::newRow("range before the pipeline") << R"(count_over_time({app="x"}[1m] | json))" << "";
    QTest::newRow("sum by, before") << R"(sum by (level) (count_over_time({app="x"} | json [1m])))" << "";
    QTest::newRow("sum by, after") << R"(sum(count_over_time({app="x"}[1m])) by (level))" << "";
    QTest::newRow("nested") << R"(max(sum without (level) (bytes_rate({app="x"}[30s]))))" << "";
    QTest::newRow("no range") << R"(count_over_time({app="x"}))" << "expecting [";
    QTest::newRow("bad range") << R"(rate({app="x"}[soon]))" << "invalid range duration";
    QTest::newRow("unsupported function") << R"(quantile_over_time(0.9, {app="x"} | unwrap d [1m]))" << "quantile_over_time is not supported";
    QTest::newRow("trailing junk") << R"(sum(count_over_time({app="x"}[1m])) x)" << "unexpected IDENTIFIER";
    QTest::newRow("unclosed") << R"(sum(count_over_time({app="x"}[1m]))" << "unexpected $end";
    // Found by fuzz_logql: the range's "]" missing read past the end of the tokens (a crash).
    QTest::newRow("range not closed") << R"(rate({app="x"}[5m)" << "unexpected $end, expecting ]";
    QTest::newRow("range not closed, pipeline") << R"(sum by (level) (count_over_time({app="x"} |= "a" [1m)" << "expecting ]";
}

void TestLogQL::metricQueriesParse()
{
    QFETCH(QString, query);
    QFETCH(QString, error);
    const auto parsed = parseQuery(query);
    if (error.isEmpty()) {
        QVERIFY2(std::holds_alternative<MetricQuery>(parsed),
                 std::holds_alternative<ParseError>(parsed) ? qPrintable(std::get<ParseError>(parsed).message) : "a log query");
    } else {
        QVERIFY(std::holds_alternative<ParseError>(parsed));
        QVERIFY2(std::get<ParseError>(parsed).message.contains(error), qPrintable(std::get<ParseError>(parsed).message));
    }
}

namespace {

struct Lines
{
    std::deque<Labels> streams;
    std::deque<QString> texts;
    std::vector<LogLine> lines;
    void add(const QString &level, qint64 seconds, const QString &text = QStringLiteral("x"))
    {
        streams.push_back({{QStringLiteral("app"), QStringLiteral("a")}, {QStringLiteral("level"), level}});
        texts.push_back(text);
        lines.push_back({&streams.back(), seconds * 1'000'000'000, &texts.back()});
    }
};

MetricQuery metric(const QString &text)
{
    auto parsed = parseQuery(text);
    if (auto *e = std::get_if<ParseError>(&parsed))
        qFatal("%s", qPrintable(e->message));
    return std::get<MetricQuery>(parsed);
}

constexpr qint64 kS = 1'000'000'000;

} // namespace

void TestLogQL::metricWindowsAreLokis()
{
    // Each step t counts the lines in (t − range, t]: a line at exactly t − range is out, one at t in.
    Lines l;
    l.add(QStringLiteral("Error"), 100);
    l.add(QStringLiteral("Error"), 110);
    l.add(QStringLiteral("Error"), 160);
    const auto counts = evaluate(metric(R"(count_over_time({app="a"}[60s]))"), l.lines, 100 * kS, 240 * kS, 60 * kS);
    QCOMPARE(counts.size(), std::size_t(1));
    // t=100: {100}; t=160: (100,160] = {110,160}; t=220: (160,220] = nothing — no point, not 0.
    QCOMPARE(counts[0].points, (std::vector<std::pair<qint64, double>>{{100 * kS, 1}, {160 * kS, 2}}));
    const auto rate = evaluate(metric(R"(rate({app="a"}[60s]))"), l.lines, 160 * kS, 160 * kS, kS);
    QCOMPARE(rate[0].points.front().second, 2.0 / 60);
    const auto bytes = evaluate(metric(R"(bytes_over_time({app="a"}[1h]))"), l.lines, 160 * kS, 160 * kS, kS);
    QCOMPARE(bytes[0].points.front().second, 3.0); // three lines of one byte
}

void TestLogQL::metricAggregations()
{
    Lines l;
    l.add(QStringLiteral("Error"), 10);
    l.add(QStringLiteral("Error"), 20);
    l.add(QStringLiteral("Warning"), 30);
    l.add(QStringLiteral("Information"), 40, QStringLiteral("skip me"));
    // One series per stream without an aggregation; by level, sum; without level, all together.
    const auto plain = evaluate(metric(R"(count_over_time({app="a"} != "skip" [1m]))"), l.lines, 60 * kS, 60 * kS, kS);
    QCOMPARE(plain.size(), std::size_t(2));
    QCOMPARE(plain[0].labels.value(QStringLiteral("level")), QStringLiteral("Error"));
    QCOMPARE(plain[0].points.front().second, 2.0);
    const auto byLevel = evaluate(metric(R"(sum by (level) (count_over_time({app="a"}[1m])))"), l.lines, 60 * kS, 60 * kS, kS);
    QCOMPARE(byLevel.size(), std::size_t(3));
    QCOMPARE(byLevel[0].labels, (Labels{{QStringLiteral("level"), QStringLiteral("Error")}}));
    const auto all = evaluate(metric(R"(sum without (level) (count_over_time({app="a"}[1m])))"), l.lines, 60 * kS, 60 * kS, kS);
    QCOMPARE(all.size(), std::size_t(1));
    QCOMPARE(all[0].labels, (Labels{{QStringLiteral("app"), QStringLiteral("a")}}));
    QCOMPARE(all[0].points.front().second, 4.0);
    const auto series = evaluate(metric(R"(count(count_over_time({app="a"}[1m])))"), l.lines, 60 * kS, 60 * kS, kS);
    QCOMPARE(series[0].points.front().second, 3.0); // three streams had lines
    const auto most = evaluate(metric(R"(max(count_over_time({app="a"}[1m])))"), l.lines, 60 * kS, 60 * kS, kS);
    QCOMPARE(most[0].points.front().second, 2.0);
    const auto mean = evaluate(metric(R"(avg(count_over_time({app="a"}[1m])))"), l.lines, 60 * kS, 60 * kS, kS);
    QCOMPARE(mean[0].points.front().second, 4.0 / 3);
}

#include "tst_logql.moc"
