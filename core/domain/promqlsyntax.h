#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace wf::promql {

// PromQL's vocabulary for highlighting and completion (Prometheus 2.x).
const QStringList &functionNames();   // rate, histogram_quantile, …
const QStringList &aggregationNames(); // sum, topk, …
const QStringList &keywords();         // by, without, on, ignoring, group_left, group_right, offset, bool, and, or, unless
// VictoriaMetrics' MetricsQL beyond PromQL (functions and aggregations that 1.79 accepts).
const QStringList &metricsqlFunctionNames();

// What can be completed at the cursor.
struct Completion
{
    enum class Kind { None, Name, LabelName, LabelValue };
    Kind kind = Kind::None;
    QString prefix; // what is typed already
    int start = 0;  // where the prefix starts: the completion replaces [start, cursor)
    QString metric; // the metric of the selector the cursor is in ({…} or by (…) after it), if named
    QString label;  // LabelValue: whose value
};
// Names: metrics, functions and keywords; inside {…} or by/without/on/ignoring (…): label names;
// inside the quotes after label= / =~ / != / !~: that label's values. Nothing inside [5m], numbers
// or other strings.
Completion completionAt(const QString &query, int cursor);

// Where a server's parse error points, as an index into the query. Prometheus says
// "1:18: parse error: …" (line and byte column, from 1), Loki "parse error at line 1, col 6: …".
// An index at the query's end means "at the end" (unclosed parentheses).
struct ErrorPosition
{
    int line = 1;
    int column = 1; // as the server counts: bytes of UTF-8, from 1
    int offset = 0; // index into the QString
};
std::optional<ErrorPosition> errorPosition(const QString &serverError, const QString &query);
// The error without the server's "invalid parameter "query": 1:18: " preamble: "parse error: …".
QString errorText(const QString &serverError);

} // namespace wf::promql
