// LokiClient and LokiTail against the simulator's Loki API (apis.md §3; the one Loki stand-in):
// queries, paging, Loki's plain-text errors, the tenant header of a multi-tenant Loki, and a tail
// that survives its connection being cut three times without losing or repeating a line, that
// marks what a slow reader lost, and that stops for a query Loki refuses. The lines are pushed
// (POST /loki/api/v1/push) under a label of each test's own; a FaultProxy (TLS, the profile's
// CA file) in front sees the requests, cuts the connections and plays the slow reader.

#include "faultproxy.h"
#include "monitoringstack.h"
#include "sources/loki/lokiclient.h"
#include "sources/loki/lokitail.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include <zlib.h>

using Kind = wf::Error::Kind;
using State = wf::LokiTail::State;
using Labels = QMap<QString, QString>;

namespace {

QByteArray gzip(const QByteArray &in)
{
    z_stream z{};
    deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(qsizetype(deflateBound(&z, uLong(in.size()))), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    z.avail_in = uInt(in.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    deflate(&z, Z_FINISH);
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return out;
}

void collectLines(wf::LokiTail &tail, QStringList &lines)
{
    QObject::connect(&tail, &wf::LokiTail::entries, &tail, [&lines](const std::vector<wf::TailEntry> &entries) {
        for (const auto &e : entries)
            lines << e.line;
    });
}

QList<QByteArray> tailHandshakes(const FaultProxy &proxy)
{
    QList<QByteArray> out;
    for (const auto &head : proxy.requestHeads())
        if (head.startsWith("GET /loki/api/v1/tail?"))
            out << head;
    return out;
}

} // namespace

class TestLokiClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
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
    void tailBadQueryBehindTlsProxyFails();
    void tailNeedsTenantToo();
    void tailServerDownKeepsTrying();
    void simulatorPushesItsLines();
    void simulatorPushKeepsLinesWhileLokiIsDown();

private:
    template <typename T>
    std::optional<wf::Result<T>> wait(std::function<wf::RequestId(wf::LokiClient::Callback<T>)> call);
    void useProfile(const QUrl &loki, const QString &tenant = {});
    void useProxy(const QString &tenant = {}) { useProfile(proxyUrl(), tenant); }
    QUrl proxyUrl() const { return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_proxy->port())); }
    // Pushes lines to the Loki at base (the simulator's unless given), as one push.
    void push(const QList<std::tuple<Labels, qint64, QString>> &lines, const QString &tenant = {}, QUrl base = {});
    void append(const Labels &labels, qint64 ns, const QString &text) { push({{labels, ns, text}}); }
    // The tail on this test's profile, retrying after backoffMs (and its doublings).
    void retryEvery(wf::LokiTail &tail, int backoffMs)
    {
        auto options = tail.options();
        options.backoffBaseMs = backoffMs;
        tail.setOptions(options);
        tail.setProfile(m_profile);
    }
    Labels info() const { return {{QStringLiteral("app"), m_app}, {QStringLiteral("level"), QStringLiteral("Information")}}; }
    Labels warn() const { return {{QStringLiteral("app"), m_app}, {QStringLiteral("level"), QStringLiteral("Warning")}}; }
    QString all() const { return QStringLiteral(R"({app="%1"})").arg(m_app); }

    QNetworkAccessManager m_network;
    QTemporaryDir m_certDir;
    std::optional<FaultProxy::Certificates> m_certs;
    MonitoringStack m_stack; // the simulator: its Loki API
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<wf::HttpClient> m_http;
    std::unique_ptr<wf::LokiClient> m_client;
    wf::Profile m_profile;
    QString m_app; // each test's lines' app label
    qint64 m_t0 = 0; // the first line's time: ten minutes ago, not representable as a double
    int m_test = 0;
};

void TestLokiClient::initTestCase()
{
    QString error;
    m_certs = FaultProxy::makeCertificates(m_certDir.path(), &error);
    QVERIFY2(m_certs, qPrintable(error));
    QVERIFY2(m_stack.startSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE), {QStringLiteral("--quiet")}),
             qPrintable(m_stack.errorString()));
}

