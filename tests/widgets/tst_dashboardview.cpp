// A dashboard view as a user sees it, fed by a scripted Prometheus: loading, data, empty, error and
// stale look different; the last good data stays when a refresh fails; a hidden view asks nothing;
// the legend hides a series; a panel exports what it shows.

#include "dashboardpanel.h"
#include "dashboards/dashboard.h"
#include "dashboards/queryplan.h"
#include "messagebar.h"
#include "dashboards/queryscheduler.h"
#include "domain/routertimeline.h"
#include "panelframe.h"
#include "panels/panelkind.h"
#include "sources/health/healthclient.h"
#include "statetimeline.h"
#include "stattile.h"
#include "timeserieschart.h"
#include "views/dashboardview.h"

#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace wf;

namespace {

// Answers each query with what the test put in `answers` for its expression (after the event loop
// turns, as a network would), or "no such query" as an API error.
class ScriptedPrometheus : public QueryTransport
{
public:
    RequestId send(const QueryKey &key, QObject *context, Done done) override
    {
        const auto id = ++m_next;
        asked.append(key.expr);
        keys.append(key);
        const auto &script = key.instant && instantAnswers.contains(key.expr) ? instantAnswers : answers;
        const auto answer = script.contains(key.expr) ? script.value(key.expr) : std::optional<Result<PromResult>>();
        QTimer::singleShot(0, context, [this, id, done, answer, key] {
            if (m_cancelled.contains(id))
                return;
            if (answer) {
                done(*answer);
            } else {
                Error e;
                e.kind = Error::Kind::Api;
                e.message = QStringLiteral("unknown query %1").arg(key.expr);
                done(e);
            }
        });
        return id;
    }
    void cancel(RequestId id) override { m_cancelled.insert(id); }

    QMap<QString, std::optional<Result<PromResult>>> answers;
    QMap<QString, std::optional<Result<PromResult>>> instantAnswers; // when an instant query answers otherwise
    QStringList asked;
    QList<QueryKey> keys;

private:
    RequestId m_next = 0;
    QSet<RequestId> m_cancelled;
};

PromResult series(const QString &label, const QList<std::pair<qint64, double>> &points)
{
    PromResult r;
    Series s;
    if (!label.isEmpty())
        s.labels.insert(QStringLiteral("type"), label);
    for (const auto &[t, v] : points)
        s.samples.push_back({double(t), v});
    r.series.push_back(s);
    return r;
}

Error down()
{
    Error e;
    e.kind = Error::Kind::Network;
    e.message = QStringLiteral("Connection refused by Prometheus.");
    return e;
}

const char *kDashboard = R"({"schemaVersion": 1, "id": "operations", "title": "Test", "rows": [
  {"title": "Row", "panels": [
    {"id": "rate", "type": "stat", "title": "Messages", "unit": "ops/s", "queries": ["msgs"],
     "thresholds": [{"value": 0, "color": "green"}, {"value": 100, "color": "red"}]},
    {"id": "alerts", "type": "stat", "title": "Alerts", "queries": ["alerts"], "noData": "None firing"},
    {"id": "chart", "type": "timeseries", "title": "By type", "width": 8,
     "queries": [{"expr": "by_type", "legend": "{{type}}"}]},
    {"id": "timeline", "type": "statetimeline", "title": "Router", "source": "router", "width": 12}
  ]}]})";

// The "now" rule's worst moment: the connection's state label changed less than one range step
// ago. The range query still has the old state's series inside its last step; Prometheus, asked
// at now, has only the new one.
const char *kNowDashboard = R"({"schemaVersion": 1, "id": "operations", "title": "Now", "rows": [
  {"title": "Now", "panels": [
    {"id": "connection", "type": "stat", "title": "Alpaca connection", "display": "legend", "health": "alpaca.state",
     "queries": [{"expr": "conn", "legend": "{{state}}"}],
     "thresholds": [{"value": 0, "color": "red"}, {"value": 1, "color": "green"}]},
    {"id": "gauge", "type": "gauge", "title": "Connected", "queries": ["connected"]},
    {"id": "bars", "type": "bar", "title": "States", "queries": [{"expr": "conn", "legend": "{{state}}"}]},
    {"id": "table", "type": "table", "title": "States", "queries": ["conn"]}
  ]}]})";

