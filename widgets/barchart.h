#pragma once

#include <QColor>
#include <QList>
#include <QWidget>

namespace wf {

// Horizontal bars, longest first: a top-k at a glance, the value written at each bar's end.
class BarChart : public QWidget
{
    Q_OBJECT
public:
    struct Bar
    {
        QString label;
        double value = 0;
        QString valueText;
        QColor color; // invalid: the palette's highlight
    };

    explicit BarChart(QWidget *parent = nullptr);

    void setBars(const QList<Bar> &bars); // shown as given: sort before if order matters
    const QList<Bar> &bars() const { return m_bars; }
    // The labels as the last paint wrote them (cut short with "…" where they did not fit).
    const QStringList &paintedLabels() const { return m_paintedLabels; }

    QSize sizeHint() const override { return {320, 200}; }
    QSize minimumSizeHint() const override { return {160, 80}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<Bar> m_bars;
    QStringList m_paintedLabels;
};

// A value against a target on a half circle (an SLO: 99.93 % of 99.5 %), coloured by how it stands.
class Gauge : public QWidget
{
    Q_OBJECT
public:
    explicit Gauge(QWidget *parent = nullptr);

    void setRange(double min, double max);
    void setValue(double value, const QString &text, const QColor &color);
    void setTarget(double target, const QString &text);
    double value() const { return m_value; }
    QString text() const { return m_text; }

    QSize sizeHint() const override { return {200, 130}; }
    QSize minimumSizeHint() const override { return {120, 80}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    double m_min = 0;
    double m_max = 100;
    double m_value = qQNaN();
    QString m_text;
    QColor m_color;
    double m_target = qQNaN();
    QString m_targetText;
};

} // namespace wf
