#include "sources/files/logfile.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace wf;

class TestLogFile : public QObject
{
    Q_OBJECT
private slots:
    void jsonLinesAndPartialLines();
    void plainLinesKeepTheirException();
    void blankLinesAfterARecordAreNotPartOfIt();
    void followsGrowthAndRotation();
    void missingFileSaysSo();
};

void TestLogFile::jsonLinesAndPartialLines()
{
    QByteArray buffer = "{\"a\":1}\n{\"b\":2}\n{\"c\":";
    auto records = logfile::takeRecords(buffer, false);
    QCOMPARE(records.size(), std::size_t(2));
    QCOMPARE(records[0], QByteArray("{\"a\":1}"));
    QCOMPARE(buffer, QByteArray("{\"c\":")); // waits for the rest of the line
    buffer += "3}\n";
    QVERIFY(logfile::takeRecords(buffer, false).empty()); // the last line may still be continued...
    records = logfile::takeRecords(buffer, true);        // ...until the follower says it is done
    QCOMPARE(records.size(), std::size_t(1));
    QCOMPARE(records[0], QByteArray("{\"c\":3}"));
    QVERIFY(buffer.isEmpty());
    QByteArray crlf = "{\"a\":1}\r\n\r\n{\"b\":2}\r\n";
    records = logfile::takeRecords(crlf, true);
    QCOMPARE(records.size(), std::size_t(2));
    QCOMPARE(records[1], QByteArray("{\"b\":2}"));
}

void TestLogFile::plainLinesKeepTheirException()
{
    QByteArray buffer = "2025-10-09 10:15:32.123 +00:00 [ERR] A - Connection lost\n"
                        "System.IO.IOException: reset\n"
                        "   at X.Y()\n"
                        "2025-10-09 10:15:33.000 +00:00 [INF] B - next\n";
    auto records = logfile::takeRecords(buffer, true);
    QCOMPARE(records.size(), std::size_t(2));
    QVERIFY(records[0].endsWith("   at X.Y()"));
    QVERIFY(records[0].contains("\nSystem.IO.IOException: reset\n"));
    QCOMPARE(records[1], QByteArray("2025-10-09 10:15:33.000 +00:00 [INF] B - next"));
}

// A record with a blank line after it is the same whether the follower took it in the middle of
// the file or at its end (fuzz_logfile: in the middle it kept the blank line's end, "…X.Y()\n").
void TestLogFile::blankLinesAfterARecordAreNotPartOfIt()
{
    const QByteArray file = "2025-10-09 10:15:32.123 +00:00 [ERR] A - Connection lost\n"
                            "   at X.Y()\n"
                            "\n"
                            "\r\n"
                            "{\"@m\":\"next\"}\n";
    QByteArray middle = file;
    const auto taken = logfile::takeRecords(middle, false);
    QCOMPARE(taken.size(), std::size_t(1));
    QByteArray end = file.left(file.indexOf('{'));
    const auto atEnd = logfile::takeRecords(end, true);
    QCOMPARE(atEnd.size(), std::size_t(1));
    QCOMPARE(taken[0], atEnd[0]);
    QVERIFY(taken[0].endsWith("   at X.Y()"));
}

void TestLogFile::followsGrowthAndRotation()
{
    QTemporaryDir dir;
    const auto path = dir.filePath(QStringLiteral("mytrader.log"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"n\":1}\n{\"n\":2}\n");
    file.flush();
    LogFileFollower follower;
    follower.setPollIntervalMs(50);
    QList<std::pair<std::vector<QByteArray>, bool>> got;
    connect(&follower, &LogFileFollower::records, this,
            [&](const std::vector<QByteArray> &r, bool fromStart) { got.append({r, fromStart}); });
    follower.open(path);
    const auto total = [&] {
        std::size_t n = 0;
        for (const auto &g : got)
            n += g.first.size();
        return n;
    };
    QTRY_COMPARE(total(), std::size_t(2));
    QVERIFY(got.first().second);
    // It grows: the new line arrives.
    file.write("{\"n\":3}\n");
    file.flush();
    QTRY_COMPARE(total(), std::size_t(3));
    QCOMPARE(got.last().first.back(), QByteArray("{\"n\":3}"));
    // Rotated (truncated and written anew): "from the start" is said, then the new file's lines come.
    const auto before = got.size();
    file.close();
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{\"n\":9}\n");
    file.flush();
    const auto restartedWithNine = [&] {
        bool restarted = false;
        for (auto i = before; i < got.size(); ++i) {
            restarted = restarted || got.at(i).second;
            if (restarted && std::find(got.at(i).first.cbegin(), got.at(i).first.cend(), QByteArray("{\"n\":9}")) !=
                                 got.at(i).first.cend())
                return true;
        }
        return false;
    };
    QTRY_VERIFY(restartedWithNine());
}

void TestLogFile::missingFileSaysSo()
{
    LogFileFollower follower;
    QSignalSpy failed(&follower, &LogFileFollower::failed);
    follower.open(QStringLiteral("/nonexistent/mytrader.log"));
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(failed.first().first().toString().contains(QLatin1String("/nonexistent/mytrader.log")));
}

QTEST_GUILESS_MAIN(TestLogFile)
#include "tst_logfile.moc"
