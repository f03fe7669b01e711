#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QWidget>

namespace wf {

// A big value (or several small ones, "critical 1 · warning 3") in its threshold colour, with an
// optional sparkline of the recent values below.
class StatTile : public QWidget
{
    Q_OBJECT
public:
    struct Item
    {
        QString text;    // "12.4 ops/s", "Connected"
        QString caption; // the series' legend when there are several
        QColor color;    // invalid: the palette's text colour
    };

    explicit StatTile(QWidget *parent = nullptr);

    void setItems(const QList<Item> &items);
    const QList<Item> &items() const { return m_items; }
    // x: any monotonic axis (ms since epoch); drawn scaled into the tile.
    void setSparkline(const QList<QPointF> &points, const QColor &color);
    void setSubtitle(const QString &text); // a small line under the value ("since 10:15:03")

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<Item> m_items;
    QList<QPointF> m_spark;
    QColor m_sparkColor;
    QString m_subtitle;
};

} // namespace wf