// One panel of every type that Prometheus feeds, each on its own query.
const char *kEveryType = R"({"schemaVersion": 1, "id": "operations", "title": "Types", "rows": [
  {"title": "All", "panels": [
    {"id": "stat", "type": "stat", "title": "Stat", "queries": ["q_stat"]},
    {"id": "instantstat", "type": "stat", "title": "Instant stat", "queries": [{"expr": "q_instant", "instant": true}]},
    {"id": "timeseries", "type": "timeseries", "title": "Chart", "queries": ["q_timeseries"]},
    {"id": "table", "type": "table", "title": "Table", "queries": ["q_table"]},
    {"id": "bar", "type": "bar", "title": "Bars", "queries": ["q_bar"]},
    {"id": "gauge", "type": "gauge", "title": "Gauge", "queries": ["q_gauge"]},
    {"id": "heatmap", "type": "heatmap", "title": "Heatmap", "unit": "s", "queries": ["q_heatmap"]},
    {"id": "router", "type": "statetimeline", "title": "Router", "source": "router"}
  ]}]})";

PromResult withState(PromResult result, const QString &state)
{
    for (auto &s : result.series) {
        s.labels.remove(QStringLiteral("type"));
        s.labels.insert(QStringLiteral("state"), state);
    }
    return result;
}

} // namespace

class TestDashboardView : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void statesLookDifferentAndStaleKeepsData();
    void hiddenViewAsksNothing();
    void legendHidesSeries();
    void overridesDrawSeriesTheirWay();
    void criticalAlertsAreRed();
    void statesOfASeriesInLanes();
    void exportsWhatItShows();
    void routerTimelineFollowsPolls();
    void endedSeriesIsNotNow_data();
    void endedSeriesIsNotNow();
    void newerHealthFactWins();
    void unreachablePrometheusIsSaidOnce();
    void eachTypeIsOneClass();

private:
    DashboardView *makeView(const char *json = kDashboard);
    PanelFrame *frame(const QString &id) { return m_view->panel(id)->frame(); }

    ScriptedPrometheus *m_prom = nullptr;
    QueryScheduler *m_scheduler = nullptr;
    RouterTimeline *m_timeline = nullptr;
    DashboardView *m_view = nullptr;
    qint64 m_now = 0;
};

void TestDashboardView::init()
{
    m_prom = new ScriptedPrometheus;
    m_scheduler = new QueryScheduler(m_prom);
    m_scheduler->setBackoff(1, 1); // the stale case below needs the next refresh to ask again
    m_timeline = new RouterTimeline;
    m_now = QDateTime::currentSecsSinceEpoch();
}

void TestDashboardView::cleanup()
{
    delete m_view;
    m_view = nullptr;
    delete m_scheduler;
    delete m_prom;
    delete m_timeline;
}

void TestDashboardView::eachTypeIsOneClass()
{
    // Each type is its own class with its widget in the frame, and asks what it paints: the value
    // at now (an instant query) for a stat, table, bar or gauge — a stat its recent history beside
    // it unless its query is instant —, a range for a chart or heatmap, nothing for the router's.
    makeView(kEveryType);
    m_view->show();
    QTRY_VERIFY(m_prom->keys.size() >= 8);
    QTest::qWait(50);
    const QList<std::tuple<QString, const char *, int, int>> expected{
        {QStringLiteral("stat"), "wf::StatPanel", 1, 1},   {QStringLiteral("instantstat"), "wf::StatPanel", 1, 0},
        {QStringLiteral("timeseries"), "wf::TimeSeriesPanel", 0, 1}, {QStringLiteral("table"), "wf::TablePanel", 1, 0},
        {QStringLiteral("bar"), "wf::BarPanel", 1, 0},     {QStringLiteral("gauge"), "wf::GaugePanel", 1, 0},
        {QStringLiteral("heatmap"), "wf::HeatmapPanel", 0, 1}, {QStringLiteral("router"), "wf::StateTimelinePanel", 0, 0}};
    for (const auto &[id, className, instants, ranges] : expected) {
        auto *panel = m_view->panel(id);
        QVERIFY2(panel, qPrintable(id));
        QCOMPARE(panel->kind()->metaObject()->className(), className);
        QCOMPARE(panel->kind()->widget(), panel->frame()->content());
        QVERIFY2(panel->frame()->isAncestorOf(panel->kind()->widget()), qPrintable(id));
        int asked[2] = {0, 0};
        for (const auto &key : std::as_const(m_prom->keys))
            if (key.expr == QStringLiteral("q_") + id || (id == u"instantstat" && key.expr == u"q_instant"))
                ++asked[key.instant ? 0 : 1];
        QVERIFY2(asked[0] == instants && asked[1] == ranges,
                 qPrintable(QStringLiteral("%1: %2 instant, %3 range").arg(id).arg(asked[0]).arg(asked[1])));
    }
}

