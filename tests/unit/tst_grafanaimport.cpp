// Grafana dashboards into Watchfloor ones, on eight public dashboards (tests/data/grafana, their
// sources in SOURCES.md): each import report equals its golden file (reports/<name>.txt; rewrite
// them with WATCHFLOOR_UPDATE_GOLDEN=1 and read the diff), what is written loads again, 95 % of
// the panels are mapped, and the layout, queries and variables are Grafana's.

#include "dashboards/dashboard.h"
#include "dashboards/queryplan.h"
#include "grafana/grafanaexport.h"
#include "grafana/grafanaimport.h"
#include "grafana/importcommand.h"
#include "testdata.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace wf;

namespace {

const QStringList kDashboards{QStringLiteral("alertmanager"),     QStringLiteral("loki-chunks"),
                              QStringLiteral("loki-logs"),        QStringLiteral("loki-operational"),
                              QStringLiteral("loki-reads"),       QStringLiteral("nfs-full"),
                              QStringLiteral("node-exporter-full"), QStringLiteral("node-exporter-full-old")};

grafana::ImportResult imported(const QString &name)
{
    auto result = grafana::importDashboard(readTestData(QStringLiteral("grafana/%1.json").arg(name)));
    if (!result)
        qFatal("%s: %s", qPrintable(name), qPrintable(result.error().message));
    return std::move(result).value();
}

const Panel *panelTitled(const Dashboard &d, const QString &title)
{
    for (const auto *p : d.panels())
        if (p->title == title)
            return p;
    return nullptr;
}

} // namespace

class TestGrafanaImport : public QObject
{
    Q_OBJECT
private slots:
    void reportsAsGolden_data();
    void reportsAsGolden();
    void mostPanelsMapped();
    void layoutIsGrafanas();
    void queriesAndVariables();
    void wrapperAndInputs();
    void notADashboard();
    void oddVariablesStillLoad();
    void grafanaTimeVariables();
    void oddPanelIdsStillImport();
    void builtInsRoundTrip();
    void commandWritesAndExits();
    void exportImportsBack();
    void exportCommand();
    void packedPanelsInTheirNewOrder();
    void timeRangeAndRefreshAsDefaults_data();
    void timeRangeAndRefreshAsDefaults();
};

void TestGrafanaImport::reportsAsGolden_data()
{
    QTest::addColumn<QString>("name");
    for (const auto &name : kDashboards)
        QTest::newRow(qPrintable(name)) << name;
}

