#include "messagebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace wf {

MessageBar::MessageBar(const QString &actionText, QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_action(new QPushButton(actionText, this))
{
    setObjectName(QStringLiteral("messageBar"));
    setStyleSheet(QStringLiteral("#messageBar { background: #fdecea; border: 1px solid #e57373; border-radius: 3px; }"
                                 "#messageBar QLabel { color: #8e1c1c; }"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action);
    connect(m_action, &QPushButton::clicked, this, &MessageBar::actionTriggered);
}

void MessageBar::setText(const QString &text)
{
    m_text->setText(text);
}

QString MessageBar::text() const
{
    return m_text->text();
}

} // namespace wf
