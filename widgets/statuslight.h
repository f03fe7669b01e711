#pragma once

#include "statecolors.h"

#include <QWidget>

namespace wf {

// A coloured dot with its label: one endpoint's status at a glance; details in the tooltip.
class StatusLight : public QWidget
{
    Q_OBJECT
public:
    explicit StatusLight(const QString &label, QWidget *parent = nullptr);

    void setHealth(Health health, const QString &stateText, const QString &details);
    Health health() const { return m_health; }
    QString label() const { return m_label; }
    void setLabel(const QString &label);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_label;
    Health m_health = Health::Unknown;
};

} // namespace wf