void TestGrafanaImport::reportsAsGolden()
{
    QFETCH(QString, name);
    const auto result = imported(name);
    // What is written loads, and loads as the same dashboard.
    const auto json = dashboards::toJson(result.dashboard);
    const auto back = dashboards::parse(json);
    QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
    QCOMPARE(dashboards::toJson(back.value()), json);
    QCOMPARE(back.value().panels().size(), result.panels);

    const auto goldenPath = qEnvironmentVariable("WATCHFLOOR_TEST_DATA") + QStringLiteral("/grafana/reports/%1.txt").arg(name);
    if (qEnvironmentVariableIntValue("WATCHFLOOR_UPDATE_GOLDEN") == 1) {
        QFile out(goldenPath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(result.report().toUtf8());
    }
    const auto golden = QString::fromUtf8(readTestData(QStringLiteral("grafana/reports/%1.txt").arg(name)));
    const auto report = result.report();
    if (report != golden) {
        const auto a = report.split(QLatin1Char('\n')), b = golden.split(QLatin1Char('\n'));
        for (int i = 0; i < std::max(a.size(), b.size()); ++i)
            if (a.value(i) != b.value(i))
                QFAIL(qPrintable(QStringLiteral("line %1:\n  now:    %2\n  golden: %3").arg(i + 1).arg(a.value(i), b.value(i))));
    }
}

void TestGrafanaImport::mostPanelsMapped()
{
    int panels = 0, mapped = 0, unsupported = 0;
    for (const auto &name : kDashboards) {
        const auto result = imported(name);
        panels += result.panels;
        mapped += result.mapped;
        for (const auto *p : result.dashboard.panels()) {
            if (p->type != PanelType::Unsupported)
                continue;
            ++unsupported;
            // Never dropped silently: the panel says what and why, and the report lists it.
            QVERIFY(!p->text.isEmpty());
            QVERIFY(std::any_of(result.notes.cbegin(), result.notes.cend(),
                                [&](const grafana::ImportNote &n) { return n.where.contains(p->title); }));
        }
    }
    QCOMPARE(panels - mapped, unsupported);
    const double share = 100.0 * mapped / panels;
    qInfo("%d of %d panels mapped (%.1f %%) in %lld dashboards", mapped, panels, share, qint64(kDashboards.size()));
    QVERIFY2(share >= 95.0, qPrintable(QString::number(share)));
}

void TestGrafanaImport::layoutIsGrafanas()
{
    // Node Exporter Full: rows as Grafana has them, collapsed ones with their panels; the first
    // ("Quick CPU / Mem / Disk") as Grafana lays it out: 24 columns are our 12.
    const auto result = imported(QStringLiteral("node-exporter-full"));
    const auto &rows = result.dashboard.rows;
    QCOMPARE(rows.first().title, QStringLiteral("Quick CPU / Mem / Disk"));
    QCOMPARE(rows.at(1).title, QStringLiteral("Basic CPU / Mem / Net / Disk"));
    QVERIFY(rows.size() >= 10);
    QVERIFY(std::all_of(rows.cbegin(), rows.cend(), [](const DashboardRow &r) { return !r.panels.isEmpty(); }));
    const auto source = QJsonDocument::fromJson(readTestData(QStringLiteral("grafana/node-exporter-full.json"))).object();
    int inGrafana = 0;
    for (const auto &v : source.value(QStringLiteral("panels")).toArray()) {
        const auto o = v.toObject();
        inGrafana += o.value(QStringLiteral("type")).toString() == u"row" ? int(o.value(QStringLiteral("panels")).toArray().size()) : 1;
    }
    QCOMPARE(result.panels, inGrafana);
    // Panels in the order Grafana shows them (top to bottom, left to right), where Grafana has
    // them: its gridPos, y from the row's top.
    const auto &quick = rows.first().panels;
    QCOMPARE(quick.first().title, QStringLiteral("Pressure"));
    QCOMPARE(quick.first().grid, (Panel::GridPos{0, 0, 3, 4}));
    const auto *uptime = panelTitled(result.dashboard, QStringLiteral("Uptime"));
    QVERIFY(uptime);
    QCOMPARE(uptime->grid, (Panel::GridPos{20, 2, 4, 2})); // under "RAM Total", beside "RootFS Total"
    // Every panel placed, none over another (Loki / Logs saves "Logs" inside "Log Rate": Grafana
    // pushes it below), each row starting at its top.
    int placedRows = 0;
    for (const auto &n : kDashboards) {
        const auto each = imported(n);
        for (const auto &row : each.dashboard.rows) {
            if (!row.panels.first().grid) // legacy rows (before schema 16): spans, no places
                continue;
            ++placedRows;
            int top = 1 << 30;
            for (const auto &p : row.panels) {
                QVERIFY2(p.grid && p.grid->x + p.grid->w <= 24, qPrintable(p.title));
                top = std::min(top, p.grid->y);
                for (const auto &q : row.panels)
                    if (&p != &q) {
                        const bool apart = p.grid->x + p.grid->w <= q.grid->x || q.grid->x + q.grid->w <= p.grid->x
                            || p.grid->y + p.grid->h <= q.grid->y || q.grid->y + q.grid->h <= p.grid->y;
                        QVERIFY2(apart, qPrintable(p.title + QStringLiteral(" over ") + q.title));
                    }
            }
            QCOMPARE(top, 0);
        }
    }
    QVERIFY(placedRows >= 30);
    // The legacy rows of schema 14: spans as they were.
    const auto old = imported(QStringLiteral("node-exporter-full-old"));
    QVERIFY(old.dashboard.rows.size() >= 10);
    const auto oldPanels = old.dashboard.panels();
    QCOMPARE(oldPanels.size(), 172);
    QVERIFY(std::all_of(oldPanels.cbegin(), oldPanels.cend(), [](const Panel *p) { return p->width >= 1 && p->width <= 12 && !p->grid; }));
}

void TestGrafanaImport::queriesAndVariables()
{
    const auto result = imported(QStringLiteral("node-exporter-full"));
    const auto &d = result.dashboard;
    // label_values(node_uname_info{job="$job"}, nodename): chained, as a regex of the choices.
    QCOMPARE(d.variables.size(), 3);
    QCOMPARE(d.variables.at(1).name, QStringLiteral("nodename"));
    QCOMPARE(d.variables.at(1).labelName, QStringLiteral("nodename"));
    QCOMPARE(d.variables.at(1).metric, QStringLiteral("node_uname_info{job=~\"$job\"}"));
    // A query's label="$var" becomes =~ (all chosen: ".*"), legends and units carried over.
    const auto *cpu = panelTitled(d, QStringLiteral("CPU Busy"));
    QVERIFY(cpu);
    QCOMPARE(cpu->type, PanelType::Gauge);
    QCOMPARE(cpu->unit, Unit::Percent);
    QVERIFY2(cpu->queries.first().expr.contains(QLatin1String("instance=~\"$node\"")), qPrintable(cpu->queries.first().expr));
    QVERIFY(!cpu->queries.first().expr.contains(QLatin1String("instance=\"$node\"")));
    QVERIFY(!cpu->thresholds.isEmpty());
    const auto *traffic = panelTitled(d, QStringLiteral("Network Traffic Basic"));
    QVERIFY(traffic);
    QCOMPARE(traffic->type, PanelType::TimeSeries);
    QCOMPARE(traffic->unit, Unit::BitsPerSecond);
    QVERIFY(!traffic->queries.first().legend.isEmpty());
    // Its override by regex ("/.*Tx.*/", a JavaScript literal): the sent side below the axis.
    QCOMPARE(traffic->overrides.size(), 1);
    QVERIFY(traffic->overrides.first().regex && traffic->overrides.first().negate);
    QVERIFY(traffic->overrides.first().matches(QStringLiteral("eth0 - Tx out")));
    QVERIFY(!traffic->overrides.first().matches(QStringLiteral("eth0 - Rx in")));
    // A custom variable's fixed list; a textbox's saved value in the query, said in the report.
    const auto logs = imported(QStringLiteral("loki-logs"));
    const auto level = std::find_if(logs.dashboard.variables.cbegin(), logs.dashboard.variables.cend(),
                                    [](const DashboardVariable &v) { return v.name == u"level"; });
    QVERIFY(level != logs.dashboard.variables.cend());
    QCOMPARE(level->values, (QStringList{QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warn"), QStringLiteral("error")}));
    QVERIFY(logs.report().contains(QLatin1String("variable $filter: textbox variable not offered")));
    // A logs panel shows its LogQL log query's lines; a LogQL metric panel asks Loki for its series.
    const auto *logsPanel = panelTitled(logs.dashboard, QStringLiteral("Logs"));
    QVERIFY(logsPanel);
    QCOMPARE(logsPanel->type, PanelType::Logs);
    QCOMPARE(logsPanel->source, QStringLiteral("loki"));
    QVERIFY2(logsPanel->queries.first().expr.startsWith(u'{'), qPrintable(logsPanel->queries.first().expr));
    const auto *rate = panelTitled(logs.dashboard, QStringLiteral("Log Rate"));
    QVERIFY(rate);
    QCOMPARE(rate->type, PanelType::TimeSeries);
    QCOMPARE(rate->source, QStringLiteral("loki"));
    QVERIFY2(rate->queries.first().expr.contains(QLatin1String("count_over_time")) || rate->queries.first().expr.contains(QLatin1String("rate(")),
             qPrintable(rate->queries.first().expr));
    // A LogQL log query in a chart, or Prometheus and Loki mixed: said, not drawn wrongly.
    const auto odd = grafana::importDashboard(QByteArray(R"json({"title": "Odd", "panels": [
        {"type": "timeseries", "title": "Lines as a chart", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
         "datasource": {"type": "loki", "uid": "l"}, "targets": [{"expr": "{app=\"a\"}"}]},
        {"type": "timeseries", "title": "Mixed", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 8},
         "datasource": {"type": "datasource", "uid": "-- Mixed --"},
         "targets": [{"expr": "up", "datasource": {"type": "prometheus", "uid": "p"}},
                     {"expr": "count_over_time({app=\"a\"}[1m])", "datasource": {"type": "loki", "uid": "l"}}]},
        {"type": "logs", "title": "Numbers as lines", "gridPos": {"x": 0, "y": 8, "w": 24, "h": 8},
         "datasource": {"type": "loki", "uid": "l"}, "targets": [{"expr": "rate({app=\"a\"}[1m])"}]}]})json"));
    QVERIFY(odd);
    QCOMPARE(odd.value().mapped, 0);
    const auto report = odd.value().report();
    QVERIFY2(report.contains(QStringLiteral("“Lines as a chart”: LogQL log query")), qPrintable(report));
    QVERIFY2(report.contains(QStringLiteral("“Mixed”: Prometheus and Loki queries in one panel")), qPrintable(report));
    QVERIFY2(report.contains(QStringLiteral("“Numbers as lines”: LogQL metric query in a logs panel")), qPrintable(report));
    // State timelines and status histories of Prometheus series: a lane per series.
    const auto states = grafana::importDashboard(QByteArray(R"json({"title": "States", "panels": [
        {"type": "state-timeline", "title": "Targets", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
         "targets": [{"expr": "up", "legendFormat": "{{job}}"}],
         "fieldConfig": {"defaults": {"mappings": [{"type": "value", "options": {"0": {"text": "Down"}, "1": {"text": "Up"}}}]}}},
        {"type": "status-history", "title": "History", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 8},
         "targets": [{"expr": "up"}]}]})json"));
    QVERIFY(states);
    QCOMPARE(states.value().mapped, 2);
    const auto *targets = panelTitled(states.value().dashboard, QStringLiteral("Targets"));
    QCOMPARE(targets->type, PanelType::StateTimeline);
    QCOMPARE(targets->source, QStringLiteral("prometheus"));
    QCOMPARE(targets->mappings.size(), 2);
    QVERIFY(states.value().report().contains(QStringLiteral("“History”: status history — drawn as a state timeline")));
    const auto back = grafana::importDashboard(grafana::exportDashboard(states.value().dashboard));
    QVERIFY(back);
    QCOMPARE(dashboards::toJson(back.value().dashboard), dashboards::toJson(states.value().dashboard));
}

