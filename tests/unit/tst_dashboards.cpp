#include "dashboards/dashboard.h"
#include "dashboards/histogram.h"
#include "dashboards/panelformat.h"
#include "dashboards/queryplan.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace wf;

class TestDashboards : public QObject
{
    Q_OBJECT
private slots:
    void builtInDashboardsLoad();
    void rejectsBadFiles_data();
    void rejectsBadFiles();
    void folderReplacesAndReports();
    void stepFollowsWidthAndScrape_data();
    void stepFollowsWidthAndScrape();
    void rangeKeysAreAligned();
    void expandsVariablesSafely();
    void legends_data();
    void legends();
    void values_data();
    void values();
    void thresholds();
    void heatmapDecumulates();
};

void TestDashboards::builtInDashboardsLoad()
{
    int loaded = 0;
    for (const auto &id : dashboards::builtInIds()) {
        const auto d = dashboards::builtIn(id);
        if (!d && d.error().message.startsWith(QLatin1String("no built-in")))
            continue; // not written yet: the view says so
        if (!d)
            QFAIL(qPrintable(id + QStringLiteral(": ") + d.error().message));
        QCOMPARE(d->id, id);
        QVERIFY(!d->panels().isEmpty());
        ++loaded;
    }
    QVERIFY(loaded >= 1);
    const auto ops = dashboards::builtIn(QStringLiteral("operations"));
    QVERIFY(ops.ok());
    // The Operations view has what the issue names: the router tile, its timeline, transitions.
    QStringList types;
    for (const auto *p : ops->panels())
        types.append(dashboards::panelTypeName(p->type) + QLatin1Char('/') + p->source);
    QVERIFY(types.contains(QStringLiteral("stat/router")));
    QVERIFY(types.contains(QStringLiteral("statetimeline/router")));
    QVERIFY(types.contains(QStringLiteral("table/router")));
    QVERIFY(types.contains(QStringLiteral("stat/health")));
}

void TestDashboards::rejectsBadFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    const QByteArray head = R"({"schemaVersion":1,"id":"x","title":"X","rows":[{"panels":[)";
    QTest::newRow("not json") << QByteArray("{") << "not JSON";
    QTest::newRow("array") << QByteArray("[]") << "a dashboard is a JSON object";
    QTest::newRow("version") << QByteArray(R"({"schemaVersion":2,"id":"x","title":"X","rows":[]})") << "schemaVersion";
    QTest::newRow("no rows") << QByteArray(R"({"schemaVersion":1,"id":"x","title":"X","rows":[]})") << "rows";
    QTest::newRow("unknown type") << head + R"({"type":"pie","title":"P","queries":["up"]}]}]})"
                                  << "rows[0].panels[0].type: unknown panel type 'pie'";
    QTest::newRow("unknown unit") << head + R"({"type":"stat","title":"P","unit":"mph","queries":["up"]}]}]})"
                                  << "rows[0].panels[0].unit: unknown unit 'mph'";
    QTest::newRow("no query") << head + R"({"type":"stat","title":"P"}]}]})" << "rows[0].panels[0].queries";
    QTest::newRow("empty query") << head + R"({"type":"stat","title":"P","queries":[" "]}]}]})"
                                 << "rows[0].panels[0].queries[0]: the query is empty";
    QTest::newRow("width") << head + R"({"type":"stat","title":"P","width":13,"queries":["up"]}]}]})"
                           << "rows[0].panels[0].width";
    // Found by fuzz_dashboard: a width far beyond int was converted to int (undefined behaviour).
    QTest::newRow("huge width") << head + R"({"type":"stat","title":"P","width":8.88889e66,"queries":["up"]}]}]})"
                                << "rows[0].panels[0].width: must be a whole number from 1 to 12";
    QTest::newRow("fractional height") << head + R"({"type":"stat","title":"P","height":1.5,"queries":["up"]}]}]})"
                                       << "rows[0].panels[0].height";
    QTest::newRow("huge decimals") << head + R"({"type":"stat","title":"P","decimals":-1e300,"queries":["up"]}]}]})"
                                   << "rows[0].panels[0].decimals";
    QTest::newRow("colour") << head + R"({"type":"stat","title":"P","queries":["up"],"thresholds":[{"value":1,"color":"pink"}]}]}]})"
                            << "unknown colour 'pink'";
    QTest::newRow("order") << head + R"({"type":"stat","title":"P","queries":["up"],"thresholds":[{"value":5,"color":"red"},{"value":1,"color":"green"}]}]}]})"
                           << "ascending";
    const QByteArray panel = R"({"type":"stat","title":"P","queries":["up"]}]}]})";
    QTest::newRow("time") << QByteArray(R"({"schemaVersion":1,"id":"x","title":"X","time":"yesterday","rows":[{"panels":[)") + panel
                          << "time: 'yesterday' is not a time range";
    QTest::newRow("time backwards") << QByteArray(R"({"schemaVersion":1,"id":"x","title":"X","time":"2026-12-01T10:00:00Z/2026-12-01T09:00:00Z","rows":[{"panels":[)") + panel
                                    << "time: '2026-12-01T10:00:00Z/2026-12-01T09:00:00Z' is not a time range";
    QTest::newRow("refresh") << QByteArray(R"({"schemaVersion":1,"id":"x","title":"X","refresh":"0s","rows":[{"panels":[)") + panel
                             << "refresh: '0s' is not a refresh interval";
    QTest::newRow("override regex") << head + R"({"type":"timeseries","title":"P","queries":["up"],"overrides":[{"match":"(","regex":true}]}]}]})"
                                    << "rows[0].panels[0].overrides[0].match: not a regular expression";
    QTest::newRow("override colour") << head + R"({"type":"timeseries","title":"P","queries":["up"],"overrides":[{"match":"a","color":"pink"}]}]}]})"
                                     << "rows[0].panels[0].overrides[0].color: unknown colour 'pink'";
    QTest::newRow("logs from Prometheus") << head + R"({"type":"logs","title":"P","queries":["up"]}]}]})"
                                          << "rows[0].panels[0].source: a logs panel reads Loki";
    QTest::newRow("refresh a number") << QByteArray(R"({"schemaVersion":1,"id":"x","title":"X","refresh":30,"rows":[{"panels":[)") + panel
                                      << "dashboard.refresh: must be a text";
}

