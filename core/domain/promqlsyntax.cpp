#include "promqlsyntax.h"

#include <QRegularExpression>

#include <algorithm>

namespace wf::promql {
namespace {

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u':';
}

QString nameBefore(const QString &text, int end)
{
    int i = end;
    while (i > 0 && text.at(i - 1).isSpace())
        --i;
    const int stop = i;
    while (i > 0 && isNameChar(text.at(i - 1)))
        --i;
    return text.mid(i, stop - i);
}

struct Scope
{
    QChar open;        // ( { [
    bool grouping = false; // by (…), without (…), on (…), ignoring (…), group_left (…), group_right (…)
    QString metric;    // {: the name before it
};

} // namespace

const QStringList &functionNames()
{
    static const QStringList names{
        QStringLiteral("abs"), QStringLiteral("absent"), QStringLiteral("absent_over_time"), QStringLiteral("acos"),
        QStringLiteral("acosh"), QStringLiteral("asin"), QStringLiteral("asinh"), QStringLiteral("atan"),
        QStringLiteral("atanh"), QStringLiteral("avg_over_time"), QStringLiteral("ceil"), QStringLiteral("changes"),
        QStringLiteral("clamp"), QStringLiteral("clamp_max"), QStringLiteral("clamp_min"), QStringLiteral("cos"),
        QStringLiteral("cosh"), QStringLiteral("count_over_time"), QStringLiteral("day_of_month"),
        QStringLiteral("day_of_week"), QStringLiteral("day_of_year"), QStringLiteral("days_in_month"),
        QStringLiteral("deg"), QStringLiteral("delta"), QStringLiteral("deriv"), QStringLiteral("exp"),
        QStringLiteral("floor"), QStringLiteral("histogram_quantile"), QStringLiteral("holt_winters"),
        QStringLiteral("hour"), QStringLiteral("idelta"), QStringLiteral("increase"), QStringLiteral("irate"),
        QStringLiteral("label_join"), QStringLiteral("label_replace"), QStringLiteral("last_over_time"),
        QStringLiteral("ln"), QStringLiteral("log10"), QStringLiteral("log2"), QStringLiteral("mad_over_time"),
        QStringLiteral("max_over_time"), QStringLiteral("min_over_time"), QStringLiteral("minute"),
        QStringLiteral("month"), QStringLiteral("pi"), QStringLiteral("predict_linear"),
        QStringLiteral("present_over_time"), QStringLiteral("quantile_over_time"), QStringLiteral("rad"),
        QStringLiteral("rate"), QStringLiteral("resets"), QStringLiteral("round"), QStringLiteral("scalar"),
        QStringLiteral("sgn"), QStringLiteral("sin"), QStringLiteral("sinh"), QStringLiteral("sort"),
        QStringLiteral("sort_desc"), QStringLiteral("sqrt"), QStringLiteral("stddev_over_time"),
        QStringLiteral("stdvar_over_time"), QStringLiteral("sum_over_time"), QStringLiteral("tan"),
        QStringLiteral("tanh"), QStringLiteral("time"), QStringLiteral("timestamp"), QStringLiteral("vector"),
        QStringLiteral("year")};
    return names;
}

const QStringList &aggregationNames()
{
    static const QStringList names{QStringLiteral("avg"),    QStringLiteral("bottomk"), QStringLiteral("count"),
                                   QStringLiteral("count_values"), QStringLiteral("group"), QStringLiteral("max"),
                                   QStringLiteral("min"),    QStringLiteral("quantile"), QStringLiteral("stddev"),
                                   QStringLiteral("stdvar"), QStringLiteral("sum"),     QStringLiteral("topk")};
    return names;
}

