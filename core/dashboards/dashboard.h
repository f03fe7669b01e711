#pragma once

#include "dashboards/healthfact.h"
#include "domain/timerange.h"
#include "net/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace wf {

// A dashboard as data: resources/dashboards/<view>.json, in the schema documented in
// resources/dashboards/README.md. Pure values; the loader checks them and says where a file is wrong.
// Text: Markdown (an imported Grafana text panel). Unsupported: what an import could not map,
// shown as a panel that says so (text) instead of being dropped.
// Logs: the newest lines of a LogQL log query (source "loki").
enum class PanelType { Stat, TimeSeries, StateTimeline, Table, Bar, Gauge, Heatmap, Text, Unsupported, Logs };
// PercentUnit: a share from 0 to 1 shown as a percentage; Bytes and BytesPerSecond in IEC
// multiples (KiB, MiB …); BitsPerSecond in SI multiples (kb/s, Mb/s …).
enum class Unit { None, Seconds, Milliseconds, Minutes, Percent, OpsPerSecond, Count, PercentUnit, Bytes, BytesPerSecond, BitsPerSecond };

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

// How one series of a panel is drawn differently (Grafana's overrides by name or regex, and the
// legacy series overrides): matched on its legend as shown.
struct SeriesOverride
{
    QString match;       // the legend, or a regular expression over it (regex)
    bool regex = false;
    QString color;       // green, amber, red, blue, grey or #rrggbb; empty: the palette's
    QString displayName; // shown instead of the legend
    bool negate = false; // drawn below the axis (Grafana's negative-Y: received up, sent down)
    bool hidden = false; // not drawn

    bool matches(const QString &legend) const;
    friend bool operator==(const SeriesOverride &, const SeriesOverride &) = default;
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
    QList<SeriesOverride> overrides; // the first that matches a series applies (time series)
    QString text;   // text: Markdown; unsupported: what was not mapped and why
    QString noData; // stat: what an empty answer means ("None firing"), shown as the value 0 would be
    bool showLegend = false; // stat: show the series' legend ("Connected") instead of its value
    int width = 4; // of 12 columns
    int height = 1; // rows of the grid, 1 = a tile, 2 = a chart
    // Where Grafana put it (an import): x and w of 24 columns, y (from the row's top) and h in
    // Grafana's units of 30 px. When every panel of a row has one, the row is laid out so.
    struct GridPos
    {
        int x = 0, y = 0, w = 12, h = 8;
        bool operator==(const GridPos &) const = default;
    };
    std::optional<GridPos> grid;
    // Where the data comes from: "prometheus" (default), "router" (the router state: health
    // endpoint first, the range query of datasource_router_state behind it), "health" (the
    // health endpoint's status and round trip) or "none" (text and unsupported panels).
    QString source = QStringLiteral("prometheus");
    // A Prometheus panel whose value the health endpoint also reports: the newer one is painted.
    std::optional<HealthFact> healthFact;
};

struct DashboardRow
{
    QString title;
    QList<Panel> panels;
};

// label_values(metric, label) or a fixed list: the values offered for a variable; multi-select.
struct DashboardVariable
{
    QString name;  // "symbol": $symbol in queries
    QString label; // shown in the bar
    QString metric;    // a series selector (other variables in it are filled in); empty: any series
    QString labelName;
    QStringList values; // a fixed list instead (Grafana's custom variable): nothing is asked
};

struct Dashboard
{
    QString id;    // "operations"
    QString title;
    QList<DashboardVariable> variables;
    QList<DashboardRow> rows;
    // Shown with this time range and refresh the first time it is opened (Grafana's "time" and
    // "refresh"); unset: the window's stay as they are.
    std::optional<TimeRange> time;
    int refreshSeconds = 0;

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

// The dashboard as JSON in the schema parse() reads (parse(toJson(d)) gives d back).
QByteArray toJson(const Dashboard &dashboard);

QString unitName(Unit unit);
std::optional<Unit> unitFromName(const QString &name);
QString panelTypeName(PanelType type);
std::optional<PanelType> panelTypeFromName(const QString &name);

} // namespace dashboards
} // namespace wf