void TestDashboards::rejectsBadFiles()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const auto d = dashboards::parse(json);
    QVERIFY(!d.ok());
    QCOMPARE(d.error().kind, Error::Kind::Parse);
    QVERIFY2(d.error().message.contains(message), qPrintable(d.error().message));
}

void TestDashboards::folderReplacesAndReports()
{
    QTemporaryDir dir;
    QFile good(dir.filePath(QStringLiteral("operations.json")));
    QVERIFY(good.open(QIODevice::WriteOnly));
    good.write(R"({"schemaVersion":1,"id":"operations","title":"Mine","rows":[{"panels":[{"type":"stat","title":"Up","queries":["up"]}]}]})");
    good.close();
    QFile bad(dir.filePath(QStringLiteral("broken.json")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("{ nope");
    bad.close();
    QStringList errors;
    const auto loaded = dashboards::loadFolder(dir.path(), &errors);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().title, QStringLiteral("Mine"));
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.first().contains(QLatin1String("broken.json")));
    errors.clear();
    QVERIFY(dashboards::loadFolder(dir.filePath(QStringLiteral("missing")), &errors).isEmpty());
    QCOMPARE(errors.size(), 1);
}

void TestDashboards::stepFollowsWidthAndScrape_data()
{
    QTest::addColumn<qint64>("range");
    QTest::addColumn<int>("width");
    QTest::addColumn<qint64>("scrape");
    QTest::addColumn<qint64>("step");
    QTest::newRow("1h on 600 px, 15 s scrape") << qint64(3600) << 600 << qint64(15) << qint64(15);
    QTest::newRow("1h on 600 px, 1 s scrape") << qint64(3600) << 600 << qint64(1) << qint64(10);
    QTest::newRow("1h on 1200 px, 1 s scrape") << qint64(3600) << 1200 << qint64(1) << qint64(5);
    QTest::newRow("5m on 600 px, 1 s scrape") << qint64(300) << 600 << qint64(1) << qint64(1);
    QTest::newRow("30d on 800 px") << qint64(30 * 86400) << 800 << qint64(15) << qint64(3600);
    QTest::newRow("400d on 100 px") << qint64(400 * 86400) << 100 << qint64(15) << qint64(4 * 86400);
}

void TestDashboards::stepFollowsWidthAndScrape()
{
    QFETCH(qint64, range);
    QFETCH(int, width);
    QFETCH(qint64, scrape);
    QFETCH(qint64, step);
    const auto got = queryplan::stepFor(range, width, scrape);
    QCOMPARE(got, step);
    QVERIFY(range / got <= width); // never more points than pixels
    QVERIFY(range / got < 11000);  // never Prometheus' resolution limit
}

