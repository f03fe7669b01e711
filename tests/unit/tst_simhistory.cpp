// mytrader-sim's history for the demo's backfill: the same seed gives the same past, thirty days
// add up, a few failovers happen, and the output is well-formed OpenMetrics (promtool reads it in
// tst_demostack).

#include "history.h"

#include <QBuffer>
#include <QTest>

class TestSimHistory : public QObject
{
    Q_OBJECT
private slots:
    void sameSeedSamePast();
    void thirtyDaysAddUp();
    void wellFormedOpenMetrics();
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
        const auto t = parts.at(2).toLongLong();
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

QTEST_GUILESS_MAIN(TestSimHistory)
#include "tst_simhistory.moc"
