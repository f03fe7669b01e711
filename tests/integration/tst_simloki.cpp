// The console's Loki client and live tail against mytrader-sim's Loki API: a drill's transition
// lines come back from query_range (with | json fields), page by page without loss, live over the
// tail, and a query the simulator cannot answer is refused in Loki's words.

#include "monitoringstack.h"
#include "dashboards/queryscheduler.h"
#include "sources/loki/lokiclient.h"
#include "sources/loki/lokitail.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>

#include <cmath>
#include <memory>
#include <optional>

using Kind = wf::Error::Kind;
using State = wf::LokiTail::State;

class TestSimLoki : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void drillTransitionsAreQueryable();
    void pagingOlderReturnsEveryLineOnce();
    void labelsValuesAndSeries();
    void metricQueriesCountTheLines();
    void panelsSeeEveryStep();
    void refusedQueries();
    void speaksLokisHttp_data();
    void speaksLokisHttp();
    void pushIsLokis_data();
    void pushIsLokis();
    void tailDeliversLiveTransitions();
    void tailWithBadQueryFails();
    void tailOutlivesLokiRestart();

private:
    template <typename T>
    wf::Result<T> wait(std::function<void(wf::LokiClient::Callback<T>)> call);
    void drill(const QByteArray &kind, int seconds);
    QString alpacaState();

    MonitoringStack m_stack;
    QNetworkAccessManager m_network;
    wf::Profile m_profile;
    std::unique_ptr<wf::HttpClient> m_http;
    std::unique_ptr<wf::LokiClient> m_loki;
};

void TestSimLoki::initTestCase()
{
    QVERIFY2(m_stack.startSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE),
                                    {QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--symbols"), QStringLiteral("5")}),
             qPrintable(m_stack.errorString()));
    m_profile.name = QStringLiteral("sim");
    m_profile.endpoint(wf::Endpoint::Loki).url = m_stack.simulatorUrl();
    m_http = std::make_unique<wf::HttpClient>(&m_network, wf::Endpoint::Loki);
    m_http->setProfile(m_profile);
    m_loki = std::make_unique<wf::LokiClient>(m_http.get());
    // Once the simulator has connected to its (simulated) Alpaca, a short drill: a failover and
    // reconnect attempts to query.
    QTRY_VERIFY_WITH_TIMEOUT(alpacaState() == u"Connected", 10000);
    drill("alpaca_disconnect", 2);
}

template <typename T>
wf::Result<T> TestSimLoki::wait(std::function<void(wf::LokiClient::Callback<T>)> call)
{
    std::optional<wf::Result<T>> out;
    call([&out](const wf::Result<T> &r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000)) {
        wf::Error e;
        e.message = QStringLiteral("no answer");
        return e;
    }
    return *out;
}

