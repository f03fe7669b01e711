#include "grafanaimport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace wf::grafana {

// The import's words: its report, its notes, and what an unsupported panel says.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(wf::grafana::Import)
};

namespace {

Error parseError(const QString &message)
{
    return Error::make(Error::Kind::Parse, message);
}

// "/In$/i" (Grafana writes regular expressions as JavaScript's literals) as a pattern; nullopt
// when the text is not one.
std::optional<QString> jsRegex(const QString &text)
{
    const auto last = text.lastIndexOf(u'/');
    if (!text.startsWith(u'/') || last <= 0)
        return std::nullopt;
    auto pattern = text.mid(1, last - 1);
    if (text.mid(last + 1).contains(u'i'))
        pattern.prepend(QStringLiteral("(?i)"));
    return pattern;
}

// Grafana's named palette ("dark-red", "semi-dark-orange" …) as the nearest of ours or its hex.
QString mapColor(const QString &grafana)
{
    const auto name = grafana.trimmed().toLower();
    if (name.isEmpty())
        return {};
    static const QHash<QString, QString> kNamed{
        {QStringLiteral("green"), QStringLiteral("green")},     {QStringLiteral("red"), QStringLiteral("red")},
        {QStringLiteral("yellow"), QStringLiteral("amber")},    {QStringLiteral("orange"), QStringLiteral("amber")},
        {QStringLiteral("blue"), QStringLiteral("blue")},       {QStringLiteral("purple"), QStringLiteral("#8f3bb8")},
        {QStringLiteral("transparent"), QStringLiteral("grey")}, {QStringLiteral("text"), QStringLiteral("grey")},
        {QStringLiteral("gray"), QStringLiteral("grey")},       {QStringLiteral("grey"), QStringLiteral("grey")}};
    auto base = name;
    for (const auto *prefix : {"super-light-", "semi-dark-", "light-", "dark-"})
        if (base.startsWith(QLatin1String(prefix)))
            base = base.mid(qsizetype(qstrlen(prefix)));
    if (kNamed.contains(base))
        return kNamed.value(base);
    const auto hex = [](int r, int g, int b) {
        return QStringLiteral("#%1%2%3").arg(r & 255, 2, 16, QLatin1Char('0')).arg(g & 255, 2, 16, QLatin1Char('0')).arg(b & 255, 2, 16, QLatin1Char('0'));
    };
    static const QRegularExpression rgba(QStringLiteral("^rgba?\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)"));
    if (const auto m = rgba.match(name); m.hasMatch())
        return hex(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    static const QRegularExpression six(QStringLiteral("^#[0-9a-f]{6}$"));
    if (six.match(name).hasMatch())
        return name;
    static const QRegularExpression three(QStringLiteral("^#([0-9a-f])([0-9a-f])([0-9a-f])$"));
    if (const auto m = three.match(name); m.hasMatch())
        return hex(m.captured(1).toInt(nullptr, 16) * 17, m.captured(2).toInt(nullptr, 16) * 17, m.captured(3).toInt(nullptr, 16) * 17);
    return {};
}

struct UnitMap
{
    Unit unit = Unit::None;
    QString note; // when it is shown otherwise than Grafana shows it
};

UnitMap mapUnit(const QString &id)
{
    static const QHash<QString, Unit> kExact{
        {QStringLiteral("s"), Unit::Seconds},          {QStringLiteral("dtdurations"), Unit::Seconds},
        {QStringLiteral("ms"), Unit::Milliseconds},    {QStringLiteral("dtdurationms"), Unit::Milliseconds},
        {QStringLiteral("m"), Unit::Minutes},          {QStringLiteral("percent"), Unit::Percent},
        {QStringLiteral("percentunit"), Unit::PercentUnit}, {QStringLiteral("bytes"), Unit::Bytes},
        {QStringLiteral("Bps"), Unit::BytesPerSecond}, {QStringLiteral("binBps"), Unit::BytesPerSecond},
        {QStringLiteral("bps"), Unit::BitsPerSecond},  {QStringLiteral("binbps"), Unit::BitsPerSecond},
        {QStringLiteral("ops"), Unit::OpsPerSecond},   {QStringLiteral("reqps"), Unit::OpsPerSecond},
        {QStringLiteral("rps"), Unit::OpsPerSecond},   {QStringLiteral("wps"), Unit::OpsPerSecond},
        {QStringLiteral("iops"), Unit::OpsPerSecond},  {QStringLiteral("short"), Unit::Count},
        {QStringLiteral("none"), Unit::None},          {QString(), Unit::None}};
    if (const auto it = kExact.constFind(id); it != kExact.cend())
        return {*it, {}};
    // Close enough to be useful, said in the report.
    static const QHash<QString, Unit> kNear{
        {QStringLiteral("decbytes"), Unit::Bytes},        {QStringLiteral("kbytes"), Unit::Bytes},
        {QStringLiteral("pps"), Unit::OpsPerSecond},      {QStringLiteral("eps"), Unit::OpsPerSecond},
        {QStringLiteral("cps"), Unit::OpsPerSecond},      {QStringLiteral("mps"), Unit::OpsPerSecond},
        {QStringLiteral("MBs"), Unit::BytesPerSecond},    {QStringLiteral("KBs"), Unit::BytesPerSecond},
        {QStringLiteral("decbits"), Unit::None}};
    if (const auto it = kNear.constFind(id); it != kNear.cend()) {
        const auto shown = dashboards::unitName(*it);
        return {*it, Text::tr("unit '%1' shown as %2").arg(id, shown == u"none" ? Text::tr("a plain number") : shown)};
    }
    return {Unit::None, Text::tr("unit '%1' shown as a plain number").arg(id)};
}

// "now-6h", a number of seconds, "250px": pixels, for legacy row heights.
int pixels(const QJsonValue &v, int fallback)
{
    if (v.isDouble())
        return int(v.toDouble());
    static const QRegularExpression px(QStringLiteral("^(\\d+)"));
    const auto m = px.match(v.toString());
    return m.hasMatch() ? m.captured(1).toInt() : fallback;
}

std::optional<double> numberOf(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toDouble();
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        if (ok && std::isfinite(d))
            return d;
    }
    return std::nullopt;
}

class Importer
{
public:
    Result<ImportResult> run(QJsonObject root);

private:
    enum class Source { Prometheus, Loki, Other };
    struct Variable
    {
        QString name;
        QString kind;
        bool watchfloor = false; // kept as a Watchfloor variable (a value list with "All")
        QString fixed;           // substituted into the queries as this text
    };

