#include "grafanaexport.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace wf::grafana {

struct ExportText
{
    Q_DECLARE_TR_FUNCTIONS(wf::grafana::Export)
};

namespace {

// Grafana's relative times take one unit: 90 minutes is "90m", not "1h30m".
QString singleUnit(std::chrono::seconds span)
{
    const auto s = span.count();
    for (const auto &[size, suffix] : {std::pair{qint64(86'400), 'd'}, {qint64(3600), 'h'}, {qint64(60), 'm'}})
        if (s % size == 0)
            return QString::number(s / size) + QLatin1Char(suffix);
    return QString::number(s) + QLatin1Char('s');
}

QJsonObject datasource(const QString &source = QStringLiteral("prometheus"))
{
    if (source == u"loki")
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("loki")}, {QStringLiteral("uid"), QStringLiteral("${DS_LOKI}")}};
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("prometheus")}, {QStringLiteral("uid"), QStringLiteral("${DS_PROMETHEUS}")}};
}

QString grafanaUnit(Unit unit)
{
    switch (unit) {
    case Unit::Seconds: return QStringLiteral("s");
    case Unit::Milliseconds: return QStringLiteral("ms");
    case Unit::Minutes: return QStringLiteral("m");
    case Unit::Percent: return QStringLiteral("percent");
    case Unit::PercentUnit: return QStringLiteral("percentunit");
    case Unit::OpsPerSecond: return QStringLiteral("ops");
    case Unit::Count: return QStringLiteral("short");
    case Unit::Bytes: return QStringLiteral("bytes");
    case Unit::BytesPerSecond: return QStringLiteral("binBps");
    case Unit::BitsPerSecond: return QStringLiteral("bps");
    case Unit::None: break;
    }
    return QStringLiteral("none");
}

QString grafanaColor(const QString &ours)
{
    if (ours == u"amber")
        return QStringLiteral("orange");
    if (ours == u"grey")
        return QStringLiteral("text");
    return ours.toLower(); // green, red, blue and #rrggbb are Grafana's too
}

// The panel as our schema has it, for what Grafana cannot hold (see the header).
QJsonObject watchfloorPanel(const Panel &p)
{
    Dashboard one;
    one.id = QStringLiteral("x");
    one.title = QStringLiteral("x");
    DashboardRow row;
    auto copy = p;
    copy.grid.reset();
    row.panels.append(copy);
    one.rows.append(row);
    const auto doc = QJsonDocument::fromJson(dashboards::toJson(one)).object();
    return doc.value(QStringLiteral("rows")).toArray().first().toObject().value(QStringLiteral("panels")).toArray().first().toObject();
}

class Exporter
{
public:
    explicit Exporter(QStringList *notes)
        : m_notes(notes)
    {
    }
    QByteArray run(const Dashboard &d);

private:
    QJsonObject panel(const Panel &p, const QJsonObject &gridPos);
    QJsonObject fieldConfig(const Panel &p) const;

