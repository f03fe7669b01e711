#include "dashboards/queryscheduler.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace wf;

namespace {

// Counts what the scheduler asks; answers when the test says so.
class CountingTransport : public QueryTransport
{
public:
    struct Request
    {
        RequestId id;
        QueryKey key;
        Done done;
    };

    RequestId send(const QueryKey &key, QObject *, Done done) override
    {
        const auto id = ++m_next;
        open.append({id, key, std::move(done)});
        sent.append(key.expr);
        return id;
    }
    void cancel(RequestId id) override
    {
        cancelled.append(id);
        open.removeIf([id](const Request &r) { return r.id == id; });
    }
    // Answers the oldest open request for expr.
    void answer(const QString &expr, const Result<PromResult> &result)
    {
        for (int i = 0; i < open.size(); ++i) {
            if (open.at(i).key.expr == expr) {
                auto r = open.takeAt(i);
                r.done(result);
                return;
            }
        }
        QFAIL(qPrintable(QStringLiteral("no open request for ") + expr));
    }

    QList<Request> open;
    QStringList sent;
    QList<RequestId> cancelled;

private:
    RequestId m_next = 0;
};

QueryKey key(const QString &expr, qint64 start = 0)
{
    QueryKey k;
    k.expr = expr;
    k.start = start;
    k.end = start + 3600;
    k.step = 15;
    return k;
}

PromResult one(double value)
{
    PromResult r;
    Series s;
    s.samples.push_back({1.0, value});
    r.series.push_back(s);
    return r;
}

Error down()
{
    Error e;
    e.kind = Error::Kind::Network;
    e.message = QStringLiteral("Connection refused.");
    return e;
}

} // namespace

class TestQueryScheduler : public QObject
{
    Q_OBJECT
private slots:
    void identicalQueriesRunOnce();
    void newerRefreshCancelsOlder();
    void sharedRequestSurvivesOneOwnersRefresh();
    void capsRequestsInFlight();
    void hiddenViewsWaitUntilShown();
    void backsOffWhenServerFails();
    void oneFailedRoundBacksOffOnce();
    void badQueryDoesNotBackOff();
    void destroyedOwnerCancels();
    void lokiAndPrometheusFailApart();
};

void TestQueryScheduler::identicalQueriesRunOnce()
{
    CountingTransport t;
    QueryScheduler s(&t);
    QObject viewA, viewB;
    QMap<QString, int> gotA, gotB;
    // Three panels of one view ask "up" twice and "rate" once; another view asks "up" too.
    s.refresh(&viewA, {key("up"), key("rate"), key("up")}, [&](const QueryKey &k, const auto &) { ++gotA[k.expr]; });
    s.refresh(&viewB, {key("up")}, [&](const QueryKey &k, const auto &) { ++gotB[k.expr]; });
    QCOMPARE(t.sent, QStringList({"up", "rate"}));
    QSignalSpy finished(&s, &QueryScheduler::finished);
    t.answer("up", one(1));
    t.answer("rate", one(2));
    QCOMPARE(gotA.value("up"), 1);
    QCOMPARE(gotA.value("rate"), 1);
    QCOMPARE(gotB.value("up"), 1);
    QCOMPARE(s.stats().sent, 2);
    QCOMPARE(s.stats().shared, 1);
    QCOMPARE(finished.count(), 2); // each view once
    // A different range is another request.
    s.refresh(&viewA, {key("up", 15)}, [](const auto &, const auto &) {});
    QCOMPARE(t.sent.size(), 3);
}

void TestQueryScheduler::newerRefreshCancelsOlder()
{
    CountingTransport t;
    QueryScheduler s(&t);
    QObject view;
    QList<qint64> delivered;
    const auto deliver = [&](const QueryKey &k, const auto &) { delivered.append(k.start); };
    s.refresh(&view, {key("up", 0)}, deliver);
    s.refresh(&view, {key("up", 15)}, deliver); // the range moved on before the answer came
    QCOMPARE(t.cancelled.size(), 1);
    QCOMPARE(s.stats().cancelled, 1);
    QCOMPARE(t.open.size(), 1);
    t.answer("up", one(1));
    QCOMPARE(delivered, QList<qint64>{15}); // the superseded answer never arrives
    QCOMPARE(s.inFlight(), 0);
}

