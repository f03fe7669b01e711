#include "domain/timerange.h"

#include <QTest>

using namespace std::chrono_literals;

class TestTimeRange : public QObject
{
    Q_OBJECT
private slots:
    void durations_data();
    void durations();
    void relativeRange();
    void absoluteRoundTrip();
    void rejectsNonsense_data();
    void rejectsNonsense();
};

void TestTimeRange::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("5m") << "5m" << qint64(300);
    QTest::newRow("1h30m") << "1h30m" << qint64(5400);
    QTest::newRow("30d") << "30d" << qint64(30 * 86400);
    QTest::newRow("1w") << "1w" << qint64(7 * 86400);
    QTest::newRow("1500ms") << "1500ms" << qint64(1);
}

void TestTimeRange::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    const auto parsed = wf::parseDuration(text);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->count(), seconds);
}

void TestTimeRange::relativeRange()
{
    const auto range = wf::TimeRange::fromString(QStringLiteral("6h"));
    QVERIFY(range && range->isRelative());
    const auto now = QDateTime(QDate(2025, 10, 9), QTime(12, 0), Qt::UTC);
    QCOMPARE(range->from(now), QDateTime(QDate(2025, 10, 9), QTime(6, 0), Qt::UTC));
    QCOMPARE(range->to(now), now);
    QCOMPARE(range->toString(), QStringLiteral("6h"));
}

void TestTimeRange::absoluteRoundTrip()
{
    const auto from = QDateTime(QDate(2025, 10, 9), QTime(10, 14), Qt::UTC);
    const auto to = QDateTime(QDate(2025, 10, 9), QTime(10, 16), Qt::UTC);
    const auto range = wf::TimeRange::absolute(from, to);
    QCOMPARE(range.span(), 120s);
    const auto back = wf::TimeRange::fromString(range.toString());
    QVERIFY(back.has_value());
    QCOMPARE(*back, range);
    QCOMPARE(back->from(QDateTime::currentDateTimeUtc()), from);
}

void TestTimeRange::rejectsNonsense_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("no unit") << "15";
    QTest::newRow("zero") << "0m";
    QTest::newRow("words") << "yesterday";
    QTest::newRow("reversed") << "2025-10-09T11:00:00Z/2025-10-09T10:00:00Z";
}

void TestTimeRange::rejectsNonsense()
{
    QFETCH(QString, text);
    QVERIFY(!wf::TimeRange::fromString(text).has_value());
}

QTEST_GUILESS_MAIN(TestTimeRange)
#include "tst_timerange.moc"