    QStringList *m_notes;
    int m_nextId = 1;
};

QJsonObject Exporter::fieldConfig(const Panel &p) const
{
    QJsonObject defaults{{QStringLiteral("unit"), grafanaUnit(p.unit)}};
    if (p.decimals >= 0)
        defaults.insert(QStringLiteral("decimals"), p.decimals);
    if (p.min)
        defaults.insert(QStringLiteral("min"), *p.min);
    if (p.max)
        defaults.insert(QStringLiteral("max"), *p.max);
    if (!p.noData.isEmpty())
        defaults.insert(QStringLiteral("noValue"), p.noData);
    QJsonArray steps;
    for (const auto &t : p.thresholds)
        steps.append(QJsonObject{{QStringLiteral("color"), grafanaColor(t.color)},
                                 {QStringLiteral("value"), std::isfinite(t.value) ? QJsonValue(t.value) : QJsonValue()}});
    defaults.insert(QStringLiteral("thresholds"), QJsonObject{{QStringLiteral("mode"), QStringLiteral("absolute")},
                                                              {QStringLiteral("steps"), steps}});
    QJsonArray mappings;
    for (int i = 0; i < p.mappings.size(); ++i) {
        const auto &m = p.mappings.at(i);
        mappings.append(QJsonObject{
            {QStringLiteral("type"), QStringLiteral("value")},
            {QStringLiteral("options"), QJsonObject{{QString::number(m.value, 'g', 17),
                                                     QJsonObject{{QStringLiteral("text"), m.text}, {QStringLiteral("index"), i}}}}}});
    }
    defaults.insert(QStringLiteral("mappings"), mappings);
    if (p.type == PanelType::TimeSeries) {
        QJsonObject custom{{QStringLiteral("stacking"), QJsonObject{{QStringLiteral("mode"), p.stacked ? QStringLiteral("normal") : QStringLiteral("none")}}},
                           {QStringLiteral("fillOpacity"), p.stacked ? 60 : 10},
                           {QStringLiteral("thresholdsStyle"), QJsonObject{{QStringLiteral("mode"), p.thresholds.isEmpty() ? QStringLiteral("off") : QStringLiteral("dashed")}}}};
        defaults.insert(QStringLiteral("custom"), custom);
    }
    QJsonArray overrides;
    for (const auto &s : p.overrides) {
        QJsonArray properties;
        if (!s.color.isEmpty())
            properties.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("color")},
                                          {QStringLiteral("value"), QJsonObject{{QStringLiteral("mode"), QStringLiteral("fixed")},
                                                                                {QStringLiteral("fixedColor"), grafanaColor(s.color)}}}});
        if (!s.displayName.isEmpty())
            properties.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("displayName")}, {QStringLiteral("value"), s.displayName}});
        if (s.negate)
            properties.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("custom.transform")}, {QStringLiteral("value"), QStringLiteral("negative-Y")}});
        if (s.hidden)
            properties.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("custom.hideFrom")},
                                          {QStringLiteral("value"), QJsonObject{{QStringLiteral("legend"), true}, {QStringLiteral("tooltip"), true},
                                                                                {QStringLiteral("viz"), true}}}});
        overrides.append(QJsonObject{{QStringLiteral("matcher"), QJsonObject{{QStringLiteral("id"), s.regex ? QStringLiteral("byRegexp") : QStringLiteral("byName")},
                                                                              {QStringLiteral("options"), s.match}}},
                                     {QStringLiteral("properties"), properties}});
    }
    return QJsonObject{{QStringLiteral("defaults"), defaults}, {QStringLiteral("overrides"), overrides}};
}

