#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace wf {

// A bar across the top of a view that says one thing about all of it (an endpoint that does not
// answer), with one action beside it.
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    MessageBar(const QString &actionText, QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const;
    QPushButton *actionButton() const { return m_action; }

signals:
    void actionTriggered();

private:
    QLabel *m_text;
    QPushButton *m_action;
};

} // namespace wf
