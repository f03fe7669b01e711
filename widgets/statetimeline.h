#pragma once

#include <QColor>
#include <QList>
#include <QWidget>

namespace wf {

// A swimlane of coloured segments over a time range, each with a label drawn when it fits and a
// tooltip; a click on a segment reports it. x is milliseconds since the epoch.
class StateTimeline : public QWidget
{
    Q_OBJECT
public:
    struct Segment
    {
        qint64 fromMs = 0;
        qint64 toMs = 0;
        QColor color;
        QString label;
        QString tooltip;
        bool hatched = false; // ambiguous: drawn striped, never as a guess
    };

    explicit StateTimeline(QWidget *parent = nullptr);

    void setRange(qint64 fromMs, qint64 toMs);
    void setSegments(const QList<Segment> &segments);
    const QList<Segment> &segments() const { return m_segments; }
    void setUtc(bool utc);
    int segmentAt(const QPoint &pos) const; // -1 if none

    QSize sizeHint() const override { return {400, 44}; }
    QSize minimumSizeHint() const override { return {120, 28}; }

signals:
    void segmentClicked(int index);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    QRectF segmentRect(const Segment &segment) const;
    QRect laneRect() const;

    QList<Segment> m_segments;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 1;
    bool m_utc = false;
};

} // namespace wf
