#include "dashboard.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace wf {

QList<const Panel *> Dashboard::panels() const
{
    QList<const Panel *> all;
    for (const auto &row : rows)
        for (const auto &panel : row.panels)
            all.append(&panel);
    return all;
}

bool SeriesOverride::matches(const QString &legend) const
{
    if (!regex)
        return legend == match;
    // As Grafana's byRegexp and a legacy "/…/" alias test a name: anywhere in it.
    const QRegularExpression re(match);
    return re.isValid() && re.match(legend).hasMatch();
}

namespace dashboards {
namespace {

Error parseError(const QString &message)
{
    return Error::make(Error::Kind::Parse, message);
}

constexpr std::pair<PanelType, const char *> kPanelTypes[] = {
    {PanelType::Stat, "stat"},   {PanelType::TimeSeries, "timeseries"}, {PanelType::StateTimeline, "statetimeline"},
    {PanelType::Table, "table"}, {PanelType::Bar, "bar"},               {PanelType::Gauge, "gauge"},
    {PanelType::Heatmap, "heatmap"}, {PanelType::Text, "text"},     {PanelType::Unsupported, "unsupported"},
    {PanelType::Logs, "logs"}};

constexpr std::pair<Unit, const char *> kUnits[] = {{Unit::None, "none"},    {Unit::Seconds, "s"},
                                                    {Unit::Milliseconds, "ms"}, {Unit::Minutes, "min"}, {Unit::Percent, "%"},
                                                    {Unit::OpsPerSecond, "ops/s"}, {Unit::Count, "count"},
                                                    {Unit::PercentUnit, "percentunit"}, {Unit::Bytes, "bytes"},
                                                    {Unit::BytesPerSecond, "bytes/s"}, {Unit::BitsPerSecond, "bits/s"}};

// Collects the first error with its place in the document.
class Reader
{
public:
    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }

    void fail(const QString &where, const QString &what)
    {
        if (m_error.isEmpty())
            m_error = where + QStringLiteral(": ") + what;
    }

    QString string(const QJsonObject &o, const QString &where, const char *key, bool required)
    {
        const auto v = o.value(QLatin1String(key));
        if (v.isUndefined() && !required)
            return {};
        if (!v.isString() || (required && v.toString().trimmed().isEmpty()))
            fail(where + QLatin1Char('.') + QLatin1String(key), required ? QStringLiteral("a text is required")
                                                                          : QStringLiteral("must be a text"));
        return v.toString();
    }

    std::optional<double> number(const QJsonObject &o, const QString &where, const char *key)
    {
        const auto v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isDouble()) {
            fail(where + QLatin1Char('.') + QLatin1String(key), QStringLiteral("must be a number"));
            return std::nullopt;
        }
        return v.toDouble();
    }

    // A count (columns, rows, decimals): a whole number within [lo, hi], else the error and fallback.
    // Never converts an out-of-range double to int (undefined behaviour; found by fuzz_dashboard).
    int count(const QJsonObject &o, const QString &where, const char *key, int lo, int hi, int fallback)
    {
        const auto v = number(o, where, key);
        if (!v)
            return fallback;
        if (!(*v >= lo && *v <= hi) || *v != std::floor(*v)) {
            fail(where + QLatin1Char('.') + QLatin1String(key), QStringLiteral("must be a whole number from %1 to %2").arg(lo).arg(hi));
            return fallback;
        }
        return int(*v);
    }

    PanelQuery query(const QJsonValue &v, const QString &where)
    {
        PanelQuery q;
        if (v.isString()) {
            q.expr = v.toString();
        } else if (v.isObject()) {
            const auto o = v.toObject();
            q.expr = string(o, where, "expr", true);
            q.legend = string(o, where, "legend", false);
            q.instant = o.value(QLatin1String("instant")).toBool(false);
        } else {
            fail(where, QStringLiteral("a query is a text or {\"expr\", \"legend\", \"instant\"}"));
        }
        if (q.expr.trimmed().isEmpty())
            fail(where, QStringLiteral("the query is empty"));
        return q;
    }

