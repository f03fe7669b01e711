#pragma once

#include "alerts/alertinbox.h"

#include <QRegularExpression>
#include <QStringList>

namespace wf {

// What the inbox's filter bar asks for. The text takes Alertmanager-style label matchers —
// `alertname=~"Alpaca.*" symbol="AAPL"`, with or without `{…}` and commas — and plain words, which
// must each appear in the alert name, a label value or the summary. Regular expressions are
// anchored, as in Alertmanager. The toggles hide severities and alert states.
class InboxFilter
{
public:
    enum class Severity { Critical, Warning, Info, Other };

    // An error says where the text is wrong; the caller keeps its previous filter.
    static Result<InboxFilter> parse(const QString &text);

    const QList<Matcher> &matchers() const { return m_matchers; }
    const QStringList &words() const { return m_words; }

    void setSeverityShown(Severity severity, bool shown);
    bool severityShown(Severity severity) const;
    void setStateShown(InboxAlert::State state, bool shown); // Silenced, Inhibited, Resolved
    bool stateShown(InboxAlert::State state) const;

    bool accepts(const InboxAlert &alert) const;
    static Severity severityOf(const Labels &labels);

private:
    QList<Matcher> m_matchers;
    QList<QRegularExpression> m_regexes; // one per matcher; unused for equality matchers
    QStringList m_words;
    unsigned m_hiddenSeverities = 0;
    unsigned m_hiddenStates = 0;
};

} // namespace wf
