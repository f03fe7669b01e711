// The weekly SLO report's figures (`watchfloor report`), against the demo stack as `watchfloor
// --demo` starts it — mytrader-sim's 30 days of router history backfilled into the real
// Prometheus, the last hour of every metric, the simulator scraped live — with a drill run
// before: every figure is recomputed here another way, from Prometheus' raw samples (time in each
// state: the counter's own steps, resets included) and its per-bucket increases (P95: the
// quantile interpolated here), and the command's exit codes and file are checked.

#include "alerts/fingerprint.h"
#include "demo/demostack.h"
#include "report/reportoptions.h"
#include "store/settings.h"
#include "report/sloreport.h"
#include "report/weeklyreportdialog.h"
#include "sources/alertmanager/alertmanagerclient.h"
#include "sources/loki/lokiclient.h"
#include "sources/prometheus/prometheusclient.h"

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPdfDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTimer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <optional>
#include <tuple>

class TestReport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void isoWeeks();
    void argumentsAreChecked();
    void figuresAreTrue();
    void acknowledgementsFromTheHistory();
    void commandWritesJsonAndSaysWhatFailed();
    void dialogPreviewsAndSaves();

private:
    wf::PromResult ask(const QString &expr, const QDateTime &at);
    // history: the console's alert history instead of Alertmanager's silences.
    std::optional<wf::SloReport> build(const QDate &from, const QDate &to, const std::optional<QList<wf::AlertEvent>> &history = {});

    std::unique_ptr<wf::DemoStack> m_stack;
    QNetworkAccessManager m_network;
    std::unique_ptr<wf::HttpClient> m_http;
    std::unique_ptr<wf::PrometheusClient> m_prom;
    std::unique_ptr<wf::HttpClient> m_amHttp;
    std::unique_ptr<wf::AlertmanagerClient> m_am;
    std::unique_ptr<wf::HttpClient> m_lokiHttp;
    std::unique_ptr<wf::LokiClient> m_loki;
    QDateTime m_drillStart;
    QDateTime m_ackAt; // the acknowledgement's silence, as Alertmanager holds it
};

void TestReport::initTestCase()
{
    const auto programs = wf::DemoStack::locate(QFileInfo(QStringLiteral(MYTRADER_SIM_EXECUTABLE)).absolutePath());
    if (const auto *missing = std::get_if<QString>(&programs))
        QFAIL(qPrintable(*missing));
    m_stack = std::make_unique<wf::DemoStack>(std::get<wf::DemoStack::Programs>(programs));
    QSignalSpy ready(m_stack.get(), &wf::DemoStack::ready);
    QSignalSpy failed(m_stack.get(), &wf::DemoStack::failed);
    m_stack->start();
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 90000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    m_http = std::make_unique<wf::HttpClient>(&m_network, wf::Endpoint::Prometheus);
    m_http->setProfile(m_stack->profile());
    m_prom = std::make_unique<wf::PrometheusClient>(m_http.get());
    m_amHttp = std::make_unique<wf::HttpClient>(&m_network, wf::Endpoint::Alertmanager);
    m_amHttp->setProfile(m_stack->profile());
    m_am = std::make_unique<wf::AlertmanagerClient>(m_amHttp.get());
    m_lokiHttp = std::make_unique<wf::HttpClient>(&m_network, wf::Endpoint::Loki);
    m_lokiHttp->setProfile(m_stack->profile());
    m_loki = std::make_unique<wf::LokiClient>(m_lokiHttp.get());
    // A drill now: today's router time has a failover in it.
    QTRY_VERIFY_WITH_TIMEOUT(!ask(QStringLiteral(R"(up{job="mytrader"} == 1)"), {}).series.empty(), 20000);
    const auto sim = m_stack->profile().endpoint(wf::Endpoint::Health).url.resolved(QUrl(QStringLiteral("/control/faults")));
    QNetworkRequest request(sim);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const auto drill = [&](const QByteArray &body) {
        std::unique_ptr<QNetworkReply> reply(m_network.post(request, body));
        QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 15000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
    };
    // Data quality first: price spikes (deltas over 5 %, circuit breakers) and invalid prices.
    drill(R"({"kind":"price_spike","durationSeconds":10,"symbol":"BRK.B"})");
    drill(R"({"kind":"invalid_prices","durationSeconds":10})");
    QTest::qWait(12000);
    // And a spike of two seconds, shorter than a step of the old count (its seconds over read 0).
    drill(R"({"kind":"price_spike","durationSeconds":2})");
    // Every week below is the drill's, not today's: a run that goes past Monday 00:00 UTC checks
    // the same week. The drill and its alert (about a minute) are not cut by a week's end.
    const auto now = QDateTime::currentDateTimeUtc();
    const auto nextMonday = QDateTime(now.date().addDays(8 - now.date().dayOfWeek()), QTime(0, 0), Qt::UTC);
    if (now.secsTo(nextMonday) < 120) {
        qInfo("a week ends in %lld s: the drill waits for the next", now.secsTo(nextMonday));
        QTest::qWait(int(now.msecsTo(nextMonday)) + 2000);
    }
    m_drillStart = QDateTime::currentDateTimeUtc();
    drill(R"({"kind":"both_down","durationSeconds":15})");
    // Acknowledged while it fires (its for: is 5 s): a silence over it, as the inbox makes one.
    QTest::qWait(9000);
    wf::Silence ack;
    ack.matchers = {wf::Matcher{QStringLiteral("alertname"), QStringLiteral("BothSourcesUnavailable")}};
    ack.startsAt = QDateTime::currentDateTimeUtc();
    ack.endsAt = ack.startsAt.addSecs(3600);
    ack.createdBy = QStringLiteral("oncall-ana");
    ack.comment = QStringLiteral("ACK: drill");
    std::optional<wf::Result<QString>> id;
    m_am->createSilence(ack, nullptr, [&id](const wf::Result<QString> &r) { id = r; });
    QTRY_VERIFY_WITH_TIMEOUT(id.has_value(), 15000);
    QVERIFY(id->ok());
    std::optional<wf::Result<wf::Silence>> stored;
    m_am->silence(id->value(), nullptr, [&stored](const wf::Result<wf::Silence> &r) { stored = r; });
    QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 15000);
    QVERIFY(stored->ok());
    m_ackAt = stored->value().startsAt;
    QTest::qWait(11000); // the drill's end and the alert's, scraped and evaluated
}

