#pragma once

#include <QLabel>
#include <QList>
#include <QString>

namespace wf {

// Status-bar messages that describe a condition (endpoints unreachable, alerts firing): each is
// shown while its condition lasts and goes when it ends, never on a timer. The newest condition is
// shown; the others wait behind it. A passing message (QStatusBar::showMessage) covers them for
// its few seconds.
class ConditionMessages : public QLabel
{
    Q_OBJECT
public:
    explicit ConditionMessages(QWidget *parent = nullptr);

    // Starts the condition or changes its text; an empty text ends it.
    void set(const QString &key, const QString &text);
    void end(const QString &key) { set(key, {}); }
    bool isActive(const QString &key) const;
    QString current() const;
    // A passing message is shown over the status bar: say nothing until it is gone.
    void setCovered(bool covered);

private:
    struct Condition
    {
        QString key;
        QString text;
    };
    void update();

    QList<Condition> m_conditions; // oldest first
    bool m_covered = false;
};

} // namespace wf
