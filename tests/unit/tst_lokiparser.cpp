// Loki's answers (apis.md §3) become streams, series and tail messages; nanosecond timestamps stay
// exact; Loki's plain-text errors become readable API errors; garbage is a Parse error, never a crash.

#include "sources/health/healthreport.h"
#include "sources/loki/lokiresult.h"
#include "testdata.h"

#include <QTest>

using Kind = wf::Error::Kind;

class TestLokiParser : public QObject
{
    Q_OBJECT
private slots:
    void streamsKeepNanoseconds();
    void matrix();
    void labelsAndSeries();
    void tailMessages();
    void nanosecondText_data();
    void nanosecondText();
    void plainTextErrorsWithJsonContentType();
    void garbage_data();
    void garbage();
    void healthBodies();
    void healthGarbage_data();
    void healthGarbage();
};

void TestLokiParser::streamsKeepNanoseconds()
{
    const auto r = wf::loki::parseQueryResult(readTestData(QStringLiteral("loki/query_range_streams.json")));
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->type, wf::LokiResult::Type::Streams);
    QCOMPARE(r->streams.size(), std::size_t(2));
    QCOMPARE(r->entryCount(), 3);
    const auto &info = r->streams.at(0);
    QCOMPARE(info.labels.value(QStringLiteral("level")), QStringLiteral("Information"));
    // 1633789200123456789 is not representable as a double: an int64 parse keeps every digit.
    QCOMPARE(info.entries.at(0).ns, Q_INT64_C(1633789200123456789));
    QCOMPARE(info.entries.at(1).ns, Q_INT64_C(1633789199000000001));
    QVERIFY(info.entries.at(0).line.contains(QStringLiteral("FALLBACK_ACTIVE")));
    // A third element (structured metadata) is accepted.
    QCOMPARE(r->streams.at(1).entries.at(0).line, QStringLiteral("warning line"));
}

void TestLokiParser::matrix()
{
    const auto r = wf::loki::parseQueryResult(readTestData(QStringLiteral("loki/query_range_matrix.json")));
    QVERIFY(r.ok());
    QCOMPARE(r->type, wf::LokiResult::Type::Matrix);
    QCOMPARE(r->series.size(), std::size_t(2));
    QCOMPARE(r->series.at(0).labels.value(QStringLiteral("level")), QStringLiteral("Warning"));
    QCOMPARE(r->series.at(0).samples.size(), std::size_t(2));
    QCOMPARE(r->series.at(0).samples.at(0).value, 3.0);
    QCOMPARE(r->series.at(0).samples.at(1).time, 1633789260.0);
}

void TestLokiParser::labelsAndSeries()
{
    const auto labels = wf::loki::parseStringList(readTestData(QStringLiteral("loki/labels.json")));
    QVERIFY(labels.ok());
    QVERIFY(labels->contains(QStringLiteral("source_context")));
    // Loki leaves "data" out when nothing matches: an empty list, not an error.
    const auto none = wf::loki::parseStringList(readTestData(QStringLiteral("loki/labels_none.json")));
    QVERIFY(none.ok());
    QVERIFY(none->isEmpty());
    const auto series = wf::loki::parseSeries(readTestData(QStringLiteral("loki/series.json")));
    QVERIFY(series.ok());
    QCOMPARE(series->size(), 2);
    QCOMPARE(series->at(1).value(QStringLiteral("level")), QStringLiteral("Error"));
}

void TestLokiParser::tailMessages()
{
    const auto dropped = wf::loki::parseTailMessage(readTestData(QStringLiteral("loki/tail_dropped.json")));
    QVERIFY(dropped.ok());
    QCOMPARE(dropped->streams.size(), std::size_t(1));
    QCOMPARE(dropped->dropped.size(), std::size_t(1));
    QCOMPARE(dropped->dropped.at(0).ns, Q_INT64_C(1633789200100000000));
    QCOMPARE(dropped->dropped.at(0).labels.value(QStringLiteral("app")), QStringLiteral("mytrader-api"));

    const auto plain = wf::loki::parseTailMessage(readTestData(QStringLiteral("loki/tail_plain.json")));
    QVERIFY(plain.ok());
    QVERIFY(plain->dropped.empty());
    QCOMPARE(plain->streams.at(0).entries.at(1).ns, Q_INT64_C(1633789200123000001));

    const auto nullDropped = wf::loki::parseTailMessage(R"({"streams":[],"dropped_entries":null})");
    QVERIFY(nullDropped.ok());
    QVERIFY(nullDropped->dropped.empty());

    // Not a tail message: said, not taken for an empty one (the tail skips it and says so).
    for (const auto *wrong : {R"({"streams":{"unexpected":true}})", R"({"status":"success","data":"unexpected"})",
                              R"({"streams":"nope","dropped_entries":[]})"}) {
        const auto r = wf::loki::parseTailMessage(QByteArray(wrong));
        QVERIFY2(!r.ok(), wrong);
        QCOMPARE(r.error().kind, wf::Error::Kind::Parse);
    }
    QVERIFY(wf::loki::parseTailMessage(R"({"dropped_entries":[]})").ok()); // only what was dropped
}