wf::PromResult TestReport::ask(const QString &expr, const QDateTime &at)
{
    std::optional<wf::Result<wf::PromResult>> out;
    m_prom->query(expr, at, nullptr, [&out](const wf::Result<wf::PromResult> &r) { out = r; });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000) || !out->ok())
        return {};
    return out->value();
}

std::optional<wf::SloReport> TestReport::build(const QDate &from, const QDate &to, const std::optional<QList<wf::AlertEvent>> &history)
{
    wf::SloReportBuilder builder(m_prom.get());
    builder.setStepSeconds(1); // the demo's scrape interval
    if (history)
        builder.setHistory(*history);
    else
        builder.setAlertmanager(m_am.get());
    builder.setLoki(m_loki.get());
    QSignalSpy finished(&builder, &wf::SloReportBuilder::finished);
    QSignalSpy failed(&builder, &wf::SloReportBuilder::failed);
    // The window keeps painting while the figures are put together: an event posted when the
    // answers are all in runs before the report is out.
    bool loopRanWhileComposing = false;
    connect(&builder, &wf::SloReportBuilder::composing, &builder, [&] {
        QTimer::singleShot(0, &builder, [&] { loopRanWhileComposing = finished.isEmpty(); });
    });
    QElapsedTimer took;
    took.start();
    builder.start(from, to);
    // A week at a 1-s step is many queries: about 30 s under ASan beside other tests (a 30-s wait
    // failed there once). A bound on the waiting, not a figure under test.
    const bool ended = QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 180000);
    qInfo("report %s – %s: %s after %lld ms", qPrintable(from.toString(Qt::ISODate)), qPrintable(to.toString(Qt::ISODate)),
          !ended ? "no answer" : finished.isEmpty() ? "failed" : "done", took.elapsed());
    if (!ended || finished.isEmpty()) {
        if (!failed.isEmpty())
            qWarning("%s", qPrintable(failed.first().first().toString()));
        return std::nullopt;
    }
    if (!loopRanWhileComposing) {
        qWarning("the report was composed on the UI thread: the event loop did not run meanwhile");
        return std::nullopt;
    }
    return finished.first().first().value<wf::SloReport>();
}

void TestReport::acknowledgementsFromTheHistory()
{
    // Alertmanager keeps an expired silence for days, a week's report looks back further: the
    // console's own history says who acknowledged. Its event matches the incident by fingerprint
    // (Alertmanager's, checked in tst_alertmanagerclient), and by name where that differs.
    const auto day = m_drillStart.date();
    const auto plain = build(day, day, QList<wf::AlertEvent>{});
    QVERIFY(plain);
    const wf::SloReport::Incident *drill = nullptr;
    for (const auto &i : plain->incidents)
        if (i.alertname == u"BothSourcesUnavailable" && m_drillStart.secsTo(i.start) >= 3 && m_drillStart.secsTo(i.start) <= 30)
            drill = &i;
    QVERIFY(drill);
    QVERIFY(plain->acknowledgementsKnown); // the history was given: none there means none
    QVERIFY(!drill->acknowledgedAt.isValid());
    auto labels = drill->labels;
    labels.insert(QStringLiteral("alertname"), drill->alertname);
    labels.insert(QStringLiteral("severity"), drill->severity);
    wf::AlertEvent ack;
    ack.kind = wf::AlertEvent::Kind::Acknowledged;
    ack.fingerprint = wf::alertFingerprint(labels);
    ack.alertname = drill->alertname;
    ack.severity = drill->severity;
    ack.at = drill->start.addSecs(2);
    ack.author = QStringLiteral("oncall-bo");
    wf::AlertEvent elsewhere = ack; // another alert's acknowledgement: not this one's
    elsewhere.fingerprint = QStringLiteral("0123456789abcdef");
    elsewhere.alertname = QStringLiteral("SomethingElse");
    elsewhere.at = drill->start.addSecs(1);
    const auto withAck = build(day, day, QList<wf::AlertEvent>{elsewhere, ack});
    QVERIFY(withAck);
    bool found = false;
    for (const auto &i : withAck->incidents) {
        if (i.alertname != u"BothSourcesUnavailable" || i.start != drill->start)
            continue;
        found = true;
        QCOMPARE(i.acknowledgedBy, QStringLiteral("oncall-bo"));
        QCOMPARE(i.acknowledgedAt, ack.at);
    }
    QVERIFY(found);
    // Prometheus' external labels make another fingerprint: the name, when one such was firing.
    ack.fingerprint = QStringLiteral("fedcba9876543210");
    ack.author = QStringLiteral("oncall-cy");
    const auto byName = build(day, day, QList<wf::AlertEvent>{ack});
    QVERIFY(byName);
    for (const auto &i : byName->incidents)
        if (i.alertname == u"BothSourcesUnavailable" && i.start == drill->start)
            QCOMPARE(i.acknowledgedBy, QStringLiteral("oncall-cy"));
    QVERIFY(std::any_of(byName->queries.cbegin(), byName->queries.cend(),
                        [](const auto &q) { return q.figure == u"incidents.acknowledgements.history"; }));
}