DashboardView *TestDashboardView::makeView(const char *json)
{
    const auto dashboard = dashboards::parse(json);
    if (!dashboard)
        qFatal("%s", qPrintable(dashboard.error().message));
    m_view = new DashboardView(ViewId::Operations, dashboard.value(), m_scheduler, m_timeline);
    m_view->setScrapeSeconds(1);
    m_view->setTimeRange(TimeRange::last(std::chrono::minutes(5)));
    m_view->resize(1000, 700);
    return m_view;
}

void TestDashboardView::statesLookDifferentAndStaleKeepsData()
{
    // The keys' expressions are the query texts: none has a variable.
    m_prom->answers.insert(QStringLiteral("msgs"), Result<PromResult>(series({}, {{m_now - 10, 40}, {m_now - 2, 42.5}})));
    m_prom->answers.insert(QStringLiteral("alerts"), Result<PromResult>(PromResult{}));
    makeView();
    QCOMPARE(frame(QStringLiteral("rate"))->state(), PanelFrame::State::Loading);
    m_view->show();
    QTRY_COMPARE(frame(QStringLiteral("rate"))->state(), PanelFrame::State::Ready);
    auto *tile = frame(QStringLiteral("rate"))->findChild<StatTile *>();
    QCOMPARE(tile->items().first().text, QStringLiteral("42.5 ops/s"));
    QCOMPARE(tile->items().first().color, DashboardPanel::namedColor(QStringLiteral("green")));
    // An empty answer with a meaning is a value; one without says "No data"; a bad query, its error.
    QCOMPARE(frame(QStringLiteral("alerts"))->findChild<StatTile *>()->items().first().text, QStringLiteral("None firing"));
    QTRY_COMPARE(frame(QStringLiteral("chart"))->state(), PanelFrame::State::Error);
    QVERIFY(frame(QStringLiteral("chart"))->stateText().contains(QLatin1String("unknown query by_type")));
    QTRY_VERIFY(m_view->isSettled());
    QVERIFY(!m_view->isComplete());

    // Prometheus goes down: the tile keeps 42.5, marked stale with the error.
    m_prom->answers.insert(QStringLiteral("msgs"), Result<PromResult>(down()));
    m_view->refresh();
    QTRY_COMPARE(frame(QStringLiteral("rate"))->state(), PanelFrame::State::Stale);
    QCOMPARE(tile->items().first().text, QStringLiteral("42.5 ops/s"));
    QVERIFY(tile->isVisible());
    QVERIFY(frame(QStringLiteral("rate"))->stateText().contains(QLatin1String("Connection refused by Prometheus.")));
    // Refreshed again while still down: the same look, nothing restyled (a style sheet set again
    // repolishes the widget — every panel, every refresh, all night).
    QTRY_VERIFY(m_view->isSettled());
    struct StyleChanges : QObject
    {
        int count = 0;
        bool eventFilter(QObject *, QEvent *e) override
        {
            count += e->type() == QEvent::StyleChange ? 1 : 0;
            return false;
        }
    } restyled;
    for (auto *label : frame(QStringLiteral("rate"))->findChildren<QLabel *>())
        label->installEventFilter(&restyled);
    const auto askedBefore = m_prom->asked.size();
    m_view->refresh();
    QTRY_VERIFY(m_prom->asked.size() > askedBefore);
    QTRY_VERIFY(m_view->isSettled());
    QCOMPARE(frame(QStringLiteral("rate"))->state(), PanelFrame::State::Stale);
    QCOMPARE(restyled.count, 0);
    for (auto *label : frame(QStringLiteral("rate"))->findChildren<QLabel *>())
        label->removeEventFilter(&restyled);
    // ... and recovers by itself on the next refresh once it answers again.
    m_prom->answers.insert(QStringLiteral("msgs"), Result<PromResult>(series({}, {{m_now - 1, 120}})));
    QTest::qWait(5);
    m_view->refresh();
    QTRY_COMPARE(frame(QStringLiteral("rate"))->state(), PanelFrame::State::Ready);
    QCOMPARE(tile->items().first().text, QStringLiteral("120 ops/s"));
    QCOMPARE(tile->items().first().color, DashboardPanel::namedColor(QStringLiteral("red")));
}

