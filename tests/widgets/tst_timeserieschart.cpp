// The time-series chart paints what the plot shows, at the cost of the plot's width: a day of
// one-second round trips (86,400 points) drawn over its last hour shows the hour's spike, not the
// spike of the hour before, and every pixel column's highest value survives the thinning.

#include "timeserieschart.h"

#include <QImage>
#include <QTest>

class TestTimeSeriesChart : public QObject
{
    Q_OBJECT
private slots:
    void aDayOfPointsShowsTheVisibleHourExactly();
    void aFewNewPointsAtTheRightEdgeAreDrawn();
    void theKeptPictureFollowsEveryChange();
    void aLonePointIsADot();
};

namespace {

// The topmost row in which the line's colour appears, or -1.
int topmostRow(const QImage &image, const QColor &color)
{
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) < 40 && std::abs(c.green() - color.green()) < 40
                && std::abs(c.blue() - color.blue()) < 40)
                return y;
        }
    return -1;
}

} // namespace

void TestTimeSeriesChart::aDayOfPointsShowsTheVisibleHourExactly()
{
    const qint64 endMs = 1'764'547'200'000; // 2025-12-01 00:00 UTC
    const qint64 dayMs = 86'400'000;
    const QColor red(220, 20, 20);
    wf::TimeSeriesChart::Line line;
    line.name = QStringLiteral("round trip");
    line.color = red;
    for (qint64 t = endMs - dayMs; t < endMs; t += 1000)
        line.points.append(QPointF(double(t), 10.0));
    // A 1-second spike to 900 ms in the hour before the one shown, and one to 500 ms inside it.
    line.points[qsizetype((dayMs - 2 * 3'600'000) / 1000)].setY(900);
    line.points[qsizetype((dayMs - 1'800'000) / 1000)].setY(500);

    wf::TimeSeriesChart chart;
    chart.resize(600, 300);
    chart.setUtc(true);
    chart.setYRange(0, 1000);
    chart.setRange(endMs - 3'600'000, endMs);
    chart.setLines({line}, 1000);
    QImage image(chart.size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    chart.render(&image);

    // The line's top is the visible spike (500 of 1000: about half-way up), not 900 (near the top).
    const int top = topmostRow(image, red);
    QVERIFY2(top >= 0, "the line is not drawn");
    const double fraction = double(top) / chart.height();
    QVERIFY2(fraction > 0.3 && fraction < 0.6, qPrintable(QStringLiteral("the line's top is at %1 of the height").arg(fraction)));
}

// A series that began a minute ago, on an hour's chart: a short line at the right edge.
void TestTimeSeriesChart::aFewNewPointsAtTheRightEdgeAreDrawn()
{
    const qint64 endMs = 1'764'547'200'000;
    const QColor red(220, 20, 20);
    wf::TimeSeriesChart::Line line;
    line.name = QStringLiteral("messages");
    line.color = red;
    for (qint64 t = endMs - 60'000; t <= endMs; t += 15'000)
        line.points.append(QPointF(double(t), 20.0));
    wf::TimeSeriesChart chart;
    chart.resize(600, 300);
    chart.setUtc(true);
    chart.setYRange(0, 40);
    chart.setRange(endMs - 3'600'000, endMs);
    chart.setLines({line}, 15'000);
    QImage image(chart.size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    chart.render(&image);
    // At 20 of 40: about half-way up the plot (the legend's swatch is at the bottom).
    const double fraction = double(topmostRow(image, red)) / chart.height();
    QVERIFY2(fraction > 0.2 && fraction < 0.6, qPrintable(QStringLiteral("the newest minute is not drawn (%1)").arg(fraction)));
}

// The chart keeps its picture between changes (a hover or a view shown again costs a copy). Right
// after each change — new points, a series hidden from the legend, a new size, a new range — the
// picture painted is the new one, never the kept one.
void TestTimeSeriesChart::theKeptPictureFollowsEveryChange()
{
    const qint64 endMs = 1'764'547'200'000;
    const QColor red(220, 20, 20);
    const auto lineAt = [&](double value, qint64 fromMs) {
        wf::TimeSeriesChart::Line line;
        line.name = QStringLiteral("errors");
        line.color = red;
        for (qint64 t = fromMs; t <= endMs; t += 15'000)
            line.points.append(QPointF(double(t), value));
        return line;
    };
    wf::TimeSeriesChart chart;
    chart.resize(600, 300);
    chart.setUtc(true);
    chart.setYRange(0, 100);
    chart.setRange(endMs - 3'600'000, endMs);
    chart.setLines({lineAt(80, endMs - 3'600'000)}, 15'000);
    const auto paint = [&chart] {
        QImage image(chart.size(), QImage::Format_ARGB32);
        image.fill(Qt::white);
        chart.render(&image);
        return image;
    };
    const auto topFraction = [&](const QImage &image) { return double(topmostRow(image, red)) / image.height(); };
    const double high = topFraction(paint());
    QVERIFY2(high > 0.0 && high < 0.3, qPrintable(QStringLiteral("80 of 100 is drawn at %1 of the height").arg(high)));
    QCOMPARE(topFraction(paint()), high); // painted again from the kept picture: the same

    // New points: the line drops to 20.
    chart.setLines({lineAt(20, endMs - 3'600'000)}, 15'000);
    const double low = topFraction(paint());
    QVERIFY2(low > 0.6, qPrintable(QStringLiteral("after new points the line is still at %1 of the height").arg(low)));

    // Hidden from the legend: no line; shown again: back.
    chart.setSeriesHidden(QStringLiteral("errors"), true);
    const auto hidden = paint();
    // Only the legend's swatch (faded) may carry the colour: nothing above the legend row.
    const int hiddenTop = topmostRow(hidden, red);
    QVERIFY2(hiddenTop < 0 || hiddenTop > hidden.height() - 30, "a hidden series is still drawn");
    chart.setSeriesHidden(QStringLiteral("errors"), false);
    QCOMPARE(topFraction(paint()), low);

    // Shown and hidden again (a view left: the picture is let go): painted anew, the same.
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.hide();
    QCOMPARE(topFraction(paint()), low);

    // A new size: the picture is the new size's, the line at the same fraction.
    chart.resize(800, 400);
    const auto bigger = paint();
    QCOMPARE(bigger.size(), QSize(800, 400));
    QVERIFY2(std::abs(topFraction(bigger) - low) < 0.08, qPrintable(QStringLiteral("resized: %1 against %2").arg(topFraction(bigger)).arg(low)));

    // A new range that the series does not reach: no line drawn in the plot.
    chart.setRange(endMs - 7'200'000, endMs - 3'700'000);
    const auto before = paint();
    const int beforeTop = topmostRow(before, red);
    QVERIFY2(beforeTop < 0 || beforeTop > before.height() - 30, "the old range's picture is still painted");
}

// A series that has one point so far (its first scrape, or a rate with two samples) on an hour's
// chart: within one pixel column, no line to draw; it shows as a dot.
void TestTimeSeriesChart::aLonePointIsADot()
{
    const qint64 endMs = 1'764'547'200'000;
    const QColor red(220, 20, 20);
    wf::TimeSeriesChart::Line line;
    line.name = QStringLiteral("p95");
    line.color = red;
    line.points = {QPointF(double(endMs - 2000), 30.0)};
    wf::TimeSeriesChart chart;
    chart.resize(600, 300);
    chart.setUtc(true);
    chart.setYRange(0, 40);
    chart.setRange(endMs - 3'600'000, endMs);
    chart.setLines({line}, 5000);
    QImage image(chart.size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    chart.render(&image);
    const double fraction = double(topmostRow(image, red)) / chart.height();
    QVERIFY2(fraction > 0.1 && fraction < 0.5, qPrintable(QStringLiteral("the lone point is not drawn (%1)").arg(fraction)));
}

QTEST_MAIN(TestTimeSeriesChart)
#include "tst_timeserieschart.moc"