void TestGrafanaImport::wrapperAndInputs()
{
    // The HTTP API's {"dashboard": …, "meta": …} is the same dashboard.
    const auto raw = readTestData(QStringLiteral("grafana/nfs-full.json"));
    QJsonObject wrapped{{QStringLiteral("dashboard"), QJsonDocument::fromJson(raw).object()},
                        {QStringLiteral("meta"), QJsonObject{{QStringLiteral("slug"), QStringLiteral("nfs")}}}};
    const auto a = grafana::importDashboard(raw);
    const auto b = grafana::importDashboard(QJsonDocument(wrapped).toJson());
    QVERIFY(a && b);
    QCOMPARE(dashboards::toJson(b.value().dashboard), dashboards::toJson(a.value().dashboard));
    // "For sharing externally": ${DS_…} inputs resolve to the profile's Prometheus, not "unsupported".
    QVERIFY(a.value().report().contains(QLatin1String("${DS_PROMETHEUS} (prometheus)")));
    QCOMPARE(a.value().mapped, a.value().panels);
    // An id that is not a built-in view's.
    QJsonObject mine{{QStringLiteral("title"), QStringLiteral("Operations")},
                     {QStringLiteral("panels"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("stat")},
                                                                       {QStringLiteral("title"), QStringLiteral("Up")},
                                                                       {QStringLiteral("targets"), QJsonArray{QJsonObject{{QStringLiteral("expr"), QStringLiteral("up")}}}}}}}};
    const auto ops = grafana::importDashboard(QJsonDocument(mine).toJson());
    QVERIFY(ops);
    QCOMPARE(ops.value().dashboard.id, QStringLiteral("grafana-operations"));
}

