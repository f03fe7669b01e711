// LokiClient and LokiTail against a Loki that follows apis.md §3 (the FakeLoki fixture): queries,
// paging, Loki's plain-text errors, the tenant header, and a tail that survives its connection
// being cut three times without losing or repeating a line.

#include "fakeloki.h"
#include "monitoringstack.h"
#include "sources/loki/lokiclient.h"
#include "sources/loki/lokitail.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using Kind = wf::Error::Kind;
using State = wf::LokiTail::State;

namespace {

const FakeLoki::Labels kInfo{{QStringLiteral("app"), QStringLiteral("mytrader-api")},
                             {QStringLiteral("level"), QStringLiteral("Information")}};
const FakeLoki::Labels kWarn{{QStringLiteral("app"), QStringLiteral("mytrader-api")},
                             {QStringLiteral("level"), QStringLiteral("Warning")}};
constexpr qint64 kT0 = Q_INT64_C(1633789200123456789); // not representable as a double
const QString kAll = QStringLiteral(R"({app="mytrader-api"})");

void collectLines(wf::LokiTail &tail, QStringList &lines)
{
    QObject::connect(&tail, &wf::LokiTail::entries, &tail, [&lines](const std::vector<wf::TailEntry> &entries) {
        for (const auto &e : entries)
            lines << e.line;
    });
}

} // namespace

class TestLokiClient : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void queryRangeBackwardAndForward();
    void pagingOlderDropsNothing();
    void refusedQueriesShowLokisText();
    void tenantHeader();
    void labelsValuesSeries();
    void invalidLabelNameNeverSent();
    void tailHistoryThenLive();
    void tailSurvivesThreeCuts();
    void tailReportsDroppedEntries();
    void tailBadQueryFailsWithoutRetry();
    void tailNeedsTenantToo();
    void tailServerDownKeepsTrying();
    void simulatorPushesItsLines();
    void simulatorPushKeepsLinesWhileLokiIsDown();

private:
    template <typename T>
    std::optional<wf::Result<T>> wait(std::function<wf::RequestId(wf::LokiClient::Callback<T>)> call);
    void useProfile(const QString &tenant = {});

    QNetworkAccessManager m_network;
    std::unique_ptr<FakeLoki> m_loki;
    std::unique_ptr<wf::HttpClient> m_http;
    std::unique_ptr<wf::LokiClient> m_client;
    wf::Profile m_profile;
};

void TestLokiClient::init()
{
    m_client.reset();
    m_http.reset();
    m_loki = std::make_unique<FakeLoki>();
    QVERIFY(m_loki->listen());
    for (int i = 0; i < 5; ++i)
        m_loki->append(i % 2 ? kWarn : kInfo, kT0 + i, QStringLiteral("line %1").arg(i));
    useProfile();
}

void TestLokiClient::useProfile(const QString &tenant)
{
    m_profile = wf::Profile{};
    m_profile.name = QStringLiteral("test");
    m_profile.endpoint(wf::Endpoint::Loki).url = m_loki->url();
    m_profile.lokiTenant = tenant;
    m_http = std::make_unique<wf::HttpClient>(&m_network, wf::Endpoint::Loki);
    m_http->setProfile(m_profile);
    m_client = std::make_unique<wf::LokiClient>(m_http.get());
}

template <typename T>
std::optional<wf::Result<T>> TestLokiClient::wait(std::function<wf::RequestId(wf::LokiClient::Callback<T>)> call)
{
    std::optional<wf::Result<T>> out;
    call([&out](const wf::Result<T> &r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 10000))
        qWarning("no answer within 10 s");
    return out;
}

static std::vector<wf::LogEntry> merged(const wf::LokiResult &r)
{
    std::vector<wf::LogEntry> all;
    for (const auto &s : r.streams)
        all.insert(all.end(), s.entries.begin(), s.entries.end());
    return all;
}

