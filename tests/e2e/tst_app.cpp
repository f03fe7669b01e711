// The watchfloor executable as a user runs it: exit codes, messages, --screenshot-dir output.

#include "monitoringstack.h"

#include <QDir>
#include <QFile>
#include <QDateTime>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class TestApp : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void versionAndHelp();
    void badArgumentsExitTwo_data();
    void badArgumentsExitTwo();
    void unknownProfileExitsTwo();
    void screenshotsOfEveryView();
    void unwritableScreenshotDirExitsTwo();
    void demoStartsAndLeavesNothingBehind();
    void demoChildrenDieWhenTheConsoleCrashes();
    void demoNamesWhatIsMissing();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList &args, int timeoutMs = 60000, const QMap<QString, QString> &extraEnv = {});
    QProcessEnvironment environment(const QMap<QString, QString> &extraEnv = {}) const;
    static QList<qint64> processesMentioning(const QString &text);

    std::unique_ptr<QTemporaryDir> m_home;
};

void TestApp::init()
{
    m_home = std::make_unique<QTemporaryDir>();
}

QProcessEnvironment TestApp::environment(const QMap<QString, QString> &extraEnv) const
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_home->filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home->filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    for (auto it = extraEnv.begin(); it != extraEnv.end(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

// Every running process whose command line contains text (read from /proc).
QList<qint64> TestApp::processesMentioning(const QString &text)
{
    QList<qint64> pids;
    for (const auto &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool numeric = false;
        const auto pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const auto args = cmdline.readAll().replace('\0', ' ');
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        const bool zombie = stat.open(QIODevice::ReadOnly) && stat.readAll().contains(") Z ");
        if (!zombie && args.contains(text.toUtf8()))
            pids << pid;
    }
    return pids;
}

TestApp::Run TestApp::run(const QStringList &args, int timeoutMs, const QMap<QString, QString> &extraEnv)
{
    QProcess process;
    process.setProcessEnvironment(environment(extraEnv));
    process.start(QStringLiteral(WATCHFLOOR_EXECUTABLE), args);
    Run r;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

void TestApp::versionAndHelp()
{
    const auto version = run({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY2(version.out.contains(QStringLiteral(WATCHFLOOR_VERSION)), qPrintable(version.out));
    const auto help = run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("--screenshot-dir")));
    const auto german = run({QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("--help")});
    QCOMPARE(german.exitCode, 0);
    QVERIFY2(german.out.contains(QStringLiteral("Hilfe")), qPrintable(german.out));
}

void TestApp::badArgumentsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("view") << QStringList{"--view", "dashboards"} << "dashboards";
    QTest::newRow("url") << QStringList{"--prometheus", "prometheus:9090"} << "prometheus:9090";
    QTest::newRow("level") << QStringList{"--log-level", "chatty"} << "chatty";
    QTest::newRow("option") << QStringList{"--demo-mode"} << "demo-mode";
    QTest::newRow("demo with a profile") << QStringList{"--demo", "--profile", "prod"} << "--demo";
    QTest::newRow("dashboards not a folder") << QStringList{"--dashboards", "/nonexistent/dashboards"} << "/nonexistent/dashboards";
}

void TestApp::badArgumentsExitTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const auto r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestApp::unknownProfileExitsTwo()
{
    const auto r = run({QStringLiteral("--profile"), QStringLiteral("Nowhere")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("Nowhere")), qPrintable(r.err));
}

void TestApp::screenshotsOfEveryView()
{
    MonitoringStack stack;
    QVERIFY2(stack.start(), qPrintable(stack.errorString()));
    // A Grafana dashboard imported as a user does, into a folder given with --dashboards.
    QTemporaryDir folder;
    const auto imported = run({QStringLiteral("import-grafana"), QStringLiteral(WATCHFLOOR_TEST_DATA_DIR "/grafana/alertmanager.json"),
                               QStringLiteral("--out"), folder.path()});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QTemporaryDir shots;
    const auto r = run({QStringLiteral("--screenshot-dir"), shots.path(), QStringLiteral("--prometheus"),
                        stack.prometheusUrl().toString(), QStringLiteral("--alertmanager"),
                        stack.alertmanagerUrl().toString(), QStringLiteral("--dashboards"), folder.path()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    {
        // The imported dashboard is pictured like the views, under its id.
        QImage image(shots.filePath(QStringLiteral("prometheus-alertmanager.png")));
        QVERIFY(!image.isNull());
        QFile json(shots.filePath(QStringLiteral("prometheus-alertmanager.json")));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const auto doc = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(doc.value(QStringLiteral("view")).toString(), QStringLiteral("prometheus-alertmanager"));
        QCOMPARE(doc.value(QStringLiteral("title")).toString(), QStringLiteral("Prometheus AlertManager"));
        QCOMPARE(doc.value(QStringLiteral("panels")).toArray().size(), 9);
        QVERIFY(!doc.value(QStringLiteral("timedOut")).toBool());
        // Its own time range (Grafana's "now-24h"): shown with 24 hours, not the window's hour.
        const auto from = QDateTime::fromString(doc.value(QStringLiteral("from")).toString(), Qt::ISODate);
        const auto to = QDateTime::fromString(doc.value(QStringLiteral("to")).toString(), Qt::ISODate);
        QVERIFY2(std::abs(from.secsTo(to) - 24 * 3600) < 120, qPrintable(doc.value(QStringLiteral("from")).toString()));
        for (const auto &panel : doc.value(QStringLiteral("panels")).toArray()) // settled: none still loading
            QVERIFY2(panel.toObject().value(QStringLiteral("state")).toString() != u"loading",
                     qPrintable(panel.toObject().value(QStringLiteral("title")).toString()));
    }
    const QStringList views{"operations", "performance", "reliability", "business",
                            "alerts",     "logs",        "runbooks",    "explore"};
    for (const auto &view : views) {
        QImage image(shots.filePath(view + QStringLiteral(".png")));
        QVERIFY2(!image.isNull(), qPrintable(view));
        QVERIFY(image.width() >= 800 && image.height() >= 500);
        // Not blank: a rendered window has text, lights and frames in many colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() > 8, qPrintable(view));

        QFile json(shots.filePath(view + QStringLiteral(".json")));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const auto doc = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(doc.value(QStringLiteral("view")).toString(), view);
        QVERIFY(doc.value(QStringLiteral("panels")).isArray());
        QVERIFY(!doc.value(QStringLiteral("timedOut")).toBool());
    }
    // The console's own log went to the XDG state directory.
    QVERIFY(QFile::exists(m_home->filePath(QStringLiteral("state/watchfloor/watchfloor.log"))));
}

void TestApp::unwritableScreenshotDirExitsTwo()
{
    QFile blocker(m_home->filePath(QStringLiteral("a-file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const auto r = run({QStringLiteral("--screenshot-dir"), blocker.fileName() + QStringLiteral("/shots")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--screenshot-dir")), qPrintable(r.err));
}

void TestApp::demoStartsAndLeavesNothingBehind()
{
    // The stack's temporary directory is under TMPDIR: every child names it on its command line.
    const auto tmp = m_home->filePath(QStringLiteral("tmp"));
    QVERIFY(QDir().mkpath(tmp));
    const auto shots = m_home->filePath(QStringLiteral("shots"));
    const auto r = run({QStringLiteral("--demo"), QStringLiteral("--screenshot-dir"), shots}, 120000,
                       {{QStringLiteral("TMPDIR"), tmp}});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("demo stack ready")));
    for (const char *child : {"stopped prometheus", "stopped prometheus-alertmanager", "stopped mytrader-sim"})
        QVERIFY2(r.err.contains(QLatin1String(child)), child);
    QVERIFY(QFile::exists(shots + QStringLiteral("/operations.png")));
    QCOMPARE(processesMentioning(tmp), QList<qint64>{});
    QCOMPARE(QDir(tmp).entryList({QStringLiteral("watchfloor-demo-*")}, QDir::AllEntries), QStringList{}); // removed
}

void TestApp::demoChildrenDieWhenTheConsoleCrashes()
{
    const auto tmp = m_home->filePath(QStringLiteral("tmp"));
    QVERIFY(QDir().mkpath(tmp));
    QProcess console;
    console.setProcessEnvironment(environment({{QStringLiteral("TMPDIR"), tmp}}));
    console.start(QStringLiteral(WATCHFLOOR_EXECUTABLE), {QStringLiteral("--demo")});
    QVERIFY(console.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(processesMentioning(tmp + QStringLiteral("/watchfloor-demo-")).size(), 3, 60000);
    console.kill(); // SIGKILL: no chance to clean up
    console.waitForFinished();
    QTRY_COMPARE_WITH_TIMEOUT(processesMentioning(tmp), QList<qint64>{}, 15000);
}

void TestApp::demoNamesWhatIsMissing()
{
    // No prometheus, promtool or prometheus-alertmanager on PATH: the simulator (next to the
    // console) still starts, the console says which packages to install, and shows what it has.
    const auto emptyBin = m_home->filePath(QStringLiteral("bin"));
    QVERIFY(QDir().mkpath(emptyBin));
    const auto shots = m_home->filePath(QStringLiteral("shots"));
    const auto r = run({QStringLiteral("--demo"), QStringLiteral("--screenshot-dir"), shots, QStringLiteral("--view"),
                        QStringLiteral("operations")},
                       120000, {{QStringLiteral("PATH"), emptyBin}});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("sudo apt-get install prometheus prometheus-alertmanager")), qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("stopped mytrader-sim")));
    QFile json(shots + QStringLiteral("/operations.json"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    // The router state from the simulator's health endpoint is painted.
    QVERIFY2(json.readAll().contains("\"source\": \"health\""), "no value from the health endpoint");
}

QTEST_GUILESS_MAIN(TestApp)
#include "tst_app.moc"
