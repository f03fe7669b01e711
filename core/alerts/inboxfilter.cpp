#include "inboxfilter.h"

#include <QCoreApplication>

namespace wf {

namespace {

bool isNameStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

bool isSeparator(QChar c)
{
    return c.isSpace() || c == u',' || c == u'{' || c == u'}';
}

Error filterError(const QString &message)
{
    return Error{Error::Kind::Parse, message, 0, {}, {}, {}};
}

} // namespace

Result<InboxFilter> InboxFilter::parse(const QString &text)
{
    InboxFilter filter;
    const auto n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (isSeparator(text.at(i))) {
            ++i;
            continue;
        }
        const auto start = i;
        // A matcher is a label name, an operator, then a quoted or bare value.
        auto j = i;
        if (isNameStart(text.at(j))) {
            while (j < n && isNameChar(text.at(j)))
                ++j;
            auto k = j;
            while (k < n && text.at(k).isSpace())
                ++k;
            const QStringView rest = QStringView(text).mid(k);
            int opLength = 0;
            Matcher m;
            m.name = text.mid(i, j - i);
            if (rest.startsWith(u"=~")) {
                opLength = 2;
                m.isRegex = true;
            } else if (rest.startsWith(u"!~")) {
                opLength = 2;
                m.isRegex = true;
                m.isEqual = false;
            } else if (rest.startsWith(u"!=")) {
                opLength = 2;
                m.isEqual = false;
            } else if (rest.startsWith(u"=")) {
                opLength = 1;
            }
            if (opLength > 0) {
                k += opLength;
                while (k < n && text.at(k).isSpace())
                    ++k;
                if (k < n && text.at(k) == u'"') {
                    ++k;
                    bool closed = false;
                    while (k < n) {
                        const auto c = text.at(k);
                        if (c == u'\\' && k + 1 < n) {
                            const auto e = text.at(k + 1);
                            // Keep regex escapes other than \" and \\ as they are.
                            if (e == u'"' || e == u'\\')
                                m.value += e;
                            else
                                m.value += QStringView(text).mid(k, 2);
                            k += 2;
                            continue;
                        }
                        if (c == u'"') {
                            closed = true;
                            ++k;
                            break;
                        }
                        m.value += c;
                        ++k;
                    }
                    if (!closed)
                        return filterError(QCoreApplication::translate("wf::InboxFilter", "The value of %1 has no closing quote.").arg(m.name));
                } else {
                    while (k < n && !isSeparator(text.at(k)))
                        m.value += text.at(k++);
                }
                QRegularExpression re;
                if (m.isRegex) {
                    re.setPattern(QRegularExpression::anchoredPattern(m.value));
                    if (!re.isValid())
                        return filterError(QCoreApplication::translate("wf::InboxFilter", "%1: not a valid regular expression: %2")
                                               .arg(m.name, re.errorString()));
                    re.optimize();
                }
                filter.m_matchers << m;
                filter.m_regexes << re;
                i = k;
                continue;
            }
        }
        // Anything else is a word.
        i = start;
        while (i < n && !isSeparator(text.at(i)))
            ++i;
        filter.m_words << text.mid(start, i - start);
    }
    return filter;
}

void InboxFilter::setSeverityShown(Severity severity, bool shown)
{
    const auto bit = 1u << unsigned(severity);
    m_hiddenSeverities = shown ? (m_hiddenSeverities & ~bit) : (m_hiddenSeverities | bit);
}

bool InboxFilter::severityShown(Severity severity) const
{
    return !(m_hiddenSeverities & (1u << unsigned(severity)));
}

void InboxFilter::setStateShown(InboxAlert::State state, bool shown)
{
    const auto bit = 1u << unsigned(state);
    m_hiddenStates = shown ? (m_hiddenStates & ~bit) : (m_hiddenStates | bit);
}

bool InboxFilter::stateShown(InboxAlert::State state) const
{
    return !(m_hiddenStates & (1u << unsigned(state)));
}

InboxFilter::Severity InboxFilter::severityOf(const Labels &labels)
{
    const auto s = labels.value(QStringLiteral("severity"));
    if (s == u"critical")
        return Severity::Critical;
    if (s == u"warning")
        return Severity::Warning;
    if (s == u"info")
        return Severity::Info;
    return Severity::Other;
}

bool InboxFilter::accepts(const InboxAlert &item) const
{
    const auto &a = item.alert;
    if (!severityShown(severityOf(a.labels)) || !stateShown(item.state))
        return false;
    for (qsizetype i = 0; i < m_matchers.size(); ++i) {
        const auto &m = m_matchers.at(i);
        const auto value = a.labels.value(m.name);
        const bool hit = m.isRegex ? m_regexes.at(i).match(value).hasMatch() : value == m.value;
        if (hit != m.isEqual)
            return false;
    }
    if (m_words.isEmpty())
        return true;
    QString haystack = a.annotations.value(QStringLiteral("summary"));
    for (auto it = a.labels.begin(); it != a.labels.end(); ++it)
        haystack += u' ' + it.value();
    return std::all_of(m_words.begin(), m_words.end(), [&](const QString &w) { return haystack.contains(w, Qt::CaseInsensitive); });
}

} // namespace wf