void TestSimLoki::drill(const QByteArray &kind, int seconds)
{
    QNetworkRequest request(m_stack.simulatorUrl().resolved(QUrl(QStringLiteral("/control/faults"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    auto *reply = m_network.post(request, R"({"kind":")" + kind + R"(","durationSeconds":)" + QByteArray::number(seconds) + "}");
    QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
    reply->deleteLater();
}

QString TestSimLoki::alpacaState()
{
    auto *reply = m_network.get(QNetworkRequest(m_stack.simulatorUrl().resolved(QUrl(QStringLiteral("/control/faults")))));
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        return {};
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("alpacaState")).toString();
}

void TestSimLoki::drillTransitionsAreQueryable()
{
    wf::LokiQuery q;
    q.logql = QStringLiteral(R"({app="mytrader-api", source_context="MyTrader.Core.Services.DataSourceRouter"} | json | properties_NewState="FALLBACK_ACTIVE")");
    auto r = wait<wf::LokiResult>([&](auto done) { m_loki->queryRange(q, nullptr, done); });
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->entryCount(), 1);
    const auto &stream = r->streams.front();
    // The extracted fields are labels of the result stream; "level" is kept and suffixed.
    QCOMPARE(stream.labels.value(QStringLiteral("properties_PreviousState")), QStringLiteral("PRIMARY_ACTIVE"));
    QCOMPARE(stream.labels.value(QStringLiteral("properties_Reason")), QStringLiteral("Connection lost"));
    QCOMPARE(stream.labels.value(QStringLiteral("level")), QStringLiteral("Information"));
    QCOMPARE(stream.labels.value(QStringLiteral("level_extracted")), QStringLiteral("Information"));
    const auto line = QJsonDocument::fromJson(stream.entries.front().line.toUtf8()).object();
    QCOMPARE(line.value(QStringLiteral("properties")).toObject().value(QStringLiteral("NewState")).toString(),
             QStringLiteral("FALLBACK_ACTIVE"));
    // Loki's timestamp and the line's own agree to the millisecond.
    QCOMPARE(wf::loki::fromNanos(stream.entries.front().ns).toString(Qt::ISODateWithMs),
             line.value(QStringLiteral("timestamp")).toString());

    // Reconnect attempts are logged as warnings while the drill lasts (the first after a second).
    q.logql = QStringLiteral(R"({app="mytrader-api", level="Warning"} |= "Reconnect attempt")");
    const auto attempts = [&] {
        const auto r = wait<wf::LokiResult>([&](auto done) { m_loki->queryRange(q, nullptr, done); });
        return r.ok() ? r->entryCount() : -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(attempts() >= 1, 15000);
}

void TestSimLoki::pagingOlderReturnsEveryLineOnce()
{
    const qint64 end = wf::loki::toNanos(QDateTime::currentDateTimeUtc()) + 1;
    wf::LokiQuery all;
    all.logql = QStringLiteral(R"({app="mytrader-api"})");
    all.limit = 5000;
    all.endNs = end;
    const auto everything = wait<wf::LokiResult>([&](auto done) { m_loki->queryRange(all, nullptr, done); });
    QVERIFY(everything.ok());
    const auto total = everything->entryCount();
    QVERIFY(total >= 5);

    QSet<qint64> seen;
    wf::LokiQuery page = all;
    page.limit = 3;
    for (int i = 0; i < 100; ++i) {
        const auto r = wait<wf::LokiResult>([&](auto done) { m_loki->queryRange(page, nullptr, done); });
        QVERIFY(r.ok());
        if (r->entryCount() == 0)
            break;
        qint64 oldest = page.endNs;
        for (const auto &s : r->streams)
            for (const auto &e : s.entries) {
                QVERIFY2(!seen.contains(e.ns), "a line came twice");
                seen.insert(e.ns);
                oldest = std::min(oldest, e.ns);
            }
        page.endNs = oldest; // end is exclusive
    }
    QCOMPARE(seen.size(), total);
}

void TestSimLoki::labelsValuesAndSeries()
{
    const auto labels = wait<QStringList>([&](auto done) { m_loki->labels({}, 0, 0, nullptr, done); });
    QVERIFY(labels.ok());
    for (const char *name : {"app", "component", "environment", "level", "source_context"})
        QVERIFY2(labels->contains(QLatin1String(name)), name);
    const auto levels = wait<QStringList>([&](auto done) {
        m_loki->labelValues(QStringLiteral("level"), QStringLiteral(R"({app="mytrader-api"})"), 0, 0, nullptr, done);
    });
    QVERIFY(levels.ok());
    QVERIFY(levels->contains(QStringLiteral("Information")));
    QVERIFY(levels->contains(QStringLiteral("Warning")));
    const auto series = wait<QList<wf::Labels>>([&](auto done) {
        m_loki->series({QStringLiteral(R"({level="Error"})")}, 0, 0, nullptr, done);
    });
    QVERIFY(series.ok());
    QVERIFY(!series->isEmpty());
    for (const auto &s : series.value())
        QCOMPARE(s.value(QStringLiteral("level")), QStringLiteral("Error"));
}

void TestSimLoki::metricQueriesCountTheLines()
{
    // sum by (level) (count_over_time(…[5m])) at T equals the lines a log query returns in (T − 5m, T].
    const auto t = wf::loki::toNanos(QDateTime::currentDateTimeUtc().addSecs(-1));
    const QString selector = QStringLiteral(R"({app="mytrader-api"})");
    auto instant = wait<wf::LokiResult>([&](auto done) {
        m_loki->query(QStringLiteral("sum by (level) (count_over_time(%1[5m]))").arg(selector), t, nullptr, done);
    });
    QVERIFY2(instant.ok(), qPrintable(instant.ok() ? QString() : instant.error().message));
    QCOMPARE(instant->type, wf::LokiResult::Type::Vector);
    QVERIFY(!instant->series.empty());
    wf::LokiQuery lines;
    lines.logql = selector;
    lines.startNs = t - 300'000'000'000 + 1;
    lines.endNs = t + 1;
    lines.limit = 5000;
    const auto log = wait<wf::LokiResult>([&](auto done) { m_loki->queryRange(lines, nullptr, done); });
    QVERIFY(log.ok());
    QMap<QString, double> byLevel;
    for (const auto &stream : log->streams)
        byLevel[stream.labels.value(QStringLiteral("level"))] += double(stream.entries.size());
    QMap<QString, double> counted;
    for (const auto &series : instant->series) {
        QCOMPARE(series.labels.keys(), QStringList{QStringLiteral("level")});
        QCOMPARE(series.samples.size(), std::size_t(1));
        QCOMPARE(qint64(std::llround(series.samples.front().time * 1000)), t / 1'000'000);
        counted[series.labels.value(QStringLiteral("level"))] = series.samples.front().value;
    }
    QCOMPARE(counted, byLevel);

    // The same as a range: a matrix with points on start + k·step, the last one the instant's.
    wf::LokiQuery range;
    range.logql = QStringLiteral("sum by (level) (count_over_time(%1[5m]))").arg(selector);
    range.startNs = t - 60'000'000'000;
    range.endNs = t;
    range.stepSeconds = 15;
    const auto matrix = wait<wf::LokiResult>([&](auto done) { m_loki->queryRange(range, nullptr, done); });
    QVERIFY(matrix.ok());
    QCOMPARE(matrix->type, wf::LokiResult::Type::Matrix);
    for (const auto &series : matrix->series) {
        for (const auto &sample : series.samples)
            QCOMPARE((qint64(std::llround(sample.time * 1000)) - range.startNs / 1'000'000) % 15'000, qint64(0));
        if (counted.contains(series.labels.value(QStringLiteral("level"))) && qint64(std::llround(series.samples.back().time * 1000)) == t / 1'000'000)
            QCOMPARE(series.samples.back().value, counted.value(series.labels.value(QStringLiteral("level"))));
    }
}

void TestSimLoki::panelsSeeEveryStep()
{
    // Loki leaves out the steps without lines; a dashboard panel gets them as 0 lines, the others
    // as Loki counted them. A drill first: its transitions are Information lines of just now.
    drill("alpaca_disconnect", 1);
    QTest::qWait(2500);
    const auto end = QDateTime::currentSecsSinceEpoch() - 1;
    wf::QueryKey key;
    key.loki = true;
    // Ten minutes, longer than the simulator has lived (the test's timeout is three): its first
    // lines (connecting, connected) are in it, and the steps before it started have none.
    key.expr = QStringLiteral(R"(count_over_time({app="mytrader-api", level="Information"}[5s]))");
    key.step = 5;
    key.start = end - 600;
    key.end = end;
    wf::LokiQuery raw;
    raw.logql = key.expr;
    raw.startNs = key.start * 1'000'000'000;
    raw.endNs = key.end * 1'000'000'000;
    raw.stepSeconds = 5;
    const auto fromLoki = wait<wf::LokiResult>([&](auto done) { m_loki->queryRange(raw, nullptr, done); });
    QVERIFY(fromLoki.ok());
    QVERIFY(!fromLoki->series.empty());
    wf::PrometheusTransport transport(nullptr, m_loki.get());
    std::optional<wf::Result<wf::PromResult>> got;
    transport.send(key, nullptr, [&](const wf::Result<wf::PromResult> &r) { got = r; });
    QTRY_VERIFY_WITH_TIMEOUT(got.has_value(), 10000);
    QVERIFY(got->ok());
    QCOMPARE(got->value().type, wf::PromResult::Type::Matrix);
    QCOMPARE(got->value().series.size(), fromLoki->series.size());
    int zeros = 0;
    for (std::size_t i = 0; i < fromLoki->series.size(); ++i) {
        const auto &loki = fromLoki->series[i].samples;
        const auto &panel = got->value().series[i].samples;
        QCOMPARE(panel.size(), std::size_t(121)); // every step
        QVERIFY2(loki.size() < panel.size(), "the simulator has not lived the whole window");
        std::size_t j = 0;
        for (const auto &sample : panel) {
            if (j < loki.size() && loki[j].time == sample.time) {
                QCOMPARE(sample.value, loki[j++].value);
            } else {
                QCOMPARE(sample.value, 0.0);
                ++zeros;
            }
        }
        QCOMPARE(j, loki.size());
    }
    QVERIFY(zeros > 0);
}

void TestSimLoki::refusedQueries()
{
    wf::LokiQuery q;
    q.logql = QStringLiteral(R"(quantile_over_time(0.9, {app="mytrader-api"} | unwrap x [1m]))");
    auto r = wait<wf::LokiResult>([&](auto done) { m_loki->queryRange(q, nullptr, done); });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Kind::Api);
    QCOMPARE(r.error().httpStatus, 400);
    QVERIFY2(r.error().apiError.startsWith(QStringLiteral("parse error at line 1, col 1")), qPrintable(r.error().apiError));
    // Loki's limit on points per series.
    q.logql = QStringLiteral(R"(count_over_time({app="mytrader-api"}[1m]))");
    q.startNs = 1;
    q.endNs = wf::loki::toNanos(QDateTime::currentDateTimeUtc());
    q.stepSeconds = 1;
    r = wait<wf::LokiResult>([&](auto done) { m_loki->queryRange(q, nullptr, done); });
    QVERIFY(!r.ok());
    QCOMPARE(r.error().httpStatus, 400);
    QVERIFY2(r.error().message.contains(QStringLiteral("exceeded maximum resolution of 11,000 points")), qPrintable(r.error().message));
    q = {};
    q.logql = QStringLiteral(R"({app=~".*"})");
    r = wait<wf::LokiResult>([&](auto done) { m_loki->queryRange(q, nullptr, done); });
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QStringLiteral("empty-compatible")));
}

void TestSimLoki::speaksLokisHttp_data()
{
    QTest::addColumn<QString>("pathAndQuery");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("body");
    QTest::newRow("limit over the maximum")
        << R"(/loki/api/v1/query_range?query=%7Bapp%3D%22mytrader-api%22%7D&limit=6000)" << 400
        << "max entries limit per query exceeded, limit > max_entries_limit (6000 > 5000)\n";
    QTest::newRow("bad direction") << R"(/loki/api/v1/query_range?query=%7Bapp%3D%22mytrader-api%22%7D&direction=up)" << 400
                                   << "invalid direction parameter: \"up\" is neither forward nor backward\n";
    QTest::newRow("bad start") << R"(/loki/api/v1/query_range?query=%7Bapp%3D%22mytrader-api%22%7D&start=yesterday)" << 400
                               << "invalid start parameter: could not parse \"yesterday\"\n";
    // A Go server reads '+' in a query string as a space.
    QTest::newRow("plus is a space") << R"(/loki/api/v1/query_range?query=%7Bapp%3D%22mytrader-api%22%7D+|%3D+%22no-such-text%22)" << 200
                                     << R"({"data":{"result":[],"resultType":"streams","stats":{"summary":{"totalEntriesReturned":0}}},"status":"success"})";
    // Found by fuzz_simhttp: times and steps far out overflowed (undefined behaviour). Ten digits
    // are seconds, more are nanoseconds (Loki's parseTimestamp); the year 9999 is simply late.
    QTest::newRow("far times")
        << R"(/loki/api/v1/query_range?query=%7Bapp%3D%22no-such-app%22%7D&start=-9999999999&end=9999999999)" << 200
        << R"({"data":{"result":[],"resultType":"streams","stats":{"summary":{"totalEntriesReturned":0}}},"status":"success"})";
    QTest::newRow("step past an int64")
        << R"(/loki/api/v1/query_range?query=count_over_time(%7Bapp%3D%22x%22%7D%5B1m%5D)&step=1e300)" << 400
        << "invalid step parameter: cannot parse \"1e300\" to a valid duration. It overflows int64\n";
    QTest::newRow("series needs a matcher") << "/loki/api/v1/series" << 400 << "0 matchers provided, at least one is required\n";
    QTest::newRow("ready") << "/ready" << 200 << "ready\n";
    QTest::newRow("tail without upgrade") << R"(/loki/api/v1/tail?query=%7Bapp%3D%22x%22%7D)" << 400
                                          << "bad handshake: the tail endpoint needs a WebSocket upgrade\n";
}

void TestSimLoki::pushIsLokis_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("found"); // lines of {app="pushed"} with the row's name afterwards
    const QByteArray json = "application/json";
    QTest::newRow("a line") << json << QByteArray(R"({"streams":[{"stream":{"app":"pushed"},"values":[["%NS%","a line"]]}]})") << 204 << 1;
    QTest::newRow("with metadata") << json
                                   << QByteArray(R"({"streams":[{"stream":{"app":"pushed"},"values":[["%NS%","with metadata",{"trace_id":"abc"}]]}]})")
                                   << 204 << 1;
    QTest::newRow("a number for a timestamp") << json << QByteArray(R"({"streams":[{"stream":{"app":"pushed"},"values":[[%NS%,"a number for a timestamp"]]}]})") << 400 << 0;
    QTest::newRow("a stream without labels") << json << QByteArray(R"({"streams":[{"stream":{},"values":[["%NS%","a stream without labels"]]}]})") << 400 << 0;
    QTest::newRow("not JSON") << json << QByteArray("{\"streams\":") << 400 << 0;
    QTest::newRow("protobuf") << QByteArray("application/x-protobuf") << QByteArray("\x0a\x00") << 400 << 0;
}

