#include "panelkind.h"

#include "barpanel.h"
#include "dashboards/healthfact.h"
#include "dashboards/panelformat.h"
#include "domain/querytext.h"
#include "gaugepanel.h"
#include "heatmappanel.h"
#include "panelframe.h"
#include "statecolors.h"
#include "statetimelinepanel.h"
#include "statpanel.h"
#include "tablepanel.h"
#include "logspanel.h"
#include "textpanel.h"
#include "timeseriespanel.h"

#include <QCoreApplication>

#include <cmath>

namespace wf {
namespace {

QJsonObject labelsJson(const Labels &labels)
{
    QJsonObject o;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

} // namespace

PanelKind *PanelKind::create(const Panel &panel, PanelFrame *frame, QObject *parent)
{
    PanelKind *kind = nullptr;
    switch (panel.type) {
    case PanelType::Stat: kind = new StatPanel(panel, frame, parent); break;
    case PanelType::Gauge: kind = new GaugePanel(panel, frame, parent); break;
    case PanelType::Bar: kind = new BarPanel(panel, frame, parent); break;
    case PanelType::Heatmap: kind = new HeatmapPanel(panel, frame, parent); break;
    case PanelType::StateTimeline: kind = new StateTimelinePanel(panel, frame, parent); break;
    case PanelType::Table: kind = new TablePanel(panel, frame, parent); break;
    case PanelType::TimeSeries: kind = new TimeSeriesPanel(panel, frame, parent); break;
    case PanelType::Text: kind = new TextPanel(panel, frame, parent); break;
    case PanelType::Unsupported: kind = new UnsupportedPanel(panel, frame, parent); break;
    case PanelType::Logs: kind = new LogsPanel(panel, frame, parent); break;
    }
    kind->buildRequests();
    return kind;
}

PanelKind::PanelKind(const Panel &panel, PanelFrame *frame, QObject *parent)
    : QObject(parent)
    , m_panel(panel)
    , m_frame(frame)
{
}

PanelKind::~PanelKind() = default;

void PanelKind::buildRequests()
{
    for (int i = 0; i < m_panel.queries.size(); ++i)
        for (const auto role : roles(m_panel.queries.at(i))) {
            Request r;
            r.query = i;
            r.role = role;
            m_requests.append(r);
        }
}

QList<PanelKind::Role> PanelKind::roles(const PanelQuery &) const
{
    return {Role::Series};
}

void PanelKind::setRange(qint64, qint64)
{
}

QList<QueryKey> PanelKind::plan(const QueryContext &context)
{
    m_from = context.from;
    m_to = context.to;
    m_scrapeSeconds = context.scrapeSeconds;
    QList<QueryKey> keys;
    if (!usesQueries())
        return keys;
    auto local = context;
    local.widthPx = plotWidth();
    for (auto &r : m_requests) {
        const auto &expr = m_panel.queries.at(r.query).expr;
        switch (r.role) {
        case Role::Series: r.key = queryplan::rangeKey(expr, local); break;
        case Role::Now: r.key = queryplan::instantKey(expr, local); break;
        case Role::Sparkline: r.key = queryplan::latestKey(expr, local); break;
        }
        r.key.loki = usesLoki();
        r.answered = false;
        keys.append(r.key);
    }
    setRange(context.from.toMSecsSinceEpoch(), context.to.toMSecsSinceEpoch());
    return keys;
}

bool PanelKind::deliver(const QueryKey &key, const Result<PromResult> &result)
{
    bool mine = false;
    for (auto &r : m_requests) {
        if (!(r.key == key))
            continue;
        mine = true;
        r.answered = true;
        if (result) {
            r.data = result.value();
            r.dataEnd = key.end;
            r.error.reset();
            m_lastGood = QDateTime::currentDateTimeUtc();
            if (r.role != Role::Now)
                m_stepMs = key.step * 1000;
        } else if (result.error().kind != Error::Kind::Canceled) {
            r.error = result.error();
        }
    }
    return mine;
}

QList<PanelKind::Shown> PanelKind::series(Role role) const
{
    QList<Shown> all;
    for (const auto &r : m_requests)
        if (r.role == role && r.data)
            for (const auto &s : r.data->series)
                if (!s.samples.empty())
                    all.append({r.query, &s, r.key.expr});
    return all;
}

QString PanelKind::queryAsSent(int query) const
{
    for (const auto &r : m_requests)
        if (r.query == query && !r.key.expr.isEmpty())
            return r.key.expr;
    return m_panel.queries.at(query).expr;
}

bool PanelKind::healthWins() const
{
    if (!m_panel.healthFact || !m_health)
        return false;
    QDateTime evaluated;
    for (const auto &r : m_requests)
        if (r.role == Role::Now && r.data) // when the value held was evaluated, not the last try
            evaluated = QDateTime::fromSecsSinceEpoch(r.dataEnd, Qt::UTC);
    return healthfacts::healthIsNewer(m_health->checkedAt, evaluated, m_scrapeSeconds);
}

QStringList PanelKind::csvRows() const
{
    // Every point of every series, long form: a spreadsheet pivots it as it likes.
    QStringList rows{QStringLiteral("time,series,value")};
    // A stat's sparkline holds the recent points; a bar or gauge has only its value now.
    auto all = series(Role::Series) + series(Role::Sparkline);
    if (all.isEmpty())
        all = series(Role::Now);
    for (const auto &shown : std::as_const(all)) {
        const auto name = csvField(legend(shown));
        for (const auto &s : shown.series->samples)
            rows.append(QStringLiteral("%1,%2,%3")
                            .arg(QDateTime::fromMSecsSinceEpoch(qint64(std::llround(s.time * 1000)), Qt::UTC)
                                     .toString(Qt::ISODateWithMs),
                                 name, std::isfinite(s.value) ? QString::number(s.value, 'g', 17) : QString()));
    }
    return rows;
}

void PanelKind::showRouter(const RouterTimeline &, const QDateTime &, const QDateTime &)
{
}

void PanelKind::showHealth(const HealthSample &)
{
}

QString PanelKind::legend(const Shown &shown) const
{
    return dashboards::formatLegend(m_panel.queries.at(shown.query).legend, shown.series->labels);
}

const SeriesOverride *PanelKind::overrideFor(const QString &legend) const
{
    for (const auto &o : m_panel.overrides)
        if (o.matches(legend))
            return &o;
    return nullptr;
}

QJsonObject PanelKind::paintedItem(const QString &text, const Shown &shown, const QString &source) const
{
    const auto &last = shown.series->samples.back();
    return QJsonObject{{QStringLiteral("text"), text},
                       {QStringLiteral("legend"), legend(shown)},
                       {QStringLiteral("labels"), labelsJson(shown.series->labels)},
                       {QStringLiteral("value"), std::isfinite(last.value) ? QJsonValue(last.value) : QJsonValue()},
                       {QStringLiteral("query"), shown.query < m_panel.queries.size() ? shown.expr : QString()},
                       {QStringLiteral("time"), last.time},
                       {QStringLiteral("source"), source}};
}

QString PanelKind::title() const
{
    return QCoreApplication::translate("Dashboard", m_panel.title.toUtf8().constData());
}

QColor PanelKind::namedColor(const QString &name)
{
    if (name == QLatin1String("green"))
        return healthColor(Health::Good);
    if (name == QLatin1String("amber"))
        return healthColor(Health::Warning);
    if (name == QLatin1String("red"))
        return healthColor(Health::Bad);
    if (name == QLatin1String("grey"))
        return healthColor(Health::Unknown);
    if (name == QLatin1String("blue"))
        return QColor(0x1565c0);
    return QColor(name);
}

QColor PanelKind::routerColor(RouterState state, bool ambiguous)
{
    return ambiguous ? healthColor(Health::Unknown) : healthColor(routerStateHealth(state));
}

QString PanelKind::timeText(const QDateTime &t, bool utc)
{
    return (utc ? t.toUTC() : t.toLocalTime()).toString(QStringLiteral("HH:mm:ss"));
}

} // namespace wf