void TestLokiClient::init()
{
    m_client.reset();
    m_http.reset();
    m_app = QStringLiteral("lokiclient-%1").arg(++m_test);
    m_t0 = (QDateTime::currentMSecsSinceEpoch() - 600'000) * 1'000'000 + 123'456'789;
    m_proxy = std::make_unique<FaultProxy>(quint16(m_stack.simulatorUrl().port()), *m_certs);
    QVERIFY(m_proxy->listen());
    QList<std::tuple<Labels, qint64, QString>> lines;
    for (int i = 0; i < 5; ++i)
        lines.append({i % 2 ? warn() : info(), m_t0 + i, QStringLiteral("line %1").arg(i)});
    push(lines);
    useProfile(m_stack.simulatorUrl());
}

void TestLokiClient::cleanup()
{
    m_client.reset();
    m_http.reset();
    m_proxy.reset();
}

void TestLokiClient::useProfile(const QUrl &loki, const QString &tenant)
{
    m_profile = wf::Profile{};
    m_profile.name = QStringLiteral("test");
    m_profile.endpoint(wf::Endpoint::Loki).url = loki;
    m_profile.lokiTenant = tenant;
    m_profile.caFile = m_certs->caFile;
    m_client.reset();
    m_http = std::make_unique<wf::HttpClient>(&m_network, wf::Endpoint::Loki);
    m_http->setProfile(m_profile);
    m_client = std::make_unique<wf::LokiClient>(m_http.get());
}

void TestLokiClient::push(const QList<std::tuple<Labels, qint64, QString>> &lines, const QString &tenant, QUrl base)
{
    if (base.isEmpty())
        base = m_stack.simulatorUrl();
    QJsonArray streams;
    for (const auto &[labels, ns, text] : lines) {
        QJsonObject stream;
        for (auto it = labels.begin(); it != labels.end(); ++it)
            stream.insert(it.key(), it.value());
        streams.append(QJsonObject{{QStringLiteral("stream"), stream},
                                   {QStringLiteral("values"), QJsonArray{QJsonArray{QString::number(ns), text}}}});
    }
    QNetworkRequest request(base.resolved(QUrl(QStringLiteral("/loki/api/v1/push"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!tenant.isEmpty())
        request.setRawHeader("X-Scope-OrgID", tenant.toUtf8());
    auto body = QJsonDocument(QJsonObject{{QStringLiteral("streams"), streams}}).toJson(QJsonDocument::Compact);
    if (body.size() > 64 * 1024) { // as Promtail sends big pushes (and QNAM's upload of a big body is slow)
        body = gzip(body);
        request.setRawHeader("Content-Encoding", "gzip");
    }
    std::unique_ptr<QNetworkReply> reply(m_network.post(request, body));
    QVERIFY(QTest::qWaitFor([&reply] { return reply->isFinished(); }, 30000));
    QVERIFY2(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 204, reply->readAll().constData());
}

template <typename T>
std::optional<wf::Result<T>> TestLokiClient::wait(std::function<wf::RequestId(wf::LokiClient::Callback<T>)> call)
{
    std::optional<wf::Result<T>> out;
    call([&out](const wf::Result<T> &r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
        qWarning("no answer within 20 s");
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
    q.logql = all();
    q.limit = 3;
    auto r = wait<wf::LokiResult>([&](auto done) { return m_client->queryRange(q, nullptr, done); });
    QVERIFY(r && r->ok());
    QCOMPARE((*r)->type, wf::LokiResult::Type::Streams);
    QCOMPARE((*r)->entryCount(), 3); // the limit was sent
    auto entries = merged(r->value());
    std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) { return a.ns > b.ns; });
    QCOMPARE(entries.front().ns, m_t0 + 4); // newest first, exact to the nanosecond
    QCOMPARE(entries.back().ns, m_t0 + 2);

    // Forward: the oldest lines, so the direction was sent.
    q.direction = wf::LokiQuery::Direction::Forward;
    q.logql = QStringLiteral(R"({app="%1", level="Warning"})").arg(m_app);
    r = wait<wf::LokiResult>([&](auto done) { return m_client->queryRange(q, nullptr, done); });
    QVERIFY(r && r->ok());
    QCOMPARE((*r)->streams.size(), std::size_t(1));
    QCOMPARE((*r)->streams.at(0).entries.at(0).ns, m_t0 + 1);
    QCOMPARE((*r)->streams.at(0).entries.at(1).line, QStringLiteral("line 3"));
    q.logql = all();
    q.limit = 2;
    r = wait<wf::LokiResult>([&](auto done) { return m_client->queryRange(q, nullptr, done); });
    QVERIFY(r && r->ok());
    entries = merged(r->value());
    std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) { return a.ns < b.ns; });
    QCOMPARE(entries.size(), std::size_t(2));
    QCOMPARE(entries.front().ns, m_t0);
}

void TestLokiClient::pagingOlderDropsNothing()
{
    // Page backwards two at a time with end = the oldest seen (exclusive): every line once.
    QStringList seen;
    wf::LokiQuery q;
    q.logql = all();
    q.limit = 2;
    for (int page = 0; page < 5; ++page) {
        const auto r = wait<wf::LokiResult>([&](auto done) { return m_client->queryRange(q, nullptr, done); });
        QVERIFY(r && r->ok());
        auto entries = merged(r->value());
        if (entries.empty())
            break;
        std::sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) { return a.ns > b.ns; });
        for (const auto &e : entries)
            seen << e.line;
        q.endNs = entries.back().ns;
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

    // The client caps the limit at what Loki accepts (over it Loki refuses: 400), so a huge
    // limit is not an error.
    q.logql = all();
    q.limit = 10000;
    r = wait<wf::LokiResult>([&](auto done) { return m_client->queryRange(q, nullptr, done); });
    QVERIFY2(r && r->ok(), r && !r->ok() ? qPrintable(r->error().message) : "");
    QCOMPARE((*r)->entryCount(), 5);
}

void TestLokiClient::tenantHeader()
{
    // A multi-tenant Loki: its own lines are team-a's; these are pushed as team-a's too.
    MonitoringStack multi;
    QVERIFY2(multi.startSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE),
                                  {QStringLiteral("--quiet"), QStringLiteral("--loki-tenant"), QStringLiteral("team-a")}),
             qPrintable(multi.errorString()));
    push({{info(), m_t0, QStringLiteral("team a's")}}, QStringLiteral("team-a"), multi.simulatorUrl());
    push({{info(), m_t0 + 1, QStringLiteral("team b's")}}, QStringLiteral("team-b"), multi.simulatorUrl());
    useProfile(multi.simulatorUrl());
    wf::LokiQuery q;
    q.logql = all();
    auto r = wait<wf::LokiResult>([&](auto done) { return m_client->queryRange(q, nullptr, done); });
    QVERIFY(r && !r->ok());
    QCOMPARE(r->error().httpStatus, 401);
    QVERIFY2(r->error().message.contains(QStringLiteral("no org id")), qPrintable(r->error().message));

    useProfile(multi.simulatorUrl(), QStringLiteral("team-a"));
    r = wait<wf::LokiResult>([&](auto done) { return m_client->queryRange(q, nullptr, done); });
    QVERIFY2(r && r->ok(), r ? qPrintable(r->ok() ? QString() : r->error().message) : "no answer");
    QCOMPARE((*r)->entryCount(), 1); // its own, not team b's
    QCOMPARE(merged(r->value()).front().line, QStringLiteral("team a's"));
}

