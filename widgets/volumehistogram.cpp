#include "volumehistogram.h"

#include "domain/timerange.h"

#include <QDateTime>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <numeric>

namespace wf {

VolumeHistogram::VolumeHistogram(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFixedHeight(70);
}

void VolumeHistogram::setKinds(const QList<Kind> &kinds)
{
    m_kinds = kinds;
    update();
}

void VolumeHistogram::setCounts(qint64 fromMs, qint64 toMs, const QList<QList<int>> &counts)
{
    m_fromMs = fromMs;
    m_toMs = std::max(toMs, fromMs + 1);
    m_counts = counts;
    update();
}

QRect VolumeHistogram::plotRect() const
{
    return rect().adjusted(1, 2, -1, -(fontMetrics().height() + 2));
}

int VolumeHistogram::bucketAt(int x) const
{
    const auto plot = plotRect();
    if (m_counts.isEmpty() || x < plot.left() || x > plot.right())
        return -1;
    return std::clamp(int(double(x - plot.left()) / plot.width() * m_counts.size()), 0, int(m_counts.size()) - 1);
}

void VolumeHistogram::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const auto plot = plotRect();
    auto frame = palette().color(QPalette::Mid);
    frame.setAlpha(60);
    p.fillRect(plot, frame);
    int top = 1;
    for (const auto &bucket : m_counts)
        top = std::max(top, std::accumulate(bucket.cbegin(), bucket.cend(), 0));
    const double width = double(plot.width()) / std::max<qsizetype>(m_counts.size(), 1);
    for (int b = 0; b < m_counts.size(); ++b) {
        double y = plot.bottom() + 1;
        for (int k = 0; k < m_counts.at(b).size() && k < m_kinds.size(); ++k) {
            const double h = double(m_counts.at(b).at(k)) / top * plot.height();
            if (h <= 0)
                continue;
            p.fillRect(QRectF(plot.left() + b * width + 0.5, y - h, std::max(width - 1, 1.0), h), m_kinds.at(k).color);
            y -= h;
        }
    }
    if (m_dragFrom >= 0 && m_dragTo >= 0) {
        auto sel = palette().color(QPalette::Highlight);
        sel.setAlpha(70);
        const int a = std::min(m_dragFrom, m_dragTo), b = std::max(m_dragFrom, m_dragTo);
        p.fillRect(QRectF(plot.left() + a * width, plot.top(), (b - a + 1) * width, plot.height()), sel);
    }
    const auto labels = axisLabels();
    if (labels.size() == 2) {
        p.setPen(palette().color(QPalette::WindowText));
        const QRect axis(plot.left(), plot.bottom() + 2, plot.width(), fontMetrics().height());
        p.drawText(axis, Qt::AlignLeft, labels.first());
        p.drawText(axis, Qt::AlignRight, labels.last());
    }
}

QStringList VolumeHistogram::axisLabels() const
{
    if (m_counts.isEmpty())
        return {};
    const auto clock = [this](qint64 ms) { return formatClock(ms, m_utc, QStringLiteral("HH:mm:ss")); };
    return {clock(m_fromMs), clock(m_toMs)};
}

void VolumeHistogram::mousePressEvent(QMouseEvent *event)
{
    m_dragFrom = m_dragTo = bucketAt(int(event->position().x()));
    update();
}

void VolumeHistogram::mouseMoveEvent(QMouseEvent *event)
{
    const int b = bucketAt(int(event->position().x()));
    if (m_dragFrom >= 0 && b >= 0)
        m_dragTo = b;
    if (b >= 0) {
        const auto span = double(m_toMs - m_fromMs) / m_counts.size();
        QStringList lines{formatClock(m_fromMs + qint64(b * span), m_utc, QStringLiteral("HH:mm:ss"))};
        for (int k = 0; k < m_counts.at(b).size() && k < m_kinds.size(); ++k)
            if (m_counts.at(b).at(k) > 0)
                lines.append(QStringLiteral("%1: %2").arg(m_kinds.at(k).name).arg(m_counts.at(b).at(k)));
        QToolTip::showText(event->globalPosition().toPoint(), lines.join(QLatin1Char('\n')), this);
    }
    update();
}

void VolumeHistogram::mouseReleaseEvent(QMouseEvent *)
{
    if (m_dragFrom >= 0 && m_dragTo >= 0 && !m_counts.isEmpty()) {
        const auto span = double(m_toMs - m_fromMs) / m_counts.size();
        const int a = std::min(m_dragFrom, m_dragTo), b = std::max(m_dragFrom, m_dragTo);
        emit rangeSelected(m_fromMs + qint64(a * span), m_fromMs + qint64((b + 1) * span));
    }
    m_dragFrom = m_dragTo = -1;
    update();
}

} // namespace wf