void TestSimLoki::pushIsLokis()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(int, found);
    const auto ns = (QDateTime::currentMSecsSinceEpoch() - 60'000) * 1'000'000;
    body.replace("%NS%", QByteArray::number(ns));
    QNetworkRequest request(m_stack.simulatorUrl().resolved(QUrl(QStringLiteral("/loki/api/v1/push"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    std::unique_ptr<QNetworkReply> reply(m_network.post(request, body));
    QVERIFY(QTest::qWaitFor([&reply] { return reply->isFinished(); }, 10000));
    const auto answer = reply->readAll();
    QVERIFY2(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == status, answer.constData());
    if (status != 204)
        QVERIFY2(!answer.trimmed().isEmpty(), "a refusal says why");
    wf::LokiQuery q;
    q.logql = QStringLiteral(R"({app="pushed"} |= "%1")").arg(QString::fromUtf8(QTest::currentDataTag()));
    const auto r = wait<wf::LokiResult>([&](auto done) { m_loki->queryRange(q, nullptr, done); });
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->entryCount(), found);
    if (found)
        QCOMPARE(r->streams.front().entries.front().ns, ns); // to the nanosecond
}

void TestSimLoki::speaksLokisHttp()
{
    QFETCH(QString, pathAndQuery);
    QFETCH(int, status);
    QFETCH(QString, body);
    auto *reply = m_network.get(QNetworkRequest(QUrl(m_stack.simulatorUrl().toString() + pathAndQuery)));
    QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000));
    reply->deleteLater();
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), status);
    QCOMPARE(QString::fromUtf8(reply->readAll()), body);
}

