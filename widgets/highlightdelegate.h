#pragma once

#include <QRegularExpression>
#include <QStyledItemDelegate>

namespace wf {

// Paints an item's text with what a regular expression matches marked, as a search does.
class HighlightDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit HighlightDelegate(QObject *parent = nullptr);

    void setMatcher(const QRegularExpression &matcher); // invalid or empty: nothing marked
    // The [start, length) spans marked in text.
    QList<std::pair<qsizetype, qsizetype>> spans(const QString &text) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QRegularExpression m_matcher;
};

} // namespace wf
