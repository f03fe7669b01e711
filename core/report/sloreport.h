#pragma once

#include "domain/routertimeline.h"
#include "net/result.h"
#include "sources/alertmanager/amtypes.h"
#include "store/alerthistory.h"
#include "sources/prometheus/promresult.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace wf {

class AlertmanagerClient;
class LokiClient;
class PrometheusClient;

// The figures of the weekly SLO report (issue "The weekly SLO report"), each with the query it
// came from: what the JSON output holds and the PDF shows.
struct SloReport
{
    static constexpr double kAvailabilityTarget = 99.5; // %
    static constexpr double kLatencyTargetSeconds = 2.0; // P95 per day

    QDate from;
    QDate to;            // inclusive
    QDateTime end;       // where the figures are evaluated: the day after `to` at 00:00 UTC, or now
    bool complete = false; // the period is over (end is not now)
    QDateTime generatedAt;

    // Seconds in each router state over the period, the period before it (as long) and 30 days.
    QMap<QString, double> stateSeconds;
    QMap<QString, double> previousStateSeconds;
    QMap<QString, double> stateSeconds30d;

    struct Day
    {
        QDate date;
        std::optional<double> p95Seconds; // none: no latency observed that day
        // The day's seconds in each router state from the timeline (UNKNOWN: no data, or stale
        // series that disagree), and the alerts that began firing that day by severity.
        QMap<QString, double> routerSeconds;
        QMap<QString, int> incidentsBySeverity;
    };
    QList<Day> days; // the period's days up to end

    // Each failover in the period, from the router timeline the dashboards use, asked at the
    // scrape interval (a short failover is not stepped over).
    QList<FailoverEvent> failovers;
    int timelineStepSeconds = 0;
    QList<RouterSegment> routerSegments; // that timeline over the period (the chart of the days)

    // Each time an alert fired in the period, from Prometheus' ALERTS series (so any machine
    // that asks has them), with its rule's severity and runbook.
    struct Incident
    {
        QString alertname;
        QString severity;
        Labels labels; // the alert's own, less alertname, alertstate and severity
        QDateTime start;
        QDateTime end; // the last evaluation that saw it firing, plus a step; invalid while it fires
        QString runbook; // the runbook's slug (its URL's last segment)
        // The first silence over it made while it fired (a Watchfloor acknowledgement is one).
        QString acknowledgedBy;
        QDateTime acknowledgedAt;
        double seconds(const QDateTime &reportEnd) const { return double(start.msecsTo(end.isValid() ? end : reportEnd)) / 1000.0; }
    };
    QList<Incident> incidents;
    struct Rule
    {
        QString name;
        QString severity;
        double forSeconds = 0;
        QString runbook;
    };
    QList<Rule> rules;             // every alerting rule Prometheus has
    QStringList firedIn30Days;     // the rules with a firing ALERTS sample in the last 30 days
    bool acknowledgementsKnown = false; // Alertmanager was asked (it keeps expired silences 5 days by default)

    // Data quality over the period: validation failures by reason, circuit breakers by symbol,
    // and for each symbol whose Alpaca–Yahoo price delta went over 5 %: its largest and the
    // seconds over (the seconds at which its latest sample was over, counted every
    // excursionStepSeconds).
    QMap<QString, double> validationFailures;
    QMap<QString, double> circuitBreakers;
    struct Excursion
    {
        double maxPercent = 0;
        double secondsOver = 0;
    };
    QMap<QString, Excursion> priceExcursions;
    int excursionStepSeconds = 0;
    static constexpr double kPriceDeltaPercent = 5.0;
    static constexpr double kBriefSeconds = 300; // resolved this fast: a false-positive candidate
    static constexpr double kFlapSeconds = 3600; // fired again this soon after resolving: flapping

    struct Query
    {
        QString figure; // where it is used, e.g. "summary.availability.period"
        QString expr;
        QDateTime time;
    };
    QList<Query> queries; // the appendix