void TestLokiClient::labelsValuesSeries()
{
    const auto labels = wait<QStringList>([&](auto done) { return m_client->labels(all(), 0, 0, nullptr, done); });
    QVERIFY(labels && labels->ok());
    QCOMPARE(labels->value(), (QStringList{QStringLiteral("app"), QStringLiteral("level")}));
    const auto values = wait<QStringList>(
        [&](auto done) { return m_client->labelValues(QStringLiteral("level"), all(), 0, 0, nullptr, done); });
    QVERIFY(values && values->ok());
    QCOMPARE(values->value(), (QStringList{QStringLiteral("Information"), QStringLiteral("Warning")}));
    // A window that holds only the first line.
    const auto windowed = wait<QStringList>(
        [&](auto done) { return m_client->labelValues(QStringLiteral("level"), all(), m_t0, m_t0 + 1, nullptr, done); });
    QVERIFY(windowed && windowed->ok());
    QCOMPARE(windowed->value(), QStringList{QStringLiteral("Information")});
    const auto series = wait<QList<wf::Labels>>([&](auto done) {
        return m_client->series({QStringLiteral(R"({app="%1", level="Warning"})").arg(m_app)}, 0, 0, nullptr, done);
    });
    QVERIFY(series && series->ok());
    QCOMPARE(series->value().size(), 1);
    QCOMPARE(series->value().at(0), warn());
}