QJsonObject Exporter::panel(const Panel &p, const QJsonObject &gridPos)
{
    QJsonObject o{{QStringLiteral("id"), m_nextId++}, {QStringLiteral("title"), p.title}, {QStringLiteral("gridPos"), gridPos}};
    if (!p.description.isEmpty())
        o.insert(QStringLiteral("description"), p.description);
    QJsonObject extras{{QStringLiteral("id"), p.id}};
    if (!p.grid)
        extras.insert(QStringLiteral("flow"), QJsonObject{{QStringLiteral("width"), p.width}, {QStringLiteral("height"), p.height}});
    if (p.highlightAbove)
        extras.insert(QStringLiteral("highlightAbove"), *p.highlightAbove);
    if (p.target)
        extras.insert(QStringLiteral("target"), *p.target);
    if (!p.higherIsWorse)
        extras.insert(QStringLiteral("higherIsWorse"), false);
    if (p.healthFact)
        extras.insert(QStringLiteral("health"), healthfacts::name(*p.healthFact));

    const bool prometheus = p.source == u"prometheus";
    if (!prometheus || p.type == PanelType::Unsupported)
        extras.insert(QStringLiteral("panel"), watchfloorPanel(p)); // Grafana shows the nearest it has
    if (p.type == PanelType::Text || p.source == u"health" || p.type == PanelType::Unsupported) {
        o.insert(QStringLiteral("type"), QStringLiteral("text"));
        const auto content = p.type == PanelType::Text ? p.text
            : p.type == PanelType::Unsupported         ? p.text
                                                       : ExportText::tr("Watchfloor reads this from the service's health endpoint, which Grafana cannot ask.");
        o.insert(QStringLiteral("options"), QJsonObject{{QStringLiteral("mode"), QStringLiteral("markdown")}, {QStringLiteral("content"), content}});
        if (p.source == u"health" && m_notes)
            m_notes->append(ExportText::tr("“%1” reads the health endpoint: a text panel in Grafana").arg(p.title));
        o.insert(QStringLiteral("watchfloor"), extras);
        return o;
    }
    QList<PanelQuery> queries = p.queries;
    if (p.source == u"router") {
        // The router's state from Prometheus: 0 primary, 1 fallback, 2 both down (METRICS.md).
        PanelQuery q;
        q.expr = QStringLiteral("max(datasource_router_state)");
        q.legend = QStringLiteral("router");
        queries = {q};
        if (m_notes)
            m_notes->append(ExportText::tr("“%1” follows the router: from datasource_router_state in Grafana").arg(p.title));
    }
    static const QHash<PanelType, QString> kTypes{{PanelType::TimeSeries, QStringLiteral("timeseries")}, {PanelType::Stat, QStringLiteral("stat")},
                                                  {PanelType::Gauge, QStringLiteral("gauge")},           {PanelType::Bar, QStringLiteral("bargauge")},
                                                  {PanelType::Table, QStringLiteral("table")},           {PanelType::Heatmap, QStringLiteral("heatmap")},
                                                  {PanelType::StateTimeline, QStringLiteral("state-timeline")},
                                                  {PanelType::Logs, QStringLiteral("logs")}};
    o.insert(QStringLiteral("type"), kTypes.value(p.type));
    o.insert(QStringLiteral("datasource"), datasource(p.source));
    QJsonArray targets;
    for (int i = 0; i < queries.size(); ++i) {
        const auto &q = queries.at(i);
        QJsonObject t{{QStringLiteral("refId"), QString(QChar(u'A' + (i % 26)))},
                      {QStringLiteral("datasource"), datasource(p.source)},
                      {QStringLiteral("expr"), q.expr},
                      {QStringLiteral("legendFormat"), q.legend.isEmpty() ? QStringLiteral("__auto") : q.legend},
                      {QStringLiteral("instant"), q.instant},
                      {QStringLiteral("range"), !q.instant}};
        if (p.type == PanelType::Heatmap)
            t.insert(QStringLiteral("format"), QStringLiteral("heatmap"));
        targets.append(t);
    }
    o.insert(QStringLiteral("targets"), targets);
    auto config = fieldConfig(p);
    if (p.source == u"router") {
        auto defaults = config.value(QStringLiteral("defaults")).toObject();
        defaults.insert(QStringLiteral("mappings"), QJsonArray{QJsonObject{
            {QStringLiteral("type"), QStringLiteral("value")},
            {QStringLiteral("options"), QJsonObject{{QStringLiteral("0"), QJsonObject{{QStringLiteral("text"), QStringLiteral("PRIMARY_ACTIVE")}, {QStringLiteral("color"), QStringLiteral("green")}}},
                                                    {QStringLiteral("1"), QJsonObject{{QStringLiteral("text"), QStringLiteral("FALLBACK_ACTIVE")}, {QStringLiteral("color"), QStringLiteral("orange")}}},
                                                    {QStringLiteral("2"), QJsonObject{{QStringLiteral("text"), QStringLiteral("BOTH_UNAVAILABLE")}, {QStringLiteral("color"), QStringLiteral("red")}}}}}}});
        config.insert(QStringLiteral("defaults"), defaults);
    }
    o.insert(QStringLiteral("fieldConfig"), config);
    QJsonObject options;
    if (p.type == PanelType::Stat) {
        const bool spark = std::any_of(p.queries.cbegin(), p.queries.cend(), [](const PanelQuery &q) { return !q.instant; });
        options.insert(QStringLiteral("graphMode"), spark ? QStringLiteral("area") : QStringLiteral("none"));
        options.insert(QStringLiteral("textMode"), p.showLegend ? QStringLiteral("name") : QStringLiteral("auto"));
        options.insert(QStringLiteral("colorMode"), QStringLiteral("value"));
    }
    if (p.type != PanelType::TimeSeries && p.type != PanelType::Heatmap && p.type != PanelType::StateTimeline)
        options.insert(QStringLiteral("reduceOptions"), QJsonObject{{QStringLiteral("calcs"), QJsonArray{QStringLiteral("lastNotNull")}},
                                                                    {QStringLiteral("fields"), QString()},
                                                                    {QStringLiteral("values"), false}});
    if (p.type == PanelType::Bar)
        options.insert(QStringLiteral("orientation"), QStringLiteral("horizontal"));
    o.insert(QStringLiteral("options"), options);
    o.insert(QStringLiteral("watchfloor"), extras);
    return o;
}

