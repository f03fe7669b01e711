// The watchfloor executable as a user runs it: exit codes, messages, --screenshot-dir output.

#include "monitoringstack.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
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

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList &args, int timeoutMs = 60000);

    std::unique_ptr<QTemporaryDir> m_home;
};

void TestApp::init()
{
    m_home = std::make_unique<QTemporaryDir>();
}

TestApp::Run TestApp::run(const QStringList &args, int timeoutMs)
{
    QProcess process;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_home->filePath(QStringLiteral("state")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    process.setProcessEnvironment(env);
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
    QTemporaryDir shots;
    const auto r = run({QStringLiteral("--screenshot-dir"), shots.path(), QStringLiteral("--prometheus"),
                        stack.prometheusUrl().toString(), QStringLiteral("--alertmanager"),
                        stack.alertmanagerUrl().toString()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
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

QTEST_GUILESS_MAIN(TestApp)
#include "tst_app.moc"