void TestDashboards::rangeKeysAreAligned()
{
    QueryContext c;
    c.to = QDateTime::fromSecsSinceEpoch(1'795'000'007, Qt::UTC);
    c.from = c.to.addSecs(-3600);
    c.widthPx = 600;
    c.scrapeSeconds = 15;
    const auto a = queryplan::rangeKey(QStringLiteral("up"), c);
    QCOMPARE(a.step, qint64(15));
    QCOMPARE(a.start % a.step, 0);
    QVERIFY(a.start <= c.from.toSecsSinceEpoch());
    // No point in the future, where a rate's window is still filling up.
    QVERIFY(a.end < c.to.toSecsSinceEpoch());
    QVERIFY(a.end >= c.to.toSecsSinceEpoch() - 1);
    // A refresh a few seconds later keeps the points where they were.
    c.to = c.to.addSecs(3);
    c.from = c.from.addSecs(3);
    const auto b = queryplan::rangeKey(QStringLiteral("up"), c);
    QCOMPARE(b.start, a.start);
    QCOMPARE(b.step, a.step);
    // A stat's value is the newest point: it ends a second before now, whatever the step.
    const auto latest = queryplan::latestKey(QStringLiteral("up"), c);
    QCOMPARE(latest.end, c.to.toSecsSinceEpoch() - 1);
    QCOMPARE((latest.end - latest.start) % latest.step, 0);
    QVERIFY(latest.start <= c.from.toSecsSinceEpoch());
}

void TestDashboards::expandsVariablesSafely()
{
    QueryContext c;
    c.to = QDateTime::fromSecsSinceEpoch(1'795'000'000, Qt::UTC);
    c.from = c.to.addSecs(-3600);
    c.widthPx = 600;
    c.scrapeSeconds = 15;
    const auto expr = QStringLiteral(R"(rate(x{symbol=~"$symbol"}[$__rate_interval]) + increase(y[$__range]) + z[$__interval] + ${symbol})");
    auto text = queryplan::expand(expr, c, 15);
    QCOMPARE(text, QStringLiteral(R"(rate(x{symbol=~"$symbol"}[60s]) + increase(y[3600s]) + z[15s] + ${symbol})"));
    c.variables.insert(QStringLiteral("symbol"), {});
    text = queryplan::expand(QStringLiteral(R"(x{symbol=~"$symbol"})"), c, 15);
    QCOMPARE(text, QStringLiteral(R"(x{symbol=~".*"})"));
    c.variables[QStringLiteral("symbol")] = {QStringLiteral("AAPL"), QStringLiteral("BRK.B"), QStringLiteral(R"(a"b\c)")};
    text = queryplan::expand(QStringLiteral(R"(x{symbol=~"$symbol"})"), c, 15);
    // Regex metacharacters match literally; quotes and backslashes cannot end the string.
    QCOMPARE(text, QStringLiteral(R"(x{symbol=~"AAPL|BRK\\.B|a\"b\\\\c"})"));
    // $symbolic is another name: left alone.
    QCOMPARE(queryplan::expand(QStringLiteral("$symbolic"), c, 15), QStringLiteral("$symbolic"));
    QCOMPARE(queryplan::rateIntervalFor(60, 15), qint64(75));
}

void TestDashboards::legends_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<Labels>("labels");
    QTest::addColumn<QString>("legend");
    const Labels labels{{QStringLiteral("__name__"), QStringLiteral("m")},
                        {QStringLiteral("symbol"), QStringLiteral("AAPL")},
                        {QStringLiteral("type"), QStringLiteral("trade")}};
    QTest::newRow("template") << "{{symbol}} p95" << labels << "AAPL p95";
    QTest::newRow("spaces") << "{{ type }}/{{symbol}}" << labels << "trade/AAPL";
    QTest::newRow("missing label") << "{{nope}}" << labels << "value";
    QTest::newRow("no template") << "" << labels << R"(m{symbol="AAPL", type="trade"})";
    QTest::newRow("no labels") << "" << Labels{} << "value";
}

void TestDashboards::legends()
{
    QFETCH(QString, pattern);
    QFETCH(Labels, labels);
    QFETCH(QString, legend);
    QCOMPARE(dashboards::formatLegend(pattern, labels), legend);
}

void TestDashboards::values_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<int>("unit");
    QTest::addColumn<QString>("text");
    QTest::newRow("seconds") << 1.25 << int(Unit::Seconds) << "1.25 s";
    QTest::newRow("minutes of seconds") << 3642.0 << int(Unit::Seconds) << "60.7 min";
    QTest::newRow("hours of seconds") << 86400.0 << int(Unit::Seconds) << "24.0 h";
    QTest::newRow("minutes") << 211.4 << int(Unit::Minutes) << "211 min";
    QTest::newRow("sub-second") << 0.35 << int(Unit::Seconds) << "350 ms";
    QTest::newRow("ms") << 42.0 << int(Unit::Milliseconds) << "42 ms";
    QTest::newRow("ms as s") << 2500.0 << int(Unit::Milliseconds) << "2.50 s";
    QTest::newRow("percent") << 99.5 << int(Unit::Percent) << "99.50 %";
    QTest::newRow("rate") << 6.809 << int(Unit::OpsPerSecond) << "6.81 ops/s";
    QTest::newRow("count") << 50.0 << int(Unit::Count) << "50";
    QTest::newRow("NaN is no data") << double(NAN) << int(Unit::Seconds) << "no data";
    QTest::newRow("infinity") << double(INFINITY) << int(Unit::None) << "∞";
}

void TestDashboards::values()
{
    QFETCH(double, value);
    QFETCH(int, unit);
    QFETCH(QString, text);
    QLocale::setDefault(QLocale::c());
    QCOMPARE(dashboards::formatValue(value, Unit(unit)), text);
}

void TestDashboards::thresholds()
{
    const QList<Threshold> t{{0, QStringLiteral("green")}, {1, QStringLiteral("amber")}, {5, QStringLiteral("red")}};
    QCOMPARE(dashboards::thresholdColor(t, -1), QString());
    QCOMPARE(dashboards::thresholdColor(t, 0.5), QStringLiteral("green"));
    QCOMPARE(dashboards::thresholdColor(t, 1), QStringLiteral("amber"));
    QCOMPARE(dashboards::thresholdColor(t, 7), QStringLiteral("red"));
    QCOMPARE(dashboards::mappedText({{1, QStringLiteral("Authenticated")}}, 1), QStringLiteral("Authenticated"));
    QCOMPARE(dashboards::mappedText({{1, QStringLiteral("Authenticated")}}, 0), QString());
}

void TestDashboards::heatmapDecumulates()
{
    // sum by (le) (increase(x_bucket[...])) at two times: cumulative counts per upper bound.
    PromResult r;
    const auto bucket = [&](const char *le, double a, double b) {
        Series s;
        s.labels.insert(QStringLiteral("le"), QString::fromLatin1(le));
        s.samples = {{100, a}, {115, b}};
        r.series.push_back(s);
    };
    bucket("+Inf", 10, 4);
    bucket("0.5", 7, 4);
    bucket("0.1", 2, 1);
    bucket("0.25", 5, 3);
    Series junk; // no le: ignored
    junk.samples = {{100, 99}};
    r.series.push_back(junk);
    const auto h = dashboards::heatmapFrom(r);
    QCOMPARE(h.bounds.size(), std::size_t(4));
    QCOMPARE(h.bounds.front(), 0.1);
    QVERIFY(std::isinf(h.bounds.back()));
    QCOMPARE(h.times, (std::vector<double>{100, 115}));
    QCOMPARE(h.counts[0], (std::vector<double>{2, 3, 2, 3}));
    QCOMPARE(h.counts[1], (std::vector<double>{1, 2, 1, 0}));
    QCOMPARE(h.maxCount, 3.0);
    const auto fmt = [](double v) { return QString::number(v); };
    QCOMPARE(dashboards::bucketLabel(h, 0, fmt), QStringLiteral("≤ 0.1"));
    QCOMPARE(dashboards::bucketLabel(h, 1, fmt), QStringLiteral("0.1–0.25"));
    QCOMPARE(dashboards::bucketLabel(h, 3, fmt), QStringLiteral("> 0.5"));
    // A bucket lower than the one below it (scraped at another moment) never counts negative.
    PromResult skew;
    Series lo, hi;
    lo.labels.insert(QStringLiteral("le"), QStringLiteral("1"));
    lo.samples = {{100, 5}};
    hi.labels.insert(QStringLiteral("le"), QStringLiteral("+Inf"));
    hi.samples = {{100, 4}};
    skew.series = {lo, hi};
    QCOMPARE(dashboards::heatmapFrom(skew).counts[0], (std::vector<double>{5, 0}));
}

QTEST_GUILESS_MAIN(TestDashboards)
#include "tst_dashboards.moc"
