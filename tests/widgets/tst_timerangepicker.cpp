#include "timerangepicker.h"

#include <QSignalSpy>
#include <QTest>

using namespace std::chrono_literals;

class TestTimeRangePicker : public QObject
{
    Q_OBJECT
private slots:
    void presetsEmitTheirRange();
    void showsRestoredRanges();
};

void TestTimeRangePicker::presetsEmitTheirRange()
{
    wf::TimeRangePicker picker;
    QCOMPARE(picker.range().span(), 1h); // the default
    QCOMPARE(picker.currentText(), QStringLiteral("Last hour"));
    QSignalSpy spy(&picker, &wf::TimeRangePicker::rangeChanged);
    const int sixHours = picker.findText(QStringLiteral("Last 6 hours"));
    QVERIFY(sixHours >= 0);
    picker.setCurrentIndex(sixHours);
    emit picker.activated(sixHours);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.first().first().value<wf::TimeRange>().span(), 6h);
    QCOMPARE(picker.range().toString(), QStringLiteral("6h"));
}

void TestTimeRangePicker::showsRestoredRanges()
{
    wf::TimeRangePicker picker;
    picker.setUtc(true);
    picker.setRange(wf::TimeRange::last(30min)); // not a preset
    QCOMPARE(picker.currentText(), QStringLiteral("Last 30m"));
    const auto from = QDateTime(QDate(2025, 10, 9), QTime(10, 14), Qt::UTC);
    picker.setRange(wf::TimeRange::absolute(from, from.addSecs(120)));
    QVERIFY2(picker.currentText().contains(QStringLiteral("10:14")), qPrintable(picker.currentText()));
    QVERIFY(picker.currentText().contains(QStringLiteral("10:16")));
    picker.setRange(wf::TimeRange::last(7 * 24h));
    QCOMPARE(picker.currentText(), QStringLiteral("Last 7 days"));
}

QTEST_MAIN(TestTimeRangePicker)
#include "tst_timerangepicker.moc"