void TestSimLoki::tailDeliversLiveTransitions()
{
    wf::LokiTail tail;
    tail.setProfile(m_profile);
    QStringList lines;
    connect(&tail, &wf::LokiTail::entries, this, [&lines](const std::vector<wf::TailEntry> &entries) {
        for (const auto &e : entries)
            lines << e.line;
    });
    // From now: no history, only what the next drill logs.
    tail.start(QStringLiteral(R"({app="mytrader-api"} |= "state transition")"), wf::loki::toNanos(QDateTime::currentDateTimeUtc()));
    QTRY_COMPARE_WITH_TIMEOUT(tail.state(), State::Live, 10000);
    QVERIFY(lines.isEmpty());
    drill("both_down", 1);
    QTRY_VERIFY_WITH_TIMEOUT(!lines.isEmpty(), 15000);
    QVERIFY2(lines.first().contains(QStringLiteral("BOTH_UNAVAILABLE")), qPrintable(lines.first()));
    // Then back to primary, once the drill is over and Alpaca has been healthy for 5 s.
    QTRY_VERIFY_WITH_TIMEOUT(lines.last().contains(QStringLiteral("→ PRIMARY_ACTIVE")), 20000);
    QCOMPARE(QSet<QString>(lines.begin(), lines.end()).size(), lines.size()); // nothing twice
}

