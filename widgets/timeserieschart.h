#pragma once

#include <QColor>
#include <QList>
#include <QPainterPath>
#include <QPixmap>
#include <QPointF>
#include <QRect>
#include <QSet>
#include <QWidget>

#include <functional>
#include <optional>

namespace wf {

// A light, native time-series plot: lines or stacked areas, threshold lines, marked bands (failovers),
// a crosshair with every series' value, a legend whose entries hide and show their series, drag to
// select a range, double-click to go back. x is milliseconds since the epoch.
class TimeSeriesChart : public QWidget
{
    Q_OBJECT
public:
    struct Line
    {
        QString name;
        QColor color;
        QList<QPointF> points; // gaps: absent points (a jump over more than two steps breaks the line)
    };
    struct Band
    {
        qint64 fromMs = 0;
        qint64 toMs = 0;
        QColor color;
        QString label;

        friend bool operator==(const Band &, const Band &) = default;
    };

    explicit TimeSeriesChart(QWidget *parent = nullptr);

    void setRange(qint64 fromMs, qint64 toMs);
    void setLines(const QList<Line> &lines, qint64 stepMs);
    const QList<Line> &lines() const { return m_lines; }
    void setStacked(bool stacked);
    void setThresholds(const QList<std::pair<double, QColor>> &thresholds);
    void setBands(const QList<Band> &bands);
    const QList<Band> &bands() const { return m_bands; }
    void setValueFormatter(std::function<QString(double)> format);
    void setYRange(std::optional<double> min, std::optional<double> max);
    void setUtc(bool utc);

    void setSeriesHidden(const QString &name, bool hidden);
    bool isSeriesHidden(const QString &name) const { return m_hidden.contains(name); }
    // The plot area's width: the most points worth asking for.
    int plotWidth() const;
    // The values under x (ms), for the crosshair; empty outside the data.
    QList<std::pair<QString, double>> valuesAt(qint64 xMs) const;

    QSize sizeHint() const override { return {420, 200}; }
    QSize minimumSizeHint() const override { return {200, 120}; }

signals:
    void rangeSelected(qint64 fromMs, qint64 toMs);
    void zoomOutRequested();
    void seriesToggled(const QString &name, bool hidden);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    // What changes the picture throws the cached one away; the pointer's marks do not.
    void invalidate();
    void renderChart(QPainter &p);
    QRect plotRect() const;
    double xToPixel(double x, const QRect &plot) const;
    QPainterPath linePath(const QList<QPointF> &points, const QRect &plot, double gapMs,
                          const std::function<double(double)> &yToPixel) const;
    double pixelToX(int px, const QRect &plot) const;
    QList<Line> shownLines() const; // hidden removed, stacked summed
    void layoutLegend();
    std::pair<double, double> yBounds(const QList<Line> &shown) const;

    QList<Line> m_lines;
    qint64 m_stepMs = 0;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 1;
    bool m_stacked = false;
    bool m_utc = false;
    QList<std::pair<double, QColor>> m_thresholds;
    QList<Band> m_bands;
    std::function<QString(double)> m_format;
    std::optional<double> m_yMin;
    std::optional<double> m_yMax;
    QSet<QString> m_hidden;
    QList<std::pair<QRect, QString>> m_legend;
    int m_legendHeight = 0;
    int m_leftAxis = 56;
    int m_hoverX = -1;
    int m_dragFrom = -1;
    int m_dragTo = -1;
    // Everything but the crosshair and the drag selection, drawn once per change: a hover or a
    // repaint of the window costs a copy, not every series again. Let go while hidden (a view not
    // shown keeps no pictures: about 0.6 MB a chart).
    QPixmap m_picture;
    bool m_pictureValid = false;
};

} // namespace wf