void TestGrafanaImport::notADashboard()
{
    for (const auto &bytes : {QByteArray("not json"), QByteArray("[1, 2]"), QByteArray(R"({"status": "success", "data": []})"),
                              QByteArray(R"({"title": "Empty", "panels": []})")}) {
        const auto result = grafana::importDashboard(bytes);
        QVERIFY2(!result, bytes.constData());
        QCOMPARE(result.error().kind, Error::Kind::Parse);
        QVERIFY(!result.error().message.isEmpty());
    }
}

void TestGrafanaImport::oddVariablesStillLoad()
{
    // Found by fuzz_grafana: a variable without a name (and a custom one without values) made a
    // dashboard that does not load; they are left out, said in the report, and the rest imports.
    const auto json = QByteArray(R"json({"title": "Odd", "templating": {"list": [
        {"type": "query", "name": "", "query": "label_values(up, job)"},
        {"type": "custom", "name": "empty", "query": " , "},
        {"type": "query", "name": "job", "query": "label_values(up, job)"}]},
      "panels": [{"type": "stat", "title": "Up", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4},
                  "targets": [{"expr": "up{job=\"$job\"}"}]}]})json");
    const auto result = grafana::importDashboard(json);
    QVERIFY(result);
    QVERIFY2(dashboards::parse(dashboards::toJson(result.value().dashboard)), qPrintable(result.value().report()));
    QCOMPARE(result.value().dashboard.variables.size(), 1);
    QVERIFY(result.value().report().contains(QStringLiteral("variable “”: left out")));
    QVERIFY(result.value().report().contains(QLatin1String("variable $empty: custom variable without values")));
    QCOMPARE(result.value().dashboard.panels().first()->queries.first().expr, QStringLiteral("up{job=~\"$job\"}"));
}

