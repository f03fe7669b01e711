#include "emptynote.h"

#include <QAbstractScrollArea>
#include <QEvent>

namespace wf {

EmptyNote::EmptyNote(QAbstractScrollArea *view)
    : QLabel(view->viewport())
{
    setObjectName(QStringLiteral("emptyNote"));
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setForegroundRole(QPalette::PlaceholderText);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setMargin(12);
    view->viewport()->installEventFilter(this);
    setGeometry(view->viewport()->rect());
    hide();
}

void EmptyNote::setNote(const QString &text)
{
    // isHidden, not isVisible: a note on a tab not shown is not visible, yet it is set.
    if (text == this->text() && isHidden() == text.isEmpty())
        return;
    setText(text);
    setVisible(!text.isEmpty());
}

bool EmptyNote::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parent() && event->type() == QEvent::Resize)
        setGeometry(static_cast<QWidget *>(watched)->rect());
    return QLabel::eventFilter(watched, event);
}

} // namespace wf