void TestQueryScheduler::sharedRequestSurvivesOneOwnersRefresh()
{
    CountingTransport t;
    QueryScheduler s(&t);
    QObject a, b;
    int gotB = 0;
    s.refresh(&a, {key("up")}, [](const auto &, const auto &) {});
    s.refresh(&b, {key("up")}, [&](const auto &, const auto &) { ++gotB; });
    s.refresh(&a, {}, [](const auto &, const auto &) {}); // a no longer wants it; b still does
    QVERIFY(t.cancelled.isEmpty());
    t.answer("up", one(1));
    QCOMPARE(gotB, 1);
}

void TestQueryScheduler::capsRequestsInFlight()
{
    CountingTransport t;
    QueryScheduler s(&t);
    s.setMaxInFlight(2);
    QObject view;
    int got = 0;
    s.refresh(&view, {key("a"), key("b"), key("c"), key("d")}, [&](const auto &, const auto &) { ++got; });
    QCOMPARE(t.open.size(), 2);
    QCOMPARE(s.waiting(&view), 4);
    t.answer("a", one(1));
    QCOMPARE(t.open.size(), 2); // c started when a finished
    QCOMPARE(t.sent, QStringList({"a", "b", "c"}));
    t.answer("b", one(1));
    t.answer("c", one(1));
    t.answer("d", one(1));
    QCOMPARE(got, 4);
    // A queued request that a newer refresh drops is never sent.
    s.refresh(&view, {key("e"), key("f"), key("g")}, [](const auto &, const auto &) {});
    s.refresh(&view, {key("h")}, [](const auto &, const auto &) {});
    QVERIFY(!t.sent.contains("g"));
    QCOMPARE(t.open.size(), 1);
    QCOMPARE(t.open.first().key.expr, QStringLiteral("h"));
}

void TestQueryScheduler::hiddenViewsWaitUntilShown()
{
    CountingTransport t;
    QueryScheduler s(&t);
    QObject visible, hidden;
    s.setActive(&hidden, false);
    int got = 0;
    const auto deliver = [&](const auto &, const auto &) { ++got; };
    // The refresh timer ticks three times; only the visible view asks Prometheus.
    for (int tick = 0; tick < 3; ++tick) {
        s.refresh(&visible, {key("v", tick * 15)}, deliver);
        t.answer("v", one(1));
        s.refresh(&hidden, {key("h", tick * 15)}, deliver);
    }
    QCOMPARE(t.sent.count("v"), 3);
    QCOMPARE(t.sent.count("h"), 0);
    // Shown: it refreshes once, with its newest range.
    s.setActive(&hidden, true);
    QCOMPARE(t.sent.count("h"), 1);
    QCOMPARE(t.open.last().key.start, qint64(30));
}

void TestQueryScheduler::backsOffWhenServerFails()
{
    CountingTransport t;
    QueryScheduler s(&t);
    s.setBackoff(200, 1000);
    QObject view;
    QList<Result<PromResult>> got;
    const auto deliver = [&](const auto &, const Result<PromResult> &r) { got.append(r); };
    s.refresh(&view, {key("up")}, deliver);
    t.answer("up", down());
    QVERIFY(s.isBackingOff());
    // While backing off, refreshes are answered with the error at once, without a request.
    s.refresh(&view, {key("up"), key("rate")}, deliver);
    QCOMPARE(t.sent.size(), 1);
    QCOMPARE(got.size(), 3);
    QVERIFY(!got.last().ok());
    QVERIFY2(got.last().error().message.contains(QLatin1String("Connection refused.")), qPrintable(got.last().error().message));
    QCOMPARE(s.stats().refused, 2);
    // After the pause it tries again; a second failure doubles the pause.
    QTRY_VERIFY_WITH_TIMEOUT(!s.isBackingOff(), 10000);
    s.refresh(&view, {key("up")}, deliver);
    QCOMPARE(t.sent.size(), 2);
    QElapsedTimer paused;
    paused.start();
    t.answer("up", down());
    QTRY_VERIFY_WITH_TIMEOUT(!s.isBackingOff(), 10000);
    QVERIFY2(paused.elapsed() >= 380, qPrintable(QString::number(paused.elapsed())));
    // A success ends the backoff for good.
    s.refresh(&view, {key("up")}, deliver);
    t.answer("up", one(1));
    QVERIFY(!s.isBackingOff());
    s.refresh(&view, {key("up")}, deliver);
    QCOMPARE(t.sent.size(), 4);
}

