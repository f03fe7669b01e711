#include "sloreport.h"

#include "alerts/alertinbox.h"
#include "alerts/fingerprint.h"
#include "domain/logrecord.h"
#include "domain/querytext.h"
#include "sources/alertmanager/alertmanagerclient.h"
#include "sources/loki/lokiclient.h"
#include "sources/prometheus/prometheusclient.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QFutureWatcher>
#include <QSet>
#include <QtConcurrent>
#include <QHash>
#include <QJsonArray>

#include <cmath>

namespace wf {
namespace {

class ReportText
{
    Q_DECLARE_TR_FUNCTIONS(wf::SloReportBuilder)
};

constexpr auto kMetric = "datasource_router_state_duration_seconds";
constexpr auto kUnavailable = "BOTH_UNAVAILABLE";

QJsonValue number(std::optional<double> v)
{
    return v && std::isfinite(*v) ? QJsonValue(*v) : QJsonValue();
}

QJsonObject secondsJson(const QMap<QString, double> &seconds)
{
    QJsonObject o;
    for (auto it = seconds.cbegin(); it != seconds.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

double sum(const QMap<QString, double> &seconds)
{
    double total = 0;
    for (const double s : seconds)
        total += s;
    return total;
}

} // namespace

std::optional<double> SloReport::availability(const QMap<QString, double> &seconds)
{
    const double total = sum(seconds);
    if (total <= 0)
        return std::nullopt;
    return 100.0 * (1.0 - seconds.value(QString::fromLatin1(kUnavailable)) / total);
}

QJsonObject SloReport::toJson() const
{
    const auto period = availability(stateSeconds);
    const auto previous = availability(previousStateSeconds);
    const auto last30 = availability(stateSeconds30d);
    const double budgetRatio = 1.0 - kAvailabilityTarget / 100.0; // 0.5 %
    const double unavailable = stateSeconds.value(QString::fromLatin1(kUnavailable));
    const double unavailable30 = stateSeconds30d.value(QString::fromLatin1(kUnavailable));
    const double allowed30 = budgetRatio * 30 * 1440;
    const double allowedPeriod = budgetRatio * periodDays() * 1440;
    const double periodTotal = sum(stateSeconds);

    QJsonArray dayList;
    int daysMet = 0, daysMeasured = 0;
    for (const auto &d : days) {
        const bool met = !d.p95Seconds || *d.p95Seconds <= kLatencyTargetSeconds;
        daysMet += d.p95Seconds && met ? 1 : 0;
        daysMeasured += d.p95Seconds ? 1 : 0;
        QJsonObject severities;
        for (auto it = d.incidentsBySeverity.cbegin(); it != d.incidentsBySeverity.cend(); ++it)
            severities.insert(it.key(), it.value());
        dayList.append(QJsonObject{{QStringLiteral("date"), d.date.toString(Qt::ISODate)},
                                   {QStringLiteral("p95Seconds"), number(d.p95Seconds)},
                                   {QStringLiteral("met"), d.p95Seconds ? QJsonValue(met) : QJsonValue()},
                                   {QStringLiteral("routerSeconds"), secondsJson(d.routerSeconds)},
                                   {QStringLiteral("incidentsBySeverity"), severities}});
    }
    QJsonArray segmentList;
    for (const auto &segment : routerSegments)
        segmentList.append(QJsonObject{{QStringLiteral("state"), routerStateName(segment.ambiguous ? RouterState::Unknown : segment.state)},
                                       {QStringLiteral("start"), segment.start.toString(Qt::ISODateWithMs)},
                                       {QStringLiteral("end"), segment.end.toString(Qt::ISODateWithMs)}});
    QJsonArray failoverList;
    for (const auto &f : failovers) {
        const auto last = f.ongoing() ? end : f.end;
        failoverList.append(QJsonObject{
            {QStringLiteral("start"), f.start.toString(Qt::ISODateWithMs)},
            {QStringLiteral("end"), f.ongoing() ? QJsonValue() : QJsonValue(f.end.toString(Qt::ISODateWithMs))},
            {QStringLiteral("durationSeconds"), double(f.start.msecsTo(last)) / 1000.0},
            {QStringLiteral("worstState"), routerStateName(f.worst)},
            {QStringLiteral("reason"), f.reason.isEmpty() ? QJsonValue() : QJsonValue(f.reason)},
            {QStringLiteral("recoverySeconds"), f.recoverySeconds ? QJsonValue(double(*f.recoverySeconds)) : QJsonValue()}});
    }
    QJsonArray incidentList;
    QHash<QString, QList<const Incident *>> byRule;
    for (const auto &i : incidents) {
        QJsonObject labelObject;
        for (auto it = i.labels.cbegin(); it != i.labels.cend(); ++it)
            labelObject.insert(it.key(), it.value());
        incidentList.append(QJsonObject{
            {QStringLiteral("alertname"), i.alertname},
            {QStringLiteral("severity"), i.severity},
            {QStringLiteral("labels"), labelObject},
            {QStringLiteral("start"), i.start.toString(Qt::ISODateWithMs)},
            {QStringLiteral("end"), i.end.isValid() ? QJsonValue(i.end.toString(Qt::ISODateWithMs)) : QJsonValue()},
            {QStringLiteral("durationSeconds"), i.seconds(end)},
            {QStringLiteral("runbook"), i.runbook.isEmpty() ? QJsonValue() : QJsonValue(i.runbook)},
            {QStringLiteral("acknowledgedBy"), i.acknowledgedAt.isValid() ? QJsonValue(i.acknowledgedBy) : QJsonValue()},
            {QStringLiteral("acknowledgedAt"), i.acknowledgedAt.isValid() ? QJsonValue(i.acknowledgedAt.toString(Qt::ISODateWithMs)) : QJsonValue()},
            {QStringLiteral("secondsToAcknowledge"),
             i.acknowledgedAt.isValid() ? QJsonValue(double(i.start.msecsTo(i.acknowledgedAt)) / 1000.0) : QJsonValue()}});
        byRule[i.alertname].append(&i);
    }
    // The alert review: the rules that fired, noisiest first, each with what would quieten it.
    QList<QJsonObject> ranked;
    for (auto it = byRule.cbegin(); it != byRule.cend(); ++it) {
        const auto &fired = it.value();
        std::vector<double> durations;
        int brief = 0, flaps = 0;
        for (int k = 0; k < fired.size(); ++k) {
            durations.push_back(fired[k]->seconds(end));
            // Resolved within 5 minutes and nobody acknowledged it: perhaps it need not have fired.
            brief += fired[k]->end.isValid() && fired[k]->seconds(end) < kBriefSeconds && !fired[k]->acknowledgedAt.isValid() ? 1 : 0;
            if (k > 0 && fired[k - 1]->end.isValid() && fired[k - 1]->end.secsTo(fired[k]->start) < kFlapSeconds)
                ++flaps;
        }
        const auto acknowledged = std::count_if(fired.cbegin(), fired.cend(), [](const Incident *i) { return i->acknowledgedAt.isValid(); });
        std::sort(durations.begin(), durations.end());
        const double median = durations.size() % 2 ? durations[durations.size() / 2]
                                                   : (durations[durations.size() / 2 - 1] + durations[durations.size() / 2]) / 2;
        const auto rule = std::find_if(rules.cbegin(), rules.cend(), [&](const Rule &r) { return r.name == it.key(); });
        const double forSeconds = rule == rules.cend() ? 0 : rule->forSeconds;
        QString suggestion;
        if (flaps > 0 && brief > 0)
            suggestion = ReportText::tr("Flaps and resolves fast: a longer for: (now %1 s, try %2 s) or hysteresis (keep_firing_for).")
                             .arg(forSeconds)
                             .arg(std::max(60.0, std::ceil(median * 2 / 60) * 60));
        else if (brief * 2 > int(fired.size()))
            suggestion = ReportText::tr("Mostly resolves within 5 minutes: a longer for: (now %1 s, try %2 s).")
                             .arg(forSeconds)
                             .arg(std::max(60.0, std::ceil(median * 2 / 60) * 60));
        else if (flaps > 0)
            suggestion = ReportText::tr("Fires again within an hour of resolving: check what it watches for oscillation.");
        ranked.append(QJsonObject{{QStringLiteral("alertname"), it.key()},
                                  {QStringLiteral("severity"), fired.first()->severity},
                                  {QStringLiteral("fires"), int(fired.size())},
                                  {QStringLiteral("firesPerWeek"), double(fired.size()) * 7.0 / periodDays()},
                                  {QStringLiteral("medianDurationSeconds"), median},
                                  {QStringLiteral("acknowledged"), acknowledgementsKnown ? QJsonValue(qint64(acknowledged)) : QJsonValue()},
                                  {QStringLiteral("acknowledgedPercent"),
                                   acknowledgementsKnown ? QJsonValue(100.0 * double(acknowledged) / double(fired.size())) : QJsonValue()},
                                  {QStringLiteral("falsePositiveCandidates"), brief},
                                  {QStringLiteral("flaps"), flaps},
                                  {QStringLiteral("forSeconds"), forSeconds},
                                  {QStringLiteral("suggestion"), suggestion.isEmpty() ? QJsonValue() : QJsonValue(suggestion)}});
    }
    std::sort(ranked.begin(), ranked.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const auto noise = [](const QJsonObject &o) {
            return o.value(QStringLiteral("fires")).toInt() + o.value(QStringLiteral("falsePositiveCandidates")).toInt()
                + o.value(QStringLiteral("flaps")).toInt();
        };
        return noise(a) != noise(b) ? noise(a) > noise(b)
                                    : a.value(QStringLiteral("alertname")).toString() < b.value(QStringLiteral("alertname")).toString();
    });
    QJsonArray rankedList;
    for (const auto &o : ranked)
        rankedList.append(o);
    QJsonArray silent;
    for (const auto &r : rules)
        if (!firedIn30Days.contains(r.name))
            silent.append(r.name);
    QJsonArray queryList;
    for (const auto &q : queries)
        queryList.append(QJsonObject{{QStringLiteral("figure"), q.figure},
                                     {QStringLiteral("query"), q.expr},
                                     {QStringLiteral("time"), q.time.toString(Qt::ISODateWithMs)}});
    return QJsonObject{
        {QStringLiteral("period"),
         QJsonObject{{QStringLiteral("from"), from.toString(Qt::ISODate)},
                     {QStringLiteral("to"), to.toString(Qt::ISODate)},
                     {QStringLiteral("days"), periodDays()},
                     {QStringLiteral("evaluatedAt"), end.toString(Qt::ISODateWithMs)},
                     {QStringLiteral("complete"), complete},
                     {QStringLiteral("generatedAt"), generatedAt.toString(Qt::ISODateWithMs)}}},
        {QStringLiteral("summary"),
         QJsonObject{
             {QStringLiteral("availability"),
              QJsonObject{{QStringLiteral("targetPercent"), kAvailabilityTarget},
                          {QStringLiteral("periodPercent"), number(period)},
                          {QStringLiteral("previousPeriodPercent"), number(previous)},
                          {QStringLiteral("changePoints"), number(period && previous ? std::optional(*period - *previous) : std::nullopt)},
                          {QStringLiteral("last30DaysPercent"), number(last30)},
                          {QStringLiteral("met"), period ? QJsonValue(*period >= kAvailabilityTarget) : QJsonValue()}}},
             {QStringLiteral("errorBudget"),
              QJsonObject{{QStringLiteral("periodAllowedMinutes"), allowedPeriod},
                          {QStringLiteral("periodUsedMinutes"), unavailable / 60.0},
                          {QStringLiteral("periodLeftMinutes"), allowedPeriod - unavailable / 60.0},
                          {QStringLiteral("last30DaysAllowedMinutes"), allowed30},
                          {QStringLiteral("last30DaysUsedMinutes"), unavailable30 / 60.0},
                          {QStringLiteral("last30DaysLeftMinutes"), allowed30 - unavailable30 / 60.0}}},
             {QStringLiteral("burnRate"),
              number(periodTotal > 0 ? std::optional((unavailable / periodTotal) / budgetRatio) : std::nullopt)},
             {QStringLiteral("latencyP95"),
              QJsonObject{{QStringLiteral("targetSeconds"), kLatencyTargetSeconds},
                          {QStringLiteral("days"), dayList},
                          {QStringLiteral("daysMet"), daysMet},
                          {QStringLiteral("daysMeasured"), daysMeasured},
                          {QStringLiteral("met"), daysMeasured > 0 ? QJsonValue(daysMet == daysMeasured) : QJsonValue()}}},
             // How much of each range the router's data covers (history may begin inside it).
             {QStringLiteral("coveragePercent"),
              QJsonObject{{QStringLiteral("period"), 100.0 * periodTotal / std::max<double>(1, periodSeconds())},
                          {QStringLiteral("last30Days"), 100.0 * sum(stateSeconds30d) / (30.0 * 86400)}}},
             {QStringLiteral("routerStateSeconds"),
              QJsonObject{{QStringLiteral("period"), secondsJson(stateSeconds)},
                          {QStringLiteral("previousPeriod"), secondsJson(previousStateSeconds)},
                          {QStringLiteral("last30Days"), secondsJson(stateSeconds30d)}}}}},
        {QStringLiteral("failovers"),
         QJsonObject{{QStringLiteral("count"), int(failovers.size())},
                     {QStringLiteral("stepSeconds"), timelineStepSeconds},
                     {QStringLiteral("events"), failoverList},
                     {QStringLiteral("timeline"), segmentList}}},
        {QStringLiteral("dataQuality"), dataQualityJson()},
        {QStringLiteral("incidents"), incidentList},
        {QStringLiteral("incidentSummary"), incidentSummary()},
        {QStringLiteral("alertReview"),
         QJsonObject{{QStringLiteral("rules"), rankedList},
                     {QStringLiteral("neverFiredIn30Days"), silent},
                     {QStringLiteral("briefSeconds"), kBriefSeconds},
                     {QStringLiteral("flapSeconds"), kFlapSeconds}}},
        {QStringLiteral("queries"), queryList}};
}

void SloReport::fillDays()
{
    for (auto &day : days) {
        const QDateTime dayStart(day.date, QTime(0, 0), Qt::UTC);
        const auto dayEnd = std::min(dayStart.addDays(1), end);
        day.routerSeconds.clear();
        day.incidentsBySeverity.clear();
        for (const auto &segment : std::as_const(routerSegments)) {
            const auto from = std::max(segment.start, dayStart);
            const auto to = std::min(segment.end, dayEnd);
            if (from < to)
                day.routerSeconds[routerStateName(segment.ambiguous ? RouterState::Unknown : segment.state)] += double(from.msecsTo(to)) / 1000.0;
        }
        for (const auto &incident : std::as_const(incidents))
            if (incident.start >= dayStart && incident.start < dayStart.addDays(1))
                ++day.incidentsBySeverity[incident.severity.isEmpty() ? QStringLiteral("none") : incident.severity];
    }
}

QJsonObject SloReport::dataQualityJson() const
{
    QJsonArray excursions;
    for (auto it = priceExcursions.cbegin(); it != priceExcursions.cend(); ++it)
        excursions.append(QJsonObject{{QStringLiteral("symbol"), it.key()},
                                      {QStringLiteral("maxPercent"), it->maxPercent},
                                      {QStringLiteral("secondsOver"), it->secondsOver}});
    double validation = 0, breakers = 0;
    for (const double v : validationFailures)
        validation += v;
    for (const double v : circuitBreakers)
        breakers += v;
    return QJsonObject{{QStringLiteral("validationFailures"), secondsJson(validationFailures)},
                       {QStringLiteral("validationFailuresTotal"), validation},
                       {QStringLiteral("circuitBreakers"), secondsJson(circuitBreakers)},
                       {QStringLiteral("circuitBreakersTotal"), breakers},
                       {QStringLiteral("priceExcursions"), excursions},
                       {QStringLiteral("priceDeltaPercent"), kPriceDeltaPercent},
                       {QStringLiteral("excursionStepSeconds"), excursionStepSeconds}};
}

QJsonObject SloReport::incidentSummary() const
{
    double ackTotal = 0, resolveTotal = 0;
    int acknowledged = 0, resolved = 0;
    for (const auto &i : incidents) {
        if (i.acknowledgedAt.isValid()) {
            ++acknowledged;
            ackTotal += double(i.start.msecsTo(i.acknowledgedAt)) / 1000.0;
        }
        if (i.end.isValid()) {
            ++resolved;
            resolveTotal += i.seconds(end);
        }
    }
    return QJsonObject{{QStringLiteral("count"), int(incidents.size())},
                       {QStringLiteral("acknowledgementsKnown"), acknowledgementsKnown},
                       {QStringLiteral("acknowledged"), acknowledgementsKnown ? QJsonValue(acknowledged) : QJsonValue()},
                       {QStringLiteral("mttaSeconds"), acknowledged > 0 ? QJsonValue(ackTotal / acknowledged) : QJsonValue()},
                       {QStringLiteral("mttrSeconds"), resolved > 0 ? QJsonValue(resolveTotal / resolved) : QJsonValue()},
                       {QStringLiteral("resolved"), resolved}};
}

SloReportBuilder::SloReportBuilder(PrometheusClient *prometheus, QObject *parent)
    : QObject(parent)
    , m_prometheus(prometheus)
{
}

QString SloReportBuilder::stateSecondsQuery(qint64 seconds)
{
    const auto x = QString::fromLatin1(kMetric);
    const auto r = QStringLiteral("[%1s]").arg(seconds);
    return QStringLiteral("sum by (state) ((max_over_time(%1%2) - min_over_time(%1%2) unless resets(%1%2) > 0) or increase(%1%2))")
        .arg(x, r);
}

QString SloReportBuilder::p95Query(qint64 seconds)
{
    return QStringLiteral("histogram_quantile(0.95, sum by (le) (increase(alpaca_message_latency_seconds_bucket[%1s])))").arg(seconds);
}

QString SloReportBuilder::eventsQuery(const QString &counter, const QString &by, qint64 seconds)
{
    const auto r = QStringLiteral("[%1s]").arg(seconds);
    return QStringLiteral("round(sum by (%3) ((max_over_time(%1%2) - min_over_time(%1%2) unless resets(%1%2) > 0) or increase(%1%2))) > 0")
        .arg(counter, r, by);
}

void SloReportBuilder::start(const QDate &from, const QDate &to, const QDateTime &now)
{
    m_report = SloReport{};
    m_error.reset();
    m_report.from = from;
    m_report.to = to;
    m_report.generatedAt = now;
    const QDateTime periodEnd(to.addDays(1), QTime(0, 0), Qt::UTC);
    m_report.complete = periodEnd <= now;
    m_report.end = m_report.complete ? periodEnd : now;
    const QDateTime periodStart(from, QTime(0, 0), Qt::UTC);
    const auto end = m_report.end;
    const qint64 span = periodStart.secsTo(end);
    const auto states = [](QMap<QString, double> *into) {
        return [into](const PromResult &r) {
            for (const auto &s : r.series)
                if (!s.samples.empty() && std::isfinite(s.samples.back().value))
                    into->insert(s.labels.value(QStringLiteral("state")), s.samples.back().value);
        };
    };
    m_waiting = 1; // until every question is out
    ask(QStringLiteral("summary.routerStateSeconds.period"), stateSecondsQuery(span), end, states(&m_report.stateSeconds));
    ask(QStringLiteral("summary.routerStateSeconds.previousPeriod"), stateSecondsQuery(86400LL * m_report.periodDays()),
        periodStart, states(&m_report.previousStateSeconds));
    ask(QStringLiteral("summary.routerStateSeconds.last30Days"), stateSecondsQuery(30 * 86400LL), end,
        states(&m_report.stateSeconds30d));
    for (int i = 0; i < m_report.periodDays(); ++i) {
        const auto date = from.addDays(i);
        const QDateTime dayStart(date, QTime(0, 0), Qt::UTC);
        if (dayStart >= end)
            break;
        const auto dayEnd = std::min(dayStart.addDays(1), end);
        m_report.days.append({date, std::nullopt, {}, {}});
        const int index = int(m_report.days.size()) - 1;
        ask(QStringLiteral("summary.latencyP95.days[%1]").arg(index), p95Query(dayStart.secsTo(dayEnd)), dayEnd,
            [this, index](const PromResult &r) {
                for (const auto &s : r.series)
                    if (!s.samples.empty() && std::isfinite(s.samples.back().value))
                        m_report.days[index].p95Seconds = s.samples.back().value;
            });
    }
    askTimeline(periodStart, end);
    // Data quality.
    const auto byLabel = [](QMap<QString, double> *into, const QString &label) {
        return [into, label](const PromResult &r) {
            for (const auto &s : r.series)
                if (!s.samples.empty())
                    into->insert(s.labels.value(label), s.samples.back().value);
        };
    };
    ask(QStringLiteral("dataQuality.validationFailures"),
        eventsQuery(QStringLiteral("datasource_router_validation_failures_total"), QStringLiteral("reason"), span), end,
        byLabel(&m_report.validationFailures, QStringLiteral("reason")));
    ask(QStringLiteral("dataQuality.circuitBreakers"),
        eventsQuery(QStringLiteral("datasource_router_circuit_breaker_total"), QStringLiteral("symbol"), span), end,
        byLabel(&m_report.circuitBreakers, QStringLiteral("symbol")));
    // The largest from the raw samples (a subquery's steps could step over a one-scrape spike);
    // then, for the symbols over, the seconds over.
    ask(QStringLiteral("dataQuality.priceExcursions.max"),
        QStringLiteral("max by (symbol) (label_replace(max_over_time(datasource_router_price_delta_percent[%1s]), \"side\", \"up\", \"\", \"\")"
                       " or label_replace(-min_over_time(datasource_router_price_delta_percent[%1s]), \"side\", \"down\", \"\", \"\")) > %2")
            .arg(span).arg(SloReport::kPriceDeltaPercent),
        end, [this, periodStart, end](const PromResult &r) {
            QStringList symbols;
            for (const auto &s : r.series)
                if (!s.samples.empty()) {
                    m_report.priceExcursions[s.labels.value(QStringLiteral("symbol"))].maxPercent = s.samples.back().value;
                    symbols.append(escapeRegex(s.labels.value(QStringLiteral("symbol")))); // RE2's rules, not PCRE's
                }
            if (!symbols.isEmpty())
                askSecondsOver(symbols, periodStart, end);
        });
    --m_waiting;
    settle();
}

void SloReportBuilder::askSecondsOver(const QStringList &symbols, const QDateTime &from, const QDateTime &to)
{
    // Every second at which the symbol's latest sample was over (what a chart holds between
    // samples), so a spike of one scrape counts its scrape interval; a day per query keeps each
    // well inside Prometheus' sample limit however many symbols are over.
    m_report.excursionStepSeconds = kExcursionStepSeconds;
    // The symbols RE2-quoted, then the whole a PromQL string (BRK.B is BRK\\.B inside the quotes).
    const auto selector = QStringLiteral("datasource_router_price_delta_percent{%1}")
                              .arg(labelMatcher(QStringLiteral("symbol"), QStringLiteral("=~"), symbols.join(u'|')));
    // The seconds (start, end] of each chunk, whole: a subquery's range includes its first step.
    const auto first = QDateTime::fromSecsSinceEpoch(from.toSecsSinceEpoch(), Qt::UTC);
    for (auto chunkEnd = QDateTime::fromSecsSinceEpoch(to.toSecsSinceEpoch(), Qt::UTC); chunkEnd > first;) {
        const auto chunkStart = std::max(first, chunkEnd.addSecs(-kExcursionChunkSeconds));
        const auto seconds = chunkStart.secsTo(chunkEnd);
        ask(QStringLiteral("dataQuality.priceExcursions.secondsOver"),
            QStringLiteral("max by (symbol) (count_over_time((abs(%1) > %2)[%3ms:%4s])) * %4")
                .arg(selector).arg(SloReport::kPriceDeltaPercent).arg(seconds * 1000 - 1).arg(kExcursionStepSeconds),
            chunkEnd, [this](const PromResult &r) {
                for (const auto &s : r.series)
                    if (!s.samples.empty())
                        m_report.priceExcursions[s.labels.value(QStringLiteral("symbol"))].secondsOver += s.samples.back().value;
            });
        chunkEnd = chunkStart;
    }
}

void SloReportBuilder::askTimeline(const QDateTime &from, const QDateTime &to)
{
    m_states.clear();
    m_durations.clear();
    m_alerts.clear();
    m_report.timelineStepSeconds = m_stepSeconds;
    askChunked(QStringLiteral("failovers"), QStringLiteral("datasource_router_state"), from, to, &m_states);
    askChunked(QStringLiteral("failovers"), QString::fromLatin1(kMetric), from, to, &m_durations);
    askChunked(QStringLiteral("incidents"), QStringLiteral("ALERTS{alertstate=\"firing\"}"), from, to, &m_alerts);
    // The rules (severity, for:, runbook) and which of them fired in the last 30 days.
    m_report.queries.append({QStringLiteral("alertReview.rules"), QStringLiteral("/api/v1/rules"), to});
    ++m_waiting;
    m_prometheus->rules(this, [this](const Result<QList<RuleGroup>> &r) {
        if (r) {
            for (const auto &group : r.value())
                for (const auto &rule : group.alertingRules)
                    m_report.rules.append({rule.name, rule.labels.value(QStringLiteral("severity")), rule.durationSeconds,
                                           rule.annotations.value(QStringLiteral("runbook_url")).section(u'/', -1)});
        } else if (!m_error) {
            m_error = r.error();
        }
        --m_waiting;
        settle();
    });
    if (m_loki) {
        // Why each failover began: the router logs every transition with its Reason.
        LokiQuery q;
        q.logql = QStringLiteral("{app=\"mytrader-api\"} |= \"state transition\"");
        q.startNs = from.toMSecsSinceEpoch() * 1'000'000;
        q.endNs = to.toMSecsSinceEpoch() * 1'000'000 + 1;
        q.limit = LokiClient::kMaxLimit;
        q.direction = LokiQuery::Direction::Forward;
        m_report.queries.append({QStringLiteral("failovers.reason"), q.logql, to});
        ++m_waiting;
        m_loki->queryRange(q, this, [this](const Result<LokiResult> &r) {
            if (r) {
                for (const auto &stream : r->streams)
                    for (const auto &entry : stream.entries) {
                        const auto record = logs::parseLine(entry.line.toUtf8(), entry.ns);
                        const auto reason = record.properties.value(QStringLiteral("Reason")).toString();
                        if (!reason.isEmpty())
                            m_transitions.append({QDateTime::fromMSecsSinceEpoch(record.ns / 1'000'000, Qt::UTC),
                                                  record.properties.value(QStringLiteral("PreviousState")).toString(), reason});
                    }
            } else {
                m_lokiError = r.error();
            }
            --m_waiting;
            settle();
        });
    }
    if (m_alertmanager) {
        m_report.queries.append({QStringLiteral("incidents.acknowledgements"), QStringLiteral("/api/v2/silences"), to});
        ++m_waiting;
        m_alertmanager->silences({}, this, [this](const Result<QList<Silence>> &r) {
            if (r)
                m_silences = r.value();
            else
                m_alertmanagerError = r.error();
            --m_waiting;
            settle();
        });
    }
    ask(QStringLiteral("alertReview.firedIn30Days"),
        QStringLiteral("count by (alertname) (count_over_time(ALERTS{alertstate=\"firing\"}[30d]))"), to,
        [this](const PromResult &r) {
            for (const auto &s : r.series)
                m_report.firedIn30Days.append(s.labels.value(QStringLiteral("alertname")));
        });
}

void SloReportBuilder::askChunked(const QString &figure, const QString &expr, const QDateTime &from, const QDateTime &to,
                                  QMap<QString, Series> *into)
{
    // A range at the scrape interval holds more points than one query may: asked in chunks (each
    // starting a step after the last one ended) and joined by series.
    m_report.queries.append({figure, expr, to});
    const qint64 chunk = qint64(m_stepSeconds) * kPointsPerQuery;
    for (auto start = from; start < to; start = start.addSecs(chunk)) {
        const auto end = std::min(start.addSecs(chunk - m_stepSeconds), to);
        ++m_waiting;
        m_prometheus->queryRange(expr, start, end, m_stepSeconds, this, [this, into](const Result<PromResult> &r) {
            if (r) {
                for (const auto &s : r->series) {
                    QStringList key;
                    for (auto it = s.labels.cbegin(); it != s.labels.cend(); ++it)
                        key.append(it.key() + u'=' + it.value());
                    auto &joined = (*into)[key.join(u'\n')];
                    joined.labels = s.labels;
                    joined.samples.insert(joined.samples.end(), s.samples.cbegin(), s.samples.cend());
                }
            } else if (!m_error) {
                m_error = r.error();
            }
            --m_waiting;
            settle();
        });
    }
}

void SloReportBuilder::ask(const QString &figure, const QString &expr, const QDateTime &at,
                           std::function<void(const PromResult &)> take)
{
    m_report.queries.append({figure, expr, at});
    ++m_waiting;
    m_prometheus->query(expr, at, this, [this, take](const Result<PromResult> &r) {
        if (r)
            take(r.value());
        else if (!m_error)
            m_error = r.error();
        --m_waiting;
        settle();
    });
}

void SloReportBuilder::settle()
{
    if (m_waiting > 0)
        return;
    if (m_error) {
        emit failed(ReportText::tr("Prometheus could not answer: %1").arg(m_error->message));
        return;
    }
    if (m_alertmanagerError) {
        emit failed(ReportText::tr("Alertmanager could not answer: %1").arg(m_alertmanagerError->message));
        return;
    }
    if (m_lokiError) {
        emit failed(ReportText::tr("Loki could not answer: %1").arg(m_lokiError->message));
        return;
    }
    // The timeline, the failovers and the incidents from a week of points take a second or two:
    // on a worker, so the window keeps painting; what was gathered goes with it (the builder may
    // be gone when it is done: then nobody hears of it).
    Gathered g;
    g.report = std::move(m_report);
    g.states = std::move(m_states);
    g.durations = std::move(m_durations);
    g.alerts = std::move(m_alerts);
    g.transitions = std::move(m_transitions);
    g.silences = std::move(m_silences);
    g.history = m_history;
    g.historyGiven = m_historyGiven;
    g.alertmanagerAsked = m_alertmanager != nullptr;
    g.stepSeconds = m_stepSeconds;
    m_states.clear();
    m_durations.clear();
    m_alerts.clear();
    m_transitions.clear();
    m_silences.clear();
    auto *watcher = new QFutureWatcher<SloReport>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_report = watcher->result();
        emit finished(m_report);
    });
    emit composing();
    watcher->setFuture(QtConcurrent::run([g = std::move(g)]() mutable { return compose(std::move(g)); }));
}