    int periodDays() const { return int(from.daysTo(to)) + 1; }
    // From the period's first midnight to end (shorter than its days while it is not over).
    qint64 periodSeconds() const { return QDateTime(from, QTime(0, 0), Qt::UTC).secsTo(end); }
    // Availability in %: 1 − BOTH_UNAVAILABLE / all states; none without router data.
    static std::optional<double> availability(const QMap<QString, double> &seconds);
    QJsonObject toJson() const;
    // Count, acknowledged, MTTA (mean seconds to the acknowledgement) and MTTR (mean seconds to
    // resolve, of the resolved).
    QJsonObject incidentSummary() const;
    QJsonObject dataQualityJson() const;
    // Each day's router seconds and incidents, from routerSegments and incidents.
    void fillDays();
};

// Asks Prometheus for every figure (instant queries at the period's end), then finished() or, when
// Prometheus cannot be reached or refuses, failed() with what went wrong; nothing half-done.
class SloReportBuilder : public QObject
{
    Q_OBJECT
public:
    explicit SloReportBuilder(PrometheusClient *prometheus, QObject *parent = nullptr);
    void start(const QDate &from, const QDate &to, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // The router timeline's step: Prometheus' scrape interval (the profile's); before start().
    void setStepSeconds(int seconds) { m_stepSeconds = std::max(1, seconds); }
    // Where the acknowledgements are (its silences); none: the report says they are not known.
    void setAlertmanager(AlertmanagerClient *alertmanager) { m_alertmanager = alertmanager; }
    // The console's own alert history (acknowledged by whom, when): acknowledgements whose
    // silences Alertmanager no longer holds (it keeps expired ones for days, not weeks).
    void setHistory(const QList<AlertEvent> &events)
    {
        m_history = events;
        m_historyGiven = true;
    }
    // Where the failovers' reasons are: the router's "state transition" lines (their Reason).
    void setLoki(LokiClient *loki) { m_loki = loki; }
    static constexpr int kPointsPerQuery = 10'000; // Prometheus refuses more than 11,000 a series
    static constexpr int kExcursionStepSeconds = 1;
    static constexpr qint64 kExcursionChunkSeconds = 86'400;

    // The time in each state over [end − seconds, end]: the dashboards' expression (max − min of
    // the counter where it did not reset, else its increase).
    static QString stateSecondsQuery(qint64 seconds);
    static QString p95Query(qint64 seconds);
    // Events of a counter over [end − seconds, end] by a label, whole, resets included (the
    // dashboards' expression).
    static QString eventsQuery(const QString &counter, const QString &by, qint64 seconds);

signals:
    void composing(); // every answer is in; the report is being put together (off the UI thread)
    void finished(const wf::SloReport &report);
    void failed(const QString &message);

private:
    void ask(const QString &figure, const QString &expr, const QDateTime &at,
             std::function<void(const PromResult &)> take);
    void settle();

    PrometheusClient *m_prometheus;
    SloReport m_report;
    void askTimeline(const QDateTime &from, const QDateTime &to);
    void askSecondsOver(const QStringList &symbols, const QDateTime &from, const QDateTime &to);
    void askChunked(const QString &figure, const QString &expr, const QDateTime &from, const QDateTime &to,
                    QMap<QString, Series> *into);
    struct Transition
    {
        QDateTime at;
        QString from;
        QString reason;
    };
    // What the answers gave, composed into the report off the UI thread.
    struct Gathered
    {
        SloReport report;
        QMap<QString, Series> states;
        QMap<QString, Series> durations;
        QMap<QString, Series> alerts;
        QList<Transition> transitions;
        QList<Silence> silences;
        QList<AlertEvent> history;
        bool historyGiven = false;
        bool alertmanagerAsked = false;
        int stepSeconds = 15;
    };
    static SloReport compose(Gathered g);
    static void makeIncidents(Gathered &g);
    QMap<QString, Series> m_alerts;
    AlertmanagerClient *m_alertmanager = nullptr;
    LokiClient *m_loki = nullptr;
    QList<Transition> m_transitions;
    std::optional<Error> m_lokiError;
    QList<Silence> m_silences;
    QList<AlertEvent> m_history;
    bool m_historyGiven = false;
    std::optional<Error> m_alertmanagerError;
    int m_waiting = 0;
    int m_stepSeconds = 15;
    QMap<QString, Series> m_states; // the timeline's chunks, joined by series (their labels as text)
    QMap<QString, Series> m_durations;
    std::optional<Error> m_error;
};

} // namespace wf

Q_DECLARE_METATYPE(wf::SloReport)
