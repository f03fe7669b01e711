#include "telemetry/logging.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestLogging : public QObject
{
    Q_OBJECT
private slots:
    void fileLogIsRedacted();
    void qtMessagesAreRedacted();
    void levels();
};

static QByteArray readLog(const QTemporaryDir &dir)
{
    QFile file(wf::logging::logFilePath(dir.path()));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestLogging::fileLogIsRedacted()
{
    QTemporaryDir dir;
    wf::logging::Options options;
    options.directory = dir.path();
    options.toStderr = false;
    wf::logging::setup(options);
    auto log = wf::logging::get("net");
    log->info("GET https://admin:hunter2@prom.example/api/v1/query Authorization: Bearer abcdefghijklmnop");
    log->warn("config api_key={}", "PKABCDEFGHIJKLMNOPQRSTUV");
    log->flush();
    const auto content = readLog(dir);
    QVERIFY2(content.contains("[net]"), content.constData());
    QVERIFY(content.contains("https://[REDACTED]@prom.example"));
    QVERIFY(content.contains("Bearer [REDACTED]"));
    QVERIFY(content.contains("api_key=[REDACTED]"));
    QVERIFY2(!content.contains("hunter2") && !content.contains("abcdefghijklmnop") && !content.contains("PKABCDEF"),
             content.constData());
}

void TestLogging::qtMessagesAreRedacted()
{
    QTemporaryDir dir;
    wf::logging::Options options;
    options.directory = dir.path();
    options.toStderr = false;
    wf::logging::setup(options);
    qWarning("proxy said password=swordfish");
    wf::logging::get("qt")->flush();
    const auto content = readLog(dir);
    QVERIFY2(content.contains("[qt]") && content.contains("password=[REDACTED]"), content.constData());
    QVERIFY(!content.contains("swordfish"));
}

void TestLogging::levels()
{
    QCOMPARE(wf::logging::levelFromName(QStringLiteral("DEBUG")), spdlog::level::debug);
    QCOMPARE(wf::logging::levelFromName(QStringLiteral("warn")), spdlog::level::warn);
    QVERIFY(!wf::logging::levelFromName(QStringLiteral("verbose")).has_value());

    QTemporaryDir dir;
    wf::logging::Options options;
    options.directory = dir.path();
    options.toStderr = false;
    options.level = spdlog::level::warn;
    wf::logging::setup(options);
    wf::logging::get("ui")->info("not written");
    wf::logging::get("ui")->error("written");
    wf::logging::get("ui")->flush();
    const auto content = readLog(dir);
    QVERIFY(content.contains("written") && !content.contains("not written"));
}

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
