#pragma once

#include "dashboards/healthfact.h"
#include "net/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace wf {

// A dashboard as data: resources/dashboards/<view>.json, in the schema documented in
// resources/dashboards/README.md. Pure values; the loader checks them and says where a file is wrong.
enum class PanelType { Stat, TimeSeries, StateTimeline, Table, Bar, Gauge, Heatmap };
enum class Unit { None, Seconds, Milliseconds, Minutes, Percent, OpsPerSecond, Count };

struct Threshold
{
    double value = 0;
    QString color; // "green", "amber", "red", "blue", "grey" or "#rrggbb"
};

// A value shown as a word: 1 → "Authenticated".
struct ValueMapping
{
    double value = 0;
    QString text; // translated through the "Dashboard" context when shown
};

struct PanelQuery
{
    QString expr;    // PromQL with $symbol, $__range, $__rate_interval, $__interval
    QString legend;  // "{{symbol}} p95"; empty: the series' labels
    bool instant = false;
};

struct Panel
{
    QString id;
    PanelType type = PanelType::TimeSeries;
    QString title;
    QString description;
    QList<PanelQuery> queries;
    Unit unit = Unit::None;
    int decimals = -1; // -1: chosen from the value
    QList<Threshold> thresholds; // ascending; a value takes the colour of the last one it reaches
    bool stacked = false;
    bool higherIsWorse = true; // for gauge and stat colouring when no thresholds are given
    std::optional<double> min;
    std::optional<double> max;
    std::optional<double> target; // gauge: the SLO target line
    std::optional<double> highlightAbove; // table: rows whose |value| is over this are marked
    QList<ValueMapping> mappings;
    QString noData; // stat: what an empty answer means ("None firing"), shown as the value 0 would be
    bool showLegend = false; // stat: show the series' legend ("Connected") instead of its value
    int width = 4; // of 12 columns
    int height = 1; // rows of the grid, 1 = a tile, 2 = a chart
    // Where the data comes from: "prometheus" (default), "router" (the router state: health
    // endpoint first, the range query of datasource_router_state behind it) or "health" (the
    // health endpoint's status and round trip).
    QString source = QStringLiteral("prometheus");
    // A Prometheus panel whose value the health endpoint also reports: the newer one is painted.
    std::optional<HealthFact> healthFact;
};

struct DashboardRow
{
    QString title;
    QList<Panel> panels;
};

// label_values(metric, label): the values offered for a variable; multi-select.
struct DashboardVariable
{
    QString name;  // "symbol": $symbol in queries
    QString label; // shown in the bar
    QString metric;
    QString labelName;
};

struct Dashboard
{
    QString id;    // "operations"
    QString title;
    QList<DashboardVariable> variables;
    QList<DashboardRow> rows;

    QList<const Panel *> panels() const;
};

namespace dashboards {

// The dashboard in JSON, or a Parse error naming the place: "rows[1].panels[0].unit: unknown unit 'mph'".
Result<Dashboard> parse(const QByteArray &json);
// The built-in dashboard of a view ("operations" …) from the resources, or the error.
Result<Dashboard> builtIn(const QString &id);
QStringList builtInIds();
// The user's dashboard folder (profile setting): <id>.json files replace the built-in ones with
// that id. Files that do not parse are reported in errors, never loaded half.
QList<Dashboard> loadFolder(const QString &path, QStringList *errors);

QString unitName(Unit unit);
std::optional<Unit> unitFromName(const QString &name);
QString panelTypeName(PanelType type);
std::optional<PanelType> panelTypeFromName(const QString &name);

} // namespace dashboards
} // namespace wf
