#include "queryplan.h"

#include "domain/querytext.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace wf {

size_t qHash(const QueryKey &key, size_t seed) noexcept
{
    return qHashMulti(seed, key.expr, key.instant, key.start, key.end, key.step, key.loki, key.limit);
}

namespace queryplan {

qint64 stepFor(qint64 rangeSeconds, int widthPx, qint64 scrapeSeconds)
{
    static constexpr std::array<qint64, 17> kNice{1,    2,    5,    10,   15,    30,    60,    120,  300,
                                                  600,  900,  1800, 3600, 7200,  10800, 21600, 43200};
    const auto width = std::max(widthPx, 10);
    const auto raw = std::max<qint64>({scrapeSeconds, (rangeSeconds + width - 1) / width, 1});
    for (const auto nice : kNice)
        if (nice >= raw)
            return nice;
    return ((raw + 86399) / 86400) * 86400;
}

qint64 rateIntervalFor(qint64 stepSeconds, qint64 scrapeSeconds)
{
    return std::max(4 * scrapeSeconds, stepSeconds + scrapeSeconds);
}

QString promDuration(qint64 seconds)
{
    return QStringLiteral("%1s").arg(std::max<qint64>(seconds, 1));
}

QString expand(const QString &expr, const QueryContext &context, qint64 stepSeconds)
{
    auto text = expr;
    const auto range = std::max<qint64>(context.from.secsTo(context.to), 1);
    // Grafana's spellings too (imported dashboards): ${__range}, and the _s and _ms forms first.
    for (const auto *name : {"__rate_interval", "__range_ms", "__range_s", "__range", "__interval_ms", "__interval", "__auto"})
        text.replace(QStringLiteral("${%1}").arg(QLatin1String(name)), QStringLiteral("$%1").arg(QLatin1String(name)));
    text.replace(QLatin1String("$__rate_interval"), promDuration(rateIntervalFor(stepSeconds, context.scrapeSeconds)));
    text.replace(QLatin1String("$__range_ms"), QString::number(range * 1000));
    text.replace(QLatin1String("$__range_s"), QString::number(range));
    text.replace(QLatin1String("$__range"), promDuration(range));
    text.replace(QLatin1String("$__interval_ms"), QString::number(stepSeconds * 1000));
    text.replace(QLatin1String("$__interval"), promDuration(stepSeconds));
    text.replace(QLatin1String("$__auto"), promDuration(stepSeconds)); // Grafana's Loki queries: the step
    for (auto it = context.variables.cbegin(); it != context.variables.cend(); ++it) {
        QString regex = QStringLiteral(".*");
        if (!it.value().isEmpty()) {
            QStringList escaped;
            for (const auto &value : it.value())
                escaped.append(escapeRegex(value));
            regex = escaped.join(QLatin1Char('|'));
        }
        // The variable stands inside a PromQL string: quote it as one, without the quotes.
        const auto quoted = quoteString(regex);
        const auto inner = quoted.mid(1, quoted.size() - 2);
        text.replace(QStringLiteral("${%1}").arg(it.key()), inner);
        const QRegularExpression bare(QStringLiteral("\\$%1\\b").arg(QRegularExpression::escape(it.key())));
        text.replace(bare, inner);
    }
    return text;
}

QueryKey rangeKey(const QString &expr, const QueryContext &context)
{
    const auto from = context.from.toSecsSinceEpoch();
    const auto to = context.to.toSecsSinceEpoch();
    QueryKey key;
    key.step = stepFor(std::max<qint64>(to - from, 1), context.widthPx, context.scrapeSeconds);
    // The points sit on multiples of the step (a stable picture from refresh to refresh), and none
    // lies in the future: a point after now would be computed from a window still filling up and
    // change once the next scrape lands. A second's margin covers the scrape that is being stored.
    key.start = (from / key.step) * key.step;
    key.end = std::max(key.start, to - 1);
    key.expr = expand(expr, context, key.step);
    return key;
}

QueryKey latestKey(const QString &expr, const QueryContext &context)
{
    auto key = rangeKey(expr, context);
    key.end = std::max<qint64>(context.to.toSecsSinceEpoch() - 1, 0);
    const auto steps = std::max<qint64>((key.end - context.from.toSecsSinceEpoch() + key.step - 1) / key.step, 1);
    key.start = key.end - steps * key.step;
    return key;
}

QueryKey instantKey(const QString &expr, const QueryContext &context)
{
    QueryKey key;
    key.instant = true;
    const auto step = stepFor(std::max<qint64>(context.from.secsTo(context.to), 1), context.widthPx,
                              context.scrapeSeconds);
    key.start = key.end = context.to.toSecsSinceEpoch() - 1; // see rangeKey
    key.expr = expand(expr, context, step);
    return key;
}

} // namespace queryplan
} // namespace wf