SloReport SloReportBuilder::compose(Gathered g)
{
    const auto joined = [](const QMap<QString, Series> &parts) {
        PromResult r;
        r.type = PromResult::Type::Matrix;
        for (auto s : parts) {
            std::sort(s.samples.begin(), s.samples.end(), [](const Sample &a, const Sample &b) { return a.time < b.time; });
            r.series.push_back(std::move(s));
        }
        return r;
    };
    RouterTimeline timeline;
    timeline.setHistory(joined(g.states), joined(g.durations), g.stepSeconds);
    g.states.clear();
    g.durations.clear();
    g.report.failovers = timeline.failovers(QDateTime(g.report.from, QTime(0, 0), Qt::UTC), g.report.end);
    g.report.routerSegments = timeline.segments(QDateTime(g.report.from, QTime(0, 0), Qt::UTC), g.report.end);
    for (auto &segment : g.report.routerSegments) {
        segment.start = std::max(segment.start, QDateTime(g.report.from, QTime(0, 0), Qt::UTC));
        segment.end = std::min(segment.end, g.report.end);
    }
    // A failover's reason: the logged transition out of PRIMARY_ACTIVE nearest its start (within
    // a step and two seconds: the timeline knows its start to a step).
    for (auto &f : g.report.failovers) {
        qint64 best = qint64(g.stepSeconds) * 1000 + 2000;
        for (const auto &t : std::as_const(g.transitions))
            if (t.from == u"PRIMARY_ACTIVE" && std::abs(t.at.msecsTo(f.start)) <= best) {
                best = std::abs(t.at.msecsTo(f.start));
                f.reason = t.reason;
            }
    }
    g.transitions.clear();
    makeIncidents(g);
    g.report.fillDays();
    return std::move(g.report);
}