void TestReport::isoWeeks()
{
    QCOMPARE(wf::mondayOfIsoWeek(QStringLiteral("2026-W48")), std::optional(QDate(2026, 11, 23)));
    QCOMPARE(wf::mondayOfIsoWeek(QStringLiteral("2026-W01")), std::optional(QDate(2025, 12, 29))); // 1 January is a Thursday
    QCOMPARE(wf::mondayOfIsoWeek(QStringLiteral("2026-W53")), std::optional(QDate(2026, 12, 28))); // 2026 has 53
    QCOMPARE(wf::mondayOfIsoWeek(QStringLiteral("2025-W53")), std::nullopt); // 2025 has 52
    QCOMPARE(wf::mondayOfIsoWeek(QStringLiteral("2026-48")), std::nullopt);
    QCOMPARE(wf::isoWeekOf(QDate(2027, 1, 1)), QStringLiteral("2026-W53"));
    QCOMPARE(wf::isoWeekOf(QDate(2026, 11, 29)), QStringLiteral("2026-W48"));
}

void TestReport::argumentsAreChecked()
{
    const QDate today(2026, 12, 2);
    const auto parse = [&](QStringList args) {
        args.prepend(QStringLiteral("report"));
        return wf::parseReportCommandLine(args, today);
    };
    // Last week by default, from the endpoint flags.
    const auto last = parse({QStringLiteral("--prometheus"), QStringLiteral("http://prom:9090")});
    QVERIFY2(last.options, qPrintable(last.text));
    QCOMPARE(last.options->label, QStringLiteral("2026-W48"));
    QCOMPARE(last.options->from, QDate(2026, 11, 23));
    QCOMPARE(last.options->to, QDate(2026, 11, 29));
    QCOMPARE(last.options->formats, QStringList{QStringLiteral("pdf")});
    const auto range = parse({QStringLiteral("--profile"), QStringLiteral("prod"), QStringLiteral("--from"), QStringLiteral("2026-11-01"),
                              QStringLiteral("--to"), QStringLiteral("2026-11-30"), QStringLiteral("--format"), QStringLiteral("json,pdf,json")});
    QVERIFY2(range.options, qPrintable(range.text));
    QCOMPARE(range.options->baseName(), QStringLiteral("slo-report-2026-11-01_2026-11-30"));
    QCOMPARE(range.options->formats, (QStringList{QStringLiteral("json"), QStringLiteral("pdf")}));
    // Each mistake named.
    const QList<std::pair<QStringList, QString>> bad{
        {{}, QStringLiteral("--profile")},
        {{QStringLiteral("--prometheus"), QStringLiteral("ftp://x")}, QStringLiteral("ftp://x")},
        {{QStringLiteral("--prometheus"), QStringLiteral("http://p"), QStringLiteral("--week"), QStringLiteral("2026-W54")}, QStringLiteral("2026-W54")},
        {{QStringLiteral("--prometheus"), QStringLiteral("http://p"), QStringLiteral("--week"), QStringLiteral("2026-W48"), QStringLiteral("--from"), QStringLiteral("2026-11-01"), QStringLiteral("--to"), QStringLiteral("2026-11-02")}, QStringLiteral("--week")},
        {{QStringLiteral("--prometheus"), QStringLiteral("http://p"), QStringLiteral("--from"), QStringLiteral("2026-11-01")}, QStringLiteral("--to")},
        {{QStringLiteral("--prometheus"), QStringLiteral("http://p"), QStringLiteral("--from"), QStringLiteral("2026-11-09"), QStringLiteral("--to"), QStringLiteral("2026-11-02")}, QStringLiteral("before")},
        {{QStringLiteral("--prometheus"), QStringLiteral("http://p"), QStringLiteral("--week"), QStringLiteral("2027-W10")}, QStringLiteral("future")},
        {{QStringLiteral("--prometheus"), QStringLiteral("http://p"), QStringLiteral("--format"), QStringLiteral("docx")}, QStringLiteral("docx")},
        {{QStringLiteral("--prometheus"), QStringLiteral("http://p"), QStringLiteral("--lang"), QStringLiteral("fr")}, QStringLiteral("fr")},
    };
    // The Monday timer's run: last week, as PDF and JSON, the rest from Settings.
    const auto timer = parse({QStringLiteral("--scheduled")});
    QVERIFY2(timer.options, qPrintable(timer.text));
    QVERIFY(timer.options->scheduled);
    QCOMPARE(timer.options->label, QStringLiteral("2026-W48"));
    QCOMPARE(timer.options->formats, (QStringList{QStringLiteral("pdf"), QStringLiteral("json")}));
    const auto mixed = parse({QStringLiteral("--scheduled"), QStringLiteral("--week"), QStringLiteral("2026-W40")});
    QVERIFY(!mixed.options);
    QVERIFY2(mixed.text.contains(QStringLiteral("--week")), qPrintable(mixed.text));
    for (const auto &[args, named] : bad) {
        const auto r = parse(args);
        QVERIFY2(!r.options, qPrintable(args.join(u' ')));
        QVERIFY2(r.text.contains(named), qPrintable(r.text));
    }
}

