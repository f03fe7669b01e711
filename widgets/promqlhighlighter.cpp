#include "promqlhighlighter.h"

#include "domain/promqlsyntax.h"

#include <QRegularExpression>

namespace wf {

PromqlHighlighter::PromqlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    m_formats[int(Token::Function)].setForeground(QColor(0x00, 0x6d, 0x77));
    m_formats[int(Token::Keyword)].setForeground(QColor(0x1a, 0x47, 0xa8));
    m_formats[int(Token::Keyword)].setFontWeight(QFont::Bold);
    m_formats[int(Token::LabelName)].setForeground(QColor(0xa0, 0x52, 0x00));
    m_formats[int(Token::String)].setForeground(QColor(0x2e, 0x7d, 0x32));
    m_formats[int(Token::Number)].setForeground(QColor(0x88, 0x3a, 0xa8));
    m_formats[int(Token::Comment)].setForeground(QColor(0x80, 0x80, 0x80));
    m_formats[int(Token::Comment)].setFontItalic(true);
}

QTextCharFormat PromqlHighlighter::format(Token token) const
{
    return m_formats[int(token)];
}

void PromqlHighlighter::setExtraFunctions(const QStringList &names)
{
    if (names == m_extraFunctions)
        return;
    m_extraFunctions = names;
    rehighlight();
}

void PromqlHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression word(QStringLiteral(R"([A-Za-z_:][A-Za-z0-9_:]*)"));
    static const QRegularExpression number(
        QStringLiteral(R"(\b(?:\d+(?:\.\d+)?(?:e[+-]?\d+)?(?:ms|[smhdwy])?(?:\d+(?:ms|[smhdwy]))*|0x[0-9a-fA-F]+)\b)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression labelName(QStringLiteral(R"(([A-Za-z_][A-Za-z0-9_]*)\s*(?:=~|!~|!=|=(?!=)))"));

    for (auto it = number.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_formats[int(Token::Number)]);
    }
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const auto w = m.captured(0);
        int after = int(m.capturedEnd());
        while (after < text.size() && text.at(after).isSpace())
            ++after;
        const bool call = after < text.size() && text.at(after) == u'(';
        if ((call && (promql::functionNames().contains(w) || m_extraFunctions.contains(w)))
            || promql::aggregationNames().contains(w))
            setFormat(int(m.capturedStart()), int(w.size()), m_formats[int(Token::Function)]);
        else if (promql::keywords().contains(w, Qt::CaseInsensitive))
            setFormat(int(m.capturedStart()), int(w.size()), m_formats[int(Token::Keyword)]);
    }
    for (auto it = labelName.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_formats[int(Token::LabelName)]);
    }
    // Strings and comments last, over anything inside them; a string may run on from the line before.
    int i = 0;
    QChar quote = previousBlockState() > 0 ? QChar(char16_t(previousBlockState())) : QChar();
    int start = quote.isNull() ? -1 : 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == u'\\' && quote != u'`') {
                i += 2;
                continue;
            }
            if (c == quote) {
                setFormat(start, i - start + 1, m_formats[int(Token::String)]);
                quote = QChar();
            }
        } else if (c == u'"' || c == u'\'' || c == u'`') {
            quote = c;
            start = i;
        } else if (c == u'#') {
            setFormat(i, int(text.size()) - i, m_formats[int(Token::Comment)]);
            break;
        }
        ++i;
    }
    if (!quote.isNull())
        setFormat(start, int(text.size()) - start, m_formats[int(Token::String)]);
    setCurrentBlockState(quote.isNull() ? 0 : int(quote.unicode()));
}

} // namespace wf