void TestLokiClient::queryRangeBackwardAndForward()
{
    wf::LokiQuery q;
    q.logql = kAll;
    q.limit = 3;
    auto r = wait<wf::LokiResult>([&](auto done) { return m_client->queryRange(q, nullptr, done); });
    QVERIFY(r && r->ok());
    QCOMPARE((*r)->type, wf::LokiResult::Type::Streams);
    QCOMPARE((*r)->entryCount(), 3);
    auto all = merged(r->value());
    std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) { return a.ns > b.ns; });
    QCOMPARE(all.front().ns, kT0 + 4); // newest first, exact to the nanosecond
    QCOMPARE(all.back().ns, kT0 + 2);

    q.direction = wf::LokiQuery::Direction::Forward;
    q.logql = QStringLiteral(R"({app="mytrader-api", level="Warning"})");
    r = wait<wf::LokiResult>([&](auto done) { return m_client->queryRange(q, nullptr, done); });
    QVERIFY(r && r->ok());
    QCOMPARE((*r)->streams.size(), std::size_t(1));
    QCOMPARE((*r)->streams.at(0).entries.at(0).ns, kT0 + 1);
    QCOMPARE((*r)->streams.at(0).entries.at(1).line, QStringLiteral("line 3"));
    // The request carried the parameters of apis.md: nanoseconds, direction, limit.
    QVERIFY(m_loki->httpRequests().last().contains("direction=forward"));
    QVERIFY(m_loki->httpRequests().last().contains("limit=3"));
}

void TestLokiClient::pagingOlderDropsNothing()
{
    // Page backwards two at a time with end = the oldest seen (exclusive): every line once.
    QStringList seen;
    wf::LokiQuery q;
    q.logql = kAll;
    q.limit = 2;
    for (int page = 0; page < 5; ++page) {
        const auto r = wait<wf::LokiResult>([&](auto done) { return m_client->queryRange(q, nullptr, done); });
        QVERIFY(r && r->ok());
        auto all = merged(r->value());
        if (all.empty())
            break;
        std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) { return a.ns > b.ns; });
        for (const auto &e : all)
            seen << e.line;
        q.endNs = all.back().ns;
    }
    QCOMPARE(seen, (QStringList{QStringLiteral("line 4"), QStringLiteral("line 3"), QStringLiteral("line 2"),
                                QStringLiteral("line 1"), QStringLiteral("line 0")}));
}

void TestLokiClient::refusedQueriesShowLokisText()
{
    wf::LokiQuery q;
    q.logql = QStringLiteral("app=mytrader");
    auto r = wait<wf::LokiResult>([&](auto done) { return m_client->queryRange(q, nullptr, done); });
    QVERIFY(r && !r->ok());
    QCOMPARE(r->error().kind, Kind::Api);
    QCOMPARE(r->error().httpStatus, 400);
    QVERIFY2(r->error().apiError.startsWith(QStringLiteral("parse error at line 1")), qPrintable(r->error().apiError));
    QVERIFY(r->error().message.contains(QStringLiteral("parse error")));

    // The client caps the limit at what Loki accepts, so a huge limit is not an error.
    q.logql = kAll;
    q.limit = 10000;
    r = wait<wf::LokiResult>([&](auto done) { return m_client->queryRange(q, nullptr, done); });
    QVERIFY(r && r->ok());
    QVERIFY(m_loki->httpRequests().last().contains("limit=5000"));
}

void TestLokiClient::tenantHeader()
{
    m_loki->setRequiredTenant(QStringLiteral("team-a"));
    wf::LokiQuery q;
    q.logql = kAll;
    auto r = wait<wf::LokiResult>([&](auto done) { return m_client->queryRange(q, nullptr, done); });
    QVERIFY(r && !r->ok());
    QCOMPARE(r->error().httpStatus, 401);
    QVERIFY(r->error().message.contains(QStringLiteral("no org id")));

    useProfile(QStringLiteral("team-a"));
    r = wait<wf::LokiResult>([&](auto done) { return m_client->queryRange(q, nullptr, done); });
    QVERIFY2(r && r->ok(), r ? qPrintable(r->ok() ? QString() : r->error().message) : "no answer");
    QCOMPARE((*r)->entryCount(), 5);
}

