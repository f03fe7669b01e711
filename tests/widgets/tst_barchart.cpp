// A bar chart's labels say what its bars are: "Time in each router state" in a German-width
// column cut BOTH_UNAVAILABLE to "BOTH_UNAVAILAB…" while its bars had room to spare. A label gets
// what it needs while each bar keeps a fifth of the width and its value; only a chart too narrow
// for both cuts it short.

#include "barchart.h"

#include <QFontMetrics>
#include <QImage>
#include <QTest>

class TestBarChart : public QObject
{
    Q_OBJECT
private slots:
    void labelsWholeWhileBarsHaveRoom();
    void tooNarrowCutsLabelsNotBars();
};

namespace {

QList<wf::BarChart::Bar> routerStates()
{
    return {{QStringLiteral("PRIMARY_ACTIVE"), 876, QStringLiteral("14.6 min"), {}},
            {QStringLiteral("FALLBACK_ACTIVE"), 79, QStringLiteral("79.0 s"), {}},
            {QStringLiteral("BOTH_UNAVAILABLE"), 30.2, QStringLiteral("30.2 s"), {}}};
}

// Paints the chart at width × 120: the labels it wrote, and how long the first (longest) bar is
// drawn, in pixels of the highlight colour across its row.
struct Painted
{
    QStringList labels;
    int longestBar = 0;
};

Painted paint(wf::BarChart &chart, int width)
{
    chart.resize(width, 120);
    QImage image(chart.size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    chart.render(&image);
    const auto highlight = chart.palette().color(QPalette::Highlight);
    const int y = chart.fontMetrics().height() * 18 / 20; // the middle of the first row
    int bar = 0;
    for (int x = 0; x < image.width(); ++x)
        bar += image.pixelColor(x, y) == highlight ? 1 : 0;
    return {chart.paintedLabels(), bar};
}

int widestLabel(const wf::BarChart &chart)
{
    int widest = 0;
    for (const auto &bar : chart.bars())
        widest = std::max(widest, chart.fontMetrics().horizontalAdvance(bar.label));
    return widest;
}

} // namespace

void TestBarChart::labelsWholeWhileBarsHaveRoom()
{
    wf::BarChart chart;
    chart.setBars(routerStates());
    // Twice the widest label: the old rule (labels at most two fifths) cut it; there is room.
    const int width = 2 * (widestLabel(chart) + 8);
    const auto painted = paint(chart, width);
    QCOMPARE(painted.labels.size(), 3);
    QCOMPARE(painted.labels.at(2), QStringLiteral("BOTH_UNAVAILABLE"));
    QCOMPARE(painted.labels.at(1), QStringLiteral("FALLBACK_ACTIVE"));
    QVERIFY2(painted.longestBar >= width / 5, qPrintable(QString::number(painted.longestBar)));
}

void TestBarChart::tooNarrowCutsLabelsNotBars()
{
    wf::BarChart chart;
    chart.setBars(routerStates());
    const int width = chart.minimumSizeHint().width();
    const auto painted = paint(chart, width);
    QCOMPARE(painted.labels.size(), 3);
    QVERIFY2(painted.labels.at(2).endsWith(QChar(0x2026)), qPrintable(painted.labels.at(2)));
    // The longest bar keeps its fifth of the width beside the cut labels.
    QVERIFY2(painted.longestBar >= width / 5, qPrintable(QString::number(painted.longestBar)));
}

QTEST_MAIN(TestBarChart)
#include "tst_barchart.moc"
