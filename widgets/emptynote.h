#pragma once

#include <QLabel>

class QAbstractScrollArea;

namespace wf {

// A sentence in the middle of an empty list or table that says why it is empty ("Nothing is
// firing.", "3 alerts hidden by the filter"), so an empty view is never mistaken for a broken one.
// It covers the view's viewport, lets clicks through, and shows only while it has text.
class EmptyNote : public QLabel
{
    Q_OBJECT
public:
    explicit EmptyNote(QAbstractScrollArea *view);

    void setNote(const QString &text); // empty: hidden

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace wf
