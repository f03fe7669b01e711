#include "cli/commandline.h"

#include <QTest>

using wf::CommandLine;

class TestCommandLine : public QObject
{
    Q_OBJECT
private slots:
    void valid_data();
    void valid();
    void alertmanagerCluster();
    void rejected_data();
    void rejected();
    void demoEnvironments();
    void helpAndVersion();
    void endpointOverrides();
};

static CommandLine parse(QStringList args)
{
    args.prepend(QStringLiteral("watchfloor"));
    return wf::parseCommandLine(args);
}

// --alertmanager takes a cluster's peers separated by commas; every one must be a URL.
void TestCommandLine::alertmanagerCluster()
{
    const auto cl = parse({QStringLiteral("--alertmanager"), QStringLiteral("http://am-1:9093, http://am-2:9093,http://am-3:9093")});
    QCOMPARE(cl.outcome, CommandLine::Outcome::Run);
    QCOMPARE(cl.options.alertmanager, QUrl(QStringLiteral("http://am-1:9093")));
    QCOMPARE(cl.options.alertmanagerPeers,
             (QList<QUrl>{QUrl(QStringLiteral("http://am-2:9093")), QUrl(QStringLiteral("http://am-3:9093"))}));
    const auto bad = parse({QStringLiteral("--alertmanager"), QStringLiteral("http://am-1:9093,am-2")});
    QCOMPARE(bad.outcome, CommandLine::Outcome::Error);
    QVERIFY2(bad.text.contains(QStringLiteral("“am-2”")), qPrintable(bad.text));
    // The other endpoints take one URL: a comma is not a separator there.
    const auto prom = parse({QStringLiteral("--prometheus"), QStringLiteral("http://p1:9090,http://p2:9090")});
    QVERIFY(prom.options.alertmanagerPeers.isEmpty());
}

void TestCommandLine::valid_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("view");
    QTest::addColumn<QString>("profile");

    QTest::newRow("nothing") << QStringList{} << QString() << QString();
    QTest::newRow("view") << QStringList{"--view", "alerts"} << "alerts" << QString();
    QTest::newRow("view case-insensitive") << QStringList{"--view=Explore"} << "explore" << QString();
    QTest::newRow("profile") << QStringList{"--profile", "Production EU"} << QString() << "Production EU";
    QTest::newRow("all together") << QStringList{"--profile", "Demo", "--view", "logs", "--log-level", "debug",
                                                 "--lang", "de", "--screenshot-dir", "/tmp/x", "--dashboards", "/tmp/d"}
                                  << "logs" << "Demo";
}

void TestCommandLine::valid()
{
    QFETCH(QStringList, args);
    QFETCH(QString, view);
    QFETCH(QString, profile);
    const auto cl = parse(args);
    QCOMPARE(cl.outcome, CommandLine::Outcome::Run);
    QCOMPARE(cl.exitCode(), 0);
    QCOMPARE(cl.options.view ? wf::viewName(*cl.options.view) : QString(), view);
    QCOMPARE(cl.options.profile, profile);
    if (const auto at = args.indexOf(QStringLiteral("--dashboards")); at >= 0)
        QCOMPARE(cl.options.dashboards, args.at(at + 1));
}