void TestGrafanaImport::oddPanelIdsStillImport()
{
    // Found by fuzz_grafana: a panel id far beyond an integer was converted to one (undefined
    // behaviour); a fractional or negative one made ids that could clash.
    const auto result = grafana::importDashboard(QByteArray(R"json({"title": "Ids", "panels": [
        {"type": "stat", "title": "Huge", "id": 4.44444e55, "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4}, "targets": [{"expr": "up"}]},
        {"type": "stat", "title": "Half", "id": 2.5, "gridPos": {"x": 6, "y": 0, "w": 6, "h": 4}, "targets": [{"expr": "up"}]},
        {"type": "stat", "title": "Seven", "id": 7, "gridPos": {"x": 12, "y": 0, "w": 6, "h": 4}, "targets": [{"expr": "up"}]},
        {"type": "stat", "title": "Seven again", "id": 7, "gridPos": {"x": 18, "y": 0, "w": 6, "h": 4}, "targets": [{"expr": "up"}]}]})json"));
    QVERIFY(result);
    QStringList ids;
    for (const auto *p : result.value().dashboard.panels())
        ids << p->id;
    QCOMPARE(ids, (QStringList{QStringLiteral("ids-1"), QStringLiteral("ids-2"), QStringLiteral("ids-7"), QStringLiteral("ids-7-2")}));
    QVERIFY(dashboards::parse(dashboards::toJson(result.value().dashboard)));
}