const QStringList &metricsqlFunctionNames()
{
    // Each asked of Debian's victoria-metrics 1.79 as name(up): none is unknown to it.
    static const QStringList names = [] {
        QStringList n;
        for (const auto *name :
             {"aggr_over_time", "alias", "any", "ascent_over_time", "buckets_limit", "count_eq_over_time",
              "count_gt_over_time", "count_le_over_time", "count_ne_over_time", "default_rollup", "descent_over_time",
              "distinct", "distinct_over_time", "duration_over_time", "first_over_time", "geomean", "geomean_over_time",
              "histogram", "histogram_over_time", "histogram_share", "hoeffding_bound_lower", "hoeffding_bound_upper",
              "increase_prometheus", "increase_pure", "integrate", "interpolate", "keep_last_value", "keep_next_value",
              "label_copy", "label_del", "label_graphite_group", "label_keep", "label_lowercase", "label_map",
              "label_match", "label_mismatch", "label_move", "label_set", "label_transform", "label_uppercase",
              "label_value", "lag", "lifetime", "limit_offset", "limitk", "median", "median_over_time", "mode",
              "mode_over_time", "outliers_mad", "outliersk", "prometheus_buckets", "quantiles_over_time",
              "range_avg", "range_first", "range_last", "range_max", "range_min", "range_quantile", "range_sum",
              "rate_over_sum", "rollup", "rollup_candlestick", "rollup_delta", "rollup_deriv", "rollup_increase",
              "rollup_rate", "running_avg", "running_max", "running_min", "running_sum", "scrape_interval",
              "share_gt_over_time", "share_le_over_time", "sort_by_label", "sort_by_label_desc", "sum2",
              "sum2_over_time", "tfirst_over_time", "timezone_offset", "tlast_over_time", "tmax_over_time",
              "tmin_over_time", "union", "zscore", "zscore_over_time"})
            n.append(QString::fromLatin1(name));
        return n;
    }();
    return names;
}

const QStringList &keywords()
{
    static const QStringList names{QStringLiteral("by"),         QStringLiteral("without"),
                                   QStringLiteral("on"),         QStringLiteral("ignoring"),
                                   QStringLiteral("group_left"), QStringLiteral("group_right"),
                                   QStringLiteral("offset"),     QStringLiteral("bool"),
                                   QStringLiteral("and"),        QStringLiteral("or"),
                                   QStringLiteral("unless")};
    return names;
}

Completion completionAt(const QString &query, int cursor)
{
    cursor = std::clamp(cursor, 0, int(query.size()));
    QList<Scope> scopes;
    QChar quote;        // the open string's quote, if any
    int stringStart = -1;
    bool comment = false;
    for (int i = 0; i < cursor; ++i) {
        const QChar c = query.at(i);
        if (comment) {
            comment = c != u'\n';
            continue;
        }
        if (!quote.isNull()) {
            if (c == u'\\' && quote != u'`')
                ++i;
            else if (c == quote)
                quote = QChar();
            continue;
        }
        switch (c.unicode()) {
        case u'#': comment = true; break;
        case u'"': case u'\'': case u'`': quote = c; stringStart = i; break;
        case u'(': {
            static const QStringList grouping{QStringLiteral("by"), QStringLiteral("without"), QStringLiteral("on"),
                                              QStringLiteral("ignoring"), QStringLiteral("group_left"),
                                              QStringLiteral("group_right")};
            scopes.append({c, grouping.contains(nameBefore(query, i).toLower()), {}});
            break;
        }
        case u'{': scopes.append({c, false, nameBefore(query, i)}); break;
        case u'[': scopes.append({c, false, {}}); break;
        case u')': case u'}': case u']':
            if (!scopes.isEmpty())
                scopes.removeLast();
            break;
        default: break;
        }
    }
    if (comment)
        return {};
    const auto scope = scopes.isEmpty() ? Scope{} : scopes.constLast();
    Completion out;
    if (!quote.isNull()) {
        if (scope.open != u'{')
            return {};
        // label="…: the name before the operator before the quote.
        int j = stringStart;
        while (j > 0 && query.at(j - 1).isSpace())
            --j;
        while (j > 0 && (query.at(j - 1) == u'=' || query.at(j - 1) == u'!' || query.at(j - 1) == u'~'))
            --j;
        out.kind = Completion::Kind::LabelValue;
        out.label = nameBefore(query, j);
        out.metric = scope.metric;
        out.start = stringStart + 1;
        out.prefix = query.mid(out.start, cursor - out.start);
        return out;
    }
    if (scope.open == u'[')
        return {};
    int start = cursor;
    while (start > 0 && isNameChar(query.at(start - 1)))
        --start;
    out.start = start;
    out.prefix = query.mid(start, cursor - start);
    if (!out.prefix.isEmpty() && (out.prefix.at(0).isDigit()))
        return {}; // a number or a duration
    if (scope.open == u'{') {
        // After the operator of a matcher, only a string can follow.
        int j = start;
        while (j > 0 && query.at(j - 1).isSpace())
            --j;
        if (j > 0 && (query.at(j - 1) == u'=' || query.at(j - 1) == u'~'))
            return {};
        out.kind = Completion::Kind::LabelName;
        out.metric = scope.metric;
        return out;
    }
    if (scope.grouping) {
        out.kind = Completion::Kind::LabelName;
        return out;
    }
    out.kind = Completion::Kind::Name;
    return out;
}

