#include "barchart.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace wf {

BarChart::BarChart(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void BarChart::setBars(const QList<Bar> &bars)
{
    m_bars = bars;
    QStringList tip;
    for (const auto &b : bars)
        tip.append(b.label + QStringLiteral(": ") + b.valueText);
    setToolTip(tip.join(QLatin1Char('\n')));
    update();
}

void BarChart::paintEvent(QPaintEvent *)
{
    if (m_bars.isEmpty())
        return;
    QPainter p(this);
    const auto fm = fontMetrics();
    int labelWidth = 0, valueWidth = 0;
    double max = 0;
    for (const auto &b : m_bars) {
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(b.label));
        valueWidth = std::max(valueWidth, fm.horizontalAdvance(b.valueText));
        if (std::isfinite(b.value))
            max = std::max(max, b.value);
    }
    // The labels say what the bars are: they take what they need, as long as the longest bar keeps a
    // fifth of the width (at least 24 px) and its value; only past that they are cut short (to no
    // less than a fifth).
    const int minimumBar = std::max(width() / 5, 24);
    labelWidth = std::min(labelWidth + 8, std::max(width() - valueWidth - 8 - minimumBar, width() / 5));
    m_paintedLabels.clear();
    const double rowHeight = std::min(double(height()) / double(m_bars.size()), fm.height() * 1.8);
    const int barLeft = labelWidth;
    const int barSpace = std::max(width() - barLeft - valueWidth - 8, 10);
    for (int i = 0; i < m_bars.size(); ++i) {
        const auto &b = m_bars.at(i);
        const QRectF row(0, i * rowHeight, width(), rowHeight);
        p.setPen(palette().color(QPalette::WindowText));
        const auto label = fm.elidedText(b.label, Qt::ElideRight, labelWidth - 6);
        m_paintedLabels.append(label);
        p.drawText(QRectF(0, row.top(), labelWidth - 6, rowHeight), Qt::AlignRight | Qt::AlignVCenter, label);
        const double length = max > 0 && std::isfinite(b.value) ? std::max(b.value, 0.0) / max * barSpace : 0;
        const QRectF bar(barLeft, row.top() + rowHeight * 0.18, std::max(length, 1.0), rowHeight * 0.64);
        p.fillRect(bar, b.color.isValid() ? b.color : palette().color(QPalette::Highlight));
        p.drawText(QRectF(bar.right() + 4, row.top(), valueWidth + 4, rowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                   b.valueText);
    }
}

Gauge::Gauge(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void Gauge::setRange(double min, double max)
{
    m_min = min;
    m_max = max > min ? max : min + 1;
    update();
}

void Gauge::setValue(double value, const QString &text, const QColor &color)
{
    m_value = value;
    m_text = text;
    m_color = color;
    setToolTip(m_targetText.isEmpty() ? text : text + QStringLiteral("\n") + m_targetText);
    update();
}

void Gauge::setTarget(double target, const QString &text)
{
    m_target = target;
    m_targetText = text;
    update();
}

void Gauge::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const auto fm = fontMetrics();
    const double radius = std::min(width() / 2.0 - 6, height() - fm.height() - 10.0);
    if (radius < 10)
        return;
    const QPointF centre(width() / 2.0, 4 + radius);
    const QRectF arcBox(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius);
    const double thickness = std::max(radius * 0.22, 6.0);
    const auto fraction = [&](double v) { return std::clamp((v - m_min) / (m_max - m_min), 0.0, 1.0); };

    auto track = palette().color(QPalette::Mid);
    track.setAlpha(70);
    p.setPen(QPen(track, thickness, Qt::SolidLine, Qt::FlatCap));
    const QRectF inner = arcBox.adjusted(thickness / 2, thickness / 2, -thickness / 2, -thickness / 2);
    p.drawArc(inner, 180 * 16, -180 * 16);
    if (std::isfinite(m_value)) {
        p.setPen(QPen(m_color.isValid() ? m_color : palette().color(QPalette::Highlight), thickness, Qt::SolidLine,
                      Qt::FlatCap));
        p.drawArc(inner, 180 * 16, -int(180 * 16 * fraction(m_value)));
    }
    if (std::isfinite(m_target)) {
        const double angle = std::numbers::pi * (1 - fraction(m_target));
        const QPointF outer(centre.x() + std::cos(angle) * radius, centre.y() - std::sin(angle) * radius);
        const QPointF in(centre.x() + std::cos(angle) * (radius - thickness - 3),
                         centre.y() - std::sin(angle) * (radius - thickness - 3));
        p.setPen(QPen(palette().color(QPalette::WindowText), 2));
        p.drawLine(in, outer);
    }
    auto big = font();
    big.setBold(true);
    // As large as fits inside the arc ("100,000 %" in German is wide).
    const double room = 2 * (radius - thickness) - 8;
    int size = std::clamp(int(radius * 0.32), 10, 28);
    for (; size > 9; --size) {
        big.setPixelSize(size);
        if (QFontMetrics(big).horizontalAdvance(m_text) <= room)
            break;
    }
    big.setPixelSize(size);
    p.setFont(big);
    p.setPen(m_color.isValid() ? m_color : palette().color(QPalette::WindowText));
    p.drawText(QRectF(centre.x() - room / 2, centre.y() - radius * 0.55, room, radius * 0.55), Qt::AlignCenter, m_text);
    p.setFont(font());
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(QRectF(0, centre.y() + 2, width(), fm.height() + 4), Qt::AlignHCenter | Qt::AlignTop, m_targetText);
}

} // namespace wf
