#include "logql.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace sim::logql {
namespace {

struct Token
{
    enum class Type { Ident, String, Number, Op, End };
    Type type = Type::End;
    QString text;
    int col = 1; // 1-based, as Loki reports it
};

class Lexer
{
public:
    explicit Lexer(const QString &q)
        : m_q(q)
    {
    }

    std::variant<std::vector<Token>, ParseError> run()
    {
        std::vector<Token> out;
        qsizetype i = 0;
        while (true) {
            while (i < m_q.size() && m_q.at(i).isSpace())
                ++i;
            if (i >= m_q.size())
                break;
            const int col = int(i) + 1;
            const QChar c = m_q.at(i);
            if (c.isLetter() || c == u'_') {
                qsizetype j = i;
                while (j < m_q.size() && (m_q.at(j).isLetterOrNumber() || m_q.at(j) == u'_'))
                    ++j;
                out.push_back({Token::Type::Ident, m_q.mid(i, j - i), col});
                i = j;
            } else if (c.isDigit() || (c == u'-' && i + 1 < m_q.size() && m_q.at(i + 1).isDigit())) {
                qsizetype j = i + 1;
                while (j < m_q.size() && (m_q.at(j).isDigit() || m_q.at(j) == u'.' || m_q.at(j) == u'e'))
                    ++j;
                out.push_back({Token::Type::Number, m_q.mid(i, j - i), col});
                i = j;
            } else if (c == u'"' || c == u'`') {
                auto s = readString(i);
                if (auto *e = std::get_if<ParseError>(&s))
                    return *e;
                out.push_back({Token::Type::String, std::get<QString>(s), col});
            } else {
                static const QStringList ops{QStringLiteral("|="), QStringLiteral("|~"), QStringLiteral("!="),
                                             QStringLiteral("!~"), QStringLiteral("=~"), QStringLiteral("=="),
                                             QStringLiteral(">="), QStringLiteral("<="), QStringLiteral("{"),
                                             QStringLiteral("}"), QStringLiteral(","), QStringLiteral("="),
                                             QStringLiteral("|"), QStringLiteral(">"), QStringLiteral("<"),
                                             QStringLiteral("("), QStringLiteral(")"), QStringLiteral("["),
                                             QStringLiteral("]")};
                bool found = false;
                for (const auto &op : ops) {
                    if (m_q.mid(i, op.size()) == op) {
                        out.push_back({Token::Type::Op, op, col});
                        i += op.size();
                        found = true;
                        break;
                    }
                }
                if (!found)
                    return ParseError{QStringLiteral("parse error at line 1, col %1: syntax error: unexpected character %2")
                                          .arg(col)
                                          .arg(QString(c))};
            }
        }
        out.push_back({Token::Type::End, {}, int(m_q.size()) + 1});
        return out;
    }

private:
    // Go string literal rules (apis.md §4); backticks are raw.
    std::variant<QString, ParseError> readString(qsizetype &i)
    {
        const int col = int(i) + 1;
        const QChar quote = m_q.at(i++);
        QString out;
        while (i < m_q.size()) {
            const QChar c = m_q.at(i++);
            if (c == quote)
                return out;
            if (c == u'\\' && quote == u'"') {
                if (i >= m_q.size())
                    break;
                const QChar e = m_q.at(i++);
                switch (e.unicode()) {
                case 'n': out += u'\n'; break;
                case 't': out += u'\t'; break;
                case 'r': out += u'\r'; break;
                case '\\': out += u'\\'; break;
                case '"': out += u'"'; break;
                case 'x':
                case 'u': {
                    const int n = e == u'x' ? 2 : 4;
                    bool ok = false;
                    const auto code = m_q.mid(i, n).toUInt(&ok, 16);
                    if (!ok || m_q.mid(i, n).size() != n)
                        return ParseError{QStringLiteral("parse error at line 1, col %1: invalid char escape").arg(int(i))};
                    out += QChar(char16_t(code));
                    i += n;
                    break;
                }
                default:
                    // RE2 escapes such as \. and \d pass through for the regex to read.
                    out += u'\\';
                    out += e;
                }
            } else {
                out += c;
            }
        }
        return ParseError{QStringLiteral("parse error at line 1, col %1: literal not terminated").arg(col)};
    }