void TestLokiClient::invalidLabelNameNeverSent()
{
    useProxy();
    const auto r = wait<QStringList>(
        [&](auto done) { return m_client->labelValues(QStringLiteral("../../etc"), {}, 0, 0, nullptr, done); });
    QVERIFY(r && !r->ok());
    QCOMPARE(r->error().kind, Kind::Api);
    QCOMPARE(m_proxy->requests(), 0);
}

void TestLokiClient::tailHistoryThenLive()
{
    useProxy();
    wf::LokiTail tail;
    tail.setProfile(m_profile);
    QStringList lines;
    collectLines(tail, lines);
    tail.start(QStringLiteral(R"({app="%1", level="Warning"})").arg(m_app), m_t0);
    QCOMPARE(tail.state(), State::Connecting);
    QTRY_COMPARE_WITH_TIMEOUT(tail.state(), State::Live, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(lines, (QStringList{QStringLiteral("line 1"), QStringLiteral("line 3")}), 20000);
    append(warn(), m_t0 + 10, QStringLiteral("live warning"));
    append(info(), m_t0 + 11, QStringLiteral("live info")); // not selected
    append(warn(), m_t0 + 12, QStringLiteral("live marker"));
    QTRY_COMPARE_WITH_TIMEOUT(lines.size(), 4, 20000);
    QCOMPARE(lines.mid(2), (QStringList{QStringLiteral("live warning"), QStringLiteral("live marker")}));
    QCOMPARE(tail.lastNs(), m_t0 + 12);
    const auto handshakes = tailHandshakes(*m_proxy);
    QCOMPARE(handshakes.size(), 1);
    QVERIFY2(handshakes.first().contains("start=" + QByteArray::number(m_t0)), handshakes.first().constData());
    tail.stop();
    QCOMPARE(tail.state(), State::Idle);
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->openConnections(), 0, 20000); // the socket really closed
}

