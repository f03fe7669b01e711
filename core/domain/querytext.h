#pragma once

#include <QString>

namespace wf {

// Building PromQL and LogQL selectors from label values that came from users or servers
// (shared/reference/apis.md §4). Both languages use Go string literal rules.

// A CSV field (RFC 4180): quoted, its quotes doubled, when it holds a comma, a quote or a line break.
QString csvField(const QString &text);
// A double-quoted string literal: "a\"b\\c\n".
QString quoteString(const QString &value);
// Escapes RE2 metacharacters so the value matches itself literally in =~ / !~.
QString escapeRegex(const QString &value);
// [a-zA-Z_][a-zA-Z0-9_]* — never build a label name from input without this.
bool isValidLabelName(const QString &name);
// name="value", name=~"^literal$"-style; op is one of = != =~ !~. For =~ and !~ the value is used
// as a regex as given (use escapeRegex for literals). Empty when the name is not valid.
QString labelMatcher(const QString &name, const QString &op, const QString &value);
// The LogQL query with label="value" in its stream selector: the label's matcher replaced if it
// has one, added otherwise; a query without a selector gets one. Empty value: the matcher removed.
QString withStreamMatcher(const QString &logql, const QString &label, const QString &value);

} // namespace wf