void TestLokiParser::nanosecondText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("value");
    QTest::newRow("typical") << "1633789200123000000" << true << Q_INT64_C(1633789200123000000);
    QTest::newRow("max") << "9223372036854775807" << true << Q_INT64_C(9223372036854775807);
    QTest::newRow("overflow") << "9223372036854775808" << false << qint64(0);
    QTest::newRow("twenty digits") << "16337892001230000000" << false << qint64(0);
    QTest::newRow("float") << "1633789200.123" << false << qint64(0);
    QTest::newRow("negative") << "-1" << false << qint64(0);
    QTest::newRow("empty") << "" << false << qint64(0);
}

void TestLokiParser::nanosecondText()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(qint64, value);
    const auto ns = wf::loki::parseNanos(text);
    QCOMPARE(ns.has_value(), valid);
    if (valid) {
        QCOMPARE(*ns, value);
        QCOMPARE(wf::loki::formatNanos(*ns), text);
    }
}

void TestLokiParser::plainTextErrorsWithJsonContentType()
{
    wf::Error http;
    http.kind = Kind::HttpStatus;
    http.httpStatus = 400;
    http.body = "parse error at line 1, col 6: syntax error: unexpected IDENTIFIER, expecting STRING\n";
    const auto e = wf::loki::fromHttpError(http);
    QCOMPARE(e.kind, Kind::Api);
    QCOMPARE(e.apiError, QStringLiteral("parse error at line 1, col 6: syntax error: unexpected IDENTIFIER, expecting STRING"));
    QVERIFY(e.message.contains(QStringLiteral("col 6")));
    QVERIFY(e.message.contains(QStringLiteral("400")));

    // A proxy's HTML page is not Loki speaking: the HTTP error stays as the HTTP layer wrote it.
    http.body = "<html><body>502 Bad Gateway</body></html>";
    http.message = QStringLiteral("HTTP 502 from the proxy");
    QCOMPARE(wf::loki::fromHttpError(http).kind, Kind::HttpStatus);
    // Timeouts and refused connections pass through.
    wf::Error timeout;
    timeout.kind = Kind::Timeout;
    QCOMPARE(wf::loki::fromHttpError(timeout).kind, Kind::Timeout);
}

void TestLokiParser::garbage_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not json") << QByteArray("ready");
    QTest::newRow("truncated") << readTestData(QStringLiteral("loki/query_range_streams.json")).left(200);
    QTest::newRow("no status") << QByteArray(R"({"data":{"resultType":"streams","result":[]}})");
    QTest::newRow("numeric timestamp") << QByteArray(R"({"status":"success","data":{"resultType":"streams","result":[{"stream":{},"values":[[1633789200,"x"]]}]}})");
    QTest::newRow("float timestamp") << QByteArray(R"({"status":"success","data":{"resultType":"streams","result":[{"stream":{},"values":[["1.5","x"]]}]}})");
    QTest::newRow("unknown type") << QByteArray(R"({"status":"success","data":{"resultType":"tables","result":[]}})");
    QTest::newRow("bad sample") << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[["x"]]}]}})");
}

void TestLokiParser::garbage()
{
    QFETCH(QByteArray, body);
    const auto r = wf::loki::parseQueryResult(body);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Kind::Parse);
    QVERIFY(r.error().message.startsWith(QStringLiteral("Loki sent an answer")));
}

void TestLokiParser::healthBodies()
{
    const auto degraded = wf::healthapi::parse(readTestData(QStringLiteral("health/degraded.json")));
    QVERIFY(degraded.ok());
    QCOMPARE(degraded->health(), wf::Health::Warning);
    QCOMPARE(degraded->alpaca.state, QStringLiteral("Reconnecting"));
    QVERIFY(!degraded->alpaca.isConnected);
    QVERIFY(degraded->alpaca.isAuthenticated);
    QCOMPARE(degraded->alpaca.subscribedSymbols, 50);
    QCOMPARE(degraded->alpaca.reconnectAttempts, 3);
    QCOMPARE(degraded->alpaca.lastMessageAt, QDateTime(QDate(2025, 10, 9), QTime(10, 14, 57, 2), Qt::UTC));
    QCOMPARE(degraded->router.currentState, QStringLiteral("FALLBACK_ACTIVE"));
    QCOMPARE(degraded->router.uptimePercent.value_or(0), 99.93);
    QCOMPARE(degraded->router.lastTransitionReason, QStringLiteral("Connection timeout"));
    QCOMPARE(degraded->router.failoversTotal, 4);
    QCOMPARE(degraded->checkedAt, QDateTime(QDate(2025, 10, 9), QTime(10, 15, 32, 123), Qt::UTC));

    const auto unhealthy = wf::healthapi::parse(readTestData(QStringLiteral("health/unhealthy.json")));
    QVERIFY(unhealthy.ok());
    QCOMPARE(unhealthy->health(), wf::Health::Bad);
    QCOMPARE(unhealthy->router.currentState, QStringLiteral("BOTH_UNAVAILABLE"));
}

void TestLokiParser::healthGarbage_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("html") << QByteArray("<html>503 Service Unavailable</html>");
    QTest::newRow("unknown status") << QByteArray(R"({"status":"Fine"})");
    QTest::newRow("array") << QByteArray("[]");
}

void TestLokiParser::healthGarbage()
{
    QFETCH(QByteArray, body);
    const auto r = wf::healthapi::parse(body);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Kind::Parse);
    QVERIFY(!r.error().message.isEmpty());
}

QTEST_GUILESS_MAIN(TestLokiParser)
#include "tst_lokiparser.moc"
