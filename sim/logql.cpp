#include "logql.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <QHash>
#include <QMap>

#include <algorithm>
#include <limits>
#include <numeric>
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

namespace {

bool isOp(const Token &t, const char *op)
{
    return t.type == Token::Type::Op && t.text == QLatin1String(op);
}

// The stages after the selector, up to the end — or, nested, up to "[" or ")".
std::optional<ParseError> parsePipeline(const std::vector<Token> &tokens, std::size_t &i, bool nested, LogQuery *q)
{
    const auto peek = [&]() -> const Token & { return tokens.at(i); };
    // Never past the End token: what reads on after it meets End again, not the vector's end.
    const auto next = [&]() -> const Token & {
        const auto at = std::min(i, tokens.size() - 1);
        i = std::min(i + 1, tokens.size() - 1);
        return tokens.at(at);
    };
    while (peek().type != Token::Type::End && !(nested && (isOp(peek(), "[") || isOp(peek(), ")")))) {
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
            q->pipeline.push_back(s);
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
            q->pipeline.push_back(s);
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
        q->pipeline.push_back(s);
    }
    return std::nullopt;
}

// A log query from tokens[i]: the selector and its pipeline, up to the end — or, inside a metric
// query (nested), up to its range "[…]" or the ")" that closes the function.
std::variant<LogQuery, ParseError> parseLog(const std::vector<Token> &tokens, std::size_t &i, bool nested)
{
    const auto peek = [&]() -> const Token & { return tokens.at(i); };
    // Never past the End token: what reads on after it meets End again, not the vector's end.
    const auto next = [&]() -> const Token & {
        const auto at = std::min(i, tokens.size() - 1);
        i = std::min(i + 1, tokens.size() - 1);
        return tokens.at(at);
    };

    LogQuery q;
    if (peek().type == Token::Type::Ident && tokens.size() > i + 1 && isOp(tokens.at(i + 1), "("))
        return ParseError{QStringLiteral("parse error at line 1, col %1: metric queries (%2) are not supported here; "
                                         "use a log query")
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

    if (auto e = parsePipeline(tokens, i, nested, &q))
        return *e;
    return q;
}

// "5m", "1h30s" from the tokens between "[" and "]" (the lexer splits "5m" into 5 and m).
std::optional<qint64> rangeNs(const std::vector<Token> &tokens, std::size_t &i)
{
    QString text;
    while (tokens.at(i).type != Token::Type::End && !isOp(tokens.at(i), "]"))
        text += tokens.at(i++).text;
    return durationNs(text);
}

std::optional<ParseError> grouping(const std::vector<Token> &tokens, std::size_t &i, MetricQuery::Aggregation *into)
{
    into->without = tokens.at(i).text == u"without";
    ++i;
    if (!isOp(tokens.at(i), "("))
        return unexpected(tokens.at(i), QStringLiteral("("));
    ++i;
    while (!isOp(tokens.at(i), ")")) {
        if (tokens.at(i).type != Token::Type::Ident)
            return unexpected(tokens.at(i), QStringLiteral("IDENTIFIER"));
        into->labels << tokens.at(i++).text;
        if (isOp(tokens.at(i), ","))
            ++i;
        else if (!isOp(tokens.at(i), ")"))
            return unexpected(tokens.at(i), QStringLiteral(", or )"));
    }
    ++i;
    return std::nullopt;
}

std::variant<MetricQuery, ParseError> parseMetric(const std::vector<Token> &tokens, std::size_t &i)
{
    static const QHash<QString, MetricQuery::Range> ranges{{QStringLiteral("count_over_time"), MetricQuery::Range::CountOverTime},
                                                           {QStringLiteral("rate"), MetricQuery::Range::Rate},
                                                           {QStringLiteral("bytes_over_time"), MetricQuery::Range::BytesOverTime},
                                                           {QStringLiteral("bytes_rate"), MetricQuery::Range::BytesRate}};
    static const QHash<QString, MetricQuery::Op> ops{{QStringLiteral("sum"), MetricQuery::Op::Sum},
                                                     {QStringLiteral("count"), MetricQuery::Op::Count},
                                                     {QStringLiteral("avg"), MetricQuery::Op::Avg},
                                                     {QStringLiteral("min"), MetricQuery::Op::Min},
                                                     {QStringLiteral("max"), MetricQuery::Op::Max}};
    const auto &name = tokens.at(i);
    if (name.type != Token::Type::Ident)
        return unexpected(name, QStringLiteral("a metric function"));
    if (ops.contains(name.text)) {
        // sum by (level) (…), sum(…) by (level), sum without (…) (…)
        MetricQuery::Aggregation agg;
        agg.op = ops.value(name.text);
        ++i;
        if (tokens.at(i).type == Token::Type::Ident && (tokens.at(i).text == u"by" || tokens.at(i).text == u"without")) {
            if (auto e = grouping(tokens, i, &agg))
                return *e;
        }
        if (!isOp(tokens.at(i), "("))
            return unexpected(tokens.at(i), QStringLiteral("("));
        ++i;
        auto inner = parseMetric(tokens, i);
        if (auto *e = std::get_if<ParseError>(&inner))
            return *e;
        if (!isOp(tokens.at(i), ")"))
            return unexpected(tokens.at(i), QStringLiteral(")"));
        ++i;
        if (agg.labels.isEmpty() && tokens.at(i).type == Token::Type::Ident
            && (tokens.at(i).text == u"by" || tokens.at(i).text == u"without")) {
            if (auto e = grouping(tokens, i, &agg))
                return *e;
        }
        auto q = std::get<MetricQuery>(std::move(inner));
        q.aggregations.push_back(agg);
        return q;
    }
    if (!ranges.contains(name.text) || !isOp(tokens.at(i + 1), "("))
        return ParseError{QStringLiteral("parse error at line 1, col %1: %2 is not supported by mytrader-sim's Loki API "
                                         "(metric queries: count_over_time, rate, bytes_over_time, bytes_rate, and sum, "
                                         "count, avg, min, max with by or without)")
                              .arg(name.col)
                              .arg(name.text)};
    MetricQuery q;
    q.range = ranges.value(name.text);
    i += 2;
    auto log = parseLog(tokens, i, true);
    if (auto *e = std::get_if<ParseError>(&log))
        return *e;
    q.log = std::get<LogQuery>(std::move(log));
    if (!isOp(tokens.at(i), "["))
        return unexpected(tokens.at(i), QStringLiteral("["));
    const int col = tokens.at(i).col;
    ++i;
    const auto range = rangeNs(tokens, i);
    if (!range || *range <= 0)
        return ParseError{QStringLiteral("parse error at line 1, col %1: syntax error: invalid range duration").arg(col)};
    q.rangeNs = *range;
    if (!isOp(tokens.at(i), "]"))
        return unexpected(tokens.at(i), QStringLiteral("]"));
    ++i;
    // The range may stand after the selector with the pipeline after it: {app="x"}[1m] | json
    if (auto e = parsePipeline(tokens, i, true, &q.log))
        return *e;
    if (!isOp(tokens.at(i), ")"))
        return unexpected(tokens.at(i), QStringLiteral(")"));
    ++i;
    return q;
}

} // namespace

qint64 saturatedMinus(qint64 a, qint64 b)
{
    qint64 out = 0;
    if (__builtin_sub_overflow(a, b, &out))
        return b > 0 ? std::numeric_limits<qint64>::min() : std::numeric_limits<qint64>::max();
    return out;
}

std::optional<qint64> durationNs(const QString &text)
{
    static const QRegularExpression whole(QStringLiteral(R"(^(?:\d+(?:ms|s|m|h|d|w|y))+$)"));
    static const QRegularExpression part(QStringLiteral(R"((\d+)(ms|s|m|h|d|w|y))"));
    if (!whole.match(text).hasMatch())
        return std::nullopt;
    // As Prometheus' model.ParseDuration: a duration past an int64 of nanoseconds is not one.
    qint64 ns = 0;
    for (auto it = part.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        bool ok = false;
        const auto n = m.captured(1).toLongLong(&ok);
        const auto unit = m.captured(2);
        const qint64 msPerUnit = unit == u"ms" ? 1
            : unit == u"s"                     ? 1000
            : unit == u"m"                     ? 60'000
            : unit == u"h"                     ? 3'600'000
            : unit == u"d"                     ? 86'400'000
            : unit == u"w"                     ? 7 * 86'400'000LL
                                               : 365 * 86'400'000LL;
        qint64 partNs = 0;
        if (!ok || __builtin_mul_overflow(n, msPerUnit * 1'000'000, &partNs) || __builtin_add_overflow(ns, partNs, &ns))
            return std::nullopt;
    }
    return ns;
}

std::variant<LogQuery, ParseError> parse(const QString &query)
{
    auto lexed = Lexer(query).run();
    if (auto *e = std::get_if<ParseError>(&lexed))
        return *e;
    const auto &tokens = std::get<std::vector<Token>>(lexed);
    std::size_t i = 0;
    return parseLog(tokens, i, false);
}

std::variant<LogQuery, MetricQuery, ParseError> parseQuery(const QString &query)
{
    auto lexed = Lexer(query).run();
    if (auto *e = std::get_if<ParseError>(&lexed))
        return *e;
    const auto &tokens = std::get<std::vector<Token>>(lexed);
    std::size_t i = 0;
    if (!(tokens.at(0).type == Token::Type::Ident && tokens.size() > 1 && isOp(tokens.at(1), "("))
        && !(tokens.at(0).type == Token::Type::Ident && tokens.size() > 1 && tokens.at(1).type == Token::Type::Ident)) {
        auto log = parseLog(tokens, i, false);
        if (auto *e = std::get_if<ParseError>(&log))
            return *e;
        return std::get<LogQuery>(std::move(log));
    }
    auto metric = parseMetric(tokens, i);
    if (auto *e = std::get_if<ParseError>(&metric))
        return *e;
    if (tokens.at(i).type != Token::Type::End)
        return unexpected(tokens.at(i), QStringLiteral("$end"));
    return std::get<MetricQuery>(std::move(metric));
}

std::vector<MetricSeries> evaluate(const MetricQuery &query, const std::vector<LogLine> &lines, qint64 startNs,
                                   qint64 endNs, qint64 stepNs)
{
    const auto keyOf = [](const Labels &labels) {
        QString key;
        for (auto it = labels.begin(); it != labels.end(); ++it)
            key += it.key() + u'\x1f' + it.value() + u'\x1e';
        return key;
    };
    // The lines each result stream has, by time.
    struct Stream
    {
        Labels labels;
        std::vector<std::pair<qint64, double>> samples; // (ns, bytes)
    };
    QHash<QString, Stream> streams;
    for (const auto &l : lines) {
        Labels out;
        if (!query.log.evaluate(*l.stream, *l.line, &out))
            continue;
        auto &stream = streams[keyOf(out)];
        stream.labels = out;
        stream.samples.emplace_back(l.ns, double(l.line->toUtf8().size()));
    }
    const double rangeSeconds = double(query.rangeNs) / 1e9;
    std::vector<qint64> steps;
    for (qint64 t = startNs; t <= endNs && stepNs > 0; t += stepNs) {
        steps.push_back(t);
        qint64 left = 0;
        if (!__builtin_sub_overflow(endNs, t, &left) && left < stepNs)
            break; // the next would be past the end (t + stepNs might be past an int64)
    }
    // Per series, the value at each step index where it has lines.
    struct Points
    {
        Labels labels;
        QMap<int, double> at;
    };
    std::vector<Points> series;
    for (auto &stream : streams) {
        std::sort(stream.samples.begin(), stream.samples.end());
        Points p{stream.labels, {}};
        std::size_t lo = 0, hi = 0;
        double bytes = 0;
        for (int k = 0; k < int(steps.size()); ++k) {
            const auto t = steps[std::size_t(k)];
            while (hi < stream.samples.size() && stream.samples[hi].first <= t)
                bytes += stream.samples[hi++].second;
            while (lo < hi && stream.samples[lo].first <= saturatedMinus(t, query.rangeNs))
                bytes -= stream.samples[lo++].second;
            const auto count = double(hi - lo);
            if (count == 0)
                continue;
            switch (query.range) {
            case MetricQuery::Range::CountOverTime: p.at.insert(k, count); break;
            case MetricQuery::Range::Rate: p.at.insert(k, count / rangeSeconds); break;
            case MetricQuery::Range::BytesOverTime: p.at.insert(k, bytes); break;
            case MetricQuery::Range::BytesRate: p.at.insert(k, bytes / rangeSeconds); break;
            }
        }
        if (!p.at.isEmpty())
            series.push_back(std::move(p));
    }
    for (const auto &agg : query.aggregations) {
        struct Group
        {
            Labels labels;
            QMap<int, std::vector<double>> values;
        };
        QMap<QString, Group> groups;
        for (const auto &p : series) {
            Labels labels;
            for (auto it = p.labels.begin(); it != p.labels.end(); ++it)
                if (agg.labels.contains(it.key()) != agg.without)
                    labels.insert(it.key(), it.value());
            auto &g = groups[keyOf(labels)];
            g.labels = labels;
            for (auto it = p.at.begin(); it != p.at.end(); ++it)
                g.values[it.key()].push_back(it.value());
        }
        std::vector<Points> next;
        for (const auto &g : groups) {
            Points p{g.labels, {}};
            for (auto it = g.values.begin(); it != g.values.end(); ++it) {
                const auto &v = it.value();
                double out = 0;
                switch (agg.op) {
                case MetricQuery::Op::Sum: out = std::accumulate(v.begin(), v.end(), 0.0); break;
                case MetricQuery::Op::Count: out = double(v.size()); break;
                case MetricQuery::Op::Avg: out = std::accumulate(v.begin(), v.end(), 0.0) / double(v.size()); break;
                case MetricQuery::Op::Min: out = *std::min_element(v.begin(), v.end()); break;
                case MetricQuery::Op::Max: out = *std::max_element(v.begin(), v.end()); break;
                }
                p.at.insert(it.key(), out);
            }
            next.push_back(std::move(p));
        }
        series = std::move(next);
    }
    std::sort(series.begin(), series.end(), [&](const Points &a, const Points &b) { return keyOf(a.labels) < keyOf(b.labels); });
    std::vector<MetricSeries> out;
    for (const auto &p : series) {
        MetricSeries m{p.labels, {}};
        for (auto it = p.at.begin(); it != p.at.end(); ++it)
            m.points.emplace_back(steps[std::size_t(it.key())], it.value());
        out.push_back(std::move(m));
    }
    return out;
}

} // namespace sim::logql
