#include "statpanel.h"

#include "dashboards/healthfact.h"
#include "dashboards/panelformat.h"
#include "domain/routertimeline.h"
#include "panelframe.h"
#include "sources/health/healthclient.h"
#include "statecolors.h"
#include "stattile.h"

#include <QCoreApplication>

#include <cmath>

namespace wf {

StatPanel::StatPanel(const Panel &panel, PanelFrame *frame, QObject *parent)
    : PanelKind(panel, frame, parent)
    , m_stat(new StatTile)
{
    frame->setContent(m_stat);
}

QWidget *StatPanel::widget() const
{
    return m_stat;
}

QList<PanelKind::Role> StatPanel::roles(const PanelQuery &query) const
{
    // The value is asked as an instant query at the panel's now; its sparkline (the recent history
    // under the value) is a range query beside it.
    if (query.instant)
        return {Role::Now};
    return {Role::Now, Role::Sparkline};
}

void StatPanel::render()
{
    // The value is the instant query's answer at the panel's "now": exactly the series Prometheus
    // has then (a connection state that ended a second ago is gone). The range query behind it
    // only draws the sparkline. Where the health endpoint reports the same fact more recently,
    // its value is painted instead, and the tooltip says which it is and how old.
    QList<Shown> now;
    Series fromHealth;
    QString source = m_panel.source;
    if (healthWins()) {
        fromHealth = healthfacts::asSeries(*m_panel.healthFact, *m_health);
        now.append({0, &fromHealth, m_requests.isEmpty() ? QString() : m_requests.first().key.expr});
        source = QStringLiteral("health");
    } else {
        now = series(Role::Now);
    }
    QList<StatTile::Item> items;
    m_painted = {};
    for (const auto &shown : std::as_const(now)) {
        const double value = shown.series->samples.back().value;
        auto name = legend(shown);
        // An override by name: not shown, another name, or its own colour over the thresholds'
        // (one critical alert is red where the thresholds say amber for one of any severity).
        const auto *o = overrideFor(name);
        if (o && o->hidden)
            continue;
        if (o && !o->displayName.isEmpty())
            name = o->displayName;
        StatTile::Item item;
        const auto mapped = dashboards::mappedText(m_panel.mappings, value);
        item.text = m_panel.showLegend ? name
                    : !mapped.isEmpty() ? mapped
                                        : dashboards::formatValue(value, m_panel.unit, m_panel.decimals);
        item.color = std::isnan(value)        ? healthColor(Health::Unknown)
                     : o && !o->color.isEmpty() ? namedColor(o->color)
                                                : namedColor(dashboards::thresholdColor(m_panel.thresholds, value));
        if (!m_panel.showLegend && (now.size() > 1 || !m_panel.queries.at(shown.query).legend.isEmpty()))
            item.caption = name; // which one ("warning"), even when it is the only one
        items.append(item);
        auto painted = paintedItem(item.text, shown, source);
        painted.insert(QStringLiteral("color"), item.color.name());
        if (!item.caption.isEmpty())
            painted.insert(QStringLiteral("caption"), item.caption);
        m_painted.append(painted);
    }
    QList<QPointF> spark;
    if (now.size() == 1)
        for (const auto &s : series(Role::Sparkline))
            if (s.query == now.first().query && s.series->labels == now.first().series->labels)
                for (const auto &sample : s.series->samples)
                    spark.append(QPointF(sample.time * 1000, sample.value));
    m_stat->setItems(items);
    m_stat->setSparkline(spark.size() > 1 ? spark : QList<QPointF>{},
                         items.size() == 1 ? items.first().color : QColor());
    if (m_panel.healthFact) {
        const auto at = now.isEmpty() ? QDateTime()
                                      : QDateTime::fromMSecsSinceEpoch(qint64(std::llround(now.first().series->samples.back().time * 1000)), Qt::UTC);
        const auto age = at.isValid() ? std::max<qint64>(at.msecsTo(QDateTime::currentDateTimeUtc()), 0) : 0;
        const auto ago = tr("%1 s ago").arg(QString::number(double(age) / 1000, 'f', 1));
        m_stat->setToolTip(source == QLatin1String("health")
                               ? tr("From the health endpoint, checked %1 (newer than Prometheus' last scrape).").arg(ago)
                               : tr("From Prometheus, evaluated %1 (scraped every %n s).", nullptr, int(m_scrapeSeconds)).arg(ago));
    }
}

bool StatPanel::renderNoData()
{
    // An empty answer that means something ("None firing"): shown as the value 0 would be.
    if (m_panel.noData.isEmpty())
        return false;
    StatTile::Item item;
    item.text = QCoreApplication::translate("Dashboard", m_panel.noData.toUtf8().constData());
    item.color = namedColor(dashboards::thresholdColor(m_panel.thresholds, 0));
    m_stat->setItems({item});
    m_stat->setSparkline({}, {});
    m_stat->setToolTip({});
    // What was asked and found empty, so that the snapshot says why nothing is listed.
    m_painted = {};
    for (const auto &r : m_requests)
        if (r.role == Role::Now)
            m_painted.append(QJsonObject{{QStringLiteral("text"), item.text},
                                         {QStringLiteral("noData"), true},
                                         {QStringLiteral("source"), m_panel.source},
                                         {QStringLiteral("query"), r.key.expr},
                                         {QStringLiteral("time"), double(r.key.end)}});
    return true;
}

void StatPanel::showRouter(const RouterTimeline &timeline, const QDateTime &, const QDateTime &)
{
    const auto state = timeline.current();
    const bool ambiguous = timeline.currentAmbiguous();
    StatTile::Item item;
    item.text = ambiguous ? tr("Ambiguous") : routerStateLabel(state);
    item.color = routerColor(state, ambiguous);
    m_stat->setItems({item});
    const auto since = timeline.currentSince();
    m_stat->setSubtitle(since.isValid() ? tr("since %1").arg(timeText(since, m_utc)) : QString());
    m_frame->setState(PanelFrame::State::Ready);
    m_painted = {QJsonObject{
        {QStringLiteral("text"), item.text},
        {QStringLiteral("state"), ambiguous ? QStringLiteral("AMBIGUOUS") : routerStateName(state)},
        {QStringLiteral("source"), timeline.currentLive() ? QStringLiteral("health") : QStringLiteral("prometheus")},
        {QStringLiteral("time"), double(timeline.currentSeenAt().toMSecsSinceEpoch()) / 1000}}};
}

void StatPanel::showHealth(const HealthSample &sample)
{
    if (!sample.report) {
        // The tile keeps what it painted (and its snapshot says so), marked stale.
        const bool had = !m_stat->items().isEmpty();
        m_frame->setState(had ? PanelFrame::State::Stale : PanelFrame::State::Error, sample.report.error().message);
        return;
    }
    StatTile::Item item;
    item.text = sample.report->status;
    item.color = healthColor(sample.report->health());
    m_stat->setItems({item});
    m_stat->setSubtitle(tr("HTTP %1 · %2 ms").arg(sample.httpStatus).arg(sample.roundTripMs));
    m_frame->setState(PanelFrame::State::Ready);
    m_painted = {QJsonObject{{QStringLiteral("text"), item.text},
                             {QStringLiteral("status"), sample.report->status},
                             {QStringLiteral("source"), QStringLiteral("health")},
                             {QStringLiteral("time"), double(sample.report->checkedAt.toMSecsSinceEpoch()) / 1000},
                             {QStringLiteral("roundTripMs"), double(sample.roundTripMs)}}};
}

} // namespace wf
