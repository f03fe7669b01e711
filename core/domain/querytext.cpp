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

} // namespace wf