void TestSimLoki::tailWithBadQueryFails()
{
    // The tail closes with 1011 as for any ending; query_range's 400 confirms the query is the
    // cause, and only then the tail stops, in Loki's words, after one try.
    wf::LokiTail tail;
    tail.setProfile(m_profile);
    tail.setQueryCheck(m_loki.get());
    tail.start(QStringLiteral(R"({app="mytrader-api"} | logfmt)"));
    QTRY_COMPARE_WITH_TIMEOUT(tail.state(), State::Failed, 10000);
    QVERIFY2(tail.message().contains(QStringLiteral("logfmt stage is not supported")), qPrintable(tail.message()));
    QCOMPARE(tail.reconnects(), 0);
}

void TestSimLoki::tailOutlivesLokiRestart()
{
    wf::LokiTail tail;
    tail.setProfile(m_profile);
    tail.setQueryCheck(m_loki.get());
    QStringList lines;
    QList<qint64> gaps;
    connect(&tail, &wf::LokiTail::entries, this, [&lines](const std::vector<wf::TailEntry> &entries) {
        for (const auto &e : entries)
            lines << e.line;
    });
    connect(&tail, &wf::LokiTail::gap, this, [&gaps](qint64 ns) { gaps << ns; });
    QStringList states;
    connect(&tail, &wf::LokiTail::stateChanged, this, [&states](State, const QString &message) { states << message; });
    const auto startNs = wf::loki::toNanos(QDateTime::currentDateTimeUtc().addSecs(-5));
    tail.start(QStringLiteral(R"({app="mytrader-api"})"), startNs);
    // A second tail whose replay holds one line: what it missed does not fit, so it marks a gap.
    wf::LokiTail small;
    auto options = small.options();
    options.limit = 1;
    small.setOptions(options);
    small.setProfile(m_profile);
    small.setQueryCheck(m_loki.get());
    QList<qint64> smallGaps;
    connect(&small, &wf::LokiTail::gap, this, [&smallGaps](qint64 ns) { smallGaps << ns; });
    small.start(QStringLiteral(R"({app="mytrader-api"})"));
    QTRY_COMPARE_WITH_TIMEOUT(tail.state(), State::Live, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(small.state(), State::Live, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!lines.isEmpty(), 15000);

    // A routine restart: every tail closed with 1011, then four seconds of "not ready".
    QNetworkRequest request(m_stack.simulatorUrl().resolved(QUrl(QStringLiteral("/control/loki/restart"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    std::unique_ptr<QNetworkReply> reply(m_network.post(request, QByteArrayLiteral(R"({"downSeconds": 4})")));
    QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 15000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 202);
    QTRY_COMPARE_WITH_TIMEOUT(tail.state(), State::Reconnecting, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(tail.nextAttemptInMs() >= 0, 15000); // the query was checked: not a rejection
    QVERIFY2(tail.message().contains(QStringLiteral("all ingesters closed the connection")), qPrintable(tail.message()));
    drill("alpaca_disconnect", 1); // the service logs on while Loki is away
    const auto before = lines.size();

    // Back by itself once Loki is, resuming after the last line: none twice, nothing missed
    // (the replay is within its limit: no gap).
    QTRY_COMPARE_WITH_TIMEOUT(tail.state(), State::Live, 30000);
    QVERIFY(tail.reconnects() >= 1);
    drill("yahoo_down", 1);
    QTRY_VERIFY_WITH_TIMEOUT(lines.size() > before, 10000);
    QCOMPARE(QSet<QString>(lines.begin(), lines.end()).size(), lines.size());
    QVERIFY(gaps.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(small.state(), State::Live, 10000);
    QCOMPARE(smallGaps.size(), 1);
    QVERIFY(std::none_of(states.cbegin(), states.cend(), [](const QString &m) { return m.contains(QStringLiteral("rejects")); }));

    // Every line the simulator logged from the tail's start to its last line is here: Loki's own
    // answer for that window, line for line.
    auto got = lines; // what the tail delivered up to its last line, before the query runs
    wf::LokiQuery all;
    all.logql = QStringLiteral(R"({app="mytrader-api"})");
    all.startNs = startNs;
    all.endNs = tail.lastNs() + 1;
    all.limit = 5000;
    all.direction = wf::LokiQuery::Direction::Forward;
    const auto logged = wait<wf::LokiResult>([&](auto done) { m_loki->queryRange(all, this, done); });
    if (!logged.ok())
        QFAIL(qPrintable(logged.error().message));
    QStringList expected;
    for (const auto &stream : logged->streams)
        for (const auto &e : stream.entries)
            expected << e.line;
    QVERIFY(expected.size() < 5000);
    std::sort(expected.begin(), expected.end());
    std::sort(got.begin(), got.end());
    QCOMPARE(got, expected);
}

QTEST_GUILESS_MAIN(TestSimLoki)
#include "tst_simloki.moc"