void TestDashboardView::hiddenViewAsksNothing()
{
    makeView();
    m_view->refresh();
    m_view->refresh();
    QTest::qWait(20);
    QVERIFY2(m_prom->asked.isEmpty(), qPrintable(m_prom->asked.join(u',')));
    m_view->show();
    QTRY_VERIFY(!m_prom->asked.isEmpty());
    // Once per distinct query, router history included; the refreshes while hidden collapsed into
    // one. A stat asks its value now (instant) and its sparkline (range).
    QCOMPARE(m_prom->asked.count(QStringLiteral("msgs")), 2);
    QCOMPARE(std::count_if(m_prom->keys.cbegin(), m_prom->keys.cend(),
                           [](const QueryKey &k) { return k.expr == QLatin1String("msgs") && k.instant; }),
             1);
    QCOMPARE(m_prom->asked.count(QStringLiteral("datasource_router_state")), 1);
    QTRY_VERIFY(m_view->isSettled()); // the refresh begun while shown runs to its end
    m_view->hide();
    m_prom->asked.clear();
    m_view->refresh();
    QTest::qWait(20);
    QVERIFY2(m_prom->asked.isEmpty(), qPrintable(m_prom->asked.join(u',')));
}

void TestDashboardView::legendHidesSeries()
{
    PromResult two = series(QStringLiteral("trade"), {{m_now - 20, 1}, {m_now - 10, 2}});
    two.series.push_back(series(QStringLiteral("quote"), {{m_now - 20, 3}, {m_now - 10, 4}}).series.front());
    m_prom->answers.insert(QStringLiteral("by_type"), Result<PromResult>(two));
    makeView();
    m_view->show();
    QTRY_COMPARE(frame(QStringLiteral("chart"))->state(), PanelFrame::State::Ready);
    auto *chart = frame(QStringLiteral("chart"))->findChild<TimeSeriesChart *>();
    QCOMPARE(chart->lines().size(), 2);
    QCOMPARE(chart->lines().first().name, QStringLiteral("quote")); // sorted by name
    // Find the legend entry "quote" by scanning the legend row for a click that hides it.
    bool hidden = false;
    for (int x = 0; x < chart->width() && !hidden; x += 4) {
        QTest::mouseClick(chart, Qt::LeftButton, {}, QPoint(x, chart->height() - chart->fontMetrics().height() / 2 - 2));
        hidden = chart->isSeriesHidden(QStringLiteral("quote"));
    }
    QVERIFY(hidden);
    QVERIFY(!chart->isSeriesHidden(QStringLiteral("trade")));
    const auto values = chart->valuesAt((m_now - 10) * 1000);
    QCOMPARE(values.size(), 1);
    QCOMPARE(values.first().first, QStringLiteral("trade"));
}

void TestDashboardView::overridesDrawSeriesTheirWay()
{
    // Grafana's overrides as imported: by name a colour and a name, by regex the sent side below
    // the axis, and one series not drawn at all.
    const char *json = R"({"schemaVersion": 1, "id": "operations", "title": "Overrides", "rows": [{"panels": [
        {"id": "chart", "type": "timeseries", "title": "Traffic", "queries": [{"expr": "by_type", "legend": "{{type}}"}],
         "overrides": [{"match": "received", "color": "#ff0000", "displayName": "In"},
                       {"match": "^sen", "regex": true, "negate": true},
                       {"match": "lo", "hidden": true}]}]}]})";
    PromResult three = series(QStringLiteral("received"), {{m_now - 20, 1}, {m_now - 10, 2}});
    three.series.push_back(series(QStringLiteral("sent"), {{m_now - 20, 3}, {m_now - 10, 4}}).series.front());
    three.series.push_back(series(QStringLiteral("lo"), {{m_now - 20, 5}, {m_now - 10, 6}}).series.front());
    m_prom->answers.insert(QStringLiteral("by_type"), Result<PromResult>(three));
    makeView(json);
    m_view->show();
    QTRY_COMPARE(frame(QStringLiteral("chart"))->state(), PanelFrame::State::Ready);
    auto *chart = frame(QStringLiteral("chart"))->findChild<TimeSeriesChart *>();
    QCOMPARE(chart->lines().size(), 2); // "lo" is not drawn
    const auto in = std::find_if(chart->lines().cbegin(), chart->lines().cend(), [](const auto &l) { return l.name == u"In"; });
    QVERIFY(in != chart->lines().cend());
    QCOMPARE(in->color, QColor(0xff0000));
    QCOMPARE(in->points.last().y(), 2.0);
    const auto sent = std::find_if(chart->lines().cbegin(), chart->lines().cend(), [](const auto &l) { return l.name == u"sent"; });
    QVERIFY(sent != chart->lines().cend());
    QCOMPARE(sent->points.last().y(), -4.0); // below the axis
    // The snapshot: what is drawn, under the name shown, with the value as Prometheus has it.
    const auto painted = m_view->panel(QStringLiteral("chart"))->painted();
    QCOMPARE(painted.size(), 2);
    QCOMPARE(painted.at(0).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("In"));
    QCOMPARE(painted.at(1).toObject().value(QStringLiteral("value")).toDouble(), 4.0);
    QVERIFY(painted.at(1).toObject().value(QStringLiteral("negated")).toBool());
}

