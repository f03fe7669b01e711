#include "conditionmessages.h"

#include <QStringList>

namespace wf {

ConditionMessages::ConditionMessages(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("conditionMessages"));
    setTextFormat(Qt::PlainText);
}

void ConditionMessages::set(const QString &key, const QString &text)
{
    const auto it
        = std::find_if(m_conditions.begin(), m_conditions.end(), [&](const Condition &c) { return c.key == key; });
    if (text.isEmpty()) {
        if (it != m_conditions.end())
            m_conditions.erase(it);
    } else if (it != m_conditions.end()) {
        it->text = text;
    } else {
        m_conditions.append({ key, text });
    }
    update();
}

bool ConditionMessages::isActive(const QString &key) const
{
    return std::any_of(m_conditions.cbegin(), m_conditions.cend(), [&](const Condition &c) { return c.key == key; });
}

QString ConditionMessages::current() const
{
    return m_conditions.isEmpty() ? QString() : m_conditions.last().text;
}

void ConditionMessages::setCovered(bool covered)
{
    m_covered = covered;
    update();
}

void ConditionMessages::update()
{
    // The text, not the visibility: QStatusBar shows and hides its widgets itself, and not at all
    // for a message shown before the window is.
    setText(m_covered ? QString() : current());
    QStringList all;
    for (const auto &c : m_conditions)
        all.prepend(c.text);
    setToolTip(all.size() > 1 ? all.join(QLatin1Char('\n')) : QString()); // the ones waiting behind
}

} // namespace wf