void TestCommandLine::rejected_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("unknown option") << QStringList{"--frobnicate"} << "frobnicate";
    QTest::newRow("unknown view") << QStringList{"--view", "grafana"} << "grafana";
    QTest::newRow("view without value") << QStringList{"--view"} << "view";
    QTest::newRow("not a url") << QStringList{"--prometheus", "localhost:9090"} << "localhost:9090";
    QTest::newRow("ftp url") << QStringList{"--loki", "ftp://loki:3100"} << "ftp://loki:3100";
    QTest::newRow("url without host") << QStringList{"--alertmanager", "http://"} << "--alertmanager";
    QTest::newRow("health garbage") << QStringList{"--health", "::::"} << "--health";
    QTest::newRow("bad log level") << QStringList{"--log-level", "loud"} << "loud";
    QTest::newRow("unknown language") << QStringList{"--lang", "xx"} << "xx";
    QTest::newRow("empty profile") << QStringList{"--profile", " "} << "--profile";
    QTest::newRow("positional") << QStringList{"extra"} << "extra";
    QTest::newRow("environments without demo") << QStringList{"--environments", "3"} << "--demo";
    QTest::newRow("environments not a number") << QStringList{"--demo", "--environments", "many"} << "--environments";
    QTest::newRow("environments zero") << QStringList{"--demo", "--environments", "0"} << "--environments";
    QTest::newRow("environments too many") << QStringList{"--demo", "--environments", "21"} << "20";
    QTest::newRow("metrics without demo") << QStringList{"--metrics", "victoriametrics"} << "--demo";
    QTest::newRow("metrics unknown") << QStringList{"--demo", "--metrics", "influxdb"} << "influxdb";
    QTest::newRow("dashboards empty") << QStringList{"--dashboards", ""} << "--dashboards";
}

void TestCommandLine::rejected()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const auto cl = parse(args);
    QCOMPARE(cl.outcome, CommandLine::Outcome::Error);
    QCOMPARE(cl.exitCode(), 2);
    QVERIFY2(cl.text.contains(mentions), qPrintable(cl.text));
    QVERIFY2(cl.text.contains(QStringLiteral("--help")), "the error should point at --help");
}

void TestCommandLine::demoEnvironments()
{
    const auto cl = parse({QStringLiteral("--demo"), QStringLiteral("--environments"), QStringLiteral("5")});
    QCOMPARE(cl.outcome, CommandLine::Outcome::Run);
    QCOMPARE(cl.options.environments, 5);
    QCOMPARE(parse({QStringLiteral("--demo")}).options.environments, 1);
    // The metrics backend: Prometheus unless asked for VictoriaMetrics (any case).
    QVERIFY(!parse({QStringLiteral("--demo")}).options.victoriaMetrics);
    QVERIFY(parse({QStringLiteral("--demo"), QStringLiteral("--metrics"), QStringLiteral("VictoriaMetrics")}).options.victoriaMetrics);
    QVERIFY(!parse({QStringLiteral("--demo"), QStringLiteral("--metrics=prometheus")}).options.victoriaMetrics);
}

void TestCommandLine::helpAndVersion()
{
    const auto help = parse({QStringLiteral("--help")});
    QCOMPARE(help.outcome, CommandLine::Outcome::ShowText);
    QCOMPARE(help.exitCode(), 0);
    for (const auto *option : {"--profile", "--prometheus", "--alertmanager", "--loki", "--health", "--view",
                               "--screenshot-dir", "--dashboards", "--environments", "--metrics", "--log-level", "--lang", "--version"})
        QVERIFY2(help.text.contains(QLatin1String(option)), option);

    const auto version = parse({QStringLiteral("--version")});
    QCOMPARE(version.outcome, CommandLine::Outcome::ShowText);
    QVERIFY(version.text.contains(QStringLiteral(WATCHFLOOR_VERSION)));
}

void TestCommandLine::endpointOverrides()
{
    const auto cl = parse({QStringLiteral("--prometheus"), QStringLiteral("https://prom.example:9090/prefix"),
                           QStringLiteral("--health"), QStringLiteral("http://127.0.0.1:5002/api/health/alpaca")});
    QCOMPARE(cl.outcome, CommandLine::Outcome::Run);
    QVERIFY(cl.options.overridesEndpoints());
    QCOMPARE(cl.options.prometheus, QUrl(QStringLiteral("https://prom.example:9090/prefix")));
    QCOMPARE(cl.options.health.path(), QStringLiteral("/api/health/alpaca"));
    QVERIFY(cl.options.loki.isEmpty());
    QCOMPARE(cl.options.logLevel, spdlog::level::info);
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
