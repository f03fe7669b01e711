#include "querytext.h"

#include <QRegularExpression>

namespace wf {

QString quoteString(const QString &value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += u'"';
    for (const QChar c : value) {
        switch (c.unicode()) {
        case '\\': out += QStringLiteral("\\\\"); break;
        case '"': out += QStringLiteral("\\\""); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

QString escapeRegex(const QString &value)
{
    static const QString kMeta = QStringLiteral("\\.+*?()|[]{}^$");
    QString out;
    out.reserve(value.size() * 2);
    for (const QChar c : value) {
        if (kMeta.contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

bool isValidLabelName(const QString &name)
{
    static const QRegularExpression kName(QStringLiteral("^[a-zA-Z_][a-zA-Z0-9_]*$"));
    return kName.match(name).hasMatch();
}

QString labelMatcher(const QString &name, const QString &op, const QString &value)
{
    if (!isValidLabelName(name) || !(op == u"=" || op == u"!=" || op == u"=~" || op == u"!~"))
        return {};
    return name + op + quoteString(value);
}

namespace {

// The matchers of a selector's inside, split on the commas outside quotes.
QStringList splitMatchers(const QString &inside)
{
    QStringList parts;
    QString current;
    bool quoted = false;
    bool escaped = false;
    for (const auto c : inside) {
        if (escaped) {
            escaped = false;
        } else if (c == u'\\' && quoted) {
            escaped = true;
        } else if (c == u'"' || c == u'`') {
            quoted = !quoted;
        } else if (c == u',' && !quoted) {
            if (!current.trimmed().isEmpty())
                parts.append(current.trimmed());
            current.clear();
            continue;
        }
        current += c;
    }
    if (!current.trimmed().isEmpty())
        parts.append(current.trimmed());
    return parts;
}

// The index of the selector's closing brace, -1 if none (quotes respected).
qsizetype closingBrace(const QString &text, qsizetype open)
{
    bool quoted = false;
    bool escaped = false;
    for (auto i = open + 1; i < text.size(); ++i) {
        const auto c = text.at(i);
        if (escaped)
            escaped = false;
        else if (c == u'\\' && quoted)
            escaped = true;
        else if (c == u'"' || c == u'`')
            quoted = !quoted;
        else if (c == u'}' && !quoted)
            return i;
    }
    return -1;
}

} // namespace

QString withStreamMatcher(const QString &logql, const QString &label, const QString &value)
{
    if (!isValidLabelName(label))
        return logql;
    const auto open = logql.indexOf(u'{');
    const auto close = open >= 0 ? closingBrace(logql, open) : -1;
    QStringList matchers;
    QString before;
    QString after = logql.trimmed();
    if (open >= 0 && close > open) {
        before = logql.left(open);
        matchers = splitMatchers(logql.mid(open + 1, close - open - 1));
        after = logql.mid(close + 1);
    } else if (!after.isEmpty()) {
        after = QLatin1Char(' ') + after;
    }
    static const QRegularExpression name(QStringLiteral("^\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=|!=|=~|!~)"));
    bool replaced = false;
    for (auto it = matchers.begin(); it != matchers.end();) {
        const auto m = name.match(*it);
        if (m.hasMatch() && m.captured(1) == label) {
            if (value.isEmpty() || replaced) {
                it = matchers.erase(it);
                continue;
            }
            *it = labelMatcher(label, QStringLiteral("="), value);
            replaced = true;
        }
        ++it;
    }
    if (!replaced && !value.isEmpty())
        matchers.append(labelMatcher(label, QStringLiteral("="), value));
    return before + QLatin1Char('{') + matchers.join(QStringLiteral(", ")) + QLatin1Char('}') + after;
}

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    return u'"' + QString(text).replace(u'"', QStringLiteral("\"\"")) + u'"';
}

} // namespace wf