void TestReport::figuresAreTrue()
{
    // The drill's week (usually not over: evaluated now) and the one before (over).
    const auto day = m_drillStart.date();
    const auto monday = day.addDays(1 - day.dayOfWeek());
    for (const auto &[from, to] : {std::pair{monday, monday.addDays(6)}, std::pair{monday.addDays(-7), monday.addDays(-1)}}) {
        const auto report = build(from, to);
        QVERIFY(report);
        const auto json = report->toJson();
        const auto summary = json.value(QStringLiteral("summary")).toObject();

        // Time in each state, recomputed from the raw samples: each step of the counter, and after
        // a reset (the service restarted) its value from zero.
        const auto periodStart = QDateTime(from, QTime(0, 0), Qt::UTC);
        const auto raw = ask(QStringLiteral("datasource_router_state_duration_seconds[%1s]").arg(periodStart.secsTo(report->end)), report->end);
        QVERIFY(!raw.series.empty());
        QMap<QString, double> seconds, slack;
        for (const auto &s : raw.series) {
            double total = 0, widest = 0;
            bool reset = false;
            for (std::size_t i = 1; i < s.samples.size(); ++i) {
                const double step = s.samples[i].value - s.samples[i - 1].value;
                total += step >= 0 ? step : s.samples[i].value;
                reset = reset || step < 0;
                widest = std::max(widest, s.samples[i].time - s.samples[i - 1].time);
            }
            const auto state = s.labels.value(QStringLiteral("state"));
            seconds[state] += total;
            // Without a reset the Reliability view's expression is max − min: the steps exactly.
            // With one it is Prometheus' increase(), which extrapolates to the range's edges: by
            // at most a sample interval at each (the backfilled days have one every 5 minutes).
            slack[state] += reset ? 2 * widest : 0;
        }
        const auto states = summary.value(QStringLiteral("routerStateSeconds")).toObject().value(QStringLiteral("period")).toObject();
        QCOMPARE(states.keys(), QStringList(seconds.keys()));
        for (auto it = seconds.cbegin(); it != seconds.cend(); ++it) {
            const double reported = states.value(it.key()).toDouble();
            QVERIFY2(std::abs(reported - it.value()) <= 1.0 + 0.0005 * it.value() + slack.value(it.key()),
                     qPrintable(QStringLiteral("%1 %2: reported %3 s, the samples say %4 s").arg(from.toString(Qt::ISODate), it.key()).arg(reported).arg(it.value())));
        }
        // Availability is the share of the time not BOTH_UNAVAILABLE, to the last digit.
        double total = 0;
        for (const auto &v : states)
            total += v.toDouble();
        const double down = states.value(QStringLiteral("BOTH_UNAVAILABLE")).toDouble();
        const double availability = 100.0 * (1.0 - down / total);
        const auto shown = summary.value(QStringLiteral("availability")).toObject();
        QVERIFY2(std::abs(shown.value(QStringLiteral("periodPercent")).toDouble() - availability) < 1e-9,
                 qPrintable(QStringLiteral("%1 against %2").arg(shown.value(QStringLiteral("periodPercent")).toDouble(), 0, 'f', 9).arg(availability, 0, 'f', 9)));
        QVERIFY(std::abs(summary.value(QStringLiteral("burnRate")).toDouble() - (down / total) / 0.005) < 1e-9);
        QCOMPARE(shown.value(QStringLiteral("met")).toBool(), availability >= 99.5);
        const auto budget = summary.value(QStringLiteral("errorBudget")).toObject();
        QVERIFY(std::abs(budget.value(QStringLiteral("periodUsedMinutes")).toDouble() - down / 60.0) < 1e-9);
        QVERIFY(std::abs(budget.value(QStringLiteral("periodLeftMinutes")).toDouble() - (0.005 * 7 * 1440 - down / 60.0)) < 1e-9);
        QCOMPARE(budget.value(QStringLiteral("periodAllowedMinutes")).toDouble(), 0.005 * 7 * 1440);
        const bool drillWeek = from <= day && day <= to;
        if (drillWeek) // the drill's seconds are in it
            QVERIFY2(seconds.value(QStringLiteral("BOTH_UNAVAILABLE")) >= 5, qPrintable(QString::number(seconds.value(QStringLiteral("BOTH_UNAVAILABLE")))));

        // The failovers, from the router timeline at the scrape interval: the drill is one, where
        // and as long as it was, at its worst BOTH_UNAVAILABLE; together they last as long as the
        // time outside PRIMARY_ACTIVE that the counters say (the backfilled days have a point every
        // 5 minutes: each edge within that).
        const auto failovers = json.value(QStringLiteral("failovers")).toObject();
        const auto events = failovers.value(QStringLiteral("events")).toArray();
        QCOMPARE(failovers.value(QStringLiteral("count")).toInt(), events.size());
        double away = 0;
        bool drillSeen = false;
        for (const auto &e : events) {
            const auto event = e.toObject();
            const auto start = QDateTime::fromString(event.value(QStringLiteral("start")).toString(), Qt::ISODateWithMs);
            const double duration = event.value(QStringLiteral("durationSeconds")).toDouble();
            QVERIFY2(start.date() >= from && start <= report->end, qPrintable(event.value(QStringLiteral("start")).toString()));
            away += duration;
            if (std::abs(m_drillStart.msecsTo(start)) <= 3000) {
                drillSeen = true;
                QCOMPARE(event.value(QStringLiteral("worstState")).toString(), QStringLiteral("BOTH_UNAVAILABLE"));
                QVERIFY2(duration >= 13 && duration <= 45, qPrintable(QString::number(duration))); // 15 s and the recovery
                // Why, as the router logged its transition out of PRIMARY_ACTIVE.
                QVERIFY2(!event.value(QStringLiteral("reason")).toString().isEmpty(), qPrintable(QJsonDocument(event).toJson()));
            }
        }
        if (drillWeek)
            QVERIFY2(drillSeen, qPrintable(QJsonDocument(failovers).toJson()));
        const double outside = states.value(QStringLiteral("FALLBACK_ACTIVE")).toDouble() + down;
        qInfo("%s – %s: %lld failovers lasting %.0f s; the counters say %.0f s outside PRIMARY_ACTIVE", qPrintable(from.toString(Qt::ISODate)),
              qPrintable(to.toString(Qt::ISODate)), qlonglong(events.size()), away, outside);
        QVERIFY2(std::abs(away - outside) <= 600.0 * events.size() + 5,
                 qPrintable(QStringLiteral("%1 failovers last %2 s; the counters say %3 s outside PRIMARY_ACTIVE").arg(events.size()).arg(away).arg(outside)));
        // The chart of the days: the timeline's segments inside the period, one after another;
        // each day's seconds outside PRIMARY_ACTIVE add up to the failovers' (a failover over
        // midnight in two days), and a day's states to its length where the router has data.
        double previousEnd = 0, segmentsAway = 0;
        for (const auto &v : failovers.value(QStringLiteral("timeline")).toArray()) {
            const auto segment = v.toObject();
            const auto start = QDateTime::fromString(segment.value(QStringLiteral("start")).toString(), Qt::ISODateWithMs);
            const auto end = QDateTime::fromString(segment.value(QStringLiteral("end")).toString(), Qt::ISODateWithMs);
            QVERIFY(start >= periodStart && end <= report->end && start < end);
            QVERIFY(double(start.toMSecsSinceEpoch()) >= previousEnd);
            previousEnd = double(end.toMSecsSinceEpoch());
            const auto state = segment.value(QStringLiteral("state")).toString();
            if (state == u"FALLBACK_ACTIVE" || state == u"BOTH_UNAVAILABLE")
                segmentsAway += double(start.msecsTo(end)) / 1000.0;
        }
        double daysAway = 0;
        for (const auto &v : summary.value(QStringLiteral("latencyP95")).toObject().value(QStringLiteral("days")).toArray()) {
            const auto router = v.toObject().value(QStringLiteral("routerSeconds")).toObject();
            double day = 0;
            for (const auto &seconds : router)
                day += seconds.toDouble();
            QVERIFY2(day <= 86400.0 + 1e-6, qPrintable(QJsonDocument(router).toJson()));
            daysAway += router.value(QStringLiteral("FALLBACK_ACTIVE")).toDouble() + router.value(QStringLiteral("BOTH_UNAVAILABLE")).toDouble();
        }
        // A failover lasts until PRIMARY_ACTIVE is back: the moments without data inside it (less
        // than a step between two states) count in its duration, not in a segment's.
        QVERIFY2(std::abs(daysAway - segmentsAway) < 0.01 && away - segmentsAway > -0.01 && away - segmentsAway <= 1.0 * events.size() + 0.01,
                 qPrintable(QStringLiteral("the days say %1 s outside PRIMARY_ACTIVE, the segments %2 s, the failovers %3 s").arg(daysAway).arg(segmentsAway).arg(away)));

        // Incidents: each run of ALERTS' raw samples (written at every evaluation, a second apart
        // here) is one; the drill's BothSourcesUnavailable among them, after its for: of 5 s.
        const auto incidents = json.value(QStringLiteral("incidents")).toArray();
        const auto alerts = ask(QStringLiteral("ALERTS{alertstate=\"firing\"}[%1s]").arg(periodStart.secsTo(report->end)), report->end);
        QMap<QString, int> runs;
        for (const auto &a : alerts.series)
            for (std::size_t i = 0; i < a.samples.size(); ++i)
                if (i == 0 || a.samples[i].time - a.samples[i - 1].time > 2.001)
                    ++runs[a.labels.value(QStringLiteral("alertname"))];
        QMap<QString, int> reported;
        bool alertSeen = false;
        for (const auto &i : incidents) {
            const auto incident = i.toObject();
            const auto name = incident.value(QStringLiteral("alertname")).toString();
            ++reported[name];
            const auto start = QDateTime::fromString(incident.value(QStringLiteral("start")).toString(), Qt::ISODateWithMs);
            if (name == u"BothSourcesUnavailable" && m_drillStart.secsTo(start) >= 3 && m_drillStart.secsTo(start) <= 30) {
                alertSeen = true;
                const double seconds = incident.value(QStringLiteral("durationSeconds")).toDouble();
                QVERIFY2(seconds >= 4 && seconds <= 30, qPrintable(QString::number(seconds))); // the drill's 15 s less the for: of 5
                QCOMPARE(incident.value(QStringLiteral("severity")).toString(), QStringLiteral("critical"));
                QVERIFY(!incident.value(QStringLiteral("runbook")).toString().isEmpty());
                // Acknowledged by whom and when Alertmanager says.
                QCOMPARE(incident.value(QStringLiteral("acknowledgedBy")).toString(), QStringLiteral("oncall-ana"));
                QCOMPARE(incident.value(QStringLiteral("secondsToAcknowledge")).toDouble(), double(start.msecsTo(m_ackAt)) / 1000.0);
                const auto summary = json.value(QStringLiteral("incidentSummary")).toObject();
                QCOMPARE(summary.value(QStringLiteral("acknowledged")).toInt(), 1);
                QCOMPARE(summary.value(QStringLiteral("mttaSeconds")).toDouble(), double(start.msecsTo(m_ackAt)) / 1000.0);
            }
        }
        QCOMPARE(reported, runs);
        // The chart of alerts per day: each incident on the day it began, under its severity.
        QMap<QString, int> began, charted;
        for (const auto &i : incidents) {
            const auto incident = i.toObject();
            began[QDateTime::fromString(incident.value(QStringLiteral("start")).toString(), Qt::ISODateWithMs).date().toString(Qt::ISODate) + u' '
                  + incident.value(QStringLiteral("severity")).toString()] += 1;
        }
        for (const auto &v : summary.value(QStringLiteral("latencyP95")).toObject().value(QStringLiteral("days")).toArray()) {
            const auto bySeverity = v.toObject().value(QStringLiteral("incidentsBySeverity")).toObject();
            for (auto it = bySeverity.begin(); it != bySeverity.end(); ++it)
                charted[v.toObject().value(QStringLiteral("date")).toString() + u' ' + it.key()] += it.value().toInt();
        }
        QCOMPARE(charted, began);
        qInfo("%s: incidents %s; review %s", qPrintable(from.toString(Qt::ISODate)), QJsonDocument(incidents).toJson(QJsonDocument::Compact).left(600).constData(),
              QJsonDocument(json.value(QStringLiteral("alertReview")).toObject()).toJson(QJsonDocument::Compact).left(900).constData());
        if (drillWeek)
            QVERIFY2(alertSeen, qPrintable(QJsonDocument(incidents).toJson()));
        // The review: a rule that fired is ranked with as many fires; the others are the ones
        // without a firing sample in 30 days.
        const auto review = json.value(QStringLiteral("alertReview")).toObject();
        QMap<QString, int> acknowledgedByRule;
        for (const auto &i : incidents)
            if (!i.toObject().value(QStringLiteral("acknowledgedAt")).isNull())
                ++acknowledgedByRule[i.toObject().value(QStringLiteral("alertname")).toString()];
        for (const auto &r : review.value(QStringLiteral("rules")).toArray()) {
            const auto name = r.toObject().value(QStringLiteral("alertname")).toString();
            QCOMPARE(r.toObject().value(QStringLiteral("fires")).toInt(), runs.value(name));
            // The share acknowledged: its incidents someone acknowledged.
            QCOMPARE(r.toObject().value(QStringLiteral("acknowledged")).toInt(), acknowledgedByRule.value(name));
            QCOMPARE(r.toObject().value(QStringLiteral("acknowledgedPercent")).toDouble(), 100.0 * acknowledgedByRule.value(name) / runs.value(name));
        }
        const auto month = ask(QStringLiteral("count by (alertname) (count_over_time(ALERTS{alertstate=\"firing\"}[30d]))"), report->end);
        for (const auto &silent : review.value(QStringLiteral("neverFiredIn30Days")).toArray())
            for (const auto &m : month.series)
                QVERIFY2(m.labels.value(QStringLiteral("alertname")) != silent.toString(), qPrintable(silent.toString()));
        QCOMPARE(review.value(QStringLiteral("neverFiredIn30Days")).toArray().size() + int(month.series.size()),
                 int(report->rules.size()));

        // Data quality, recomputed from the raw samples: the counters' steps by reason and by
        // symbol (resets included), and each symbol's largest price delta.
        const auto quality = json.value(QStringLiteral("dataQuality")).toObject();
        const auto span = periodStart.secsTo(report->end);
        for (const auto &[metric, label, key] : {std::tuple{"datasource_router_validation_failures_total", "reason", "validationFailures"},
                                                 std::tuple{"datasource_router_circuit_breaker_total", "symbol", "circuitBreakers"}}) {
            const auto samples = ask(QStringLiteral("%1[%2s]").arg(QLatin1String(metric)).arg(span), report->end);
            QMap<QString, double> counted;
            for (const auto &c : samples.series) {
                double total = 0;
                for (std::size_t i = 1; i < c.samples.size(); ++i) {
                    const double step = c.samples[i].value - c.samples[i - 1].value;
                    total += step >= 0 ? step : c.samples[i].value;
                }
                if (total > 0)
                    counted[c.labels.value(QLatin1String(label))] += total;
            }
            const auto shown = quality.value(QLatin1String(key)).toObject();
            QCOMPARE(shown.keys(), QStringList(counted.keys()));
            for (auto it = counted.cbegin(); it != counted.cend(); ++it)
                QVERIFY2(std::abs(shown.value(it.key()).toDouble() - it.value()) <= std::max(1.0, 0.05 * it.value()),
                         qPrintable(QStringLiteral("%1 %2: reported %3, the samples say %4").arg(QLatin1String(key), it.key()).arg(shown.value(it.key()).toDouble()).arg(it.value())));
            if (drillWeek)
                QVERIFY2(!counted.isEmpty(), key); // the drills made some
        }
        const auto deltas = ask(QStringLiteral("datasource_router_price_delta_percent[%1s]").arg(span), report->end);
        QMap<QString, double> largest;
        for (const auto &d : deltas.series)
            for (const auto &sample : d.samples)
                if (std::abs(sample.value) > 5.0)
                    largest[d.labels.value(QStringLiteral("symbol"))] = std::max(largest.value(d.labels.value(QStringLiteral("symbol"))), std::abs(sample.value));
        // The seconds over: each sample over holds until the next (at most Prometheus' 5-minute
        // look-back), inside the period; counted by the report at whole seconds, so a run may be
        // less than a second off (and one more at a 5-minute gap: the look-back includes its end).
        QMap<QString, double> secondsOver;
        QMap<QString, int> runsOver;
        const double periodStartSeconds = double(periodStart.toMSecsSinceEpoch()) / 1000.0;
        const double endSeconds = double(report->end.toMSecsSinceEpoch()) / 1000.0;
        for (const auto &d : deltas.series) {
            double held = 0;
            int runs = 0;
            for (std::size_t i = 0; i < d.samples.size(); ++i) {
                if (std::abs(d.samples[i].value) <= 5.0)
                    continue;
                const double t = d.samples[i].time;
                const double next = i + 1 < d.samples.size() ? d.samples[i + 1].time : endSeconds;
                held += std::max(0.0, std::min({next, t + 300.0, endSeconds}) - std::max(t, periodStartSeconds));
                if (i == 0 || std::abs(d.samples[i - 1].value) <= 5.0)
                    ++runs;
            }
            const auto symbol = d.labels.value(QStringLiteral("symbol"));
            if (runs > 0 && held >= secondsOver.value(symbol)) {
                secondsOver[symbol] = held;
                runsOver[symbol] = runs;
            }
        }
        QMap<QString, double> excursions;
        for (const auto &e : quality.value(QStringLiteral("priceExcursions")).toArray()) {
            const auto symbol = e.toObject().value(QStringLiteral("symbol")).toString();
            excursions.insert(symbol, e.toObject().value(QStringLiteral("maxPercent")).toDouble());
            const double shown = e.toObject().value(QStringLiteral("secondsOver")).toDouble();
            const double slack = runsOver.value(symbol) + 1.0;
            QVERIFY2(std::abs(shown - secondsOver.value(symbol)) <= slack,
                     qPrintable(QStringLiteral("%1: %2 s over reported, the samples say %3 s (%4 runs)")
                                    .arg(symbol).arg(shown).arg(secondsOver.value(symbol)).arg(runsOver.value(symbol))));
            QVERIFY2(shown > 0, qPrintable(symbol)); // a spike of one scrape counts its scrape
        }
        QCOMPARE(excursions.keys(), largest.keys());
        for (auto it = largest.cbegin(); it != largest.cend(); ++it)
            QVERIFY2(std::abs(excursions.value(it.key()) - it.value()) < 1e-9, qPrintable(it.key()));
        qInfo("%s: seconds over 5 %% %s", qPrintable(from.toString(Qt::ISODate)),
              qPrintable(QJsonDocument(quality.value(QStringLiteral("priceExcursions")).toArray()).toJson(QJsonDocument::Compact).left(400)));
        if (drillWeek)
            QVERIFY(!largest.isEmpty());

        // P95 per day, where latencies were observed: the quantile interpolated here from the
        // buckets' increases, as histogram_quantile does (linear within the bucket).
        const auto days = summary.value(QStringLiteral("latencyP95")).toObject().value(QStringLiteral("days")).toArray();
        int measured = 0;
        for (int i = 0; i < days.size(); ++i) {
            const auto day = days.at(i).toObject();
            const auto &query = report->queries.at(3 + i);
            const auto buckets = ask(QStringLiteral("sum by (le) (increase(alpaca_message_latency_seconds_bucket[%1s]))")
                                         .arg(query.expr.section(u'[', 1).section(u's', 0, 0)),
                                     query.time);
            std::vector<std::pair<double, double>> cumulative;
            for (const auto &s : buckets.series)
                cumulative.push_back({s.labels.value(QStringLiteral("le")) == u"+Inf" ? INFINITY : s.labels.value(QStringLiteral("le")).toDouble(),
                                      s.samples.back().value});
            std::sort(cumulative.begin(), cumulative.end());
            if (cumulative.empty() || cumulative.back().second <= 0) {
                QVERIFY(day.value(QStringLiteral("p95Seconds")).isNull());
                continue;
            }
            ++measured;
            const double rank = 0.95 * cumulative.back().second;
            double expected = NAN;
            for (std::size_t b = 0; b < cumulative.size(); ++b) {
                if (cumulative[b].second < rank)
                    continue;
                const double lower = b == 0 ? 0 : cumulative[b - 1].first;
                const double below = b == 0 ? 0 : cumulative[b - 1].second;
                expected = std::isinf(cumulative[b].first) ? lower
                                                           : lower + (cumulative[b].first - lower) * (rank - below) / (cumulative[b].second - below);
                break;
            }
            const double reported = day.value(QStringLiteral("p95Seconds")).toDouble();
            QVERIFY2(std::abs(reported - expected) < 1e-6 * std::max(1.0, expected),
                     qPrintable(QStringLiteral("%1: P95 %2, the buckets say %3").arg(day.value(QStringLiteral("date")).toString()).arg(reported).arg(expected)));
            QCOMPARE(day.value(QStringLiteral("met")).toBool(), reported <= 2.0);
        }
        if (drillWeek)
            QVERIFY(measured >= 1); // today: the last hour of every metric, and live
    }
}