// The built-in Operations view's "Active alerts": one tile per severity firing. Its thresholds say
// amber for one alert of any severity; a critical one is red (an override by name), as the inbox
// and the wall's banner have it.
void TestDashboardView::criticalAlertsAreRed()
{
    const auto operations = dashboards::builtIn(QStringLiteral("operations"));
    QVERIFY(operations.ok());
    Panel alerts;
    for (const auto &row : operations->rows)
        for (const auto &p : row.panels)
            if (p.id == u"alerts")
                alerts = p;
    QCOMPARE(alerts.queries.size(), 1);
    PromResult firing;
    for (const auto &[severity, count] : {std::pair{"critical", 1.0}, std::pair{"warning", 2.0}}) {
        Series s;
        s.labels.insert(QStringLiteral("severity"), QString::fromLatin1(severity));
        s.samples.push_back({double(m_now - 1), count});
        firing.series.push_back(s);
    }
    m_prom->answers.insert(alerts.queries.first().expr, Result<PromResult>(firing));
    m_view = new DashboardView(ViewId::Operations, operations.value(), m_scheduler, m_timeline);
    m_view->setTimeRange(TimeRange::last(std::chrono::minutes(5)));
    m_view->resize(1400, 900);
    m_view->show();
    QTRY_COMPARE(frame(QStringLiteral("alerts"))->state(), PanelFrame::State::Ready);
    const auto items = frame(QStringLiteral("alerts"))->findChild<StatTile *>()->items();
    QCOMPARE(items.size(), 2);
    QMap<QString, QColor> colours;
    for (const auto &item : items)
        colours.insert(item.caption, item.color);
    QCOMPARE(colours.value(QStringLiteral("critical")), DashboardPanel::namedColor(QStringLiteral("red")));
    QCOMPARE(colours.value(QStringLiteral("warning")), DashboardPanel::namedColor(QStringLiteral("amber")));
    // The snapshot says so too.
    for (const auto &v : m_view->panel(QStringLiteral("alerts"))->painted())
        QCOMPARE(v.toObject().value(QStringLiteral("color")).toString(),
                 colours.value(v.toObject().value(QStringLiteral("caption")).toString()).name());
}

void TestDashboardView::statesOfASeriesInLanes()
{
    // A state timeline fed by Prometheus (Grafana's, imported): a lane per series; equal
    // neighbouring points one segment, a missing point a gap; the mapping's word, the threshold's colour.
    const char *json = R"({"schemaVersion": 1, "id": "operations", "title": "States", "rows": [{"panels": [
        {"id": "states", "type": "statetimeline", "title": "Up", "width": 12, "queries": [{"expr": "up_by_job", "legend": "{{type}}"}],
         "mappings": [{"value": 0, "text": "Down"}, {"value": 1, "text": "Up"}],
         "thresholds": [{"value": 0, "color": "red"}, {"value": 1, "color": "green"}]}]}]})";
    makeView(json);
    m_view->show();
    const auto asked = [this] {
        for (const auto &k : std::as_const(m_prom->keys))
            if (k.expr == u"up_by_job")
                return k;
        return QueryKey{};
    };
    QTRY_VERIFY(asked().step > 0);
    const auto step = asked().step;
    const auto t0 = asked().start;
    // api: up, up, down, (gap), up; db: up throughout.
    PromResult two = series(QStringLiteral("api"), {{t0, 1}, {t0 + step, 1}, {t0 + 2 * step, 0}, {t0 + 4 * step, 1}});
    two.series.push_back(series(QStringLiteral("db"), {{t0, 1}, {t0 + step, 1}, {t0 + 2 * step, 1}}).series.front());
    m_prom->answers.insert(QStringLiteral("up_by_job"), Result<PromResult>(two));
    m_view->refresh();
    QTRY_COMPARE(frame(QStringLiteral("states"))->state(), PanelFrame::State::Ready);
    const auto lanes = frame(QStringLiteral("states"))->findChildren<StateTimeline *>();
    QCOMPARE(lanes.size(), 2);
    const auto &api = lanes.at(0)->segments();
    QCOMPARE(api.size(), 3);
    QCOMPARE(api.at(0).label, QStringLiteral("Up"));
    QCOMPARE(api.at(0).toMs - api.at(0).fromMs, 2 * step * 1000);
    QCOMPARE(api.at(1).label, QStringLiteral("Down"));
    QCOMPARE(api.at(1).color, PanelKind::namedColor(QStringLiteral("red")));
    QCOMPARE(api.at(2).fromMs, (t0 + 4 * step) * 1000); // after the gap
    QCOMPARE(api.at(2).color, PanelKind::namedColor(QStringLiteral("green")));
    QCOMPARE(lanes.at(1)->segments().size(), 1);
    const auto painted = m_view->panel(QStringLiteral("states"))->painted();
    QCOMPARE(painted.size(), 4);
    QCOMPARE(painted.at(1).toObject().value(QStringLiteral("legend")).toString(), QStringLiteral("api"));
    QCOMPARE(painted.at(1).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("Down"));
}

