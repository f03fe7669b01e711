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

QTEST_MAIN(TestTimeSeriesChart)
#include "tst_timeserieschart.moc"
