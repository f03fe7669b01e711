// Parsers of Alertmanager's API v2 answers, on responses captured from the real Debian Alertmanager 0.25.

#include "sources/alertmanager/amtypes.h"
#include "testdata.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestAmParser : public QObject
{
    Q_OBJECT
private slots:
    void alerts();
    void groups();
    void silences();
    void silenceJsonRoundTrip();
    void errorShapes_data();
    void errorShapes();
    void malformed();
};

static QByteArray data(const char *name)
{
    return readTestData(QStringLiteral("alertmanager/") + QLatin1String(name));
}

void TestAmParser::alerts()
{
    const auto r = wf::am::parseAlerts(data("alerts.json"));
    QVERIFY(r.ok());
    QCOMPARE(r->size(), 2);
    const auto &disconnected = *std::find_if(r->begin(), r->end(), [](const wf::AmAlert &a) {
        return a.labels.value(QStringLiteral("alertname")) == u"AlpacaDisconnected";
    });
    QCOMPARE(disconnected.labels.value(QStringLiteral("severity")), QStringLiteral("critical"));
    QCOMPARE(disconnected.state, QStringLiteral("active"));
    QCOMPARE(disconnected.receivers, QStringList{QStringLiteral("null")});
    QVERIFY(!disconnected.fingerprint.isEmpty());
    QVERIFY(disconnected.startsAt.isValid() && disconnected.endsAt > disconnected.startsAt);
    QVERIFY(disconnected.generatorUrl.contains(QStringLiteral("g0.expr")));
    const auto &latency = *std::find_if(r->begin(), r->end(), [](const wf::AmAlert &a) {
        return a.labels.value(QStringLiteral("alertname")) == u"HighLatency";
    });
    QCOMPARE(latency.state, QStringLiteral("suppressed"));
    QCOMPARE(latency.silencedBy.size(), 1);
}

void TestAmParser::groups()
{
    const auto r = wf::am::parseAlertGroups(data("alert_groups.json"));
    QVERIFY(r.ok());
    QCOMPARE(r->size(), 2); // grouped by alertname
    QCOMPARE(r->first().receiver, QStringLiteral("null"));
    QVERIFY(r->first().labels.contains(QStringLiteral("alertname")));
    QCOMPARE(r->first().alerts.size(), 1);
}

void TestAmParser::silences()
{
    const auto list = wf::am::parseSilences(data("silences.json"));
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 1);
    const auto one = wf::am::parseSilence(data("silence.json"));
    QVERIFY(one.ok());
    QCOMPARE(one->id, list->first().id);
    QCOMPARE(one->state, QStringLiteral("active"));
    QCOMPARE(one->createdBy, QStringLiteral("jane"));
    QCOMPARE(one->comment, QStringLiteral("ACK: investigating"));
    QCOMPARE(one->matchers.size(), 1);
    QCOMPARE(one->matchers[0], (wf::Matcher{QStringLiteral("alertname"), QStringLiteral("HighLatency"), false, true}));
    const auto id = wf::am::parseSilenceId(data("silence_created.json"));
    QVERIFY(id.ok());
    QCOMPARE(*id, one->id);
}

void TestAmParser::silenceJsonRoundTrip()
{
    wf::Silence s;
    s.matchers = {{QStringLiteral("alertname"), QStringLiteral("Alpaca.*"), true, true},
                  {QStringLiteral("symbol"), QStringLiteral("AAPL"), false, false}};
    s.startsAt = QDateTime(QDate(2025, 10, 9), QTime(10, 16), Qt::UTC);
    s.endsAt = s.startsAt.addSecs(3600);
    s.createdBy = QStringLiteral("jane");
    s.comment = QStringLiteral("ACK: investigating reconnect loop");
    const auto json = QJsonDocument::fromJson(wf::am::toJson(s)).object();
    QVERIFY(!json.contains(QStringLiteral("id")));
    QCOMPARE(json.value(QStringLiteral("startsAt")).toString(), QStringLiteral("2025-10-09T10:16:00.000Z"));
    auto withId = json;
    withId.insert(QStringLiteral("id"), QStringLiteral("abc"));
    withId.insert(QStringLiteral("status"), QJsonObject{{QStringLiteral("state"), QStringLiteral("pending")}});
    const auto back = wf::am::parseSilence(QJsonDocument(withId).toJson());
    QVERIFY(back.ok());
    QCOMPARE(back->matchers, s.matchers);
    QCOMPARE(back->endsAt, s.endsAt);
    QCOMPARE(back->comment, s.comment);
}

void TestAmParser::errorShapes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("json string") << 400 << data("error_silence_past.json") << int(wf::Error::Kind::Api)
                                 << "end time can't be in the past";
    QTest::newRow("code and message") << 422 << data("error_silence_invalid.json") << int(wf::Error::Kind::Api)
                                      << "at least 1 items";
    QTest::newRow("plain text") << 500 << QByteArray("internal error\n") << int(wf::Error::Kind::Api) << "internal";
    QTest::newRow("404 empty body") << 404 << QByteArray() << int(wf::Error::Kind::HttpStatus) << "404";
    QTest::newRow("html") << 502 << QByteArray("<html>bad gateway</html>") << int(wf::Error::Kind::HttpStatus)
                          << "502";
}

void TestAmParser::errorShapes()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(QString, mentions);
    wf::Error http;
    http.kind = wf::Error::Kind::HttpStatus;
    http.httpStatus = status;
    http.body = body;
    http.message = QStringLiteral("Alertmanager answered HTTP %1.").arg(status);
    const auto e = wf::am::fromHttpError(http);
    QCOMPARE(int(e.kind), kind);
    QVERIFY2(e.message.contains(mentions), qPrintable(e.message));
}

void TestAmParser::malformed()
{
    QCOMPARE(wf::am::parseAlerts("{\"not\":\"a list\"}").error().kind, wf::Error::Kind::Parse);
    QCOMPARE(wf::am::parseSilences("[{").error().kind, wf::Error::Kind::Parse);
    QCOMPARE(wf::am::parseSilenceId("{}").error().kind, wf::Error::Kind::Parse);
    QCOMPARE(wf::am::parseStatus("[]").error().kind, wf::Error::Kind::Parse);
    const auto status = wf::am::parseStatus(data("status.json"));
    QVERIFY(status.ok());
    QVERIFY(status->version.startsWith(QStringLiteral("0.")));
    QVERIFY(status->configYaml.contains(QStringLiteral("route")));
}

QTEST_GUILESS_MAIN(TestAmParser)
#include "tst_amparser.moc"