void TestDashboardView::exportsWhatItShows()
{
    m_prom->answers.insert(QStringLiteral("by_type"), Result<PromResult>(series(QStringLiteral("trade, \"x\""), {{1795000000, 1.5}})));
    makeView();
    m_view->show();
    QTRY_COMPARE(frame(QStringLiteral("chart"))->state(), PanelFrame::State::Ready);
    auto *panel = m_view->panel(QStringLiteral("chart"));
    QCOMPARE(panel->csv(), QStringLiteral("time,series,value\n2026-11-18T11:06:40.000Z,\"trade, \"\"x\"\"\",1.5\n"));
    QTemporaryDir dir;
    QString error;
    QVERIFY(panel->exportCsv(dir.filePath(QStringLiteral("chart.csv")), &error));
    QVERIFY(panel->exportPng(dir.filePath(QStringLiteral("chart.png")), &error));
    QVERIFY(!QImage(dir.filePath(QStringLiteral("chart.png"))).isNull());
    QVERIFY(!panel->exportCsv(dir.filePath(QStringLiteral("no/such/dir/x.csv")), &error));
    QVERIFY(error.contains(QLatin1String("Cannot write")));
    // Nothing to export is said, not written as an empty file.
    QVERIFY(!m_view->panel(QStringLiteral("alerts"))->exportCsv(dir.filePath(QStringLiteral("a.csv")), &error));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("a.csv"))));
    QCOMPARE(panel->queryText(), QStringLiteral("by_type"));
    QVERIFY(!frame(QStringLiteral("chart"))->actions().isEmpty()); // the context menu
}

void TestDashboardView::routerTimelineFollowsPolls()
{
    makeView();
    m_view->show();
    auto *lane = frame(QStringLiteral("timeline"))->findChild<StateTimeline *>();
    const auto now = QDateTime::currentDateTimeUtc();
    m_timeline->addLive(now.addSecs(-30), RouterState::PrimaryActive, now.addSecs(-600), {});
    m_timeline->addLive(now.addSecs(-1), RouterState::FallbackActive, now.addSecs(-2), QStringLiteral("Connection lost"));
    HealthSample sample; // the view redraws the router panels on each poll
    m_view->showHealthSample(sample);
    QCOMPARE(lane->segments().size(), 2);
    QCOMPARE(lane->segments().last().label, routerStateLabel(RouterState::FallbackActive));
    QVERIFY(lane->segments().last().tooltip.contains(QLatin1String("Connection lost")));
    // The failover is marked on the chart panels of the view.
    m_prom->answers.insert(QStringLiteral("by_type"), Result<PromResult>(series(QStringLiteral("trade"), {{m_now - 5, 1}})));
    m_view->refresh();
    QTRY_COMPARE(frame(QStringLiteral("chart"))->state(), PanelFrame::State::Ready);
}

void TestDashboardView::endedSeriesIsNotNow_data()
{
    QTest::addColumn<int>("minutes");
    QTest::newRow("5 m") << 5;
    QTest::newRow("1 h") << 60;
    QTest::newRow("24 h") << 24 * 60;
    QTest::newRow("7 d") << 7 * 24 * 60;
}