void TestQueryScheduler::oneFailedRoundBacksOffOnce()
{
    // A view's refresh of sixteen panels fails together when Prometheus goes: one failed round,
    // the first pause — not sixteen doublings at once.
    CountingTransport t;
    QueryScheduler s(&t);
    s.setBackoff(200, 60'000);
    QSignalSpy outage(&s, &QueryScheduler::outageChanged);
    QObject view;
    const auto ignore = [](const auto &, const auto &) {};
    s.refresh(&view, {key("a"), key("b"), key("c"), key("d")}, ignore);
    for (const auto *name : {"a", "b", "c", "d"})
        t.answer(name, down());
    QVERIFY(s.outage().has_value());
    QCOMPARE(outage.count(), 1);
    QVERIFY2(s.nextTryInMs() <= 200, qPrintable(QString::number(s.nextTryInMs())));
    // Retry now: the pause ends at once and the next refresh asks again.
    s.retryNow();
    QVERIFY(!s.outage());
    QCOMPARE(outage.count(), 2);
    s.refresh(&view, {key("a")}, ignore);
    QCOMPARE(t.sent.count("a"), 2);
}

void TestQueryScheduler::badQueryDoesNotBackOff()
{
    CountingTransport t;
    QueryScheduler s(&t);
    QObject view;
    s.refresh(&view, {key("rate(")}, [](const auto &, const auto &) {});
    Error bad;
    bad.kind = Error::Kind::Api;
    bad.httpStatus = 400;
    bad.apiType = QStringLiteral("bad_data");
    t.answer("rate(", bad);
    QVERIFY(!s.isBackingOff()); // one panel's mistake does not stop the others
}

void TestQueryScheduler::destroyedOwnerCancels()
{
    CountingTransport t;
    QueryScheduler s(&t);
    {
        QObject view;
        s.refresh(&view, {key("up")}, [](const auto &, const auto &) {});
        QCOMPARE(t.open.size(), 1);
    }
    QCOMPARE(t.cancelled.size(), 1);
    QCOMPARE(s.inFlight(), 0);
}

QTEST_GUILESS_MAIN(TestQueryScheduler)
void TestQueryScheduler::lokiAndPrometheusFailApart()
{
    // A view with a LogQL panel beside PromQL ones: Loki down starts no backoff (Prometheus' panels
    // go on asking); Prometheus down does not hold Loki's panels back.
    CountingTransport t;
    QueryScheduler s(&t);
    s.setBackoff(60'000, 60'000);
    QObject view;
    QList<std::pair<QString, bool>> got; // (expr, ok)
    const auto deliver = [&](const QueryKey &k, const Result<PromResult> &r) { got.append({k.expr, r.ok()}); };
    auto logs = key("sum(count_over_time({app=\"a\"}[1m]))");
    logs.loki = true;
    auto sameTextForPrometheus = logs;
    sameTextForPrometheus.loki = false;
    QVERIFY(!(logs == sameTextForPrometheus)); // one text, two servers: two questions
    s.refresh(&view, {key("up"), logs}, deliver);
    QCOMPARE(t.sent.size(), 2);
    t.answer(logs.expr, down());
    QVERIFY(!s.isBackingOff());
    QVERIFY(!s.outage());
    t.answer("up", one(1));
    s.refresh(&view, {key("up"), logs}, deliver);
    QCOMPARE(t.sent.size(), 4);
    t.answer("up", down());
    QVERIFY(s.isBackingOff());
    t.answer(logs.expr, one(3));
    got.clear();
    // Backing off: Prometheus' key answered with the error at once, Loki's asked.
    s.refresh(&view, {key("up"), logs}, deliver);
    QCOMPARE(t.sent.size(), 5);
    QCOMPARE(t.open.size(), 1);
    QVERIFY(t.open.first().key.loki);
    QCOMPARE(got, (QList<std::pair<QString, bool>>{{QStringLiteral("up"), false}}));
    t.answer(logs.expr, one(4));
    QCOMPARE(got.last(), std::make_pair(logs.expr, true));
    QVERIFY(s.isBackingOff()); // Loki's answer does not end Prometheus' outage
}

#include "tst_queryscheduler.moc"
