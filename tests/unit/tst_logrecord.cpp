#include "domain/logrecord.h"
#include "sources/loki/lokiresult.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace wf;

class TestLogRecord : public QObject
{
    Q_OBJECT
private slots:
    void designDocumentLine();
    void missingFieldsAndCompactNames();
    void nestedPropertiesAndException();
    void notJsonIsShownAsText();
    void plainFileFormat_data();
    void plainFileFormat();
    void secretsAreRedactedEverywhere();
    void hostileInput_data();
    void hostileInput();
    void levels_data();
    void levels();
    void exactUtf8KeepsNoSpareRoom();
};

void TestLogRecord::designDocumentLine()
{
    const QByteArray line = R"j({"timestamp":"2025-10-09T10:15:32.123Z","level":"Information","sourceContext":"MyTrader.Core.Services.DataSourceRouter","message":"Alpaca state transition: PRIMARY_ACTIVE → FALLBACK_ACTIVE (Reason: Connection timeout, Duration: 35s)","properties":{"PreviousState":"PRIMARY_ACTIVE","NewState":"FALLBACK_ACTIVE","Reason":"Connection timeout","DurationSeconds":35,"MachineName":"mytrader-api-pod-abc123","ThreadId":42,"Application":"MyTrader","Environment":"production"}})j";
    const auto r = logs::parseLine(line, 1);
    QVERIFY(r.structured);
    QCOMPARE(r.ns, loki::toNanos(QDateTime::fromString(QStringLiteral("2025-10-09T10:15:32.123Z"), Qt::ISODateWithMs)));
    QCOMPARE(r.level, LogLevel::Information);
    QCOMPARE(r.sourceContext, QStringLiteral("MyTrader.Core.Services.DataSourceRouter"));
    QCOMPARE(logs::shortContext(r.sourceContext), QStringLiteral("DataSourceRouter"));
    QVERIFY(r.message.startsWith(QStringLiteral("Alpaca state transition: PRIMARY_ACTIVE → FALLBACK_ACTIVE")));
    QCOMPARE(r.properties.value(QStringLiteral("NewState")).toString(), QStringLiteral("FALLBACK_ACTIVE"));
    QCOMPARE(r.properties.value(QStringLiteral("DurationSeconds")).toInt(), 35);
    QVERIFY(r.exception.isEmpty());
    QCOMPARE(logs::quickLevel(line), LogLevel::Information);
    QCOMPARE(logs::quickTime(line, -1), r.ns);
    QCOMPARE(logs::quickTime("no time here", 7), qint64(7));
}

void TestLogRecord::missingFieldsAndCompactNames()
{
    // No timestamp: the time Loki gave; no level: unknown; no message: empty, nothing invented.
    auto r = logs::parseLine(R"({"sourceContext":"X"})", 42);
    QVERIFY(r.structured);
    QCOMPARE(r.ns, qint64(42));
    QCOMPARE(r.level, LogLevel::Unknown);
    QVERIFY(r.message.isEmpty());
    // Serilog's compact JSON (@t, @m, no @l for Information).
    r = logs::parseLine(R"({"@t":"2025-10-09T10:15:32.5Z","@m":"Hello","SourceContext":"A.B"})", 1);
    QCOMPARE(r.level, LogLevel::Information);
    QCOMPARE(r.message, QStringLiteral("Hello"));
    QCOMPARE(r.sourceContext, QStringLiteral("A.B"));
    QCOMPARE(loki::fromNanos(r.ns).time().msec(), 500);
    // A message that is not a string is shown as JSON, not dropped.
    r = logs::parseLine(R"({"level":"Warning","message":{"a":1}})", 1);
    QCOMPARE(r.message, QStringLiteral(R"({"a":1})"));
    QCOMPARE(r.level, LogLevel::Warning);
}