void SloReportBuilder::makeIncidents(Gathered &g)
{
    // A series of ALERTS is present at each evaluation while the alert fires: a run of points a
    // step apart is one incident; a gap of more than two steps ends it.
    QHash<QString, SloReport::Rule> rules;
    for (const auto &rule : std::as_const(g.report.rules))
        rules.insert(rule.name, rule);
    const double step = g.stepSeconds;
    const double last = double(g.report.end.toMSecsSinceEpoch()) / 1000.0;
    for (auto s : std::as_const(g.alerts)) {
        std::sort(s.samples.begin(), s.samples.end(), [](const Sample &a, const Sample &b) { return a.time < b.time; });
        SloReport::Incident base;
        base.alertname = s.labels.value(QStringLiteral("alertname"));
        base.severity = s.labels.value(QStringLiteral("severity"));
        base.runbook = rules.value(base.alertname).runbook;
        base.labels = s.labels;
        for (const auto *name : {"__name__", "alertname", "alertstate", "severity"})
            base.labels.remove(QString::fromLatin1(name));
        const auto at = [](double t) { return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(t * 1000)), Qt::UTC); };
        for (std::size_t i = 0; i < s.samples.size();) {
            std::size_t j = i;
            while (j + 1 < s.samples.size() && s.samples[j + 1].time - s.samples[j].time <= 2 * step + 0.001)
                ++j;
            auto incident = base;
            incident.start = at(s.samples[i].time);
            if (s.samples[j].time < last - 2 * step)
                incident.end = at(s.samples[j].time + step);
            g.report.incidents.append(incident);
            i = j + 1;
        }
    }
    std::sort(g.report.incidents.begin(), g.report.incidents.end(),
              [](const SloReport::Incident &a, const SloReport::Incident &b) { return a.start < b.start; });
    g.alerts.clear();
    // Acknowledged: the first silence over the alert's labels made while it fired.
    // Or, earlier or where Alertmanager has forgotten the silence, the console's own history: an
    // acknowledgement of the same alert (its fingerprint) while it fired — by name when the
    // fingerprints differ (Prometheus' external labels) and only one such incident was firing then.
    g.report.acknowledgementsKnown = g.alertmanagerAsked || g.historyGiven;
    QSet<QString> historyFingerprints;
    for (const auto &e : std::as_const(g.history))
        historyFingerprints.insert(e.fingerprint);
    for (auto &incident : g.report.incidents) {
        auto labels = incident.labels;
        labels.insert(QStringLiteral("alertname"), incident.alertname);
        if (!incident.severity.isEmpty())
            labels.insert(QStringLiteral("severity"), incident.severity);
        const auto until = incident.end.isValid() ? incident.end : g.report.end;
        const auto take = [&incident](const QDateTime &at, const QString &by) {
            if (!incident.acknowledgedAt.isValid() || at < incident.acknowledgedAt) {
                incident.acknowledgedAt = at;
                incident.acknowledgedBy = by;
            }
        };
        for (const auto &silence : std::as_const(g.silences))
            if (silence.startsAt >= incident.start && silence.startsAt <= until && AlertInbox::matches(silence.matchers, labels))
                take(silence.startsAt, silence.createdBy);
        const auto fingerprint = alertFingerprint(labels);
        for (const auto &e : std::as_const(g.history)) {
            if (e.kind != AlertEvent::Kind::Acknowledged || e.at < incident.start || e.at > until)
                continue;
            if (e.fingerprint == fingerprint) {
                take(e.at, e.author);
            } else if (!historyFingerprints.contains(fingerprint) && e.alertname == incident.alertname) {
                const auto firing = std::count_if(g.report.incidents.cbegin(), g.report.incidents.cend(), [&](const auto &other) {
                    return other.alertname == e.alertname && other.start <= e.at && (!other.end.isValid() || other.end >= e.at);
                });
                if (firing == 1)
                    take(e.at, e.author);
            }
        }
    }
    g.silences.clear();
    if (g.historyGiven)
        g.report.queries.append({QStringLiteral("incidents.acknowledgements.history"),
                                 QStringLiteral("the console's alert history (history.sqlite): acknowledged events"), g.report.end});
}

} // namespace wf