void TestLokiClient::tailSurvivesThreeCuts()
{
    useProxy();
    wf::LokiTail tail;
    retryEvery(tail, 50);
    QStringList lines;
    QList<State> states;
    collectLines(tail, lines);
    connect(&tail, &wf::LokiTail::stateChanged, this, [&](State s) { states << s; });
    tail.start(all(), m_t0);
    QTRY_COMPARE_WITH_TIMEOUT(lines.size(), 5, 20000);

    QStringList expected = lines;
    qint64 ns = m_t0 + 100;
    for (int cut = 0; cut < 3; ++cut) {
        // Lines at one timestamp straddle the cut: the server re-sends them on resume.
        push({{info(), ns, QStringLiteral("before cut %1 a").arg(cut)}, {warn(), ns, QStringLiteral("before cut %1 b").arg(cut)}});
        expected << QStringLiteral("before cut %1 a").arg(cut) << QStringLiteral("before cut %1 b").arg(cut);
        QTRY_COMPARE_WITH_TIMEOUT(lines.size(), expected.size(), 20000);
        m_proxy->cutConnections();
        QTRY_COMPARE_WITH_TIMEOUT(tail.state(), State::Reconnecting, 20000);
        // Written while nobody listens: must come with the replay.
        push({{info(), ns, QStringLiteral("during cut %1 same ns").arg(cut)}, {info(), ns + 1, QStringLiteral("during cut %1").arg(cut)}});
        expected << QStringLiteral("during cut %1 same ns").arg(cut) << QStringLiteral("during cut %1").arg(cut);
        QTRY_COMPARE_WITH_TIMEOUT(tail.state(), State::Live, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(lines.size(), expected.size(), 20000);
        ns += 10;
    }
    // The last line pushed comes last: a line repeated by a resume would have come before it.
    append(info(), ns, QStringLiteral("after"));
    expected << QStringLiteral("after");
    QTRY_VERIFY_WITH_TIMEOUT(lines.contains(QStringLiteral("after")), 20000);
    QCOMPARE(lines, expected);
    QCOMPARE(tail.reconnects(), 3);
    const auto handshakes = tailHandshakes(*m_proxy);
    QCOMPARE(handshakes.size(), 4);
    // Each resume asked for the lines from the last timestamp seen.
    QVERIFY2(handshakes.at(1).contains("start=" + QByteArray::number(m_t0 + 100)), handshakes.at(1).constData());
    QCOMPARE(states.count(State::Reconnecting), 3);
}

void TestLokiClient::tailReportsDroppedEntries()
{
    // A reader too slow for the lines: the proxy stops reading, so the simulator's writes back up
    // until it drops lines for this tail, as Loki's tailer does, and reports them with the next
    // line it sends. Every line pushed either arrives or is reported dropped.
    useProxy();
    wf::LokiTail tail;
    tail.setProfile(m_profile);
    QStringList lines;
    collectLines(tail, lines);
    std::vector<wf::DroppedEntry> dropped;
    connect(&tail, &wf::LokiTail::dropped, this,
            [&](const std::vector<wf::DroppedEntry> &d) { dropped.insert(dropped.end(), d.begin(), d.end()); });
    tail.start(all(), m_t0);
    QTRY_COMPARE_WITH_TIMEOUT(lines.size(), 5, 20000);
    QCOMPARE(tail.state(), State::Live);

    m_proxy->setPaused(true);
    const QString filler(8 * 1024, u'x');
    constexpr int kBatches = 40, kPerBatch = 100; // 32 MB: more than the sockets' buffers and the backlog
    qint64 ns = m_t0 + 1000;
    for (int b = 0; b < kBatches; ++b) {
        QList<std::tuple<Labels, qint64, QString>> batch;
        for (int i = 0; i < kPerBatch; ++i, ++ns)
            batch.append({warn(), ns, QStringLiteral("slow %1 ").arg(ns - m_t0) + filler});
        push(batch);
    }
    m_proxy->setPaused(false);
    // A line sent while the backlog still drains is dropped too: send one after another until
    // one arrives — it carries what was dropped before it; then one more, the last.
    int after = 0;
    const auto arrived = [&lines] {
        return std::any_of(lines.begin(), lines.end(), [](const QString &l) { return l.startsWith(u"after the gap"); });
    };
    QTRY_VERIFY2_WITH_TIMEOUT(arrived() || (append(info(), ns++, QStringLiteral("after the gap %1").arg(++after)), false),
                              qPrintable(QStringLiteral("%1 lines, %2 dropped").arg(lines.size()).arg(dropped.size())), 60000);
    append(info(), ns, QStringLiteral("the end"));
    QTRY_VERIFY_WITH_TIMEOUT(lines.contains(QStringLiteral("the end")), 60000);
    const auto total = 5 + kBatches * kPerBatch + after + 1;
    QVERIFY2(!dropped.empty(), qPrintable(QString::number(lines.size())));
    QCOMPARE(qsizetype(lines.size() + qsizetype(dropped.size())), qsizetype(total)); // none lost unsaid
    QCOMPARE(dropped.front().labels, warn());
    QVERIFY(dropped.front().ns > m_t0 + 1000 && dropped.back().ns < ns);
    QCOMPARE(tail.state(), State::Live);
}

void TestLokiClient::tailBadQueryFailsWithoutRetry()
{
    wf::LokiTail tail;
    retryEvery(tail, 20);
    tail.start(QStringLiteral("app=mytrader"));
    QTRY_VERIFY2_WITH_TIMEOUT(tail.state() == State::Failed, qPrintable(tail.message()), 20000);
    QVERIFY2(tail.message().contains(QStringLiteral("parse error at line 1")), qPrintable(tail.message()));
    QCOMPARE(tail.nextAttemptInMs(), -1); // no retry scheduled: it stays failed
    QCOMPARE(tail.reconnects(), 0);
    QCoreApplication::processEvents();
    QCOMPARE(tail.state(), State::Failed);
}

void TestLokiClient::tailBadQueryBehindTlsProxyFails()
{
    // Through the TLS proxy, Loki's 1011 close right after the handshake reaches the tail as a
    // lost connection (the close frame comes with the handshake's answer and the connection ends
    // at once). The console's tail then asks Loki about the query and stops on its refusal
    // instead of reconnecting for ever.
    useProxy();
    wf::LokiTail tail;
    retryEvery(tail, 20);
    tail.setQueryCheck(m_client.get());
    tail.start(QStringLiteral("app=mytrader"));
    QTRY_VERIFY2_WITH_TIMEOUT(tail.state() == State::Failed, qPrintable(tail.message()), 20000);
    QVERIFY2(tail.message().contains(QStringLiteral("parse error at line 1")), qPrintable(tail.message()));
    QCOMPARE(tail.nextAttemptInMs(), -1);
    QCOMPARE(tailHandshakes(*m_proxy).size(), 1);
}

void TestLokiClient::tailNeedsTenantToo()
{
    MonitoringStack multi;
    QVERIFY2(multi.startSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE),
                                  {QStringLiteral("--quiet"), QStringLiteral("--loki-tenant"), QStringLiteral("team-a")}),
             qPrintable(multi.errorString()));
    QList<std::tuple<Labels, qint64, QString>> lines;
    for (int i = 0; i < 5; ++i)
        lines.append({info(), m_t0 + i, QStringLiteral("line %1").arg(i)});
    push(lines, QStringLiteral("team-a"), multi.simulatorUrl());
    {
        useProfile(multi.simulatorUrl());
        wf::LokiTail tail;
        tail.setProfile(m_profile);
        tail.start(all(), m_t0);
        QTRY_COMPARE_WITH_TIMEOUT(tail.state(), State::Reconnecting, 20000);
        QVERIFY2(tail.message().contains(QStringLiteral("HTTP 401")), qPrintable(tail.message()));
    }
    useProfile(multi.simulatorUrl(), QStringLiteral("team-a"));
    wf::LokiTail tail;
    tail.setProfile(m_profile);
    QStringList got;
    collectLines(tail, got);
    tail.start(all(), m_t0);
    QTRY_COMPARE_WITH_TIMEOUT(got.size(), 5, 20000);
    QCOMPARE(tail.state(), State::Live);
}