void TestLokiClient::labelsValuesSeries()
{
    const auto labels = wait<QStringList>([&](auto done) { return m_client->labels({}, 0, 0, nullptr, done); });
    QVERIFY(labels && labels->ok());
    QCOMPARE(labels->value(), (QStringList{QStringLiteral("app"), QStringLiteral("level")}));
    const auto values = wait<QStringList>(
        [&](auto done) { return m_client->labelValues(QStringLiteral("level"), kAll, 0, 0, nullptr, done); });
    QVERIFY(values && values->ok());
    QCOMPARE(values->value(), (QStringList{QStringLiteral("Information"), QStringLiteral("Warning")}));
    // A window that holds only the first line.
    const auto windowed = wait<QStringList>(
        [&](auto done) { return m_client->labelValues(QStringLiteral("level"), {}, kT0, kT0 + 1, nullptr, done); });
    QVERIFY(windowed && windowed->ok());
    QCOMPARE(windowed->value(), QStringList{QStringLiteral("Information")});
    const auto series = wait<QList<wf::Labels>>(
        [&](auto done) { return m_client->series({QStringLiteral(R"({level="Warning"})")}, 0, 0, nullptr, done); });
    QVERIFY(series && series->ok());
    QCOMPARE(series->value().size(), 1);
    QCOMPARE(series->value().at(0), kWarn);
}

void TestLokiClient::invalidLabelNameNeverSent()
{
    const auto before = m_loki->httpRequests().size();
    const auto r = wait<QStringList>(
        [&](auto done) { return m_client->labelValues(QStringLiteral("../../etc"), {}, 0, 0, nullptr, done); });
    QVERIFY(r && !r->ok());
    QCOMPARE(r->error().kind, Kind::Api);
    QCOMPARE(m_loki->httpRequests().size(), before);
}

