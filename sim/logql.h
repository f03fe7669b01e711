#pragma once

#include <QMap>
#include <QRegularExpression>
#include <QString>

#include <variant>
#include <vector>

namespace sim::logql {

using Labels = QMap<QString, QString>;

// The LogQL subset mytrader-sim's Loki API answers (shared/reference/apis.md §3): a stream selector
// with =, !=, =~, !~; line filters |=, !=, |~, !~; `| json`; label filters after it (=, !=, =~,
// !~ on text; >, >=, <, <=, ==, != on numbers). Everything else is a parse error in Loki's words,
// never a wrong answer.

struct Matcher
{
    enum class Op { Eq, Neq, Re, Nre };
    QString name;
    Op op = Op::Eq;
    QString value;
    QRegularExpression re; // anchored, for Re and Nre
    bool matches(const QString &v) const;
};

struct Stage
{
    enum class Kind { LineContains, LineNotContains, LineRe, LineNotRe, Json, LabelText, LabelNumber };
    Kind kind = Kind::Json;
    QString text;          // line filter text or regex; label filter value
    QRegularExpression re; // line regex (unanchored) or label regex (anchored)
    Matcher label;         // LabelText: the matcher on the label
    QString name;          // LabelNumber: the label
    QString numberOp;      // > >= < <= == !=
    double number = 0;
};

struct LogQuery
{
    std::vector<Matcher> selector;
    std::vector<Stage> pipeline;

    bool selects(const Labels &stream) const; // the selector alone
    // The labels of the result stream when the line passes the pipeline; false when it does not.
    bool evaluate(const Labels &stream, const QString &line, Labels *out) const;
};

struct ParseError
{
    QString message; // "parse error at line 1, col 6: syntax error: unexpected …"
};

std::variant<LogQuery, ParseError> parse(const QString &query);

// `| json`: the line's fields as labels (nested objects joined with _, arrays skipped), each name
// made a valid label name; a name that clashes with a stream label gets "_extracted".
void extractJson(const QString &line, const Labels &stream, Labels *into);

} // namespace sim::logql