void TestLokiClient::tailServerDownKeepsTrying()
{
    const auto url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(MonitoringStack::freePort())); // nobody listens
    wf::LokiTail tail;
    auto options = tail.options();
    options.backoffBaseMs = 20;
    options.maxBackoffMs = 100;
    tail.setOptions(options);
    m_profile.endpoint(wf::Endpoint::Loki).url = url;
    tail.setProfile(m_profile);
    tail.start(all());
    QTRY_VERIFY_WITH_TIMEOUT(tail.reconnects() >= 3, 20000);
    QCOMPARE(tail.state(), State::Reconnecting);
    QVERIFY2(tail.message().contains(QStringLiteral("Cannot open the tail")), qPrintable(tail.message()));
    // Which attempt and when the next goes are the view's to say (LogsView's status line).
    QVERIFY(tail.attempt() >= 3);
}

void TestLokiClient::simulatorPushesItsLines()
{
    // mytrader-sim --loki-push: its lines arrive in a Loki (here the other simulator's), where the
    // client finds them by their environment.
    MonitoringStack pusher;
    QVERIFY2(pusher.startSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE),
                                   {QStringLiteral("--quiet"), QStringLiteral("--environment"), m_app,
                                    QStringLiteral("--loki-push"), m_stack.simulatorUrl().toString()}),
             qPrintable(pusher.errorString()));
    wf::LokiQuery q;
    q.logql = QStringLiteral(R"({app="mytrader-api", environment="%1", component="alpaca-streaming"} |= "Alpaca connection established")").arg(m_app);
    std::optional<wf::Result<wf::LokiResult>> r;
    QTRY_VERIFY_WITH_TIMEOUT((r = wait<wf::LokiResult>([&](auto done) { return m_client->queryRange(q, nullptr, done); }),
                              r && r->ok() && (*r)->entryCount() == 1),
                             30000);
    const auto &labels = (*r)->streams.front().labels;
    QCOMPARE(labels.value(QStringLiteral("level")), QStringLiteral("Information"));
    QCOMPARE(labels.value(QStringLiteral("source_context")), QStringLiteral("MyTrader.Infrastructure.Alpaca.AlpacaStreamingService"));
    // Lines were pushed as the sim wrote them: the first one too (the key line, redacted).
    q.logql = QStringLiteral(R"({app="mytrader-api", environment="%1"} |= "Connecting to Alpaca")").arg(m_app);
    const auto first = wait<wf::LokiResult>([&](auto done) { return m_client->queryRange(q, nullptr, done); });
    QVERIFY(first && first->ok());
    QCOMPARE((*first)->entryCount(), 1);
    QVERIFY((*first)->streams.front().entries.front().line.contains(QStringLiteral("[REDACTED]")));
}

