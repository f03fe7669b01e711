#include "statetimelinepanel.h"

#include "domain/querytext.h"
#include "domain/routertimeline.h"
#include "domain/timerange.h"
#include "panelframe.h"
#include "statecolors.h"
#include "statetimeline.h"
#include "dashboards/panelformat.h"

#include <QCoreApplication>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

namespace wf {

StateTimelinePanel::StateTimelinePanel(const Panel &panel, PanelFrame *frame, QObject *parent)
    : PanelKind(panel, frame, parent)
    , m_widget(new StateTimeline)
{
    connect(m_widget, &StateTimeline::segmentClicked, this, [this](int index) {
        const auto &s = m_widget->segments().at(index);
        emit windowClicked(QDateTime::fromMSecsSinceEpoch(s.fromMs, Qt::UTC), QDateTime::fromMSecsSinceEpoch(s.toMs, Qt::UTC));
    });
    if (!usesQueries()) {
        frame->setContent(m_widget);
        return;
    }
    // A lane per series, its name above it.
    m_content = new QWidget;
    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addStretch(1);
    m_lanes.append(m_widget);
    frame->setContent(m_content);
}

QWidget *StateTimelinePanel::widget() const
{
    return m_content ? m_content : m_widget;
}

void StateTimelinePanel::setUtc(bool utc)
{
    PanelKind::setUtc(utc);
    for (auto *l : std::as_const(m_lanes))
        l->setUtc(utc);
}

StateTimeline *StateTimelinePanel::lane(int index)
{
    while (m_lanes.size() <= index) {
        auto *l = new StateTimeline;
        l->setUtc(m_utc);
        connect(l, &StateTimeline::segmentClicked, this, [this, l](int i) {
            const auto &s = l->segments().at(i);
            emit windowClicked(QDateTime::fromMSecsSinceEpoch(s.fromMs, Qt::UTC), QDateTime::fromMSecsSinceEpoch(s.toMs, Qt::UTC));
        });
        m_lanes.append(l);
    }
    auto *l = m_lanes.at(index);
    if (!l->parentWidget()) {
        auto *layout = static_cast<QVBoxLayout *>(m_content->layout());
        auto *name = new QLabel(m_content);
        name->setObjectName(QStringLiteral("laneName"));
        layout->insertWidget(layout->count() - 1, name);
        layout->insertWidget(layout->count() - 1, l);
        l->setProperty("nameLabel", QVariant::fromValue(static_cast<QObject *>(name)));
    }
    return l;
}

void StateTimelinePanel::render()
{
    if (!m_content)
        return; // the router's: fed by showRouter()
    // Each point holds its value for a step; equal neighbours are one segment, a missing point a gap.
    const auto shownSeries = series(Role::Series);
    const qint64 stepMs = std::max<qint64>(m_stepMs, 1000);
    QStringList seen; // labels in the order met: their colour when no threshold gives one
    m_painted = {};
    int index = 0;
    for (const auto &shown : shownSeries) {
        QList<StateTimeline::Segment> segments;
        const auto name = legend(shown);
        for (const auto &sample : shown.series->samples) {
            if (!std::isfinite(sample.value))
                continue;
            const auto fromMs = qint64(std::llround(sample.time * 1000));
            QString label;
            for (const auto &m : m_panel.mappings)
                if (m.value == sample.value)
                    label = QCoreApplication::translate("Dashboard", m.text.toUtf8().constData());
            if (label.isEmpty())
                label = dashboards::formatValue(sample.value, m_panel.unit, m_panel.decimals);
            if (!segments.isEmpty() && segments.last().toMs == fromMs && segments.last().label == label) {
                segments.last().toMs = fromMs + stepMs;
                continue;
            }
            StateTimeline::Segment seg;
            seg.fromMs = fromMs;
            seg.toMs = fromMs + stepMs;
            seg.label = label;
            QString colour;
            for (const auto &t : m_panel.thresholds)
                if (sample.value >= t.value)
                    colour = t.color;
            if (!seen.contains(label))
                seen.append(label);
            seg.color = colour.isEmpty() ? seriesColor(int(seen.indexOf(label))) : namedColor(colour);
            segments.append(seg);
        }
        for (auto &seg : segments) {
            const auto from = QDateTime::fromMSecsSinceEpoch(seg.fromMs, Qt::UTC), to = QDateTime::fromMSecsSinceEpoch(seg.toMs, Qt::UTC);
            seg.tooltip = tr("%1: %2\n%3 – %4").arg(name, seg.label, timeText(from, m_utc), timeText(to, m_utc));
            m_painted.append(QJsonObject{{QStringLiteral("text"), seg.label},
                                         {QStringLiteral("legend"), name},
                                         {QStringLiteral("from"), from.toString(Qt::ISODateWithMs)},
                                         {QStringLiteral("to"), to.toString(Qt::ISODateWithMs)},
                                         {QStringLiteral("source"), m_panel.source}});
        }
        auto *l = lane(index++);
        l->setRange(m_from.toMSecsSinceEpoch(), m_to.toMSecsSinceEpoch());
        l->setSegments(segments);
        l->show();
        if (auto *label = qobject_cast<QLabel *>(l->property("nameLabel").value<QObject *>())) {
            label->setText(name);
            label->show();
        }
    }
    for (int i = index; i < m_lanes.size(); ++i) { // fewer series than last time
        m_lanes.at(i)->hide();
        if (auto *label = qobject_cast<QLabel *>(m_lanes.at(i)->property("nameLabel").value<QObject *>()))
            label->hide();
    }
}

void StateTimelinePanel::showRouter(const RouterTimeline &timeline, const QDateTime &from, const QDateTime &to)
{
    QList<StateTimeline::Segment> segments;
    m_painted = {};
    for (const auto &s : timeline.segments(from, to)) {
        StateTimeline::Segment seg;
        seg.fromMs = s.start.toMSecsSinceEpoch();
        seg.toMs = s.end.toMSecsSinceEpoch();
        seg.color = routerColor(s.state, s.ambiguous);
        seg.hatched = s.ambiguous;
        seg.label = s.ambiguous ? tr("Ambiguous") : routerStateLabel(s.state);
        seg.tooltip = tr("%1\n%2 – %3 (%4)%5")
                          .arg(seg.label, timeText(s.start, m_utc), timeText(s.end, m_utc),
                               formatDuration(std::chrono::seconds(std::max<qint64>(s.seconds(), 0))),
                               s.reason.isEmpty() ? QString() : QStringLiteral("\n") + s.reason);
        segments.append(seg);
        m_painted.append(QJsonObject{{QStringLiteral("text"), seg.label},
                                     {QStringLiteral("state"), s.ambiguous ? QStringLiteral("AMBIGUOUS") : routerStateName(s.state)},
                                     {QStringLiteral("source"), s.live ? QStringLiteral("health") : QStringLiteral("prometheus")},
                                     {QStringLiteral("from"), s.start.toString(Qt::ISODateWithMs)},
                                     {QStringLiteral("to"), s.end.toString(Qt::ISODateWithMs)}});
    }
    m_widget->setRange(from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch());
    m_widget->setSegments(segments);
    m_frame->setState(PanelFrame::State::Ready);
}

QStringList StateTimelinePanel::csvRows() const
{
    if (m_content) { // queries: each lane's segments, named
        QStringList rows{QStringLiteral("series,start,end,state")};
        for (const auto &v : m_painted) {
            const auto o = v.toObject();
            rows.append(QStringLiteral("%1,%2,%3,%4")
                            .arg(csvField(o.value(QStringLiteral("legend")).toString()), o.value(QStringLiteral("from")).toString(),
                                 o.value(QStringLiteral("to")).toString(), csvField(o.value(QStringLiteral("text")).toString())));
        }
        return rows;
    }
    QStringList rows{QStringLiteral("start,end,state")};
    for (const auto &s : m_widget->segments())
        rows.append(QStringLiteral("%1,%2,%3")
                        .arg(QDateTime::fromMSecsSinceEpoch(s.fromMs, Qt::UTC).toString(Qt::ISODateWithMs),
                             QDateTime::fromMSecsSinceEpoch(s.toMs, Qt::UTC).toString(Qt::ISODateWithMs), csvField(s.label)));
    return rows;
}

} // namespace wf