    QString m_q;
};

QString describe(const Token &t)
{
    switch (t.type) {
    case Token::Type::End: return QStringLiteral("$end");
    case Token::Type::Ident: return QStringLiteral("IDENTIFIER");
    case Token::Type::String: return QStringLiteral("STRING");
    case Token::Type::Number: return QStringLiteral("NUMBER");
    case Token::Type::Op: return t.text;
    }
    return {};
}

ParseError unexpected(const Token &t, const QString &expecting)
{
    return {QStringLiteral("parse error at line 1, col %1: syntax error: unexpected %2, expecting %3")
                .arg(t.col)
                .arg(describe(t), expecting)};
}

std::optional<QRegularExpression> compile(const QString &pattern, bool anchored)
{
    QRegularExpression re(anchored ? QStringLiteral("^(?:%1)$").arg(pattern) : pattern);
    if (!re.isValid())
        return std::nullopt;
    re.optimize();
    return re;
}

// Compiles a regex of the query into *out; the parse error Loki gives when it is not valid.
std::optional<ParseError> compileInto(const QString &pattern, bool anchored, int col, QRegularExpression *out)
{
    auto re = compile(pattern, anchored);
    if (!re)
        return ParseError{QStringLiteral("parse error at line 1, col %1: error parsing regexp: invalid regular expression `%2`")
                              .arg(col)
                              .arg(pattern)};
    *out = *re;
    return std::nullopt;
}

QString labelName(const QString &key)
{
    QString out;
    for (const auto c : key)
        out += (c.isLetterOrNumber() && c.unicode() < 128) || c == u'_' ? c : u'_';
    if (out.isEmpty() || out.at(0).isDigit())
        out.prepend(u'_');
    return out;
}

void flatten(const QJsonObject &object, const QString &prefix, Labels *into, const Labels &stream)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const auto name = prefix.isEmpty() ? labelName(it.key()) : prefix + u'_' + labelName(it.key());
        const auto v = it.value();
        if (v.isObject()) {
            flatten(v.toObject(), name, into, stream);
            continue;
        }
        if (v.isArray())
            continue; // Loki's json parser skips arrays
        QString text;
        if (v.isString())
            text = v.toString();
        else if (v.isBool())
            text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else if (v.isDouble())
            text = QString::number(v.toDouble(), 'g', 15);
        into->insert(stream.contains(name) ? name + QStringLiteral("_extracted") : name, text);
    }
}

} // namespace

bool Matcher::matches(const QString &v) const
{
    switch (op) {
    case Op::Eq: return v == value;
    case Op::Neq: return v != value;
    case Op::Re: return re.match(v).hasMatch();
    case Op::Nre: return !re.match(v).hasMatch();
    }
    return false;
}

bool LogQuery::selects(const Labels &stream) const
{
    for (const auto &m : selector)
        if (!m.matches(stream.value(m.name)))
            return false;
    return true;
}

void extractJson(const QString &line, const Labels &stream, Labels *into)
{
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(line.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        into->insert(QStringLiteral("__error__"), QStringLiteral("JSONParserErr"));
        return;
    }
    flatten(doc.object(), {}, into, stream);
}