    Panel panel(const QJsonObject &o, const QString &where)
    {
        Panel p;
        const auto typeName = string(o, where, "type", true);
        if (const auto type = panelTypeFromName(typeName))
            p.type = *type;
        else if (!failed())
            fail(where + QStringLiteral(".type"), QStringLiteral("unknown panel type '%1'").arg(typeName));
        p.title = string(o, where, "title", true);
        p.id = string(o, where, "id", false);
        p.description = string(o, where, "description", false);
        p.noData = string(o, where, "noData", false);
        const bool textOnly = p.type == PanelType::Text || p.type == PanelType::Unsupported;
        p.source = o.value(QLatin1String("source")).toString(textOnly ? QStringLiteral("none") : QStringLiteral("prometheus"));
        if (p.source != QLatin1String("prometheus") && p.source != QLatin1String("router") &&
            p.source != QLatin1String("health") && p.source != QLatin1String("none") && p.source != QLatin1String("loki"))
            fail(where + QStringLiteral(".source"), QStringLiteral("unknown source '%1'").arg(p.source));
        if (textOnly != (p.source == QLatin1String("none")))
            fail(where + QStringLiteral(".source"), QStringLiteral("a text or unsupported panel, and only one, has the source \"none\""));
        if (p.type == PanelType::Logs && p.source != QLatin1String("loki"))
            fail(where + QStringLiteral(".source"), QStringLiteral("a logs panel reads Loki: \"source\": \"loki\""));
        p.text = string(o, where, "text", false);
        if (const auto fact = o.value(QLatin1String("health")).toString(); !fact.isEmpty()) {
            p.healthFact = healthfacts::fromName(fact);
            if (!p.healthFact)
                fail(where + QStringLiteral(".health"), QStringLiteral("unknown health fact '%1'").arg(fact));
            else if (p.type != PanelType::Stat || p.source != QLatin1String("prometheus"))
                fail(where + QStringLiteral(".health"), QStringLiteral("only a Prometheus stat panel can show a health fact"));
        }
        const auto unitText = o.value(QLatin1String("unit")).toString(QStringLiteral("none"));
        if (const auto unit = unitFromName(unitText))
            p.unit = *unit;
        else
            fail(where + QStringLiteral(".unit"), QStringLiteral("unknown unit '%1'").arg(unitText));
        p.decimals = count(o, where, "decimals", 0, 12, -1);
        const auto display = o.value(QLatin1String("display")).toString(QStringLiteral("value"));
        if (display != QLatin1String("value") && display != QLatin1String("legend"))
            fail(where + QStringLiteral(".display"), QStringLiteral("must be \"value\" or \"legend\""));
        p.showLegend = display == QLatin1String("legend");
        const auto mappings = o.value(QLatin1String("mappings")).toArray();
        for (int i = 0; i < mappings.size(); ++i) {
            const auto m = mappings.at(i).toObject();
            const auto at = where + QStringLiteral(".mappings[%1]").arg(i);
            ValueMapping mapping;
            mapping.value = number(m, at, "value").value_or(0);
            mapping.text = string(m, at, "text", true);
            p.mappings.append(mapping);
        }
        const auto overrides = o.value(QLatin1String("overrides")).toArray();
        for (int i = 0; i < overrides.size(); ++i) {
            const auto v = overrides.at(i).toObject();
            const auto at = where + QStringLiteral(".overrides[%1]").arg(i);
            SeriesOverride s;
            s.match = string(v, at, "match", true);
            s.regex = v.value(QLatin1String("regex")).toBool(false);
            if (s.regex && !QRegularExpression(s.match).isValid())
                fail(at + QStringLiteral(".match"), QStringLiteral("not a regular expression: '%1'").arg(s.match));
            s.color = string(v, at, "color", false);
            static const QRegularExpression colour(QStringLiteral("^(green|amber|red|blue|grey|#[0-9a-fA-F]{6})$"));
            if (!s.color.isEmpty() && !colour.match(s.color).hasMatch())
                fail(at + QStringLiteral(".color"), QStringLiteral("unknown colour '%1'").arg(s.color));
            s.displayName = string(v, at, "displayName", false);
            s.negate = v.value(QLatin1String("negate")).toBool(false);
            s.hidden = v.value(QLatin1String("hidden")).toBool(false);
            p.overrides.append(s);
        }
        p.stacked = o.value(QLatin1String("stacked")).toBool(false);
        p.higherIsWorse = o.value(QLatin1String("higherIsWorse")).toBool(true);
        p.min = number(o, where, "min");
        p.max = number(o, where, "max");
        p.target = number(o, where, "target");
        p.highlightAbove = number(o, where, "highlightAbove");
        p.width = count(o, where, "width", 1, 12, 4);
        p.height = count(o, where, "height", 1, 4, p.type == PanelType::Stat ? 1 : 2);
        if (const auto grid = o.value(QLatin1String("grid")); !grid.isUndefined()) {
            const auto g = grid.toObject();
            const auto at = where + QStringLiteral(".grid");
            Panel::GridPos pos;
            pos.x = count(g, at, "x", 0, 23, 0);
            pos.w = count(g, at, "w", 1, 24, 12);
            pos.y = count(g, at, "y", 0, 1000000, 0);
            pos.h = count(g, at, "h", 1, 100, 8);
            if (pos.x + pos.w > 24)
                fail(at, QStringLiteral("x + w must be at most 24"));
            p.grid = pos;
        }

        const auto queries = o.value(QLatin1String("queries")).toArray();
        for (int i = 0; i < queries.size(); ++i)
            p.queries.append(query(queries.at(i), where + QStringLiteral(".queries[%1]").arg(i)));
        if (p.queries.isEmpty() && p.source == QLatin1String("prometheus"))
            fail(where + QStringLiteral(".queries"), QStringLiteral("a panel needs at least one query"));

        static const QRegularExpression color(QStringLiteral("^(green|amber|red|blue|grey|#[0-9a-fA-F]{6})$"));
        const auto thresholds = o.value(QLatin1String("thresholds")).toArray();
        double last = -std::numeric_limits<double>::infinity();
        for (int i = 0; i < thresholds.size(); ++i) {
            const auto t = thresholds.at(i).toObject();
            const auto at = where + QStringLiteral(".thresholds[%1]").arg(i);
            Threshold threshold;
            threshold.value = number(t, at, "value").value_or(-std::numeric_limits<double>::infinity());
            threshold.color = string(t, at, "color", true);
            if (!color.match(threshold.color).hasMatch())
                fail(at + QStringLiteral(".color"), QStringLiteral("unknown colour '%1'").arg(threshold.color));
            if (threshold.value < last)
                fail(at + QStringLiteral(".value"), QStringLiteral("thresholds must be in ascending order"));
            last = threshold.value;
            p.thresholds.append(threshold);
        }
        return p;
    }

private:
    QString m_error;
};

} // namespace

