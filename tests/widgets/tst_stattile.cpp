// A stat tile's sparkline shows the trend a person should notice, not noise: a value that moves by
// a hundredth of a percent (an error budget going from 93.06 to 93.05 %) draws level, while one
// that doubles fills the band.

#include "stattile.h"

#include <QImage>
#include <QTest>

class TestStatTile : public QObject
{
    Q_OBJECT
private slots:
    void tinyChangesDrawLevelRealOnesFillTheBand();
};

namespace {

// The rows between which the sparkline's blue appears.
int drawnHeight(const QList<QPointF> &points)
{
    wf::StatTile tile;
    tile.resize(300, 120);
    tile.setSparkline(points, QColor(0, 0, 255));
    QImage image(tile.size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    tile.render(&image);
    int top = -1, bottom = -1;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const auto c = image.pixelColor(x, y);
            if (c.blue() > 150 && c.red() < 140 && c.green() < 140) {
                if (top < 0)
                    top = y;
                bottom = y;
            }
        }
    return top < 0 ? -1 : bottom - top + 1;
}

} // namespace

void TestStatTile::tinyChangesDrawLevelRealOnesFillTheBand()
{
    QList<QPointF> budget, errors;
    for (int i = 0; i < 60; ++i) {
        budget.append(QPointF(i, i % 7 == 3 ? 93.05 : 93.06));
        errors.append(QPointF(i, i % 7 == 3 ? 0.12 : 0.06));
    }
    const int level = drawnHeight(budget);
    const int spiky = drawnHeight(errors);
    QVERIFY2(level > 0 && level <= 3, qPrintable(QStringLiteral("a 0.01 % change drew %1 px high").arg(level)));
    QVERIFY2(spiky >= 30, qPrintable(QStringLiteral("a doubling drew only %1 px high").arg(spiky)));
}

QTEST_MAIN(TestStatTile)
#include "tst_stattile.moc"