void TestLokiClient::tailHistoryThenLive()
{
    wf::LokiTail tail;
    tail.setProfile(m_profile);
    QStringList lines;
    collectLines(tail, lines);
    QSignalSpy states(&tail, &wf::LokiTail::stateChanged);
    tail.start(QStringLiteral(R"({app="mytrader-api", level="Warning"})"), kT0);
    QCOMPARE(tail.state(), State::Connecting);
    QTRY_COMPARE_WITH_TIMEOUT(tail.state(), State::Live, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(lines, (QStringList{QStringLiteral("line 1"), QStringLiteral("line 3")}), 10000);
    m_loki->append(kWarn, kT0 + 10, QStringLiteral("live warning"));
    m_loki->append(kInfo, kT0 + 11, QStringLiteral("live info")); // not selected
    QTRY_COMPARE_WITH_TIMEOUT(lines.size(), 3, 10000);
    QCOMPARE(lines.last(), QStringLiteral("live warning"));
    QCOMPARE(tail.lastNs(), kT0 + 10);
    QVERIFY(m_loki->tailRequests().first().query().contains(QStringLiteral("start=%1").arg(kT0)));
    tail.stop();
    QCOMPARE(tail.state(), State::Idle);
    QTRY_COMPARE(m_loki->tailCount(), 0);
}

void TestLokiClient::tailSurvivesThreeCuts()
{
    wf::LokiTail tail;
    auto options = tail.options();
    options.backoffBaseMs = 50;
    tail.setOptions(options);
    tail.setProfile(m_profile);
    QStringList lines;
    QList<State> states;
    collectLines(tail, lines);
    connect(&tail, &wf::LokiTail::stateChanged, this, [&](State s) { states << s; });
    tail.start(kAll, kT0);
    QTRY_COMPARE_WITH_TIMEOUT(lines.size(), 5, 10000);

    QStringList expected = lines;
    qint64 ns = kT0 + 100;
    for (int cut = 0; cut < 3; ++cut) {
        // Lines at one timestamp straddle the cut: the server re-sends them on resume.
        m_loki->append(kInfo, ns, QStringLiteral("before cut %1 a").arg(cut));
        m_loki->append(kWarn, ns, QStringLiteral("before cut %1 b").arg(cut));
        expected << QStringLiteral("before cut %1 a").arg(cut) << QStringLiteral("before cut %1 b").arg(cut);
        QTRY_COMPARE_WITH_TIMEOUT(lines.size(), expected.size(), 10000);
        m_loki->cutTails();
        QTRY_COMPARE_WITH_TIMEOUT(tail.state(), State::Reconnecting, 10000);
        // Written while nobody listens: must come with the replay.
        m_loki->append(kInfo, ns, QStringLiteral("during cut %1 same ns").arg(cut));
        m_loki->append(kInfo, ns + 1, QStringLiteral("during cut %1").arg(cut));
        expected << QStringLiteral("during cut %1 same ns").arg(cut) << QStringLiteral("during cut %1").arg(cut);
        QTRY_COMPARE_WITH_TIMEOUT(tail.state(), State::Live, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(lines.size(), expected.size(), 10000);
        ns += 10;
    }
    m_loki->append(kInfo, ns, QStringLiteral("after"));
    expected << QStringLiteral("after");
    QTRY_COMPARE_WITH_TIMEOUT(lines.size(), expected.size(), 10000);
    QTest::qWait(200); // nothing more arrives
    QCOMPARE(lines, expected);
    QCOMPARE(tail.reconnects(), 3);
    QCOMPARE(m_loki->tailRequests().size(), 4);
    // Each resume asked for the lines from the last timestamp seen.
    QVERIFY(m_loki->tailRequests().at(1).query().contains(QStringLiteral("start=%1").arg(kT0 + 100)));
    QCOMPARE(states.count(State::Reconnecting), 3);
}

void TestLokiClient::tailReportsDroppedEntries()
{
    wf::LokiTail tail;
    tail.setProfile(m_profile);
    QSignalSpy dropped(&tail, &wf::LokiTail::dropped);
    tail.start(kAll, kT0 + 100);
    QTRY_COMPARE_WITH_TIMEOUT(m_loki->tailCount(), 1, 10000);
    m_loki->sendDropped(kWarn, kT0 + 42);
    QTRY_COMPARE_WITH_TIMEOUT(dropped.size(), 1, 10000);
    const auto entries = dropped.at(0).at(0).value<std::vector<wf::DroppedEntry>>();
    QCOMPARE(entries.size(), std::size_t(1));
    QCOMPARE(entries.at(0).ns, kT0 + 42);
    QCOMPARE(entries.at(0).labels, kWarn);
    QCOMPARE(tail.state(), State::Live);
}

void TestLokiClient::tailBadQueryFailsWithoutRetry()
{
    wf::LokiTail tail;
    auto options = tail.options();
    options.backoffBaseMs = 20;
    tail.setOptions(options);
    tail.setProfile(m_profile);
    tail.start(QStringLiteral("app=mytrader"));
    QTRY_COMPARE_WITH_TIMEOUT(tail.state(), State::Failed, 10000);
    QVERIFY2(tail.message().contains(QStringLiteral("parse error at line 1")), qPrintable(tail.message()));
    QTest::qWait(300);
    QCOMPARE(m_loki->tailRequests().size(), 1);
    QCOMPARE(tail.state(), State::Failed);
}

void TestLokiClient::tailNeedsTenantToo()
{
    m_loki->setRequiredTenant(QStringLiteral("team-a"));
    {
        wf::LokiTail tail;
        tail.setProfile(m_profile);
        tail.start(kAll, kT0);
        QTRY_COMPARE_WITH_TIMEOUT(tail.state(), State::Reconnecting, 10000);
        QVERIFY2(tail.message().contains(QStringLiteral("HTTP 401")), qPrintable(tail.message()));
        QCOMPARE(m_loki->tailCount(), 0);
    }
    useProfile(QStringLiteral("team-a"));
    wf::LokiTail tail;
    tail.setProfile(m_profile);
    QStringList lines;
    collectLines(tail, lines);
    tail.start(kAll, kT0);
    QTRY_COMPARE_WITH_TIMEOUT(lines.size(), 5, 10000);
}

void TestLokiClient::tailServerDownKeepsTrying()
{
    const auto url = m_loki->url();
    m_loki.reset(); // nobody listens on the port any more
    wf::LokiTail tail;
    auto options = tail.options();
    options.backoffBaseMs = 20;
    options.maxBackoffMs = 100;
    tail.setOptions(options);
    m_profile.endpoint(wf::Endpoint::Loki).url = url;
    tail.setProfile(m_profile);
    tail.start(kAll);
    QTRY_VERIFY_WITH_TIMEOUT(tail.reconnects() >= 3, 10000);
    QCOMPARE(tail.state(), State::Reconnecting);
    QVERIFY2(tail.message().contains(QStringLiteral("Cannot open the tail")), qPrintable(tail.message()));
    // Which attempt and when the next goes are the view's to say (LogsView's status line).
    QVERIFY(tail.attempt() >= 3);
}

void TestLokiClient::simulatorPushesItsLines()
{
    // mytrader-sim --loki-push: its lines arrive in a Loki, where the client finds them.
    MonitoringStack stack;
    QVERIFY2(stack.startSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE),
                                  {QStringLiteral("--quiet"), QStringLiteral("--loki-push"), m_loki->url().toString()}),
             qPrintable(stack.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(m_loki->pushCount() >= 1, 10000);
    wf::LokiQuery q;
    q.logql = QStringLiteral(R"({app="mytrader-api", component="alpaca-streaming"} |= "Alpaca connection established")");
    const auto r = wait<wf::LokiResult>([&](auto done) { return m_client->queryRange(q, nullptr, done); });
    QVERIFY(r && r->ok());
    QCOMPARE((*r)->entryCount(), 1);
    const auto &labels = (*r)->streams.front().labels;
    QCOMPARE(labels.value(QStringLiteral("level")), QStringLiteral("Information"));
    QCOMPARE(labels.value(QStringLiteral("source_context")), QStringLiteral("MyTrader.Infrastructure.Alpaca.AlpacaStreamingService"));
    // Lines were pushed as the sim wrote them: the first one too (the key line, redacted).
    q.logql = QStringLiteral(R"({app="mytrader-api"} |= "Connecting to Alpaca")");
    const auto first = wait<wf::LokiResult>([&](auto done) { return m_client->queryRange(q, nullptr, done); });
    QVERIFY(first && first->ok());
    QCOMPARE((*first)->entryCount(), 1);
    QVERIFY((*first)->streams.front().entries.front().line.contains(QStringLiteral("[REDACTED]")));
}

void TestLokiClient::simulatorPushKeepsLinesWhileLokiIsDown()
{
    const auto port = MonitoringStack::freePort();
    MonitoringStack stack;
    QVERIFY2(stack.startSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE),
                                  {QStringLiteral("--quiet"), QStringLiteral("--loki-push"),
                                   QStringLiteral("http://127.0.0.1:%1").arg(port)}),
             qPrintable(stack.errorString()));
    QTest::qWait(2500); // pushes fail meanwhile
    FakeLoki late;
    QVERIFY(late.listen(port));
    QTRY_VERIFY_WITH_TIMEOUT(late.pushCount() >= 1, 10000);
    // The lines written before Loki came up arrive too, the first among them.
    QVERIFY(late.lineCount() >= 2);
    m_profile.endpoint(wf::Endpoint::Loki).url = late.url();
    m_http->setProfile(m_profile);
    wf::LokiQuery q;
    q.logql = QStringLiteral(R"({app="mytrader-api"} |= "Connecting to Alpaca")");
    const auto r = wait<wf::LokiResult>([&](auto done) { return m_client->queryRange(q, nullptr, done); });
    QVERIFY(r && r->ok());
    QCOMPARE((*r)->entryCount(), 1);
    QVERIFY(stack.simulatorLog().contains(QStringLiteral("cannot push to")));
    QVERIFY(stack.simulatorLog().contains(QStringLiteral("pushing to")));
}

QTEST_GUILESS_MAIN(TestLokiClient)
#include "tst_lokiclient.moc"
