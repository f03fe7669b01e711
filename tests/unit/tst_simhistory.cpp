// mytrader-sim's history for the demo's backfill: the same seed gives the same past, thirty days
// add up, a few failovers happen, and the output is well-formed OpenMetrics (promtool reads it in
// tst_demostack).

#include "history.h"
#include "simlog.h"
#include "simservice.h"

#include <QBuffer>
#include <QTest>

class TestSimHistory : public QObject
{
    Q_OBJECT
private slots:
    void sameSeedSamePast();
    void thirtyDaysAddUp();
    void wellFormedOpenMetrics();
    void theLastHourHoldsEveryMetric();
    void theServingRunGoesOnFromTheBackfill();
};

static QByteArray write(quint64 seed, sim::HistorySummary *summary = nullptr)
{
    sim::HistoryOptions o;
    o.days = 30;
    o.seed = seed;
    o.end = QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const auto s = sim::writeHistory(o, &buffer);
    if (summary)
        *summary = s;
    return buffer.data();
}

void TestSimHistory::sameSeedSamePast()
{
    QCOMPARE(write(3), write(3));
    QVERIFY(write(3) != write(4));
}

void TestSimHistory::thirtyDaysAddUp()
{
    for (quint64 seed : {1, 2, 3, 4, 5}) {
        sim::HistorySummary s;
        write(seed, &s);
        QCOMPARE(s.totalSeconds, 30 * 86400.0);
        QVERIFY2(s.failovers >= 3 && s.failovers <= 6, qPrintable(QString::number(s.failovers)));
        // Availability stays within the 99.5 % SLO, but is not a flat 100 % in every run.
        QVERIFY(s.downSeconds / s.totalSeconds < 0.005);
    }
    double down = 0;
    for (quint64 seed = 1; seed <= 10; ++seed) {
        sim::HistorySummary s;
        write(seed, &s);
        down += s.downSeconds;
    }
    QVERIFY(down > 0);
}

void TestSimHistory::wellFormedOpenMetrics()
{
    sim::HistorySummary s;
    const auto text = write(7, &s);
    QVERIFY(text.endsWith("# EOF\n"));
    const auto lines = text.split('\n');
    qint64 samples = 0;
    QHash<QByteArray, qint64> lastTime;
    QSet<QByteArray> families;
    QByteArray family;
    for (const auto &line : lines) {
        if (line.isEmpty() || line == "# EOF")
            continue;
        if (line.startsWith("# TYPE ")) {
            family = line.split(' ').at(2);
            QVERIFY2(!families.contains(family), family.constData()); // each family once, its samples together
            families.insert(family);
            continue;
        }
        if (line.startsWith('#'))
            continue;
        const auto parts = line.split(' ');
        QCOMPARE(parts.size(), 3);
        QVERIFY2(parts.at(0).startsWith(family), line.constData());
        const auto t = qint64(parts.at(2).toDouble());
        QVERIFY2(t >= lastTime.value(parts.at(0), 0), line.constData()); // time goes forward in a series
        lastTime[parts.at(0)] = t;
        ++samples;
    }
    QCOMPARE(samples, s.samples);
    QVERIFY(families.contains("datasource_router_state_duration_seconds"));
    QVERIFY(families.contains("datasource_router_recovery_time_seconds"));
    // The history ends where it was asked to.
    QCOMPARE(lastTime.value(R"(datasource_router_uptime_percent)"), QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC).toSecsSinceEpoch());
}

namespace {

const QDateTime kEnd(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC);

sim::SimOptions serviceOptions()
{
    sim::SimOptions o;
    o.symbols = 5;
    o.seed = 11;
    o.startedAt = kEnd.addSecs(-600);
    return o;
}

// The value of each sample line (name{labels} → value) at its newest time.
QHash<QByteArray, double> lastValues(const QByteArray &text, QHash<QByteArray, double> *times = nullptr)
{
    QHash<QByteArray, double> values;
    for (const auto &line : text.split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const auto parts = line.split(' ');
        values[parts.at(0)] = parts.at(1).toDouble();
        if (times)
            (*times)[parts.at(0)] = parts.at(2).toDouble();
    }
    return values;
}

QByteArray asOpenMetrics(const sim::RecentSamples &recent, const QDateTime &routerEnd)
{
    sim::HistoryOptions o;
    o.days = 1;
    o.end = routerEnd;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    sim::writeHistory(o, &buffer, &recent);
    return buffer.data();
}

} // namespace