void TestDashboardView::endedSeriesIsNotNow()
{
    QFETCH(int, minutes);
    const auto step = queryplan::stepFor(qint64(minutes) * 60, 120, 1);
    // Connected until half a step ago, Reconnecting since: both inside the range's last step.
    PromResult range = withState(series({}, {{m_now - 3 * step, 1}, {m_now - 2 * step, 1}, {m_now - step, 1}}),
                                 QStringLiteral("Connected"));
    range.series.push_back(withState(series({}, {{m_now - 1, 0}}), QStringLiteral("Reconnecting")).series.front());
    m_prom->answers.insert(QStringLiteral("conn"), Result<PromResult>(range));
    m_prom->instantAnswers.insert(QStringLiteral("conn"),
                                  Result<PromResult>(withState(series({}, {{m_now - 1, 0}}), QStringLiteral("Reconnecting"))));
    m_prom->answers.insert(QStringLiteral("connected"), Result<PromResult>(series({}, {{m_now - step, 1}, {m_now - 1, 0}})));
    m_prom->instantAnswers.insert(QStringLiteral("connected"), Result<PromResult>(series({}, {{m_now - 1, 0}})));
    makeView(kNowDashboard);
    m_view->setTimeRange(TimeRange::last(std::chrono::minutes(minutes)));
    m_view->show();
    for (const auto &id : {QStringLiteral("connection"), QStringLiteral("gauge"), QStringLiteral("bars"), QStringLiteral("table")})
        QTRY_COMPARE(frame(id)->state(), PanelFrame::State::Ready);

    // Painted: the new state only, green beside red nowhere.
    const auto items = frame(QStringLiteral("connection"))->findChild<StatTile *>()->items();
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().text, QStringLiteral("Reconnecting"));
    QCOMPARE(items.first().color, DashboardPanel::namedColor(QStringLiteral("red")));
    // The snapshot is that picture: one item per panel, from Prometheus, at the panel's now.
    for (const auto &id : {QStringLiteral("connection"), QStringLiteral("bars"), QStringLiteral("table")}) {
        const auto values = m_view->panel(id)->painted();
        QVERIFY2(values.size() == 1, qPrintable(id));
        const auto v = values.first().toObject();
        QCOMPARE(v.value(QStringLiteral("labels")).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("Reconnecting"));
        QCOMPARE(v.value(QStringLiteral("source")).toString(), QStringLiteral("prometheus"));
        QCOMPARE(v.value(QStringLiteral("query")).toString(), QStringLiteral("conn"));
        QCOMPARE(qint64(v.value(QStringLiteral("time")).toDouble()), m_now - 1);
        QVERIFY(v.value(QStringLiteral("text")).toString().contains(QLatin1String("Reconnecting")) ||
                v.value(QStringLiteral("text")).toString().contains(QLatin1String("0")));
    }
    const auto gauge = m_view->panel(QStringLiteral("gauge"))->painted();
    QCOMPARE(gauge.size(), 1);
    QCOMPARE(gauge.first().toObject().value(QStringLiteral("value")).toDouble(), 0.0);
}

void TestDashboardView::newerHealthFactWins()
{
    m_prom->answers.insert(QStringLiteral("conn"), Result<PromResult>(withState(series({}, {{m_now - 1, 1}}), QStringLiteral("Connected"))));
    makeView(kNowDashboard);
    m_view->show();
    auto *tile = frame(QStringLiteral("connection"))->findChild<StatTile *>();
    QTRY_COMPARE(frame(QStringLiteral("connection"))->state(), PanelFrame::State::Ready);
    QCOMPARE(tile->items().first().text, QStringLiteral("Connected"));
    QVERIFY(tile->toolTip().contains(QLatin1String("Prometheus")));

    // The health endpoint, polled a second later, already says the connection dropped.
    HealthReport report;
    report.status = QStringLiteral("Degraded");
    report.checkedAt = QDateTime::currentDateTimeUtc();
    report.alpaca.state = QStringLiteral("Reconnecting");
    HealthSample sample;
    sample.report = report;
    sample.receivedAt = report.checkedAt;
    m_view->showHealthSample(sample);
    QCOMPARE(tile->items().size(), 1);
    QCOMPARE(tile->items().first().text, QStringLiteral("Reconnecting"));
    QCOMPARE(tile->items().first().color, DashboardPanel::namedColor(QStringLiteral("red")));
    QVERIFY2(tile->toolTip().contains(QLatin1String("health endpoint")), qPrintable(tile->toolTip()));
    const auto shown = m_view->panel(QStringLiteral("connection"))->painted().first().toObject();
    QCOMPARE(shown.value(QStringLiteral("source")).toString(), QStringLiteral("health"));
    QCOMPARE(qint64(shown.value(QStringLiteral("time")).toDouble() * 1000), report.checkedAt.toMSecsSinceEpoch());

    // A failed poll says nothing: Prometheus' value stands.
    HealthSample failed;
    failed.report = down();
    m_view->showHealthSample(failed);
    QCOMPARE(tile->items().first().text, QStringLiteral("Connected"));
    // A report older than Prometheus' value by more than a scrape loses to it.
    report.checkedAt = QDateTime::fromSecsSinceEpoch(m_now - 30, Qt::UTC);
    sample.report = report;
    m_view->showHealthSample(sample);
    QCOMPARE(tile->items().first().text, QStringLiteral("Connected"));

    // Prometheus goes down a few seconds later while the health endpoint answers: a report checked
    // after Prometheus' last good value wins, though older than the failed try — the value is
    // current, not stale (only Prometheus' history behind it is old).
    m_prom->answers.insert(QStringLiteral("conn"), Result<PromResult>(down()));
    const auto lastGood = QDateTime::currentDateTimeUtc(); // Prometheus' value evaluated at or before
    QTest::qWait(5000);
    m_view->refresh();
    QTRY_VERIFY(m_view->isSettled());
    QCOMPARE(frame(QStringLiteral("connection"))->state(), PanelFrame::State::Stale); // no newer health yet
    QCOMPARE(tile->items().first().text, QStringLiteral("Connected"));
    report.checkedAt = lastGood.addMSecs(1500);
    sample.report = report;
    m_view->showHealthSample(sample);
    QCOMPARE(frame(QStringLiteral("connection"))->state(), PanelFrame::State::Ready);
    QCOMPARE(tile->items().first().text, QStringLiteral("Reconnecting"));
    QVERIFY2(tile->toolTip().contains(QLatin1String("health endpoint")), qPrintable(tile->toolTip()));
    // The next refresh, Prometheus still down: the same; and when the view marks what waits for
    // Prometheus as late (its outage), this value is not late.
    m_view->refresh();
    QTRY_VERIFY(m_view->isSettled());
    QCOMPARE(frame(QStringLiteral("connection"))->state(), PanelFrame::State::Ready);
    QCOMPARE(tile->items().first().text, QStringLiteral("Reconnecting"));
    m_view->panel(QStringLiteral("connection"))->markOverdue(QStringLiteral("Prometheus is not answering"));
    QCOMPARE(frame(QStringLiteral("connection"))->state(), PanelFrame::State::Ready);
    // The health endpoint fails too: Prometheus' last value, stale, with its error.
    m_view->showHealthSample(failed);
    QCOMPARE(frame(QStringLiteral("connection"))->state(), PanelFrame::State::Stale);
    QCOMPARE(tile->items().first().text, QStringLiteral("Connected"));
    // A panel with no health fact beside it stays stale all along.
    QCOMPARE(frame(QStringLiteral("table"))->state(), PanelFrame::State::Stale);
}

