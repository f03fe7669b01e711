#include "stattile.h"

#include <QFontInfo>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace wf {

StatTile::StatTile(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void StatTile::setItems(const QList<Item> &items)
{
    m_items = items;
    QStringList tip;
    for (const auto &item : items)
        tip.append(item.caption.isEmpty() ? item.text : item.caption + QStringLiteral(": ") + item.text);
    setToolTip(tip.join(QLatin1Char('\n')));
    update();
}

void StatTile::setSparkline(const QList<QPointF> &points, const QColor &color)
{
    m_spark = points;
    m_sparkColor = color;
    update();
}

void StatTile::setSubtitle(const QString &text)
{
    m_subtitle = text;
    update();
}

QSize StatTile::sizeHint() const
{
    return {160, 70};
}

QSize StatTile::minimumSizeHint() const
{
    return {90, 50};
}

void StatTile::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    auto area = rect().adjusted(2, 0, -2, 0);

    // The sparkline fills the lower third, behind the value.
    if (m_spark.size() > 1) {
        const auto [minX, maxX] = std::minmax_element(m_spark.cbegin(), m_spark.cend(),
                                                      [](auto a, auto b) { return a.x() < b.x(); });
        double lo = INFINITY, hi = -INFINITY;
        for (const auto &pt : m_spark)
            if (std::isfinite(pt.y())) {
                lo = std::min(lo, pt.y());
                hi = std::max(hi, pt.y());
            }
        if (std::isfinite(lo) && maxX->x() > minX->x()) {
            // A change under 1 % of the value is drawn (nearly) level: an error budget moving from
            // 93.06 to 93.05 % is not a dip to the bottom of the tile.
            const double minSpan = std::max({std::abs(hi), std::abs(lo), 1e-9}) * 0.01;
            if (hi - lo < minSpan) {
                const double mid = (hi + lo) / 2;
                lo = mid - minSpan / 2;
                hi = mid + minSpan / 2;
            }
            const QRectF band(area.left(), area.bottom() - area.height() * 0.38, area.width(), area.height() * 0.36);
            QPainterPath line;
            bool started = false;
            for (const auto &pt : m_spark) {
                if (!std::isfinite(pt.y())) {
                    started = false;
                    continue;
                }
                const QPointF at(band.left() + (pt.x() - minX->x()) / (maxX->x() - minX->x()) * band.width(),
                                 band.bottom() - (pt.y() - lo) / (hi - lo) * band.height());
                started ? line.lineTo(at) : line.moveTo(at);
                started = true;
            }
            auto color = m_sparkColor.isValid() ? m_sparkColor : palette().color(QPalette::Highlight);
            color.setAlpha(190);
            p.setPen(QPen(color, 1.0)); // one pixel: the raster engine's fast stroker
            p.drawPath(line);
        }
    }

    if (m_items.isEmpty())
        return;
    const int n = int(m_items.size());
    const auto valueArea = QRect(area.left(), area.top(), area.width(), int(area.height() * (m_spark.size() > 1 ? 0.62 : 0.8)));
    const int cellWidth = valueArea.width() / n;
    for (int i = 0; i < n; ++i) {
        const auto &item = m_items.at(i);
        QRect cell(valueArea.left() + i * cellWidth, valueArea.top(), cellWidth, valueArea.height());
        auto font = this->font();
        font.setBold(true);
        // Fit the text: start large, shrink until it fits the cell.
        // At most about two and a half lines of the tile's type: 30 px at the usual size, more on a wall.
        const int largest = std::max(30, int(QFontInfo(this->font()).pixelSize() * 2.4));
        // A caption takes a line under the value; the value gets most of what is left (a third of
        // the cell made "2" over "critical" smaller than the caption's own line on a short tile).
        const int captionHeight = item.caption.isEmpty() ? 0 : QFontMetrics(this->font()).height();
        int size = std::clamp(item.caption.isEmpty() ? cell.height() / 2 : (cell.height() - captionHeight) * 3 / 4, 9, largest);
        QFontMetrics fm(font);
        for (; size > 8; --size) {
            font.setPixelSize(size);
            fm = QFontMetrics(font);
            if (fm.horizontalAdvance(item.text) <= cell.width() - 4)
                break;
        }
        font.setPixelSize(size);
        p.setFont(font);
        p.setPen(item.color.isValid() ? item.color : palette().color(QPalette::WindowText));
        auto valueRect = cell;
        if (!item.caption.isEmpty())
            valueRect.setBottom(cell.bottom() - QFontMetrics(this->font()).height());
        p.drawText(valueRect, Qt::AlignCenter, fm.elidedText(item.text, Qt::ElideRight, cell.width() - 2));
        if (!item.caption.isEmpty()) {
            p.setFont(this->font());
            p.setPen(palette().color(QPalette::PlaceholderText));
            const QRect captionRect(cell.left(), valueRect.bottom(), cell.width(), QFontMetrics(this->font()).height());
            p.drawText(captionRect, Qt::AlignHCenter | Qt::AlignTop,
                       QFontMetrics(this->font()).elidedText(item.caption, Qt::ElideRight, cell.width() - 2));
        }
    }
    if (!m_subtitle.isEmpty()) {
        auto small = font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        p.setFont(small);
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(area.adjusted(0, 0, 0, -1), Qt::AlignHCenter | Qt::AlignBottom,
                   QFontMetrics(small).elidedText(m_subtitle, Qt::ElideRight, area.width()));
    }
}

} // namespace wf