// The demo's first frame has an hour of every chart: the last hour of the history holds every
// family the service exposes, every few seconds, with the scrape's labels on every series.
void TestSimHistory::theLastHourHoldsEveryMetric()
{
    const QList<std::pair<QString, QString>> labels{{QStringLiteral("job"), QStringLiteral("mytrader")},
                                                    {QStringLiteral("instance"), QStringLiteral("127.0.0.1:5002")}};
    sim::SimLog log(QStringLiteral("demo"), 10, {}, false);
    sim::SimService past(serviceOptions(), &log);
    sim::RecentSamples recent(labels);
    const auto from = kEnd.addSecs(-600);
    past.replay(from, kEnd, 0.5, 3, [&](const QDateTime &at) { recent.add(past.collect(), at); });
    sim::HistoryOptions o;
    o.days = 2;
    o.seed = 11;
    o.end = from;
    o.labels = labels;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const auto summary = sim::writeHistory(o, &buffer, &recent);
    const auto text = buffer.data();

    // Every family the live /metrics has, by its OpenMetrics name, once.
    QSet<QByteArray> written;
    for (const auto &line : text.split('\n'))
        if (line.startsWith("# TYPE ")) {
            QVERIFY2(!written.contains(line.split(' ').at(2)), line.constData());
            written.insert(line.split(' ').at(2));
        }
    for (const auto &line : past.metricsText().split('\n'))
        if (line.startsWith("# TYPE ")) {
            auto name = line.split(' ').at(2);
            if (line.endsWith(" counter") && name.endsWith("_total"))
                name.chop(6);
            QVERIFY2(written.contains(name), name.constData());
        }

    // A series of each kind carries the labels, with a sample every 3 s over the ten minutes.
    QHash<QByteArray, double> times;
    const auto values = lastValues(text, &times);
    QVERIFY(values.size() > 100);
    for (const auto &series : values.keys())
        QVERIFY2(series.contains(R"(job="mytrader",instance="127.0.0.1:5002")"), series.constData());
    int tradeSamples = 0;
    for (const auto &line : text.split('\n'))
        if (line.startsWith(R"(alpaca_messages_received_total{job="mytrader",instance="127.0.0.1:5002",symbol=")")
            && line.contains(R"(type="trade")"))
            ++tradeSamples;
    QVERIFY2(tradeSamples >= 5 * 199, qPrintable(QString::number(tradeSamples))); // five symbols, 200 samples each
    QCOMPARE(qint64(times.value(R"(alpaca_subscribed_symbols_count{job="mytrader",instance="127.0.0.1:5002"})")),
             kEnd.toSecsSinceEpoch());
    QVERIFY(summary.samples > recent.samples());
    // The latency histogram's buckets are named as prometheus-cpp serves them (le="0.1", not "0.10").
    QVERIFY(text.contains(R"(le="0.1"})") && text.contains(R"(le="+Inf"})"));
}

// The serving simulator lives the same hour with the same seed: at the backfill's end its counters
// are the backfill's last values, so Prometheus sees one series going on, not a reset.
void TestSimHistory::theServingRunGoesOnFromTheBackfill()
{
    const auto from = kEnd.addSecs(-600);
    sim::SimLog logA(QStringLiteral("demo"), 10, {}, false);
    sim::SimService writer(serviceOptions(), &logA);
    sim::RecentSamples recent;
    writer.replay(from, kEnd, 0.5, 3, [&](const QDateTime &at) { recent.add(writer.collect(), at); });
    const auto backfilled = lastValues(asOpenMetrics(recent, from));

    sim::SimLog logB(QStringLiteral("demo"), 100000, {}, false);
    sim::SimService server(serviceOptions(), &logB);
    server.replay(from, kEnd, 0.5, 3);
    QCOMPARE(server.metricsText(), writer.metricsText());
    const qint64 messages = server.messagesTotal();
    QVERIFY(messages > 1000);
    // Its log has those minutes, dated then.
    QVERIFY(!logB.records().empty());
    QVERIFY(logB.records().front().ns >= from.toMSecsSinceEpoch() * 1'000'000);
    QVERIFY(logB.records().back().ns <= kEnd.addSecs(1).toMSecsSinceEpoch() * 1'000'000);

    // Then on: every counter is at least where the backfill left it.
    server.advance(2, kEnd.addSecs(2));
    sim::RecentSamples now;
    now.add(server.collect(), kEnd.addSecs(2));
    const auto live = lastValues(asOpenMetrics(now, from));
    int compared = 0;
    for (auto it = backfilled.cbegin(); it != backfilled.cend(); ++it) {
        if (!it.key().startsWith("alpaca_messages_received_total") && !it.key().startsWith("alpaca_message_latency_seconds"))
            continue;
        QVERIFY2(live.contains(it.key()), it.key().constData());
        QVERIFY2(live.value(it.key()) >= it.value(), it.key().constData());
        ++compared;
    }
    QVERIFY(compared > 50);
    QVERIFY(server.messagesTotal() > messages);
}

QTEST_GUILESS_MAIN(TestSimHistory)
#include "tst_simhistory.moc"
