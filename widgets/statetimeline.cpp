#include "statetimeline.h"

#include "domain/timerange.h"

#include <QTimeZone>
#include <QDateTime>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace wf {

StateTimeline::StateTimeline(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void StateTimeline::setRange(qint64 fromMs, qint64 toMs)
{
    m_fromMs = fromMs;
    m_toMs = std::max(toMs, fromMs + 1);
    update();
}

void StateTimeline::setSegments(const QList<Segment> &segments)
{
    m_segments = segments;
    update();
}

void StateTimeline::setUtc(bool utc)
{
    m_utc = utc;
    update();
}

QRect StateTimeline::laneRect() const
{
    const int axis = fontMetrics().height() + 2;
    return rect().adjusted(1, 1, -1, -axis);
}

QRectF StateTimeline::segmentRect(const Segment &segment) const
{
    const auto lane = laneRect();
    const auto scale = double(lane.width()) / double(m_toMs - m_fromMs);
    const auto x1 = lane.left() + double(std::max(segment.fromMs, m_fromMs) - m_fromMs) * scale;
    const auto x2 = lane.left() + double(std::min(segment.toMs, m_toMs) - m_fromMs) * scale;
    return {x1, double(lane.top()), std::max(x2 - x1, 1.5), double(lane.height())};
}

int StateTimeline::segmentAt(const QPoint &pos) const
{
    for (int i = int(m_segments.size()) - 1; i >= 0; --i)
        if (segmentRect(m_segments.at(i)).adjusted(-2, 0, 2, 0).contains(pos))
            return i;
    return -1;
}

void StateTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const auto lane = laneRect();
    auto empty = palette().color(QPalette::Mid);
    empty.setAlpha(40);
    p.fillRect(lane, empty);
    for (const auto &segment : m_segments) {
        if (segment.toMs <= m_fromMs || segment.fromMs >= m_toMs)
            continue;
        const auto r = segmentRect(segment);
        p.fillRect(r, segment.hatched ? QBrush(segment.color, Qt::BDiagPattern) : QBrush(segment.color));
        const auto label = fontMetrics().elidedText(segment.label, Qt::ElideRight, int(r.width()) - 6);
        if (r.width() > 40 && !label.isEmpty()) {
            p.setPen(segment.color.lightnessF() > 0.55 ? Qt::black : Qt::white);
            p.drawText(r.adjusted(3, 0, -3, 0), Qt::AlignVCenter | Qt::AlignLeft, label);
        }
    }
    // Start and end of the range under the lane.
    p.setPen(palette().color(QPalette::WindowText));
    const auto text = [&](qint64 ms) {
        return formatClock(ms, m_utc, QStringLiteral("HH:mm"));
    };
    const QRect axis(lane.left(), lane.bottom() + 1, lane.width(), height() - lane.bottom() - 1);
    p.drawText(axis, Qt::AlignLeft | Qt::AlignVCenter, text(m_fromMs));
    p.drawText(axis, Qt::AlignRight | Qt::AlignVCenter, text(m_toMs));
}

void StateTimeline::mouseMoveEvent(QMouseEvent *event)
{
    const auto index = segmentAt(event->position().toPoint());
    if (index >= 0)
        QToolTip::showText(event->globalPosition().toPoint(), m_segments.at(index).tooltip, this);
    else
        QToolTip::hideText();
    setCursor(index >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
}

void StateTimeline::mousePressEvent(QMouseEvent *event)
{
    const auto index = segmentAt(event->position().toPoint());
    if (index >= 0)
        emit segmentClicked(index);
}

} // namespace wf
