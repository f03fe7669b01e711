#include "highlightdelegate.h"

#include <QApplication>
#include <QPainter>

namespace wf {

HighlightDelegate::HighlightDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void HighlightDelegate::setMatcher(const QRegularExpression &matcher)
{
    m_matcher = matcher;
}

QList<std::pair<qsizetype, qsizetype>> HighlightDelegate::spans(const QString &text) const
{
    QList<std::pair<qsizetype, qsizetype>> out;
    if (!m_matcher.isValid() || m_matcher.pattern().isEmpty())
        return out;
    for (auto it = m_matcher.globalMatch(text); it.hasNext() && out.size() < 100;) {
        const auto m = it.next();
        if (m.capturedLength() > 0)
            out.append({m.capturedStart(), m.capturedLength()});
    }
    return out;
}

void HighlightDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    const auto text = index.data().toString();
    const auto marks = spans(text);
    if (marks.isEmpty())
        return;
    // Over the text as the style drew it: translucent marks where the matches are.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const auto *style = opt.widget ? opt.widget->style() : QApplication::style();
    const auto textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget)
                              .adjusted(style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, opt.widget) + 1, 0, 0, 0);
    const QFontMetrics fm(opt.font);
    QColor mark(0xffd54f);
    mark.setAlpha(140);
    painter->save();
    painter->setClipRect(textRect);
    for (const auto &[start, length] : marks) {
        const int x = textRect.left() + fm.horizontalAdvance(text.left(start));
        const int w = fm.horizontalAdvance(text.mid(start, length));
        if (x > textRect.right())
            break;
        painter->fillRect(QRect(x, textRect.top() + 1, w, textRect.height() - 2), mark);
    }
    painter->restore();
}

} // namespace wf