void TestLokiClient::simulatorPushKeepsLinesWhileLokiIsDown()
{
    const auto port = MonitoringStack::freePort();
    MonitoringStack pusher;
    QVERIFY2(pusher.startSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE),
                                   {QStringLiteral("--quiet"), QStringLiteral("--environment"), m_app, QStringLiteral("--loki-push"),
                                    QStringLiteral("http://127.0.0.1:%1").arg(port)}),
             qPrintable(pusher.errorString()));
    // Its pushes fail meanwhile, and it says so.
    QTRY_VERIFY_WITH_TIMEOUT(pusher.simulatorLog().contains(QStringLiteral("cannot push to")), 30000);
    MonitoringStack late; // the Loki comes up on that port
    QVERIFY2(late.startSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE), {QStringLiteral("--quiet")}, port),
             qPrintable(late.errorString()));
    useProfile(late.simulatorUrl());
    // The lines written before Loki came up arrive too, the first among them.
    wf::LokiQuery q;
    q.logql = QStringLiteral(R"({app="mytrader-api", environment="%1"} |= "Connecting to Alpaca")").arg(m_app);
    std::optional<wf::Result<wf::LokiResult>> r;
    QTRY_VERIFY_WITH_TIMEOUT((r = wait<wf::LokiResult>([&](auto done) { return m_client->queryRange(q, nullptr, done); }),
                              r && r->ok() && (*r)->entryCount() == 1),
                             30000);
    QTRY_VERIFY_WITH_TIMEOUT(pusher.simulatorLog().contains(QStringLiteral("pushing to")), 30000);
}

QTEST_GUILESS_MAIN(TestLokiClient)
#include "tst_lokiclient.moc"