bool LogQuery::evaluate(const Labels &stream, const QString &line, Labels *out) const
{
    if (!selects(stream))
        return false;
    Labels labels = stream;
    for (const auto &s : pipeline) {
        switch (s.kind) {
        case Stage::Kind::LineContains:
            if (!line.contains(s.text))
                return false;
            break;
        case Stage::Kind::LineNotContains:
            if (line.contains(s.text))
                return false;
            break;
        case Stage::Kind::LineRe:
            if (!s.re.match(line).hasMatch())
                return false;
            break;
        case Stage::Kind::LineNotRe:
            if (s.re.match(line).hasMatch())
                return false;
            break;
        case Stage::Kind::Json: extractJson(line, stream, &labels); break;
        case Stage::Kind::LabelText:
            if (!s.label.matches(labels.value(s.label.name)))
                return false;
            break;
        case Stage::Kind::LabelNumber: {
            bool ok = false;
            const double v = labels.value(s.name).toDouble(&ok);
            if (!ok)
                return false;
            const auto &op = s.numberOp;
            const bool keep = op == u">" ? v > s.number
                : op == u">=" ? v >= s.number
                : op == u"<" ? v < s.number
                : op == u"<=" ? v <= s.number
                : op == u"==" ? v == s.number
                              : v != s.number;
            if (!keep)
                return false;
            break;
        }
        }
    }
    if (out)
        *out = labels;
    return true;
}