std::optional<ErrorPosition> errorPosition(const QString &serverError, const QString &query)
{
    static const QRegularExpression prom(QStringLiteral(R"((?:^|\W)(\d+):(\d+): parse error)"));
    static const QRegularExpression loki(QStringLiteral(R"(parse error at line (\d+), col (\d+))"));
    auto m = prom.match(serverError);
    if (!m.hasMatch())
        m = loki.match(serverError);
    if (!m.hasMatch()) {
        // VictoriaMetrics (MetricsQL) gives no column but what it could not parse, Go-quoted, at the
        // end: "…; unparsed data: \"* 2\"" — the error is where that rest of the query begins.
        static const QRegularExpression vm(QStringLiteral(R"re(unparsed data(?: left)?: "((?:[^"\\]|\\.)*)"\s*$)re"));
        const auto v = vm.match(serverError);
        if (!v.hasMatch())
            return std::nullopt;
        auto rest = v.captured(1);
        rest.replace(QStringLiteral("\\\""), QStringLiteral("\"")).replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
        if (!query.endsWith(rest))
            return std::nullopt;
        ErrorPosition pos;
        pos.offset = int(query.size() - rest.size());
        const auto before = query.left(pos.offset);
        pos.line = int(before.count(u'\n')) + 1;
        pos.column = int(before.mid(before.lastIndexOf(u'\n') + 1).toUtf8().size()) + 1;
        return pos;
    }
    ErrorPosition pos;
    pos.line = m.captured(1).toInt();
    pos.column = m.captured(2).toInt();
    if (pos.line < 1 || pos.column < 1)
        return std::nullopt;
    // The column counts bytes of the line's UTF-8: decode that many bytes to find the character.
    const auto lines = query.split(u'\n');
    if (pos.line > lines.size())
        return std::nullopt;
    int offset = 0;
    for (int i = 0; i < pos.line - 1; ++i)
        offset += int(lines.at(i).size()) + 1;
    const auto bytes = lines.at(pos.line - 1).toUtf8();
    const auto before = QString::fromUtf8(bytes.left(std::min<qsizetype>(pos.column - 1, bytes.size())));
    pos.offset = std::min(offset + int(before.size()), int(query.size()));
    return pos;
}

QString errorText(const QString &serverError)
{
    // Prometheus: 'invalid parameter "query": 1:18: '; VictoriaMetrics: 'error when executing
    // query="…" for (time=…, step=…): ' (an instant query) or '… on the time range (start=…,
    // end=…, step=…): cannot execute query: ' (a range).
    static const QRegularExpression preamble(QStringLiteral(R"(^(?:invalid parameter "query": )?(?:\d+:\d+: )?)"));
    static const QRegularExpression vm(QStringLiteral(
        R"re(^error when executing query="(?:[^"\\]|\\.)*" (?:for|on the time range) \([^)]*\): (?:cannot execute query: )?)re"));
    auto text = serverError;
    text.remove(vm);
    text.remove(preamble);
    return text;
}

} // namespace wf::promql
