#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace wf {

// A cheap first pass for filtering many lines with one regular expression: the text every match
// must contain (a regex's leading literal run), looked for in the line's UTF-8 bytes. Lines without
// it cannot match and skip the regex; the others are matched as before. It never rejects a line the
// regex would accept: case-insensitively it folds ASCII, and when the text has a k or an s (which
// PCRE2 also matches to the Kelvin sign and the long s) lines with non-ASCII bytes go to the regex.
class TextPrefilter
{
public:
    TextPrefilter() = default;
    // pattern: a regular expression (regex) or plain text. Shorter than three characters, or a
    // regex with an alternation anywhere: no prefilter (every line goes to the regex).
    TextPrefilter(const QString &pattern, bool regex, bool caseSensitive);

    bool isActive() const { return !m_literal.isEmpty(); }
    QByteArray literal() const { return m_literal; }
    // False only when the line cannot match.
    bool mayMatch(QByteArrayView utf8) const;

    // The text at the start of a regular expression that every match contains ("NVDA: bid 1" for
    // "NVDA: bid 1[0-4]\d"), or empty when there is none to rely on.
    static QString requiredLiteral(const QString &regex);

private:
    QByteArray m_literal; // UTF-8; lower-case ASCII when not case-sensitive
    bool m_caseSensitive = true;
    bool m_foldsBeyondAscii = false; // caseless with k or s: non-ASCII lines go to the regex
};

} // namespace wf
