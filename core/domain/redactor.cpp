#include "redactor.h"

#include <QRegularExpression>

namespace wf {
namespace {

struct Rule
{
    QRegularExpression pattern;
    QString replacement;
};

// Order matters: specific shapes first, so that a later, broader rule does not see a half-redacted text.
const std::vector<Rule> &rules()
{
    static const std::vector<Rule> kRules = [] {
        const auto ci = QRegularExpression::CaseInsensitiveOption;
        std::vector<Rule> r;
        // Credentials in a URL: scheme://user:password@host -> scheme://[REDACTED]@host
        r.push_back({QRegularExpression(QStringLiteral(R"re(\b([a-z][a-z0-9+.\-]*://)[^\s/@:?#]+:[^\s/@?#]*@)re"), ci),
                     QStringLiteral("\\1[REDACTED]@")});
        // Authorization / Proxy-Authorization headers; the scheme name stays, the credentials go.
        const auto header = QStringLiteral(R"re(\b((?:proxy-)?authorization["']?\s*[:=]\s*["']?))re");
        const auto scheme = QStringLiteral(R"re((basic|bearer|token|digest|negotiate))re");
        r.push_back({QRegularExpression(header + scheme + QStringLiteral(R"re(\s+[^\s"',;]+)re"), ci),
                     QStringLiteral("\\1\\2 [REDACTED]")});
        r.push_back({QRegularExpression(header + QStringLiteral(R"re((?!\[REDACTED\]))re") + QStringLiteral("(?!")
                             + scheme + QStringLiteral(R"re(\s)[^\s"',;]+)re"),
                         ci),
                     QStringLiteral("\\1[REDACTED]")});
        // A bearer token anywhere else.
        r.push_back({QRegularExpression(QStringLiteral(R"re(\b(bearer)\s+[A-Za-z0-9\-._~+/]{8,}=*)re"), ci),
                     QStringLiteral("\\1 [REDACTED]")});
        // A JSON property whose name says it holds a secret, whatever the value's length
        // (the design document's property rule: names containing key, secret, password).
        r.push_back({QRegularExpression(
                         QStringLiteral(R"re(("(?:[^"\\]*(?i:secret|passw(?:or)?d|token|credential|authori[sz]ation|api[_\-]?key)[^"\\]*|(?:[^"\\]*[_\-.])?(?i:key)|[^"\\]*[a-z]Key)"\s*:\s*)("(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+\-]*|true|false))re")),
                     QStringLiteral("\\1\"[REDACTED]\"")});
        // key=value forms of passwords (query strings, connection strings), whatever the length.
        r.push_back({QRegularExpression(QStringLiteral(R"re((?<![A-Za-z0-9])(password|passwd|pwd)=[^\s&;"']+)re"), ci),
                     QStringLiteral("\\1=[REDACTED]")});
        // The design document's free-text rules: a keyword, a separator, then 20+ word characters.
        // Unlike the original, the keyword must stand on its own ("monkey", "tokenizer" are not keys)
        // and the separator is kept, so "api_key=..." stays readable as "api_key=[REDACTED]".
        r.push_back({QRegularExpression(
                         QStringLiteral(R"re((?<![A-Za-z0-9])(api[_\-]?key|apikey|key)(["':=\s]+)([\w\-]{20,}))re"), ci),
                     QStringLiteral("\\1\\2[REDACTED]")});
        r.push_back({QRegularExpression(
                         QStringLiteral(R"re((?<![A-Za-z0-9])(secret|password|token)(["':=\s]+)([\w\-]{20,}))re"), ci),
                     QStringLiteral("\\1\\2[REDACTED]")});
        for (auto &rule : r)
            rule.pattern.optimize();
        return r;
    }();
    return kRules;
}

} // namespace

QString redact(const QString &text)
{
    QString out = text;
    for (const auto &rule : rules())
        out.replace(rule.pattern, rule.replacement);
    return out;
}

std::string redact(std::string_view utf8)
{
    return redact(QString::fromUtf8(utf8.data(), qsizetype(utf8.size()))).toStdString();
}

} // namespace wf