void TestGrafanaImport::grafanaTimeVariables()
{
    QueryContext context;
    context.to = QDateTime::currentDateTimeUtc();
    context.from = context.to.addSecs(-3600);
    context.scrapeSeconds = 15;
    QCOMPARE(queryplan::expand(QStringLiteral("x[$__range_s] $__range_ms ${__range} $__interval_ms"), context, 30),
             QStringLiteral("x[3600] 3600000 3600s 30000"));
    // Grafana's Loki queries take $__auto (found opening Loki / Logs against a Loki): the step.
    QCOMPARE(queryplan::expand(QStringLiteral("rate({a=\"b\"}[$__auto]) ${__auto}"), context, 30), QStringLiteral("rate({a=\"b\"}[30s]) 30s"));
}

void TestGrafanaImport::builtInsRoundTrip()
{
    for (const auto &id : dashboards::builtInIds()) {
        const auto d = dashboards::builtIn(id);
        QVERIFY(d);
        const auto back = dashboards::parse(dashboards::toJson(d.value()));
        QVERIFY2(back, qPrintable(id));
        QCOMPARE(dashboards::toJson(back.value()), dashboards::toJson(d.value()));
        QCOMPARE(back.value().panels().size(), d.value().panels().size());
    }
}

void TestGrafanaImport::commandWritesAndExits()
{
    QTemporaryDir out;
    const auto source = qEnvironmentVariable("WATCHFLOOR_TEST_DATA") + QStringLiteral("/grafana/alertmanager.json");
    QCOMPARE(grafana::runImportCommand({QStringLiteral("import-grafana"), source, QStringLiteral("--out"), out.path()}), 0);
    QFile written(out.filePath(QStringLiteral("prometheus-alertmanager.json")));
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(dashboards::parse(written.readAll()));
    // Not a dashboard, a missing file, a wrong option: 2, nothing written.
    QTemporaryDir empty;
    QFile bad(empty.filePath(QStringLiteral("bad.json")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(R"({"status": "success"})");
    bad.close();
    QCOMPARE(grafana::runImportCommand({QStringLiteral("import-grafana"), bad.fileName(), QStringLiteral("--out"), empty.path()}), 2);
    QCOMPARE(grafana::runImportCommand({QStringLiteral("import-grafana"), empty.filePath(QStringLiteral("none.json"))}), 2);
    QCOMPARE(grafana::runImportCommand({QStringLiteral("import-grafana"), source, QStringLiteral("--bogus")}), 2);
    QCOMPARE(grafana::runImportCommand({QStringLiteral("import-grafana")}), 2);
    QCOMPARE(QDir(empty.path()).entryList(QDir::Files), QStringList{QStringLiteral("bad.json")});
    // A folder that cannot be made: 3.
    QCOMPARE(grafana::runImportCommand({QStringLiteral("import-grafana"), source, QStringLiteral("--out"), bad.fileName() + QStringLiteral("/sub")}), 3);
}

void TestGrafanaImport::exportImportsBack()
{
    // import(export(x)) is x: the four built-in views and the eight imported dashboards.
    QList<Dashboard> all;
    for (const auto &id : dashboards::builtInIds())
        all.append(dashboards::builtIn(id).value());
    for (const auto &name : kDashboards)
        all.append(imported(name).dashboard);
    for (const auto &d : std::as_const(all)) {
        QStringList notes;
        const auto json = grafana::exportDashboard(d, &notes);
        const auto doc = QJsonDocument::fromJson(json).object();
        // What Grafana reads: an input for its Prometheus, panels on its grid, the variables.
        QCOMPARE(doc.value(QStringLiteral("__inputs")).toArray().first().toObject().value(QStringLiteral("pluginId")).toString(),
                 QStringLiteral("prometheus"));
        QVERIFY(doc.value(QStringLiteral("schemaVersion")).toInt() >= 36);
        for (const auto &v : doc.value(QStringLiteral("panels")).toArray()) {
            const auto g = v.toObject().value(QStringLiteral("gridPos")).toObject();
            QVERIFY2(g.value(QStringLiteral("w")).toInt() >= 1 && g.value(QStringLiteral("x")).toInt() + g.value(QStringLiteral("w")).toInt() <= 24,
                     qPrintable(d.id));
        }
        QCOMPARE(doc.value(QStringLiteral("templating")).toObject().value(QStringLiteral("list")).toArray().size(), d.variables.size());
        const auto back = grafana::importDashboard(json);
        QVERIFY2(back, qPrintable(d.id));
        QCOMPARE(back.value().mapped, back.value().panels);
        const auto a = dashboards::toJson(back.value().dashboard), b = dashboards::toJson(d);
        if (a != b) {
            const auto la = QString::fromUtf8(a).split(QLatin1Char('\n')), lb = QString::fromUtf8(b).split(QLatin1Char('\n'));
            for (int i = 0; i < std::max(la.size(), lb.size()); ++i)
                if (la.value(i) != lb.value(i))
                    QFAIL(qPrintable(QStringLiteral("%1, line %2:\n  back:     %3\n  exported: %4").arg(d.id).arg(i + 1).arg(la.value(i), lb.value(i))));
        }
    }
}

void TestGrafanaImport::exportCommand()
{
    QTemporaryDir out;
    const auto file = out.filePath(QStringLiteral("operations-grafana.json"));
    QCOMPARE(grafana::runExportCommand({QStringLiteral("export-grafana"), QStringLiteral("operations"), QStringLiteral("--out"), file}), 0);
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(written.readAll()).object().value(QStringLiteral("title")).toString(), QStringLiteral("Operations"));
    QCOMPARE(grafana::runExportCommand({QStringLiteral("export-grafana"), QStringLiteral("nosuchview"), QStringLiteral("--out"), file}), 2);
    QCOMPARE(grafana::runExportCommand({QStringLiteral("export-grafana"), QStringLiteral("operations")}), 2);
    const auto grafanaFile = qEnvironmentVariable("WATCHFLOOR_TEST_DATA") + QStringLiteral("/grafana/alertmanager.json");
    QCOMPARE(grafana::runExportCommand({QStringLiteral("export-grafana"), grafanaFile, QStringLiteral("--out"), file}), 2); // Grafana's, not ours
    QCOMPARE(grafana::runExportCommand({QStringLiteral("export-grafana"), QStringLiteral("operations"), QStringLiteral("--out"),
                                        out.filePath(QStringLiteral("no/such/folder/x.json"))}),
             3);
}

void TestGrafanaImport::packedPanelsInTheirNewOrder()
{
    // Found by fuzz_grafana: packing upwards lifts "B" (nothing above it) over "A" (under "C"), so
    // the panels stand C, B, A — and so they are listed, or an export and import reorders them.
    const auto json = QByteArray(R"json({"title": "Packed", "panels": [
        {"type": "stat", "title": "C", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 4}, "targets": [{"expr": "up"}]},
        {"type": "stat", "title": "A", "gridPos": {"x": 0, "y": 5, "w": 12, "h": 4}, "targets": [{"expr": "up"}]},
        {"type": "stat", "title": "B", "gridPos": {"x": 12, "y": 6, "w": 12, "h": 4}, "targets": [{"expr": "up"}]}]})json");
    const auto result = grafana::importDashboard(json);
    QVERIFY(result);
    const auto &panels = result.value().dashboard.rows.first().panels;
    QCOMPARE(panels.at(0).title, QStringLiteral("C"));
    QCOMPARE(panels.at(1).title, QStringLiteral("B"));
    QCOMPARE(panels.at(1).grid, (Panel::GridPos{12, 0, 12, 4}));
    QCOMPARE(panels.at(2).title, QStringLiteral("A"));
    QCOMPARE(panels.at(2).grid, (Panel::GridPos{0, 4, 12, 4}));
    const auto back = grafana::importDashboard(grafana::exportDashboard(result.value().dashboard));
    QVERIFY(back);
    QCOMPARE(dashboards::toJson(back.value().dashboard), dashboards::toJson(result.value().dashboard));
}