void TestDashboardView::unreachablePrometheusIsSaidOnce()
{
    for (const auto &q : {QStringLiteral("msgs"), QStringLiteral("alerts"), QStringLiteral("by_type"),
                          QStringLiteral("datasource_router_state"), QStringLiteral("datasource_router_state_duration_seconds")})
        m_prom->answers.insert(q, Result<PromResult>(down()));
    makeView();
    m_view->show();
    QTRY_COMPARE(frame(QStringLiteral("rate"))->state(), PanelFrame::State::Error);
    QTRY_VERIFY(m_view->outageBar()->isVisible());
    // The sentence once, in the bar: which endpoint, why, when the next try goes.
    const auto bar = m_view->outageBar()->text();
    QVERIFY2(bar.startsWith(QStringLiteral("Prometheus is not answering: Connection refused by Prometheus.")), qPrintable(bar));
    QVERIFY2(bar.contains(QLatin1String("Next try in")) || bar.contains(QLatin1String("Trying again")), qPrintable(bar));
    // Each panel: a few words, the details in its tooltip.
    for (const auto &id : {QStringLiteral("rate"), QStringLiteral("alerts"), QStringLiteral("chart")}) {
        QTRY_COMPARE(frame(id)->state(), PanelFrame::State::Error);
        QCOMPARE(frame(id)->stateText(), QStringLiteral("No data: Prometheus unreachable"));
    }
    // Back, and Retry now: filled at once, the bar gone.
    m_prom->answers.insert(QStringLiteral("msgs"), Result<PromResult>(series({}, {{m_now - 1, 7}})));
    m_prom->answers.insert(QStringLiteral("alerts"), Result<PromResult>(PromResult{}));
    m_prom->answers.insert(QStringLiteral("by_type"), Result<PromResult>(series(QStringLiteral("trade"), {{m_now - 1, 1}})));
    m_prom->answers.insert(QStringLiteral("datasource_router_state"), Result<PromResult>(PromResult{}));
    m_prom->answers.insert(QStringLiteral("datasource_router_state_duration_seconds"), Result<PromResult>(PromResult{}));
    m_view->outageBar()->actionButton()->click();
    QTRY_COMPARE(frame(QStringLiteral("rate"))->state(), PanelFrame::State::Ready);
    QTRY_COMPARE(frame(QStringLiteral("chart"))->state(), PanelFrame::State::Ready);
    QTRY_VERIFY(!m_view->outageBar()->isVisible());
}

QTEST_MAIN(TestDashboardView)
#include "tst_dashboardview.moc"
