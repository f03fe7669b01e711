#include "statetimelinepanel.h"

#include "domain/querytext.h"
#include "domain/routertimeline.h"
#include "domain/timerange.h"
#include "panelframe.h"
#include "statetimeline.h"

namespace wf {

StateTimelinePanel::StateTimelinePanel(const Panel &panel, PanelFrame *frame, QObject *parent)
    : PanelKind(panel, frame, parent)
    , m_widget(new StateTimeline)
{
    frame->setContent(m_widget);
    connect(m_widget, &StateTimeline::segmentClicked, this, [this](int index) {
        const auto &s = m_widget->segments().at(index);
        emit windowClicked(QDateTime::fromMSecsSinceEpoch(s.fromMs, Qt::UTC), QDateTime::fromMSecsSinceEpoch(s.toMs, Qt::UTC));
    });
}

QWidget *StateTimelinePanel::widget() const
{
    return m_widget;
}

void StateTimelinePanel::setUtc(bool utc)
{
    PanelKind::setUtc(utc);
    m_widget->setUtc(utc);
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
    QStringList rows{QStringLiteral("start,end,state")};
    for (const auto &s : m_widget->segments())
        rows.append(QStringLiteral("%1,%2,%3")
                        .arg(QDateTime::fromMSecsSinceEpoch(s.fromMs, Qt::UTC).toString(Qt::ISODateWithMs),
                             QDateTime::fromMSecsSinceEpoch(s.toMs, Qt::UTC).toString(Qt::ISODateWithMs), csvField(s.label)));
    return rows;
}

} // namespace wf