QTEST_GUILESS_MAIN(TestGrafanaImport)
#include "tst_grafanaimport.moc"

void TestGrafanaImport::timeRangeAndRefreshAsDefaults_data()
{
    QTest::addColumn<QString>("time");      // Grafana's "time" and "refresh" (JSON)
    QTest::addColumn<QString>("refresh");
    QTest::addColumn<QString>("expected");  // the dashboard's default range, "" for the window's
    QTest::addColumn<int>("seconds");       // its refresh, 0 for the window's
    QTest::addColumn<int>("notes");
    QTest::newRow("last 24 hours, every minute") << R"({"from": "now-24h", "to": "now"})" << R"("1m")" << "1d" << 60 << 0;
    QTest::newRow("last 90 minutes, no refresh") << R"({"from": "now-90m", "to": "now"})" << R"(false)" << "1h30m" << 0 << 0;
    QTest::newRow("fixed, ISO") << R"({"from": "2026-11-30T08:00:00.000Z", "to": "2026-11-30T09:30:00.000Z"})" << R"("")"
                                << "2026-11-30T08:00:00Z/2026-11-30T09:30:00Z" << 0 << 0;
    QTest::newRow("fixed, epoch ms") << R"({"from": "1796025600000", "to": "1796029200000"})" << R"("10s")"
                                     << "2026-11-30T08:00:00Z/2026-11-30T09:00:00Z" << 10 << 0;
    QTest::newRow("yesterday (rounded): the window's") << R"({"from": "now-1d/d", "to": "now-1d/d"})" << R"("5m")" << "" << 300 << 1;
    QTest::newRow("no time at all: Grafana's 6 hours") << R"(null)" << R"("2d")" << "6h" << 0 << 1;
}