void TestReport::commandWritesJsonAndSaysWhatFailed()
{
    const auto program = QFileInfo(QStringLiteral(MYTRADER_SIM_EXECUTABLE)).absolutePath() + QStringLiteral("/watchfloor");
    QTemporaryDir out;
    const auto week = wf::isoWeekOf(m_drillStart.date().addDays(-7)); // the week before the drill's
    const auto run = [&](const QStringList &args, QByteArray *err = nullptr) {
        QProcess p;
        p.setProgram(program);
        p.setArguments(QStringList{QStringLiteral("report")} + args);
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), out.filePath(QStringLiteral("config")));
        p.setProcessEnvironment(env);
        p.start();
        [&] { QVERIFY(p.waitForFinished(60000)); }();
        if (err)
            *err = p.readAllStandardError();
        return p.exitCode();
    };
    const auto prometheus = m_stack->profile().endpoint(wf::Endpoint::Prometheus).url.toString();
    QCOMPARE(run({QStringLiteral("--prometheus"), prometheus, QStringLiteral("--alertmanager"),
                  m_stack->profile().endpoint(wf::Endpoint::Alertmanager).url.toString(), QStringLiteral("--week"), week,
                  QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), out.path()}),
             0);
    QFile file(out.filePath(QStringLiteral("slo-report-%1.json").arg(week)));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto written = QJsonDocument::fromJson(file.readAll()).object();
    const auto report = build(*wf::mondayOfIsoWeek(week), wf::mondayOfIsoWeek(week)->addDays(6));
    QVERIFY(report);
    QCOMPARE(written.value(QStringLiteral("summary")).toObject().value(QStringLiteral("availability")),
             report->toJson().value(QStringLiteral("summary")).toObject().value(QStringLiteral("availability")));
    QVERIFY(!written.value(QStringLiteral("queries")).toArray().isEmpty()); // the appendix
    QVERIFY(written.value(QStringLiteral("incidentSummary")).toObject().value(QStringLiteral("acknowledgementsKnown")).toBool());

    // The PDF (A4, checked with poppler's pdfinfo and pdftotext) and the HTML say the JSON's figures.
    const auto tool = [](const QString &program, const QStringList &args) {
        QProcess p;
        p.start(program, args);
        [&] { QVERIFY2(p.waitForFinished(30000) && p.exitCode() == 0, qPrintable(program + QString::fromUtf8(p.readAllStandardError()))); }();
        return QString::fromUtf8(p.readAllStandardOutput());
    };
    const auto thisWeek = wf::isoWeekOf(m_drillStart.date());
    for (const auto &lang : {QStringLiteral("en"), QStringLiteral("de")}) {
        QTemporaryDir dir;
        QCOMPARE(run({QStringLiteral("--prometheus"), prometheus, QStringLiteral("--alertmanager"),
                      m_stack->profile().endpoint(wf::Endpoint::Alertmanager).url.toString(), QStringLiteral("--week"), thisWeek,
                      QStringLiteral("--format"), QStringLiteral("pdf,html,json"), QStringLiteral("--out"), dir.path(),
                      QStringLiteral("--lang"), lang}),
                 0);
        const auto base = dir.filePath(QStringLiteral("slo-report-%1").arg(thisWeek));
        const auto info = tool(QStringLiteral("pdfinfo"), {base + QStringLiteral(".pdf")});
        QVERIFY2(info.contains(QStringLiteral("(A4)")), qPrintable(info));
        // Summary and charts; failovers and incidents; the review and data quality; the appendix.
        QVERIFY2(QRegularExpression(QStringLiteral("Pages:\\s+([4-9]|\\d\\d)\\b")).match(info).hasMatch(), qPrintable(info));
        QFile jsonFile(base + QStringLiteral(".json"));
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const auto json = QJsonDocument::fromJson(jsonFile.readAll()).object();
        const QLocale locale(lang);
        const auto availability = locale.toString(json.value(QStringLiteral("summary")).toObject().value(QStringLiteral("availability")).toObject()
                                                      .value(QStringLiteral("periodPercent")).toDouble(), 'f', 3);
        const auto text = tool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), base + QStringLiteral(".pdf"), QStringLiteral("-")});
        QFile htmlFile(base + QStringLiteral(".html"));
        QVERIFY(htmlFile.open(QIODevice::ReadOnly));
        const auto html = QString::fromUtf8(htmlFile.readAll());
        for (const auto *document : {&text, &html}) {
            QVERIFY2(document->contains(availability), qPrintable(availability + u'\n' + document->left(2000)));
            for (const auto &i : json.value(QStringLiteral("incidents")).toArray())
                QVERIFY(document->contains(i.toObject().value(QStringLiteral("alertname")).toString()));
            QVERIFY(document->contains(lang == u"de" ? QStringLiteral("Verfügbarkeit") : QStringLiteral("Availability")));
            QVERIFY(document->contains(QStringLiteral("histogram_quantile"))); // the appendix
            QVERIFY(document->contains(lang == u"de" ? QStringLiteral("Zustand des Routers je Tag") : QStringLiteral("Router state per day")));
        }
        // The charts in the HTML are the PDF's, as SVG: the router's days, P95, alerts per day.
        QVERIFY2(html.count(QStringLiteral("<svg")) == (json.value(QStringLiteral("incidents")).toArray().isEmpty() ? 2 : 3), qPrintable(html.left(3000)));
        if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty())
            QFile::copy(base + QStringLiteral(".pdf"), grab + QStringLiteral("/slo-report-%1.pdf").arg(lang));
    }
    // As the Monday timer runs it: the current profile and the folder from Settings.
    {
        wf::Settings settings(out.filePath(QStringLiteral("config/watchfloor")), wf::SecretStore::Backend::File);
        auto profile = m_stack->profile();
        profile.name = QStringLiteral("production");
        profile.scrapeSeconds = 1;
        QVERIFY(settings.saveProfile(profile));
        settings.setCurrentProfile(profile.name);
        settings.setReportFolder(out.filePath(QStringLiteral("reports")));
    }
    QCOMPARE(run({QStringLiteral("--scheduled")}), 0);
    for (const auto *suffix : {".pdf", ".json"})
        QVERIFY2(QFileInfo::exists(out.filePath(QStringLiteral("reports/slo-report-%1%2").arg(week, QLatin1String(suffix)))),
                 suffix);

    // Bad arguments: 2. Prometheus not answering: 3, its address named, nothing written.
    QByteArray err;
    QCOMPARE(run({QStringLiteral("--prometheus"), prometheus, QStringLiteral("--week"), QStringLiteral("2026-W99")}, &err), 2);
    QVERIFY2(err.contains("2026-W99"), err.constData());
    const auto down = QTemporaryDir().path();
    QCOMPARE(run({QStringLiteral("--prometheus"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("--week"), week,
                  QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--out"), down}, &err),
             3);
    QVERIFY2(err.contains("Prometheus") && err.contains("127.0.0.1:1"), err.constData());
    QVERIFY(!QFileInfo::exists(QDir(down).filePath(QStringLiteral("slo-report-%1.json").arg(week))));
}

void TestReport::dialogPreviewsAndSaves()
{
    // View → Weekly SLO report…: this week so far, previewed, saved in each format.
    wf::WeeklyReportDialog dialog(m_prom.get(), m_am.get(), 1);
    dialog.resize(800, 900);
    dialog.show();
    dialog.weekBox()->setCurrentIndex(0);
    QSignalSpy ready(&dialog, &wf::WeeklyReportDialog::reportReady);
    QSignalSpy failed(&dialog, &wf::WeeklyReportDialog::reportFailed);
    dialog.make();
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 60000);
    QVERIFY2(failed.isEmpty(), qPrintable(dialog.statusText()));
    QVERIFY(dialog.preview()->pageCount() >= 2);
    QVERIFY2(dialog.statusText().contains(QStringLiteral("page")), qPrintable(dialog.statusText()));
    QTemporaryDir dir;
    for (const auto *suffix : {"pdf", "html", "json"}) {
        QString error;
        const auto path = dir.filePath(QStringLiteral("report.") + QLatin1String(suffix));
        QVERIFY2(dialog.saveTo(path, &error), qPrintable(error));
        QVERIFY(QFileInfo(path).size() > 1000);
    }
    QPdfDocument saved;
    QCOMPARE(saved.load(dir.filePath(QStringLiteral("report.pdf"))), QPdfDocument::Error::None);
    QCOMPARE(saved.pageCount(), dialog.preview()->pageCount());
    // The preview shows the page (rendered off the UI thread): text on it, not a blank sheet.
    const auto inked = [&] {
        const auto image = dialog.grab().toImage();
        int dark = 0;
        for (int y = 80; y < image.height() - 60; y += 2)
            for (int x = 20; x < image.width() - 20; x += 2)
                dark += qGray(image.pixel(x, y)) < 100 ? 1 : 0;
        return dark;
    };
    QTRY_VERIFY_WITH_TIMEOUT(inked() > 2000, 15000);
    if (const auto grab = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grab.isEmpty())
        dialog.grab().save(grab + QStringLiteral("/weekly-report-dialog.png"));
}

QTEST_MAIN(TestReport)
#include "tst_report.moc"