std::variant<LogQuery, ParseError> parse(const QString &query)
{
    auto lexed = Lexer(query).run();
    if (auto *e = std::get_if<ParseError>(&lexed))
        return *e;
    const auto &tokens = std::get<std::vector<Token>>(lexed);
    std::size_t i = 0;
    const auto peek = [&]() -> const Token & { return tokens.at(i); };
    const auto next = [&]() -> const Token & { return tokens.at(std::min(i++, tokens.size() - 1)); };
    const auto isOp = [&](const Token &t, const char *op) { return t.type == Token::Type::Op && t.text == QLatin1String(op); };

    LogQuery q;
    if (peek().type == Token::Type::Ident && tokens.size() > i + 1 && isOp(tokens.at(i + 1), "("))
        return ParseError{QStringLiteral("parse error at line 1, col %1: metric queries (%2) are not supported by "
                                         "mytrader-sim's Loki API; use a log query")
                              .arg(peek().col)
                              .arg(peek().text)};
    if (!isOp(peek(), "{"))
        return unexpected(peek(), QStringLiteral("{"));
    next();
    while (true) {
        const auto &name = next();
        if (name.type != Token::Type::Ident)
            return unexpected(name, QStringLiteral("IDENTIFIER"));
        const auto &op = next();
        Matcher m;
        m.name = name.text;
        if (isOp(op, "="))
            m.op = Matcher::Op::Eq;
        else if (isOp(op, "!="))
            m.op = Matcher::Op::Neq;
        else if (isOp(op, "=~"))
            m.op = Matcher::Op::Re;
        else if (isOp(op, "!~"))
            m.op = Matcher::Op::Nre;
        else
            return unexpected(op, QStringLiteral("=, !=, =~ or !~"));
        const auto &value = next();
        if (value.type != Token::Type::String)
            return unexpected(value, QStringLiteral("STRING"));
        m.value = value.text;
        if (m.op == Matcher::Op::Re || m.op == Matcher::Op::Nre) {
            if (auto error = compileInto(m.value, true, value.col, &m.re))
                return *error;
        }
        q.selector.push_back(m);
        const auto &sep = next();
        if (isOp(sep, "}"))
            break;
        if (!isOp(sep, ","))
            return unexpected(sep, QStringLiteral(", or }"));
        if (isOp(peek(), "}")) {
            next();
            break;
        }
    }
    const bool anyNonEmpty = std::any_of(q.selector.begin(), q.selector.end(), [](const Matcher &m) {
        return (m.op == Matcher::Op::Eq || m.op == Matcher::Op::Re) && !m.matches(QString());
    });
    if (!anyNonEmpty)
        return ParseError{QStringLiteral("parse error : queries require at least one regexp or equality matcher that "
                                         "does not have an empty-compatible value. For instance, app=~\".*\" does "
                                         "not meet this requirement, but app=~\".+\" will")};

    while (peek().type != Token::Type::End) {
        const auto &t = next();
        Stage s;
        if (isOp(t, "|=") || isOp(t, "!=") || isOp(t, "|~") || isOp(t, "!~")) {
            const auto &value = next();
            if (value.type != Token::Type::String)
                return unexpected(value, QStringLiteral("STRING"));
            s.text = value.text;
            s.kind = isOp(t, "|=") ? Stage::Kind::LineContains
                : isOp(t, "!=")    ? Stage::Kind::LineNotContains
                : isOp(t, "|~")    ? Stage::Kind::LineRe
                                   : Stage::Kind::LineNotRe;
            if (s.kind == Stage::Kind::LineRe || s.kind == Stage::Kind::LineNotRe) {
                if (auto error = compileInto(s.text, false, value.col, &s.re))
                    return *error;
            }
            q.pipeline.push_back(s);
            continue;
        }
        if (!isOp(t, "|"))
            return unexpected(t, QStringLiteral("|=, !=, |~, !~ or |"));
        const auto &what = next();
        if (what.type != Token::Type::Ident)
            return unexpected(what, QStringLiteral("json or a label filter"));
        if (what.text == u"json") {
            if (peek().type == Token::Type::Ident && tokens.size() > i + 1 && isOp(tokens.at(i + 1), "="))
                return ParseError{QStringLiteral("parse error at line 1, col %1: json with parameters is not supported "
                                                 "by mytrader-sim's Loki API")
                                      .arg(peek().col)};
            s.kind = Stage::Kind::Json;
            q.pipeline.push_back(s);
            continue;
        }
        static const QStringList unsupported{QStringLiteral("logfmt"), QStringLiteral("regexp"), QStringLiteral("pattern"),
                                             QStringLiteral("unpack"), QStringLiteral("line_format"),
                                             QStringLiteral("label_format"), QStringLiteral("drop"),
                                             QStringLiteral("keep"), QStringLiteral("decolorize"),
                                             QStringLiteral("unwrap")};
        if (unsupported.contains(what.text) && (peek().type != Token::Type::Op || isOp(peek(), "|")
                                                || peek().type == Token::Type::String || peek().type == Token::Type::End))
            return ParseError{QStringLiteral("parse error at line 1, col %1: the %2 stage is not supported by "
                                             "mytrader-sim's Loki API (supported: line filters, json, label filters)")
                                  .arg(what.col)
                                  .arg(what.text)};
        const auto &op = next();
        const auto &value = next();
        if (op.type != Token::Type::Op)
            return unexpected(op, QStringLiteral("a comparison operator"));
        if (value.type == Token::Type::Number) {
            static const QStringList numberOps{QStringLiteral(">"), QStringLiteral(">="), QStringLiteral("<"),
                                               QStringLiteral("<="), QStringLiteral("=="), QStringLiteral("!=")};
            if (!numberOps.contains(op.text))
                return unexpected(op, QStringLiteral(">, >=, <, <=, == or !="));
            s.kind = Stage::Kind::LabelNumber;
            s.name = what.text;
            s.numberOp = op.text;
            s.number = value.text.toDouble();
        } else if (value.type == Token::Type::String) {
            Matcher m;
            m.name = what.text;
            m.value = value.text;
            if (op.text == u"=" || op.text == u"==")
                m.op = Matcher::Op::Eq;
            else if (op.text == u"!=")
                m.op = Matcher::Op::Neq;
            else if (op.text == u"=~")
                m.op = Matcher::Op::Re;
            else if (op.text == u"!~")
                m.op = Matcher::Op::Nre;
            else
                return unexpected(op, QStringLiteral("=, !=, =~ or !~"));
            if (m.op == Matcher::Op::Re || m.op == Matcher::Op::Nre) {
                if (auto error = compileInto(m.value, true, value.col, &m.re))
                    return *error;
            }
            s.kind = Stage::Kind::LabelText;
            s.label = m;
        } else {
            return unexpected(value, QStringLiteral("STRING or NUMBER"));
        }
        q.pipeline.push_back(s);
    }
    return q;
}

} // namespace sim::logql