Result<Dashboard> parse(const QByteArray &json)
{
    QJsonParseError error{};
    const auto doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return parseError(QStringLiteral("not JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset));
    if (!doc.isObject())
        return parseError(QStringLiteral("a dashboard is a JSON object"));
    const auto root = doc.object();
    Reader r;
    Dashboard d;
    d.id = r.string(root, QStringLiteral("dashboard"), "id", true);
    d.title = r.string(root, QStringLiteral("dashboard"), "title", true);
    if (root.value(QLatin1String("schemaVersion")).toInt(0) != 1)
        r.fail(QStringLiteral("schemaVersion"), QStringLiteral("must be 1"));
    if (const auto time = r.string(root, QStringLiteral("dashboard"), "time", false); !time.isEmpty()) {
        d.time = TimeRange::fromString(time);
        if (!d.time)
            r.fail(QStringLiteral("time"), QStringLiteral("'%1' is not a time range (\"6h\" or \"FROM/TO\" in ISO 8601)").arg(time));
    }
    if (const auto refresh = r.string(root, QStringLiteral("dashboard"), "refresh", false); !refresh.isEmpty()) {
        const auto seconds = parseDuration(refresh);
        if (!seconds || seconds->count() < 1 || seconds->count() > 86'400)
            r.fail(QStringLiteral("refresh"), QStringLiteral("'%1' is not a refresh interval (1s to 1d)").arg(refresh));
        else
            d.refreshSeconds = int(seconds->count());
    }

    const auto variables = root.value(QLatin1String("variables")).toArray();
    for (int i = 0; i < variables.size(); ++i) {
        const auto o = variables.at(i).toObject();
        const auto at = QStringLiteral("variables[%1]").arg(i);
        DashboardVariable v;
        v.name = r.string(o, at, "name", true);
        v.label = r.string(o, at, "label", false);
        for (const auto &value : o.value(QLatin1String("values")).toArray())
            v.values.append(value.toString());
        v.metric = r.string(o, at, "metric", false);
        v.labelName = r.string(o, at, "labelName", v.values.isEmpty());
        d.variables.append(v);
    }

    const auto rows = root.value(QLatin1String("rows")).toArray();
    if (rows.isEmpty())
        r.fail(QStringLiteral("rows"), QStringLiteral("a dashboard needs at least one row"));
    for (int i = 0; i < rows.size(); ++i) {
        const auto o = rows.at(i).toObject();
        DashboardRow row;
        row.title = o.value(QLatin1String("title")).toString();
        const auto panels = o.value(QLatin1String("panels")).toArray();
        for (int j = 0; j < panels.size(); ++j) {
            const auto at = QStringLiteral("rows[%1].panels[%2]").arg(i).arg(j);
            auto panel = r.panel(panels.at(j).toObject(), at);
            if (panel.id.isEmpty())
                panel.id = QStringLiteral("%1-%2-%3").arg(d.id).arg(i).arg(j);
            row.panels.append(panel);
        }
        d.rows.append(row);
    }
    if (r.failed())
        return parseError(r.error());
    return d;
}

QStringList builtInIds()
{
    return {QStringLiteral("operations"), QStringLiteral("performance"), QStringLiteral("reliability"),
            QStringLiteral("business")};
}

Result<Dashboard> builtIn(const QString &id)
{
    QFile file(QStringLiteral(":/dashboards/%1.json").arg(id));
    if (!file.open(QIODevice::ReadOnly))
        return parseError(QStringLiteral("no built-in dashboard '%1'").arg(id));
    return parse(file.readAll());
}

QList<Dashboard> loadFolder(const QString &path, QStringList *errors)
{
    QList<Dashboard> loaded;
    if (path.isEmpty())
        return loaded;
    const QDir dir(path);
    if (!dir.exists()) {
        if (errors)
            errors->append(QStringLiteral("%1: the folder does not exist").arg(path));
        return loaded;
    }
    for (const auto &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly) || file.size() > 4 * 1024 * 1024) {
            if (errors)
                errors->append(QStringLiteral("%1: cannot be read").arg(file.fileName()));
            continue;
        }
        auto dashboard = parse(file.readAll());
        if (!dashboard) {
            if (errors)
                errors->append(QStringLiteral("%1: %2").arg(file.fileName(), dashboard.error().message));
            continue;
        }
        loaded.append(std::move(dashboard).value());
    }
    return loaded;
}

QByteArray toJson(const Dashboard &dashboard)
{
    const auto number = [](double v) {
        // JSON has no infinity: a threshold from the lowest value on has none.
        return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
    };
    QJsonArray variables;
    for (const auto &v : dashboard.variables) {
        QJsonObject o{{QStringLiteral("name"), v.name}};
        if (!v.values.isEmpty())
            o.insert(QStringLiteral("values"), QJsonArray::fromStringList(v.values));
        if (!v.metric.isEmpty())
            o.insert(QStringLiteral("metric"), v.metric);
        if (!v.labelName.isEmpty())
            o.insert(QStringLiteral("labelName"), v.labelName);
        if (!v.label.isEmpty())
            o.insert(QStringLiteral("label"), v.label);
        variables.append(o);
    }
    QJsonArray rows;
    for (const auto &row : dashboard.rows) {
        QJsonArray panels;
        for (const auto &p : row.panels) {
            QJsonObject o{{QStringLiteral("id"), p.id}, {QStringLiteral("type"), panelTypeName(p.type)}, {QStringLiteral("title"), p.title}};
            if (!p.description.isEmpty())
                o.insert(QStringLiteral("description"), p.description);
            if (p.source != QLatin1String(p.type == PanelType::Text || p.type == PanelType::Unsupported ? "none" : "prometheus"))
                o.insert(QStringLiteral("source"), p.source);
            if (p.healthFact)
                o.insert(QStringLiteral("health"), healthfacts::name(*p.healthFact));
            if (!p.text.isEmpty())
                o.insert(QStringLiteral("text"), p.text);
            QJsonArray queries;
            for (const auto &q : p.queries) {
                if (q.legend.isEmpty() && !q.instant) {
                    queries.append(q.expr);
                    continue;
                }
                QJsonObject qo{{QStringLiteral("expr"), q.expr}};
                if (!q.legend.isEmpty())
                    qo.insert(QStringLiteral("legend"), q.legend);
                if (q.instant)
                    qo.insert(QStringLiteral("instant"), true);
                queries.append(qo);
            }
            if (!queries.isEmpty())
                o.insert(QStringLiteral("queries"), queries);
            if (p.unit != Unit::None)
                o.insert(QStringLiteral("unit"), unitName(p.unit));
            if (p.decimals >= 0)
                o.insert(QStringLiteral("decimals"), p.decimals);
            QJsonArray thresholds;
            for (const auto &t : p.thresholds) {
                QJsonObject to{{QStringLiteral("color"), t.color}};
                if (std::isfinite(t.value))
                    to.insert(QStringLiteral("value"), t.value);
                thresholds.append(to);
            }
            if (!thresholds.isEmpty())
                o.insert(QStringLiteral("thresholds"), thresholds);
            QJsonArray mappings;
            for (const auto &m : p.mappings)
                mappings.append(QJsonObject{{QStringLiteral("value"), number(m.value)}, {QStringLiteral("text"), m.text}});
            if (!mappings.isEmpty())
                o.insert(QStringLiteral("mappings"), mappings);
            QJsonArray overrides;
            for (const auto &s : p.overrides) {
                QJsonObject v{{QStringLiteral("match"), s.match}};
                if (s.regex)
                    v.insert(QStringLiteral("regex"), true);
                if (!s.color.isEmpty())
                    v.insert(QStringLiteral("color"), s.color);
                if (!s.displayName.isEmpty())
                    v.insert(QStringLiteral("displayName"), s.displayName);
                if (s.negate)
                    v.insert(QStringLiteral("negate"), true);
                if (s.hidden)
                    v.insert(QStringLiteral("hidden"), true);
                overrides.append(v);
            }
            if (!overrides.isEmpty())
                o.insert(QStringLiteral("overrides"), overrides);
            if (p.showLegend)
                o.insert(QStringLiteral("display"), QStringLiteral("legend"));
            if (!p.noData.isEmpty())
                o.insert(QStringLiteral("noData"), p.noData);
            if (p.highlightAbove)
                o.insert(QStringLiteral("highlightAbove"), *p.highlightAbove);
            if (p.stacked)
                o.insert(QStringLiteral("stacked"), true);
            if (!p.higherIsWorse)
                o.insert(QStringLiteral("higherIsWorse"), false);
            if (p.min)
                o.insert(QStringLiteral("min"), *p.min);
            if (p.max)
                o.insert(QStringLiteral("max"), *p.max);
            if (p.target)
                o.insert(QStringLiteral("target"), *p.target);
            o.insert(QStringLiteral("width"), p.width);
            o.insert(QStringLiteral("height"), p.height);
            if (p.grid)
                o.insert(QStringLiteral("grid"), QJsonObject{{QStringLiteral("x"), p.grid->x}, {QStringLiteral("y"), p.grid->y},
                                                             {QStringLiteral("w"), p.grid->w}, {QStringLiteral("h"), p.grid->h}});
            panels.append(o);
        }
        QJsonObject r{{QStringLiteral("panels"), panels}};
        if (!row.title.isEmpty())
            r.insert(QStringLiteral("title"), row.title);
        rows.append(r);
    }
    QJsonObject root{{QStringLiteral("schemaVersion"), 1}, {QStringLiteral("id"), dashboard.id},
                     {QStringLiteral("title"), dashboard.title}, {QStringLiteral("rows"), rows}};
    if (!variables.isEmpty())
        root.insert(QStringLiteral("variables"), variables);
    if (dashboard.time)
        root.insert(QStringLiteral("time"), dashboard.time->toString());
    if (dashboard.refreshSeconds > 0)
        root.insert(QStringLiteral("refresh"), formatDuration(std::chrono::seconds(dashboard.refreshSeconds)));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString unitName(Unit unit)
{
    for (const auto &[u, name] : kUnits)
        if (u == unit)
            return QString::fromLatin1(name);
    return {};
}

std::optional<Unit> unitFromName(const QString &name)
{
    for (const auto &[u, n] : kUnits)
        if (name == QLatin1String(n))
            return u;
    return std::nullopt;
}

QString panelTypeName(PanelType type)
{
    for (const auto &[t, name] : kPanelTypes)
        if (t == type)
            return QString::fromLatin1(name);
    return {};
}

std::optional<PanelType> panelTypeFromName(const QString &name)
{
    for (const auto &[t, n] : kPanelTypes)
        if (name == QLatin1String(n))
            return t;
    return std::nullopt;
}

} // namespace dashboards
} // namespace wf