QByteArray Exporter::run(const Dashboard &d)
{
    QJsonArray panels;
    int y = 0;
    for (const auto &row : d.rows) {
        if (!row.title.isEmpty() || &row != &d.rows.first()) {
            panels.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("row")},
                                      {QStringLiteral("id"), m_nextId++},
                                      {QStringLiteral("title"), row.title},
                                      {QStringLiteral("collapsed"), false},
                                      {QStringLiteral("panels"), QJsonArray()},
                                      {QStringLiteral("gridPos"), QJsonObject{{QStringLiteral("x"), 0}, {QStringLiteral("y"), y},
                                                                              {QStringLiteral("w"), 24}, {QStringLiteral("h"), 1}}}});
            ++y;
        }
        // Our 12 columns are Grafana's 24; a tile (height 1) 4 of its units of 30 px, a chart 8.
        int column = 0, lineTop = y, lineHeight = 0, bottom = y;
        for (const auto &p : row.panels) {
            QJsonObject pos;
            if (p.grid) {
                pos = QJsonObject{{QStringLiteral("x"), p.grid->x}, {QStringLiteral("y"), y + p.grid->y},
                                  {QStringLiteral("w"), p.grid->w}, {QStringLiteral("h"), p.grid->h}};
                bottom = std::max(bottom, y + p.grid->y + p.grid->h);
            } else {
                if (column + p.width > 12) {
                    lineTop += lineHeight;
                    column = 0;
                    lineHeight = 0;
                }
                const int h = p.height * 4;
                pos = QJsonObject{{QStringLiteral("x"), column * 2}, {QStringLiteral("y"), lineTop},
                                  {QStringLiteral("w"), p.width * 2}, {QStringLiteral("h"), h}};
                column += p.width;
                lineHeight = std::max(lineHeight, h);
                bottom = std::max(bottom, lineTop + h);
            }
            panels.append(panel(p, pos));
        }
        y = bottom;
    }
    QJsonArray variables;
    for (const auto &v : d.variables) {
        QJsonObject o{{QStringLiteral("name"), v.name},
                      {QStringLiteral("multi"), true}, {QStringLiteral("includeAll"), true}, {QStringLiteral("allValue"), QStringLiteral(".*")},
                      {QStringLiteral("current"), QJsonObject{{QStringLiteral("text"), QJsonArray{QStringLiteral("All")}},
                                                              {QStringLiteral("value"), QJsonArray{QStringLiteral("$__all")}}}},
                      {QStringLiteral("hide"), 0}};
        if (!v.label.isEmpty())
            o.insert(QStringLiteral("label"), v.label);
        if (!v.values.isEmpty()) {
            o.insert(QStringLiteral("type"), QStringLiteral("custom"));
            o.insert(QStringLiteral("query"), v.values.join(QLatin1Char(',')));
            QJsonArray options;
            for (const auto &value : v.values)
                options.append(QJsonObject{{QStringLiteral("text"), value}, {QStringLiteral("value"), value}, {QStringLiteral("selected"), false}});
            o.insert(QStringLiteral("options"), options);
        } else {
            const auto query = v.metric.isEmpty() ? QStringLiteral("label_values(%1)").arg(v.labelName)
                                                  : QStringLiteral("label_values(%1, %2)").arg(v.metric, v.labelName);
            o.insert(QStringLiteral("type"), QStringLiteral("query"));
            o.insert(QStringLiteral("datasource"), datasource());
            o.insert(QStringLiteral("query"), QJsonObject{{QStringLiteral("query"), query}, {QStringLiteral("refId"), QStringLiteral("PrometheusVariableQueryEditor-VariableQuery")}});
            o.insert(QStringLiteral("definition"), query);
            o.insert(QStringLiteral("refresh"), 2); // on time range change
            o.insert(QStringLiteral("sort"), 1);
        }
        variables.append(o);
    }
    // Without defaults of its own a dashboard takes the window's range and refresh: Grafana gets the
    // usual ones, and the import gives the dashboard back without defaults.
    QJsonObject time{{QStringLiteral("from"), QStringLiteral("now-1h")}, {QStringLiteral("to"), QStringLiteral("now")}};
    if (d.time && d.time->isRelative())
        time.insert(QStringLiteral("from"), QStringLiteral("now-") + singleUnit(d.time->span()));
    else if (d.time)
        time = QJsonObject{{QStringLiteral("from"), d.time->from({}).toString(Qt::ISODate)},
                           {QStringLiteral("to"), d.time->to({}).toString(Qt::ISODate)}};
    QJsonObject extras{{QStringLiteral("id"), d.id}};
    if (!d.time)
        extras.insert(QStringLiteral("windowTime"), true);
    if (d.refreshSeconds <= 0)
        extras.insert(QStringLiteral("windowRefresh"), true);
    QJsonArray inputs{QJsonObject{{QStringLiteral("name"), QStringLiteral("DS_PROMETHEUS")},
                                  {QStringLiteral("label"), QStringLiteral("Prometheus")},
                                  {QStringLiteral("description"), QString()},
                                  {QStringLiteral("type"), QStringLiteral("datasource")},
                                  {QStringLiteral("pluginId"), QStringLiteral("prometheus")},
                                  {QStringLiteral("pluginName"), QStringLiteral("Prometheus")}}};
    QJsonArray required{QJsonObject{{QStringLiteral("type"), QStringLiteral("grafana")}, {QStringLiteral("id"), QStringLiteral("grafana")},
                                    {QStringLiteral("name"), QStringLiteral("Grafana")}, {QStringLiteral("version"), QStringLiteral("9.0.0")}},
                        QJsonObject{{QStringLiteral("type"), QStringLiteral("datasource")}, {QStringLiteral("id"), QStringLiteral("prometheus")},
                                    {QStringLiteral("name"), QStringLiteral("Prometheus")}, {QStringLiteral("version"), QStringLiteral("1.0.0")}}};
    const auto panelsOfDashboard = d.panels();
    if (std::any_of(panelsOfDashboard.begin(), panelsOfDashboard.end(), [](const Panel *p) { return p->source == u"loki"; })) {
        inputs.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("DS_LOKI")}, {QStringLiteral("label"), QStringLiteral("Loki")},
                                  {QStringLiteral("description"), QString()}, {QStringLiteral("type"), QStringLiteral("datasource")},
                                  {QStringLiteral("pluginId"), QStringLiteral("loki")}, {QStringLiteral("pluginName"), QStringLiteral("Loki")}});
        required.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("datasource")}, {QStringLiteral("id"), QStringLiteral("loki")},
                                    {QStringLiteral("name"), QStringLiteral("Loki")}, {QStringLiteral("version"), QStringLiteral("1.0.0")}});
    }
    const QJsonObject root{
        {QStringLiteral("__inputs"), inputs},
        {QStringLiteral("__requires"), required},
        {QStringLiteral("title"), d.title},
        {QStringLiteral("uid"), d.id.left(40)},
        {QStringLiteral("schemaVersion"), 39},
        {QStringLiteral("version"), 1},
        {QStringLiteral("editable"), true},
        {QStringLiteral("graphTooltip"), 1},
        {QStringLiteral("time"), time},
        {QStringLiteral("refresh"), d.refreshSeconds > 0 ? singleUnit(std::chrono::seconds(d.refreshSeconds)) : QStringLiteral("5s")},
        {QStringLiteral("tags"), QJsonArray{QStringLiteral("watchfloor")}},
        {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("list"), QJsonArray()}}},
        {QStringLiteral("templating"), QJsonObject{{QStringLiteral("list"), variables}}},
        {QStringLiteral("panels"), panels},
        {QStringLiteral("watchfloor"), extras}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace

QByteArray exportDashboard(const Dashboard &dashboard, QStringList *notes)
{
    Exporter exporter(notes);
    return exporter.run(dashboard);
}

} // namespace wf::grafana