void TestLogRecord::nestedPropertiesAndException()
{
    const auto r = logs::parseLine(R"j({"timestamp":"2025-10-09T10:15:32.123Z","level":"Error","message":"Failed","exception":"System.TimeoutException: Connection timeout after 10s\n   at Alpaca.Connect()","properties":{"Quote":{"Symbol":"AAPL","Bid":[1,2,{"x":true}]},"Component":"alpaca-streaming"}})j", 1);
    QCOMPARE(r.level, LogLevel::Error);
    QVERIFY(r.exception.startsWith(QStringLiteral("System.TimeoutException")));
    QVERIFY(r.exception.contains(u'\n'));
    const auto quote = r.properties.value(QStringLiteral("Quote")).toObject();
    QCOMPARE(quote.value(QStringLiteral("Symbol")).toString(), QStringLiteral("AAPL"));
    QCOMPARE(quote.value(QStringLiteral("Bid")).toArray().size(), 3);
}

void TestLogRecord::notJsonIsShownAsText()
{
    for (const QByteArray &line : {QByteArray("plain words"), QByteArray("{not json"), QByteArray("[1,2,3]"), QByteArray()}) {
        const auto r = logs::parseLine(line, 7);
        QVERIFY(!r.structured);
        QCOMPARE(r.message, QString::fromUtf8(line));
        QCOMPARE(r.raw, QString::fromUtf8(line));
        QCOMPARE(r.ns, qint64(7));
        QCOMPARE(r.level, LogLevel::Unknown);
    }
}

void TestLogRecord::plainFileFormat_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("exception");
    QTest::addColumn<QString>("utc");
    QTest::newRow("design document template")
        << QByteArray("2025-10-09 10:15:32.123 +00:00 [INF] MyTrader.Core.Services.DataSourceRouter - Alpaca state transition: PRIMARY_ACTIVE → FALLBACK_ACTIVE")
        << int(LogLevel::Information) << "MyTrader.Core.Services.DataSourceRouter"
        << "Alpaca state transition: PRIMARY_ACTIVE → FALLBACK_ACTIVE" << "" << "2025-10-09T10:15:32.123Z";
    QTest::newRow("offset and exception")
        << QByteArray("2025-10-09 12:15:32.000 +02:00 [ERR] MyTrader.Api.AlpacaStreamingService - Connection lost\nSystem.IO.IOException: reset\n   at X.Y()")
        << int(LogLevel::Error) << "MyTrader.Api.AlpacaStreamingService" << "Connection lost"
        << "System.IO.IOException: reset\n   at X.Y()" << "2025-10-09T10:15:32.000Z";
    QTest::newRow("warning, no zone") << QByteArray("2025-10-09 10:15:32.123 [WRN] A - careful - twice")
                                      << int(LogLevel::Warning) << "A" << "careful - twice" << "" << "2025-10-09T10:15:32.123Z";
}

void TestLogRecord::plainFileFormat()
{
    QFETCH(QByteArray, line);
    QFETCH(int, level);
    QFETCH(QString, context);
    QFETCH(QString, message);
    QFETCH(QString, exception);
    QFETCH(QString, utc);
    const auto r = logs::parseLine(line, 0);
    QVERIFY(r.structured);
    QCOMPARE(int(r.level), level);
    QCOMPARE(r.sourceContext, context);
    QCOMPARE(r.message, message);
    QCOMPARE(r.exception, exception);
    QCOMPARE(loki::fromNanos(r.ns).toString(Qt::ISODateWithMs), utc);
    QCOMPARE(int(logs::quickLevel(line)), level);
    QCOMPARE(logs::quickTime(line, -1), r.ns); // the cheap way finds the same time
}

