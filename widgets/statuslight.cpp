#include "statuslight.h"

#include <QPainter>

namespace wf {

StatusLight::StatusLight(const QString &label, QWidget *parent)
    : QWidget(parent)
    , m_label(label)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setAccessibleName(label);
}

void StatusLight::setHealth(Health health, const QString &stateText, const QString &details)
{
    m_health = health;
    setToolTip(QStringLiteral("<b>%1</b>: %2<br>%3")
                   .arg(m_label.toHtmlEscaped(), stateText.toHtmlEscaped(), details.toHtmlEscaped()));
    setAccessibleDescription(stateText);
    update();
}

void StatusLight::setLabel(const QString &label)
{
    m_label = label;
    setAccessibleName(label);
    updateGeometry();
    update();
}

QSize StatusLight::sizeHint() const
{
    const auto fm = fontMetrics();
    const int dot = fm.height() * 3 / 4;
    return {dot + fm.horizontalAdvance(u' ') + fm.horizontalAdvance(m_label) + 8, fm.height() + 6};
}

void StatusLight::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const auto fm = fontMetrics();
    const int dot = fm.height() * 3 / 4;
    const QRectF dotRect(2, (height() - dot) / 2.0, dot, dot);
    p.setPen(QPen(healthColor(m_health).darker(130), 1));
    p.setBrush(healthColor(m_health));
    p.drawEllipse(dotRect);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRectF(dotRect.right() + fm.horizontalAdvance(u' '), 0, width(), height()),
               Qt::AlignVCenter | Qt::AlignLeft, m_label);
}

} // namespace wf
