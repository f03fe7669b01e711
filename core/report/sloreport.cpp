#include "sloreport.h"

#include "sources/prometheus/prometheusclient.h"

#include <QCoreApplication>
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
        dayList.append(QJsonObject{{QStringLiteral("date"), d.date.toString(Qt::ISODate)},
                                   {QStringLiteral("p95Seconds"), number(d.p95Seconds)},
                                   {QStringLiteral("met"), d.p95Seconds ? QJsonValue(met) : QJsonValue()}});
    }
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
                     {QStringLiteral("events"), failoverList}}},
        {QStringLiteral("queries"), queryList}};
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
        m_report.days.append({date, std::nullopt});
        const int index = int(m_report.days.size()) - 1;
        ask(QStringLiteral("summary.latencyP95.days[%1]").arg(index), p95Query(dayStart.secsTo(dayEnd)), dayEnd,
            [this, index](const PromResult &r) {
                for (const auto &s : r.series)
                    if (!s.samples.empty() && std::isfinite(s.samples.back().value))
                        m_report.days[index].p95Seconds = s.samples.back().value;
            });
    }
    askTimeline(periodStart, end);
    --m_waiting;
    settle();
}

void SloReportBuilder::askTimeline(const QDateTime &from, const QDateTime &to)
{
    // A range at the scrape interval holds more points than one query may: asked in chunks (each
    // starting a step after the last one ended) and joined by series.
    m_states.clear();
    m_durations.clear();
    m_report.timelineStepSeconds = m_stepSeconds;
    const qint64 chunk = qint64(m_stepSeconds) * kPointsPerQuery;
    for (auto start = from; start < to; start = start.addSecs(chunk)) {
        const auto end = std::min(start.addSecs(chunk - m_stepSeconds), to);
        for (auto *into : {&m_states, &m_durations}) {
            const auto expr = QString::fromLatin1(into == &m_states ? "datasource_router_state" : kMetric);
            if (start == from)
                m_report.queries.append({QStringLiteral("failovers"), expr, to});
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
    timeline.setHistory(joined(m_states), joined(m_durations), m_stepSeconds);
    m_states.clear();
    m_durations.clear();
    m_report.failovers = timeline.failovers(QDateTime(m_report.from, QTime(0, 0), Qt::UTC), m_report.end);
    emit finished(m_report);
}

} // namespace wf