void TestLogRecord::secretsAreRedactedEverywhere()
{
    const QByteArray key = "PKABCDEFGHIJKLMNOPQRSTUV1234";
    const auto r = logs::parseLine(R"({"level":"Debug","message":"Auth message sent: apiKey=)" + key +
                                       R"(","exception":"secret=)" + key + R"(","properties":{"Payload":{"deep":["token: )" +
                                       key + R"("]}}})",
                                   1);
    for (const auto &shown : {r.message, r.exception, r.raw,
                              QString::fromUtf8(QJsonDocument(r.properties).toJson(QJsonDocument::Compact))}) {
        QVERIFY2(!shown.contains(QString::fromLatin1(key)), qPrintable(shown));
        QVERIFY2(shown.contains(QLatin1String("[REDACTED]")), qPrintable(shown));
    }
    const auto plain = logs::parseLine("2025-10-09 10:15:32.123 +00:00 [DBG] A - password=" + key, 1);
    QVERIFY(!plain.message.contains(QString::fromLatin1(key)));
    QVERIFY(!logs::parseLine("not json password=" + key, 1).message.contains(QString::fromLatin1(key)));
}

void TestLogRecord::hostileInput_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("10 MB of JSON") << QByteArray("{\"message\":\"") + QByteArray(10 * 1024 * 1024, 'a') + "\"}";
    QTest::newRow("10 MB of text") << QByteArray(10 * 1024 * 1024, 'x');
    QTest::newRow("invalid UTF-8") << QByteArray("{\"message\":\"\xff\xfe\xc3\x28\"}");
    QTest::newRow("invalid UTF-8 text") << QByteArray("\xc3\x28 [INF] \xa0\xa1 - \xf0\x28\x8c\xbc");
    QTest::newRow("deep nesting") << QByteArray("{\"properties\":") + QByteArray(100000, '[') + QByteArray(100000, ']') + "}";
    QTest::newRow("deep objects") << [] {
        QByteArray b = "{\"properties\":";
        for (int i = 0; i < 20000; ++i)
            b += "{\"a\":";
        b += "1";
        b += QByteArray(20000, '}');
        return b + "}";
    }();
    QTest::newRow("NUL bytes") << QByteArray("{\"message\":\"a\0b\"}", 17);
    QTest::newRow("only a brace") << QByteArray("{");
}

void TestLogRecord::hostileInput()
{
    QFETCH(QByteArray, line);
    QElapsedTimer clock;
    clock.start();
    const auto r = logs::parseLine(line, 5);
    QVERIFY(clock.elapsed() < 5000); // no hang (a generous bound: this is about not hanging)
    QVERIFY(!r.raw.isNull() || line.isEmpty());
    (void)logs::quickLevel(line);
}

void TestLogRecord::levels_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("level");
    QTest::newRow("Information") << "Information" << int(LogLevel::Information);
    QTest::newRow("INF") << "INF" << int(LogLevel::Information);
    QTest::newRow("warn") << "warn" << int(LogLevel::Warning);
    QTest::newRow("WRN") << "WRN" << int(LogLevel::Warning);
    QTest::newRow("ERR") << "ERR" << int(LogLevel::Error);
    QTest::newRow("FTL") << "FTL" << int(LogLevel::Fatal);
    QTest::newRow("DBG") << "DBG" << int(LogLevel::Debug);
    QTest::newRow("VRB") << "VRB" << int(LogLevel::Verbose);
    QTest::newRow("nonsense") << "loud" << int(LogLevel::Unknown);
}

void TestLogRecord::levels()
{
    QFETCH(QString, text);
    QFETCH(int, level);
    QCOMPARE(int(logs::levelFromText(text)), level);
    if (level != int(LogLevel::Unknown))
        QCOMPARE(logs::levelFromText(logs::levelName(LogLevel(level))), LogLevel(level));
}

void TestLogRecord::exactUtf8KeepsNoSpareRoom()
{
    // A million lines kept with toUtf8()'s spare room took three times their text in memory.
    const auto text = QStringLiteral(R"({"level":"Information","message":"AAPL: bid 187.42 ask 187.44 — Zürich"})");
    const auto utf8 = wf::logs::exactUtf8(text);
    QCOMPARE(utf8, text.toUtf8());
    QCOMPARE(utf8.capacity(), utf8.size());
    QVERIFY(text.toUtf8().capacity() > text.toUtf8().size()); // what it avoids
}

QTEST_GUILESS_MAIN(TestLogRecord)
#include "tst_logrecord.moc"