    void note(const QString &where, const QString &what, const QString &why) { m_out.notes.append({where, what, why}); }
    Source sourceOf(const QJsonValue &datasource, Source fallback, QString *name) const;
    void readVariables(const QJsonObject &root);
    void readTimeDefaults(const QJsonObject &root);
    QString rewrite(const QString &expr) const;
    void addPanel(const QJsonObject &p, DashboardRow *row, int width, int height, std::optional<Panel::GridPos> grid = {});
    void mapPanel(const QJsonObject &p, Panel *panel, const QString &where);
    void mapFieldConfig(const QJsonObject &p, Panel *panel, const QString &where);
    void unsupported(Panel *panel, const QString &where, const QString &what, const QString &why);
    void applyExtras(const QJsonObject &extras, Panel *panel) const;

    ImportResult m_out;
    QHash<QString, QString> m_inputs;           // DS_X → plugin id ("prometheus", "loki")
    QHash<QString, QString> m_datasourceVars;   // variable name → plugin id
    QList<Variable> m_variables;
    int m_nextId = 0;
    QSet<QString> m_usedIds;
};

Importer::Source Importer::sourceOf(const QJsonValue &datasource, Source fallback, QString *name) const
{
    QString type;
    QString ref;
    if (datasource.isObject()) {
        type = datasource.toObject().value(QLatin1String("type")).toString();
        ref = datasource.toObject().value(QLatin1String("uid")).toString();
    } else if (datasource.isString()) {
        ref = datasource.toString();
    } else {
        return fallback; // the dashboard's default: Prometheus
    }
    static const QRegularExpression variable(QStringLiteral("^\\$\\{?([A-Za-z0-9_]+)\\}?$"));
    if (type.isEmpty()) {
        if (const auto m = variable.match(ref); m.hasMatch()) {
            const auto var = m.captured(1);
            type = m_inputs.value(var, m_datasourceVars.value(var));
        } else if (ref == u"-- Grafana --" || ref == u"grafana") {
            type = QStringLiteral("grafana");
        } else if (ref == u"-- Mixed --") {
            return fallback;
        } else if (ref.contains(QLatin1String("loki"), Qt::CaseInsensitive)) {
            type = QStringLiteral("loki");
        } else if (ref.contains(QLatin1String("prom"), Qt::CaseInsensitive) || ref.isEmpty()) {
            type = QStringLiteral("prometheus");
        }
    }
    if (name)
        *name = type.isEmpty() ? ref : type;
    if (type.isEmpty() || type == u"prometheus" || type == u"datasource")
        return type == u"datasource" ? fallback : type.isEmpty() ? fallback : Source::Prometheus;
    if (type == u"loki")
        return Source::Loki;
    return Source::Other;
}

// Grafana's "time" and "refresh" as the dashboard's defaults: "now-6h" to "now" is the last 6 hours,
// ISO or epoch-millisecond bounds a fixed window; rounded ranges ("now/d") have no equal here.
void Importer::readTimeDefaults(const QJsonObject &root)
{
    const auto extras = root.value(QLatin1String("watchfloor")).toObject(); // exported by Watchfloor
    const auto where = Text::tr("dashboard");
    const auto bound = [](const QString &text) {
        bool number = false;
        const auto ms = text.toLongLong(&number);
        auto t = number ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime::fromString(text, Qt::ISODate);
        return t.toUTC();
    };
    static const QRegularExpression relative(QStringLiteral(R"(^now-(\d+[smhdwy])$)"));
    const auto from = m_out.timeFrom.trimmed();
    const auto to = m_out.timeTo.trimmed();
    if (const auto m = relative.match(from); m.hasMatch() && to == u"now") {
        if (const auto span = parseDuration(m.captured(1)); span && span->count() > 0)
            m_out.dashboard.time = TimeRange::last(*span);
    } else if (const auto a = bound(from), b = bound(to); a.isValid() && b.isValid() && a < b) {
        m_out.dashboard.time = TimeRange::absolute(a, b);
    }
    if (extras.value(QLatin1String("windowTime")).toBool())
        m_out.dashboard.time.reset();
    else if (!m_out.dashboard.time)
        note(where, Text::tr("time range %1 to %2 not kept").arg(from, to),
             Text::tr("only “now-N” to “now” and fixed times can be shown; the window's time range is used"));
    if (m_out.refresh.isEmpty() || extras.value(QLatin1String("windowRefresh")).toBool())
        return;
    const auto refresh = parseDuration(m_out.refresh);
    if (refresh && refresh->count() >= 1 && refresh->count() <= 86'400)
        m_out.dashboard.refreshSeconds = int(refresh->count());
    else
        note(where, Text::tr("refresh “%1” not kept").arg(m_out.refresh), Text::tr("not an interval between 1 s and 1 day"));
}

void Importer::readVariables(const QJsonObject &root)
{
    const auto list = root.value(QLatin1String("templating")).toObject().value(QLatin1String("list")).toArray();
    static const QRegularExpression labelValues(QStringLiteral("^\\s*label_values\\(\\s*(?:(.*)\\s*,\\s*)?([A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*$"));
    for (const auto &item : list) {
        const auto v = item.toObject();
        Variable var;
        var.name = v.value(QLatin1String("name")).toString();
        var.kind = v.value(QLatin1String("type")).toString();
        const auto where = Text::tr("variable $%1").arg(var.name);
        static const QRegularExpression nameSyntax(QStringLiteral("^[A-Za-z0-9_]+$"));
        if (!nameSyntax.match(var.name).hasMatch()) {
            note(Text::tr("variable “%1”").arg(var.name), Text::tr("left out"),
                 Text::tr("a variable needs a name of letters, digits and _"));
            continue;
        }
        auto query = v.value(QLatin1String("query"));
        if (query.isObject())
            query = query.toObject().value(QLatin1String("query"));
        const auto current = v.value(QLatin1String("current")).toObject().value(QLatin1String("value"));
        const auto currentText = current.isArray() ? current.toArray().first().toString() : current.toString();
        if (var.kind == u"datasource") {
            m_datasourceVars.insert(var.name, query.toString());
            m_out.datasources.append(QStringLiteral("$%1 (%2)").arg(var.name, query.toString()));
            m_variables.append(var);
            continue;
        }
        if (var.kind == u"query") {
            const auto text = query.toString();
            const auto m = labelValues.match(text);
            if (m.hasMatch()) {
                DashboardVariable dv;
                dv.name = var.name;
                dv.label = v.value(QLatin1String("label")).toString();
                dv.metric = m.captured(1).trimmed();
                dv.labelName = m.captured(2);
                m_out.dashboard.variables.append(dv);
                var.watchfloor = true;
                if (const auto regex = v.value(QLatin1String("regex")).toString(); !regex.isEmpty())
                    note(where, Text::tr("regex %1 not applied").arg(regex),
                         Text::tr("the values are offered as Prometheus has them"));
                m_variables.append(var);
                continue;
            }
            var.fixed = currentText;
            note(where, Text::tr("query '%1' not mapped").arg(text),
                 var.fixed.isEmpty() ? Text::tr("only label_values(…) is offered as a list; the queries use it empty")
                                     : Text::tr("only label_values(…) is offered as a list; the queries use its saved value '%1'").arg(var.fixed));
            m_variables.append(var);
            continue;
        }
        if (var.kind == u"custom") {
            DashboardVariable dv;
            dv.name = var.name;
            dv.label = v.value(QLatin1String("label")).toString();
            for (const auto &part : query.toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
                if (!part.trimmed().isEmpty())
                    dv.values.append(part.trimmed());
            if (dv.values.isEmpty()) {
                var.fixed = currentText;
                note(where, Text::tr("custom variable without values"), Text::tr("the queries use it empty"));
                m_variables.append(var);
                continue;
            }
            m_out.dashboard.variables.append(dv);
            var.watchfloor = true;
            m_variables.append(var);
            continue;
        }
        if (var.kind == u"constant") {
            var.fixed = query.toString();
            m_variables.append(var);
            continue;
        }
        // textbox, interval, adhoc and what else there is: its saved value stands in.
        var.fixed = var.kind == u"textbox" ? (currentText.isEmpty() ? query.toString() : currentText) : currentText;
        note(where, Text::tr("%1 variable not offered").arg(var.kind),
             var.fixed.isEmpty() ? Text::tr("the queries use it empty")
                                 : Text::tr("the queries use its saved value '%1'").arg(var.fixed));
        m_variables.append(var);
    }
}

QString Importer::rewrite(const QString &expr) const
{
    auto text = expr;
    // [[var]] (before Grafana 5) and ${var:format} are ${var}: ours is already a regex of the values.
    static const QRegularExpression brackets(QStringLiteral("\\[\\[([A-Za-z0-9_]+)(?::[a-z]+)?\\]\\]"));
    text.replace(brackets, QStringLiteral("${\\1}"));
    static const QRegularExpression formatted(QStringLiteral("\\$\\{([A-Za-z0-9_]+):[a-z]+\\}"));
    text.replace(formatted, QStringLiteral("${\\1}"));
    for (const auto &var : m_variables) {
        if (var.watchfloor) {
            // label="$var" → label=~"$var": our value is a regex of the chosen values (all: ".*").
            const QRegularExpression equal(QStringLiteral("([A-Za-z_][A-Za-z0-9_]*\\s*)(!?)=\\s*\"(\\$%1\\b|\\$\\{%1\\})\"")
                                               .arg(QRegularExpression::escape(var.name)));
            QString rewritten;
            qsizetype last = 0;
            for (auto it = equal.globalMatch(text); it.hasNext();) {
                const auto m = it.next();
                rewritten += text.mid(last, m.capturedStart() - last);
                rewritten += m.captured(1) + (m.captured(2).isEmpty() ? QStringLiteral("=~") : QStringLiteral("!~"))
                    + QLatin1Char('"') + m.captured(3) + QLatin1Char('"');
                last = m.capturedEnd();
            }
            text = rewritten + text.mid(last);
            continue;
        }
        if (var.kind == u"datasource")
            continue;
        text.replace(QStringLiteral("${%1}").arg(var.name), var.fixed);
        text.replace(QRegularExpression(QStringLiteral("\\$%1\\b").arg(QRegularExpression::escape(var.name))), var.fixed);
    }
    return text;
}

void Importer::unsupported(Panel *panel, const QString &where, const QString &what, const QString &why)
{
    panel->type = PanelType::Unsupported;
    panel->source = QStringLiteral("none");
    panel->queries.clear();
    panel->thresholds.clear();
    panel->mappings.clear();
    panel->unit = Unit::None;
    panel->text = QStringLiteral("%1 — %2").arg(what, why);
    note(where, what, why);
}

void Importer::mapFieldConfig(const QJsonObject &p, Panel *panel, const QString &where)
{
    const auto defaults = p.value(QLatin1String("fieldConfig")).toObject().value(QLatin1String("defaults")).toObject();
    const bool legacy = p.contains(QLatin1String("yaxes")) || p.contains(QLatin1String("format"));
    QString unitId;
    if (defaults.contains(QLatin1String("unit")))
        unitId = defaults.value(QLatin1String("unit")).toString();
    else if (const auto yaxes = p.value(QLatin1String("yaxes")).toArray(); !yaxes.isEmpty())
        unitId = yaxes.first().toObject().value(QLatin1String("format")).toString();
    else
        unitId = p.value(QLatin1String("format")).toString();
    if (unitId == u"bool_yes_no" || unitId == u"bool" || unitId == u"bool_on_off") {
        const bool onOff = unitId == u"bool_on_off";
        panel->mappings.append({0, onOff ? QStringLiteral("Off") : unitId == u"bool" ? QStringLiteral("False") : QStringLiteral("No")});
        panel->mappings.append({1, onOff ? QStringLiteral("On") : unitId == u"bool" ? QStringLiteral("True") : QStringLiteral("Yes")});
    } else {
        const auto unit = mapUnit(unitId);
        panel->unit = unit.unit;
        if (!unit.note.isEmpty())
            note(where, unit.note, Text::tr("Watchfloor has no such unit"));
    }
    const auto decimals = numberOf(defaults.contains(QLatin1String("decimals")) ? defaults.value(QLatin1String("decimals"))
                                                                                : p.value(QLatin1String("decimals")));
    if (decimals && *decimals >= 0 && *decimals <= 12)
        panel->decimals = int(*decimals);
    if (legacy) {
        if (const auto yaxes = p.value(QLatin1String("yaxes")).toArray(); !yaxes.isEmpty()) {
            panel->min = numberOf(yaxes.first().toObject().value(QLatin1String("min")));
            panel->max = numberOf(yaxes.first().toObject().value(QLatin1String("max")));
        }
    } else {
        panel->min = numberOf(defaults.value(QLatin1String("min")));
        panel->max = numberOf(defaults.value(QLatin1String("max")));
    }
    // Thresholds: steps from the lowest value on (absolute), or a singlestat's "80,90" and colours.
    const auto thresholds = defaults.value(QLatin1String("thresholds")).toObject();
    const bool linesOff = panel->type == PanelType::TimeSeries
        && defaults.value(QLatin1String("custom")).toObject().value(QLatin1String("thresholdsStyle")).toObject()
                   .value(QLatin1String("mode")).toString(QStringLiteral("off")) == u"off";
    if (!thresholds.isEmpty() && !linesOff) {
        if (thresholds.value(QLatin1String("mode")).toString() == u"percentage")
            note(where, Text::tr("thresholds in percent of the range"), Text::tr("applied as absolute values"));
        double last = -std::numeric_limits<double>::infinity();
        for (const auto &step : thresholds.value(QLatin1String("steps")).toArray()) {
            const auto s = step.toObject();
            Threshold t;
            t.value = numberOf(s.value(QLatin1String("value"))).value_or(-std::numeric_limits<double>::infinity());
            t.color = mapColor(s.value(QLatin1String("color")).toString());
            if (t.color.isEmpty() || t.value < last)
                continue;
            last = t.value;
            panel->thresholds.append(t);
        }
        // A base colour alone says nothing on a chart (and colours every stat alike: keep it).
        if (panel->type == PanelType::TimeSeries && panel->thresholds.size() == 1 && std::isinf(panel->thresholds.first().value))
            panel->thresholds.clear();
    } else if (p.value(QLatin1String("type")).toString() == u"singlestat") {
        const auto values = p.value(QLatin1String("thresholds")).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        const auto colors = p.value(QLatin1String("colors")).toArray();
        if (!values.isEmpty() && colors.size() == values.size() + 1) {
            panel->thresholds.append({-std::numeric_limits<double>::infinity(), mapColor(colors.at(0).toString())});
            for (int i = 0; i < values.size(); ++i)
                if (const auto v = numberOf(values.at(i)); v && (panel->thresholds.isEmpty() || *v >= panel->thresholds.last().value))
                    panel->thresholds.append({*v, mapColor(colors.at(i + 1).toString())});
            panel->thresholds.removeIf([](const Threshold &t) { return t.color.isEmpty(); });
        }
    }
    if (const auto noValue = defaults.value(QLatin1String("noValue")).toString(); !noValue.isEmpty())
        panel->noData = noValue;
    if (p.value(QLatin1String("options")).toObject().value(QLatin1String("textMode")).toString() == u"name")
        panel->showLegend = true; // the series' name instead of its value
    // Value mappings: single values become words; ranges, regexes and special values are listed.
    QStringList unmapped;
    for (const auto &item : defaults.value(QLatin1String("mappings")).toArray()) {
        const auto m = item.toObject();
        const auto type = m.value(QLatin1String("type")).toString();
        if (type == u"value") {
            const auto options = m.value(QLatin1String("options")).toObject();
            for (auto it = options.begin(); it != options.end(); ++it) {
                const auto text = it.value().toObject().value(QLatin1String("text")).toString();
                if (const auto v = numberOf(it.key()); v && !text.isEmpty())
                    panel->mappings.append({*v, text});
                else if (!text.isEmpty())
                    unmapped.append(QStringLiteral("'%1' → '%2'").arg(it.key(), text));
            }
        } else if (type == u"special") {
            const auto options = m.value(QLatin1String("options")).toObject();
            const auto match = options.value(QLatin1String("match")).toString();
            const auto text = options.value(QLatin1String("result")).toObject().value(QLatin1String("text")).toString();
            if ((match == u"null" || match == u"null+nan") && !text.isEmpty())
                panel->noData = text;
            else if (!text.isEmpty())
                unmapped.append(QStringLiteral("%1 → '%2'").arg(match, text));
        } else if (!type.isEmpty()) {
            unmapped.append(Text::tr("a %1 mapping").arg(type));
        }
    }
    for (const auto &item : p.value(QLatin1String("valueMaps")).toArray()) {
        const auto m = item.toObject();
        const auto text = m.value(QLatin1String("text")).toString();
        if (m.value(QLatin1String("value")).toString() == u"null")
            panel->noData = text;
        else if (const auto v = numberOf(m.value(QLatin1String("value"))); v && !text.isEmpty())
            panel->mappings.append({*v, text});
    }
    if (!unmapped.isEmpty())
        note(where, Text::tr("value mappings %1 not applied").arg(unmapped.join(QStringLiteral(", "))),
             Text::tr("Watchfloor maps single numbers to words only"));
    // Overrides by name or regex (and the legacy series overrides by alias): a series' colour,
    // name, side of the axis and visibility, on a time series; colour, name and visibility on a
    // stat. Other matchers and properties, and overrides on other panel types, are in the report.
    const bool chart = panel->type == PanelType::TimeSeries || panel->type == PanelType::Stat;
    QStringList overrides;
    const auto keep = [&](SeriesOverride s, const QString &label, const QStringList &skipped, bool any) {
        if (!chart || !any) {
            overrides.append(label);
            return;
        }
        panel->overrides.append(s);
        if (!skipped.isEmpty())
            note(where, Text::tr("override %1: %2 not applied").arg(label, skipped.join(QStringLiteral(", "))),
                 Text::tr("only a series' colour, name, negative-Y and hiding are drawn"));
    };
    for (const auto &item : p.value(QLatin1String("fieldConfig")).toObject().value(QLatin1String("overrides")).toArray()) {
        const auto matcher = item.toObject().value(QLatin1String("matcher")).toObject();
        const auto id = matcher.value(QLatin1String("id")).toString();
        const auto option = matcher.value(QLatin1String("options"));
        const auto label = option.isString() ? QStringLiteral("'%1'").arg(option.toString()) : id;
        SeriesOverride s;
        s.match = option.toString();
        s.regex = id == u"byRegexp";
        if (s.regex)
            s.match = jsRegex(s.match).value_or(s.match);
        bool any = false;
        QStringList skipped;
        if ((id == u"byName" || (s.regex && QRegularExpression(s.match).isValid())) && !s.match.isEmpty()) {
            for (const auto &prop : item.toObject().value(QLatin1String("properties")).toArray()) {
                const auto pid = prop.toObject().value(QLatin1String("id")).toString();
                const auto value = prop.toObject().value(QLatin1String("value"));
                if (pid == u"color" && !mapColor(value.toObject().value(QLatin1String("fixedColor")).toString()).isEmpty()) {
                    s.color = mapColor(value.toObject().value(QLatin1String("fixedColor")).toString());
                } else if (pid == u"displayName" && !value.toString().isEmpty()) {
                    s.displayName = value.toString();
                } else if (pid == u"custom.transform" && value.toString() == u"negative-Y") {
                    s.negate = true;
                } else if (pid == u"custom.hideFrom" && value.toObject().value(QLatin1String("viz")).toBool()) {
                    s.hidden = true;
                } else {
                    skipped.append(pid);
                    continue;
                }
                any = true;
            }
        }
        keep(s, label, skipped, any);
    }
    for (const auto &item : p.value(QLatin1String("seriesOverrides")).toArray()) {
        const auto o = item.toObject();
        const auto alias = o.value(QLatin1String("alias")).toString();
        SeriesOverride s;
        s.match = alias;
        if (const auto re = jsRegex(alias)) {
            s.regex = true;
            s.match = *re;
        }
        bool any = false;
        QStringList skipped;
        for (auto it = o.begin(); it != o.end() && !s.match.isEmpty() && (!s.regex || QRegularExpression(s.match).isValid()); ++it) {
            if (it.key() == u"alias")
                continue;
            if (it.key() == u"color" && !mapColor(it.value().toString()).isEmpty())
                s.color = mapColor(it.value().toString());
            else if (it.key() == u"transform" && it.value().toString() == u"negative-Y")
                s.negate = true;
            else if (it.key() == u"hiddenSeries" && it.value().toBool())
                s.hidden = true;
            else {
                skipped.append(it.key());
                continue;
            }
            any = true;
        }
        keep(s, QStringLiteral("'%1'").arg(alias), skipped, any);
    }
    if (!overrides.isEmpty())
        note(where, Text::tr("overrides %1 not applied").arg(overrides.join(QStringLiteral(", "))),
             chart ? Text::tr("only a series' colour, name, negative-Y and hiding are drawn, by name or regex")
                   : Text::tr("every series of a panel is drawn alike"));
}

void Importer::mapPanel(const QJsonObject &p, Panel *panel, const QString &where)
{
    const auto type = p.value(QLatin1String("type")).toString();
    static const QHash<QString, PanelType> kTypes{
        {QStringLiteral("timeseries"), PanelType::TimeSeries}, {QStringLiteral("graph"), PanelType::TimeSeries},
        {QStringLiteral("stat"), PanelType::Stat},             {QStringLiteral("singlestat"), PanelType::Stat},
        {QStringLiteral("gauge"), PanelType::Gauge},           {QStringLiteral("bargauge"), PanelType::Bar},
        {QStringLiteral("barchart"), PanelType::Bar},          {QStringLiteral("piechart"), PanelType::Bar},
        {QStringLiteral("table"), PanelType::Table},           {QStringLiteral("table-old"), PanelType::Table},
        {QStringLiteral("heatmap"), PanelType::Heatmap},       {QStringLiteral("text"), PanelType::Text},
        {QStringLiteral("logs"), PanelType::Logs},             {QStringLiteral("state-timeline"), PanelType::StateTimeline},
        {QStringLiteral("status-history"), PanelType::StateTimeline}};
    if (type == u"text") {
        panel->type = PanelType::Text;
        panel->source = QStringLiteral("none");
        const auto options = p.value(QLatin1String("options")).toObject();
        panel->text = options.contains(QLatin1String("content")) ? options.value(QLatin1String("content")).toString()
                                                                  : p.value(QLatin1String("content")).toString();
        const auto mode = options.contains(QLatin1String("mode")) ? options.value(QLatin1String("mode")).toString()
                                                                  : p.value(QLatin1String("mode")).toString();
        if (mode == u"html")
            note(where, Text::tr("HTML text"), Text::tr("shown as Markdown, which keeps simple HTML"));
        ++m_out.mapped;
        return;
    }
    if (!kTypes.contains(type)) {
        unsupported(panel, where, Text::tr("panel type '%1'").arg(type),
                    Text::tr("Watchfloor has no such panel"));
        return;
    }
    panel->type = kTypes.value(type);
    QString sourceName;
    const auto source = sourceOf(p.value(QLatin1String("datasource")), Source::Prometheus, &sourceName);
    for (const auto &item : p.value(QLatin1String("targets")).toArray()) {
        const auto t = item.toObject();
        if (t.value(QLatin1String("hide")).toBool())
            continue; // Grafana does not draw it either
        QString targetSourceName = sourceName;
        const auto targetSource = sourceOf(t.value(QLatin1String("datasource")), source, &targetSourceName);
        if (targetSource != Source::Prometheus && targetSource != Source::Loki) {
            unsupported(panel, where, Text::tr("data source '%1'").arg(targetSourceName),
                        Text::tr("Watchfloor reads Prometheus and Loki only"));
            return;
        }
        PanelQuery q;
        q.expr = rewrite(t.value(QLatin1String("expr")).toString()).trimmed();
        if (q.expr.isEmpty())
            continue;
        const auto name = targetSource == Source::Loki ? QStringLiteral("loki") : QStringLiteral("prometheus");
        if (!panel->queries.isEmpty() && panel->source != name) {
            unsupported(panel, where, Text::tr("Prometheus and Loki queries in one panel"),
                        Text::tr("a panel reads one of them"));
            return;
        }
        panel->source = name;
        if (panel->type == PanelType::Logs && (targetSource != Source::Loki || !q.expr.startsWith(u'{'))) {
            unsupported(panel, where, targetSource == Source::Loki ? Text::tr("LogQL metric query in a logs panel") : Text::tr("Prometheus query in a logs panel"),
                        Text::tr("a logs panel shows the lines of a LogQL log query"));
            return;
        }
        if (panel->type != PanelType::Logs && targetSource == Source::Loki && q.expr.startsWith(u'{')) {
            unsupported(panel, where, Text::tr("LogQL log query"),
                        Text::tr("a %1 panel draws metric queries (count_over_time, rate …); the Logs view shows lines")
                            .arg(type));
            return;
        }
        q.legend = t.value(QLatin1String("legendFormat")).toString();
        if (q.legend == u"__auto")
            q.legend.clear();
        q.instant = t.value(QLatin1String("instant")).toBool() && !t.value(QLatin1String("range")).toBool();
        panel->queries.append(q);
    }
    if (panel->queries.isEmpty()) {
        unsupported(panel, where, Text::tr("no query"), Text::tr("the panel has no Prometheus query to show"));
        return;
    }
    if (type == u"piechart")
        note(where, Text::tr("pie chart"), Text::tr("drawn as bars, largest first"));
    if (type == u"status-history")
        note(where, Text::tr("status history"), Text::tr("drawn as a state timeline, a lane per series"));
    if (panel->type == PanelType::TimeSeries) {
        const auto stacking = p.value(QLatin1String("fieldConfig")).toObject().value(QLatin1String("defaults")).toObject()
                                  .value(QLatin1String("custom")).toObject().value(QLatin1String("stacking")).toObject()
                                  .value(QLatin1String("mode")).toString(QStringLiteral("none"));
        panel->stacked = stacking != u"none" || p.value(QLatin1String("stack")).toBool();
        if (stacking == u"percent" || p.value(QLatin1String("percentage")).toBool())
            note(where, Text::tr("stacked to 100 %"), Text::tr("stacked as values"));
    }
    if (panel->type == PanelType::Stat) {
        const auto graphMode = p.value(QLatin1String("options")).toObject().value(QLatin1String("graphMode")).toString();
        const bool spark = p.value(QLatin1String("sparkline")).toObject().value(QLatin1String("show")).toBool();
        if (graphMode == u"none" || (type == u"singlestat" && !spark))
            for (auto &q : panel->queries)
                q.instant = true; // no history under the value
    }
    // What a stat, gauge or bar reduces a series to: ours is the value now.
    const auto calcs = p.value(QLatin1String("options")).toObject().value(QLatin1String("reduceOptions")).toObject()
                           .value(QLatin1String("calcs")).toArray();
    const auto legacyCalc = p.value(QLatin1String("valueName")).toString();
    const auto calc = !calcs.isEmpty() ? calcs.first().toString() : legacyCalc;
    if (panel->type != PanelType::TimeSeries && panel->type != PanelType::Heatmap && !calc.isEmpty()
        && calc != u"lastNotNull" && calc != u"last" && calc != u"current")
        note(where, Text::tr("the '%1' of the range").arg(calc), Text::tr("shows the value now"));
    if (const auto repeat = p.value(QLatin1String("repeat")).toString(); !repeat.isEmpty())
        note(where, Text::tr("repeated for each value of $%1").arg(repeat), Text::tr("shown once, for the values chosen"));
    QStringList transformations;
    for (const auto &t : p.value(QLatin1String("transformations")).toArray())
        transformations.append(t.toObject().value(QLatin1String("id")).toString());
    if (!transformations.isEmpty())
        note(where, Text::tr("transformations %1 not applied").arg(transformations.join(QStringLiteral(", "))),
             Text::tr("the panel shows the queries' series as they are"));
    mapFieldConfig(p, panel, where);
    ++m_out.mapped;
}

// A dashboard Watchfloor exported: what Grafana has no field for (see grafanaexport.h).
void Importer::applyExtras(const QJsonObject &extras, Panel *panel) const
{
    if (extras.isEmpty())
        return;
    const auto grid = panel->grid;
    if (const auto whole = extras.value(QLatin1String("panel")).toObject(); !whole.isEmpty()) {
        // A router, health or unsupported panel: ours as it was (Grafana showed its nearest).
        const QJsonObject one{{QStringLiteral("schemaVersion"), 1}, {QStringLiteral("id"), QStringLiteral("x")},
                              {QStringLiteral("title"), QStringLiteral("x")},
                              {QStringLiteral("rows"), QJsonArray{QJsonObject{{QStringLiteral("panels"), QJsonArray{whole}}}}}};
        if (const auto parsed = dashboards::parse(QJsonDocument(one).toJson()); parsed && parsed.value().panels().size() == 1)
            *panel = *parsed.value().panels().first();
    }
    if (const auto id = extras.value(QLatin1String("id")).toString(); !id.isEmpty())
        panel->id = id;
    if (const auto v = numberOf(extras.value(QLatin1String("highlightAbove"))))
        panel->highlightAbove = v;
    if (const auto v = numberOf(extras.value(QLatin1String("target"))))
        panel->target = v;
    if (extras.contains(QLatin1String("higherIsWorse")))
        panel->higherIsWorse = extras.value(QLatin1String("higherIsWorse")).toBool(true);
    if (const auto fact = healthfacts::fromName(extras.value(QLatin1String("health")).toString());
        fact && panel->type == PanelType::Stat && panel->source == u"prometheus")
        panel->healthFact = fact;
    if (const auto flow = extras.value(QLatin1String("flow")).toObject(); !flow.isEmpty()) {
        panel->grid.reset(); // laid out by our rows, as it was
        panel->width = std::clamp(flow.value(QLatin1String("width")).toInt(4), 1, 12);
        panel->height = std::clamp(flow.value(QLatin1String("height")).toInt(1), 1, 4);
    } else {
        panel->grid = grid;
    }
}

void Importer::addPanel(const QJsonObject &p, DashboardRow *row, int width, int height, std::optional<Panel::GridPos> grid)
{
    ++m_out.panels;
    Panel panel;
    panel.title = p.value(QLatin1String("title")).toString().trimmed();
    const auto gid = p.value(QLatin1String("id"));
    // Grafana's ids are small whole numbers; anything else (found by fuzz_grafana: 4.4e55, which
    // does not fit an integer) gets one of ours.
    const double number = gid.toDouble(-1);
    const bool usable = gid.isDouble() && number >= 0 && number < 9e15 && number == std::floor(number);
    panel.id = QStringLiteral("%1-%2").arg(m_out.dashboard.id).arg(usable ? qint64(number) : ++m_nextId);
    for (int n = 2; m_usedIds.contains(panel.id); ++n) // two panels of one id (copied in Grafana): both kept
        panel.id = QStringLiteral("%1-%2-%3").arg(m_out.dashboard.id).arg(usable ? qint64(number) : m_nextId).arg(n);
    m_usedIds.insert(panel.id);
    if (panel.title.isEmpty())
        panel.title = Text::tr("(untitled %1)").arg(p.value(QLatin1String("type")).toString());
    panel.description = p.value(QLatin1String("description")).toString();
    panel.width = std::clamp(width, 1, 12);
    panel.height = std::clamp(height, 1, 4);
    panel.grid = grid;
    const auto extras = p.value(QLatin1String("watchfloor")).toObject();
    if (extras.value(QLatin1String("panel")).isObject())
        ++m_out.mapped; // a panel of ours Grafana has no type for: whole again below
    else
        mapPanel(p, &panel, Text::tr("panel “%1”").arg(panel.title));
    applyExtras(extras, &panel);
    row->panels.append(panel);
}

Result<ImportResult> Importer::run(QJsonObject root)
{
    // The HTTP API's {"dashboard": …, "meta": …}.
    if (!root.contains(QLatin1String("panels")) && !root.contains(QLatin1String("rows")) && root.value(QLatin1String("dashboard")).isObject())
        root = root.value(QLatin1String("dashboard")).toObject();
    const bool hasPanels = root.value(QLatin1String("panels")).isArray();
    const bool hasRows = root.value(QLatin1String("rows")).isArray();
    if (!hasPanels && !hasRows)
        return parseError(Text::tr("not a Grafana dashboard: it has neither “panels” nor “rows”"));
    m_out.schemaVersion = root.value(QLatin1String("schemaVersion")).toInt(0);
    m_out.dashboard.title = root.value(QLatin1String("title")).toString().trimmed();
    if (m_out.dashboard.title.isEmpty())
        m_out.dashboard.title = Text::tr("Imported dashboard");
    m_out.dashboard.id = slug(m_out.dashboard.title);
    static const QRegularExpression idSyntax(QStringLiteral("^[a-z0-9][a-z0-9-]{0,63}$"));
    if (const auto exported = root.value(QLatin1String("watchfloor")).toObject().value(QLatin1String("id")).toString();
        idSyntax.match(exported).hasMatch())
        m_out.dashboard.id = exported; // exported by Watchfloor: back under its own id (a view's replaces it)
    else if (dashboards::builtInIds().contains(m_out.dashboard.id))
        m_out.dashboard.id.prepend(QStringLiteral("grafana-"));
    m_out.timeFrom = root.value(QLatin1String("time")).toObject().value(QLatin1String("from")).toString(QStringLiteral("now-6h"));
    m_out.timeTo = root.value(QLatin1String("time")).toObject().value(QLatin1String("to")).toString(QStringLiteral("now"));
    m_out.refresh = root.value(QLatin1String("refresh")).toString();
    readTimeDefaults(root);
    for (const auto &input : root.value(QLatin1String("__inputs")).toArray()) {
        const auto o = input.toObject();
        if (o.value(QLatin1String("type")).toString() == u"datasource") {
            m_inputs.insert(o.value(QLatin1String("name")).toString(), o.value(QLatin1String("pluginId")).toString());
            m_out.datasources.append(QStringLiteral("${%1} (%2)").arg(o.value(QLatin1String("name")).toString(),
                                                                      o.value(QLatin1String("pluginId")).toString()));
        }
    }
    readVariables(root);
    for (auto &v : m_out.dashboard.variables)
        v.metric = rewrite(v.metric); // label_values(up{job="$job"}, instance): chained as a regex too
    if (!root.value(QLatin1String("annotations")).toObject().value(QLatin1String("list")).toArray().isEmpty()) {
        int shown = 0;
        for (const auto &a : root.value(QLatin1String("annotations")).toObject().value(QLatin1String("list")).toArray())
            shown += a.toObject().value(QLatin1String("builtIn")).toInt() == 1 ? 0 : 1;
        if (shown > 0)
            note(Text::tr("dashboard"), Text::tr("%1 annotation queries").arg(shown),
                 Text::tr("charts mark failovers only"));
    }

    if (hasRows && !hasPanels) {
        // Before schema 16: rows of panels 12 spans wide, their height in pixels.
        for (const auto &item : root.value(QLatin1String("rows")).toArray()) {
            const auto r = item.toObject();
            DashboardRow row;
            if (r.value(QLatin1String("showTitle")).toBool(true) || r.value(QLatin1String("collapse")).toBool())
                row.title = r.value(QLatin1String("title")).toString();
            if (row.title == u"Dashboard Row" || row.title == u"New row")
                row.title.clear();
            const int height = std::max(1, int(std::lround(pixels(r.value(QLatin1String("height")), 250) / 110.0)));
            for (const auto &p : r.value(QLatin1String("panels")).toArray()) {
                const auto o = p.toObject();
                const int span = int(std::lround(o.value(QLatin1String("span")).toDouble(4)));
                addPanel(o, &row, span, height);
            }
            if (!row.panels.isEmpty())
                m_out.dashboard.rows.append(row);
        }
    } else {
        // gridPos on 24 columns, 30 px a unit; "row" panels start a row (a collapsed one holds its own).
        DashboardRow row;
        int rowTop = 0; // the y where the row's panels start (below its "row" panel)
        const auto gridOf = [&](const QJsonObject &o) {
            const auto g = o.value(QLatin1String("gridPos")).toObject();
            Panel::GridPos pos;
            pos.x = std::clamp(g.value(QLatin1String("x")).toInt(0), 0, 23);
            pos.w = std::clamp(g.value(QLatin1String("w")).toInt(12), 1, 24 - pos.x);
            pos.y = std::max(0, g.value(QLatin1String("y")).toInt(0) - rowTop);
            pos.h = std::clamp(g.value(QLatin1String("h")).toInt(8), 1, 100);
            return pos;
        };
        const auto flush = [&] {
            // Grafana's grid packs panels upwards (in the order of y, then x): a panel whose
            // saved place overlaps one above it stands below that one, and no gap stays open.
            for (qsizetype i = 0; i < row.panels.size(); ++i) {
                if (!row.panels.at(i).grid)
                    continue; // one Watchfloor laid out itself (an export's "flow")
                auto &g = *row.panels[i].grid;
                int y = 0;
                for (qsizetype j = 0; j < i; ++j) {
                    if (!row.panels.at(j).grid)
                        continue;
                    const auto &q = *row.panels.at(j).grid;
                    if (q.x < g.x + g.w && g.x < q.x + q.w)
                        y = std::max(y, q.y + q.h);
                }
                g.y = std::min(y, 1'000'000);
            }
            // In the order they now stand (packing can lift a later one above an earlier one).
            if (std::all_of(row.panels.cbegin(), row.panels.cend(), [](const Panel &p) { return p.grid.has_value(); }))
                std::stable_sort(row.panels.begin(), row.panels.end(), [](const Panel &a, const Panel &b) {
                    return a.grid->y != b.grid->y ? a.grid->y < b.grid->y : a.grid->x < b.grid->x;
                });
            if (!row.panels.isEmpty())
                m_out.dashboard.rows.append(row);
            row = DashboardRow{};
        };
        const auto place = [&](const QJsonArray &panels) {
            QList<QJsonObject> sorted;
            for (const auto &p : panels)
                sorted.append(p.toObject());
            std::stable_sort(sorted.begin(), sorted.end(), [](const QJsonObject &a, const QJsonObject &b) {
                const auto ga = a.value(QLatin1String("gridPos")).toObject(), gb = b.value(QLatin1String("gridPos")).toObject();
                const auto ya = ga.value(QLatin1String("y")).toInt(), yb = gb.value(QLatin1String("y")).toInt();
                return ya != yb ? ya < yb : ga.value(QLatin1String("x")).toInt() < gb.value(QLatin1String("x")).toInt();
            });
            return sorted;
        };
        for (const auto &o : place(root.value(QLatin1String("panels")).toArray())) {
            if (o.value(QLatin1String("type")).toString() == u"row") {
                flush();
                row.title = o.value(QLatin1String("title")).toString();
                rowTop = o.value(QLatin1String("gridPos")).toObject().value(QLatin1String("y")).toInt(0) + 1;
                // A collapsed row holds its panels, placed as they were when it was open.
                const auto inner = place(o.value(QLatin1String("panels")).toArray());
                if (!inner.isEmpty())
                    rowTop = inner.first().value(QLatin1String("gridPos")).toObject().value(QLatin1String("y")).toInt(rowTop);
                for (const auto &panel : inner) {
                    const auto pos = gridOf(panel);
                    addPanel(panel, &row, int(std::lround(pos.w / 2.0)), int(std::lround(pos.h / 4.0)), pos);
                }
                continue;
            }
            const auto pos = gridOf(o);
            addPanel(o, &row, int(std::lround(pos.w / 2.0)), int(std::lround(pos.h / 4.0)), pos);
        }
        flush();
    }
    if (m_out.dashboard.rows.isEmpty())
        return parseError(Text::tr("the Grafana dashboard “%1” has no panels").arg(m_out.dashboard.title));
    return m_out;
}

} // namespace

QString ImportResult::report() const
{
    QStringList lines;
    const double share = panels > 0 ? 100.0 * mapped / panels : 100.0;
    lines.append(Text::tr("Imported “%1” (schemaVersion %2) as “%3”: %4 of %5 panels mapped (%6 %), %7, %8.")
                     .arg(dashboard.title)
                     .arg(schemaVersion)
                     .arg(dashboard.id)
                     .arg(mapped)
                     .arg(panels)
                     .arg(QLocale().toString(share, 'f', 1)) // "98,1" in German
                     // One or more: the same two forms in English and German, without a plural file for English.
                     .arg(dashboard.rows.size() == 1 ? Text::tr("1 row") : Text::tr("%1 rows").arg(dashboard.rows.size()),
                          dashboard.variables.size() == 1 ? Text::tr("1 variable")
                                                          : Text::tr("%1 variables").arg(dashboard.variables.size())));
    lines.append(Text::tr("Time range %1 to %2%3.")
                     .arg(timeFrom, timeTo, refresh.isEmpty() ? QString() : Text::tr(", refresh every %1").arg(refresh)));
    if (!datasources.isEmpty())
        lines.append(Text::tr("Data sources %1 read from the profile's.").arg(datasources.join(QStringLiteral(", "))));
    if (notes.isEmpty()) {
        lines.append(Text::tr("Everything was mapped."));
    } else {
        lines.append(Text::tr("Not mapped or changed (%1):").arg(notes.size()));
        for (const auto &n : notes)
            lines.append(QStringLiteral("- %1: %2 — %3").arg(n.where, n.what, n.why));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

Result<ImportResult> importDashboard(const QByteArray &json)
{
    QJsonParseError error{};
    const auto doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return parseError(Text::tr("not JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset));
    if (!doc.isObject())
        return parseError(Text::tr("not a Grafana dashboard: a dashboard is a JSON object"));
    Importer importer;
    return importer.run(doc.object());
}

QString slug(const QString &title)
{
    QString out;
    bool dash = false;
    for (const auto c : title.normalized(QString::NormalizationForm_KD)) {
        if (c.isLetterOrNumber() && c.unicode() < 128) {
            if (dash && !out.isEmpty())
                out += QLatin1Char('-');
            out += c.toLower();
            dash = false;
        } else if (c.category() != QChar::Mark_NonSpacing) {
            dash = true;
        }
    }
    return out.isEmpty() ? Text::tr("dashboard") : out.left(64);
}

} // namespace wf::grafana