void TestGrafanaImport::timeRangeAndRefreshAsDefaults()
{
    QFETCH(QString, time);
    QFETCH(QString, refresh);
    QFETCH(QString, expected);
    QFETCH(int, seconds);
    QFETCH(int, notes);
    const auto json = QStringLiteral(R"({"title": "T", "time": %1, "refresh": %2,
        "panels": [{"type": "stat", "title": "Up", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4}, "targets": [{"expr": "up"}]}]})")
                          .arg(time, refresh);
    const auto result = grafana::importDashboard(json.toUtf8());
    QVERIFY(result);
    const auto &d = result.value().dashboard;
    QCOMPARE(d.time ? d.time->toString() : QString(), expected);
    QCOMPARE(d.refreshSeconds, seconds);
    QCOMPARE(result.value().notes.size(), notes);
    // Kept in Watchfloor's file, and in the Grafana JSON it exports.
    const auto parsed = dashboards::parse(dashboards::toJson(d));
    QVERIFY(parsed);
    QCOMPARE(parsed.value().time, d.time);
    QCOMPARE(parsed.value().refreshSeconds, d.refreshSeconds);
    const auto back = grafana::importDashboard(grafana::exportDashboard(d, nullptr));
    QVERIFY(back);
    QCOMPARE(back.value().dashboard.time, d.time);
    QCOMPARE(back.value().dashboard.refreshSeconds, d.refreshSeconds);
}
