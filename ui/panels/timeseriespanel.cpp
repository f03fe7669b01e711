#include "timeseriespanel.h"

#include "dashboards/panelformat.h"
#include "domain/querytext.h"
#include "panelframe.h"
#include "querychart.h"
#include "sources/health/healthclient.h"
#include "statecolors.h"

#include <cmath>

namespace wf {

TimeSeriesPanel::TimeSeriesPanel(const Panel &panel, PanelFrame *frame, QObject *parent)
    : PanelKind(panel, frame, parent)
    , m_chart(new TimeSeriesChart)
{
    m_chart->setStacked(panel.stacked);
    m_chart->setYRange(panel.min, panel.max);
    const auto unit = panel.unit;
    m_chart->setValueFormatter([unit](double v) { return dashboards::formatValue(v, unit); });
    QList<std::pair<double, QColor>> lines;
    for (const auto &t : panel.thresholds)
        if (t.value > 0 && std::isfinite(t.value))
            lines.append({t.value, namedColor(t.color)});
    m_chart->setThresholds(lines);
    frame->setContent(m_chart);
    connect(m_chart, &TimeSeriesChart::rangeSelected, this, [this](qint64 a, qint64 b) {
        emit rangeSelected(QDateTime::fromMSecsSinceEpoch(a, Qt::UTC), QDateTime::fromMSecsSinceEpoch(b, Qt::UTC));
    });
    connect(m_chart, &TimeSeriesChart::zoomOutRequested, this, &PanelKind::zoomOutRequested);
}

QWidget *TimeSeriesPanel::widget() const
{
    return m_chart;
}

int TimeSeriesPanel::plotWidth() const
{
    return m_chart->plotWidth();
}

void TimeSeriesPanel::setUtc(bool utc)
{
    PanelKind::setUtc(utc);
    m_chart->setUtc(utc);
}

void TimeSeriesPanel::setRange(qint64 fromMs, qint64 toMs)
{
    m_chart->setRange(fromMs, toMs);
}

void TimeSeriesPanel::setFailoverBands(const QList<TimeSeriesChart::Band> &bands)
{
    m_chart->setBands(bands);
}

void TimeSeriesPanel::render()
{
    QList<TimeSeriesChart::Line> lines;
    for (const auto &r : m_requests)
        if (r.data)
            appendLines(&lines, *r.data, m_panel.queries.at(r.query).legend);
    sortAndColor(&lines);
    // Overrides by name or regex: the series' own colour, name, side of the axis, or not drawn.
    if (!m_panel.overrides.isEmpty()) {
        QList<TimeSeriesChart::Line> shown;
        for (auto line : std::as_const(lines)) {
            const auto *o = overrideFor(line.name);
            if (o && o->hidden)
                continue;
            if (o && !o->color.isEmpty())
                line.color = namedColor(o->color);
            if (o && o->negate)
                for (auto &p : line.points)
                    p.setY(-p.y());
            if (o && !o->displayName.isEmpty())
                line.name = o->displayName;
            shown.append(line);
        }
        lines = shown;
    }
    m_chart->setLines(lines, m_stepMs);
}

QJsonArray TimeSeriesPanel::painted() const
{
    if (!usesQueries())
        return m_painted;
    // Each line drawn, in the legend's order, with its newest point; hidden ones are not drawn.
    QList<std::pair<QString, QJsonObject>> lines;
    for (const auto &shown : series(Role::Series)) {
        auto name = legend(shown);
        const auto *o = overrideFor(name);
        if (o && o->hidden)
            continue; // an override hides it: not drawn
        if (o && !o->displayName.isEmpty())
            name = o->displayName;
        if (!m_chart->isSeriesHidden(name)) {
            auto item = paintedItem(name, shown, m_panel.source);
            if (o && o->negate)
                item.insert(QStringLiteral("negated"), true); // drawn below the axis; the value as it is
            lines.append({name, item});
        }
    }
    std::stable_sort(lines.begin(), lines.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QJsonArray out;
    for (const auto &line : lines)
        out.append(line.second);
    return out;
}

QStringList TimeSeriesPanel::csvRows() const
{
    if (!usesHealth())
        return PanelKind::csvRows();
    QStringList rows{QStringLiteral("time,series,value")};
    for (const auto &pt : m_roundTrips)
        rows.append(QStringLiteral("%1,%2,%3")
                        .arg(QDateTime::fromMSecsSinceEpoch(qint64(pt.x()), Qt::UTC).toString(Qt::ISODateWithMs),
                             csvField(tr("round trip")), std::isfinite(pt.y()) ? QString::number(pt.y()) : QString()));
    return rows;
}

void TimeSeriesPanel::showHealth(const HealthSample &sample)
{
    // The round trip of a poll a second (they come four a second while the window is seen),
    // kept for a day at most: 86,400 points.
    const auto at = double(sample.receivedAt.toMSecsSinceEpoch());
    if (!m_roundTrips.isEmpty() && at - m_roundTrips.last().x() < 1000)
        return;
    m_roundTrips.append(QPointF(at, sample.report ? double(sample.roundTripMs) : qQNaN()));
    while (m_roundTrips.size() > 86'400)
        m_roundTrips.removeFirst();
    if (m_frame->isVisible())
        drawRoundTrips();
}

void TimeSeriesPanel::drawRoundTrips()
{
    if (!usesHealth() || m_roundTrips.isEmpty())
        return;
    const auto now = QDateTime::currentDateTimeUtc();
    const auto span = m_from.isValid() ? m_from.secsTo(m_to) : 3600;
    m_chart->setRange(now.addSecs(-span).toMSecsSinceEpoch(), now.toMSecsSinceEpoch());
    m_chart->setLines({TimeSeriesChart::Line{tr("round trip"), seriesColor(0), m_roundTrips}}, 1000);
    m_frame->setState(PanelFrame::State::Ready);
}

} // namespace wf
