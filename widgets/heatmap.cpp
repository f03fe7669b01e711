#include "heatmap.h"

#include "domain/timerange.h"

#include <QDateTime>
#include <QMouseEvent>
#include <QPainter>
#include <QTimeZone>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace wf {

Heatmap::Heatmap(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void Heatmap::setRange(qint64 fromMs, qint64 toMs)
{
    m_fromMs = fromMs;
    m_toMs = std::max(toMs, fromMs + 1);
    update();
}

void Heatmap::setData(const QList<qint64> &timesMs, const QStringList &rowLabels, const QList<QList<double>> &counts,
                      qint64 stepMs)
{
    m_times = timesMs;
    m_rows = rowLabels;
    m_counts = counts;
    m_stepMs = std::max<qint64>(stepMs, 1);
    m_max = 0;
    for (const auto &column : counts)
        for (const double c : column)
            m_max = std::max(m_max, c);
    update();
}

void Heatmap::setUtc(bool utc)
{
    m_utc = utc;
    update();
}

QRect Heatmap::plotRect() const
{
    int widest = 0;
    for (const auto &label : m_rows)
        widest = std::max(widest, fontMetrics().horizontalAdvance(label));
    return rect().adjusted(std::clamp(widest + 10, 30, width() / 3), 4, -8, -(fontMetrics().height() + 4));
}

int Heatmap::plotWidth() const
{
    return std::max(plotRect().width(), 50);
}

void Heatmap::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const auto plot = plotRect();
    const auto text = palette().color(QPalette::WindowText);
    auto frame = palette().color(QPalette::Mid);
    frame.setAlpha(90);
    p.setPen(frame);
    p.drawRect(plot.adjusted(0, 0, -1, -1));
    if (m_rows.isEmpty())
        return;
    const double rowHeight = double(plot.height()) / double(m_rows.size());
    const double scale = double(plot.width()) / double(m_toMs - m_fromMs);
    const QColor hot(0xd84315);
    // Colour by log(count): one observation is visible next to thousands.
    const double top = std::log1p(m_max);
    for (int c = 0; c < m_counts.size() && c < m_times.size(); ++c) {
        const double x2 = plot.left() + double(m_times.at(c) - m_fromMs) * scale;
        const double x1 = x2 - double(m_stepMs) * scale;
        if (x2 < plot.left() || x1 > plot.right())
            continue;
        for (int r = 0; r < m_counts.at(c).size() && r < m_rows.size(); ++r) {
            const double count = m_counts.at(c).at(r);
            if (count <= 0 || top <= 0)
                continue;
            auto color = hot;
            color.setAlphaF(float(std::clamp(0.12 + 0.88 * std::log1p(count) / top, 0.0, 1.0)));
            const QRectF cell(std::max(x1, double(plot.left())), plot.bottom() + 1 - (r + 1) * rowHeight,
                              std::max(x2 - std::max(x1, double(plot.left())), 1.0), rowHeight);
            p.fillRect(cell, color);
        }
    }
    p.setPen(text);
    // Bucket labels: as many as fit.
    const int every = std::max(1, int(std::ceil(fontMetrics().height() / std::max(rowHeight, 1.0))));
    for (int r = 0; r < m_rows.size(); r += every) {
        const QRectF at(0, plot.bottom() + 1 - (r + 1) * rowHeight, plot.left() - 4, rowHeight);
        p.drawText(at, Qt::AlignRight | Qt::AlignVCenter, m_rows.at(r));
    }
    const auto timeText = [&](qint64 ms) {
        return formatClock(ms, m_utc, QStringLiteral("HH:mm"));
    };
    const QRect axis(plot.left(), plot.bottom() + 2, plot.width(), fontMetrics().height());
    p.drawText(axis, Qt::AlignLeft | Qt::AlignTop, timeText(m_fromMs));
    p.drawText(axis, Qt::AlignRight | Qt::AlignTop, timeText(m_toMs));
}

QString Heatmap::describe(const QPoint &pos) const
{
    const auto plot = plotRect();
    if (!plot.contains(pos) || m_rows.isEmpty())
        return {};
    const double scale = double(plot.width()) / double(m_toMs - m_fromMs);
    const auto ms = m_fromMs + qint64(double(pos.x() - plot.left()) / scale);
    const int row = int(double(plot.bottom() + 1 - pos.y()) / (double(plot.height()) / double(m_rows.size())));
    for (int c = 0; c < m_times.size() && c < m_counts.size(); ++c) {
        if (ms > m_times.at(c) - m_stepMs && ms <= m_times.at(c) && row >= 0 && row < m_counts.at(c).size()) {
            return tr("%1, %2: %3")
                .arg(formatClock(m_times.at(c), m_utc, QStringLiteral("HH:mm:ss")), m_rows.at(row))
                .arg(m_counts.at(c).at(row), 0, 'f', 0);
        }
    }
    return {};
}

void Heatmap::mouseMoveEvent(QMouseEvent *event)
{
    const auto text = describe(event->position().toPoint());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

} // namespace wf
