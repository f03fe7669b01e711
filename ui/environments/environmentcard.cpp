#include "environmentcard.h"

#include "endpointstatusmodel.h"
#include "environments/environmentmonitor.h"
#include "sources/health/healthreport.h"
#include "statecolors.h"
#include "statetimeline.h"
#include "statuslight.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace wf {
namespace {

QString timeText(const QDateTime &t, bool utc)
{
    return (utc ? t.toUTC() : t.toLocalTime()).toString(QStringLiteral("HH:mm"));
}

} // namespace

EnvironmentCard::EnvironmentCard(const EnvironmentMonitor *monitor, QWidget *parent)
    : QFrame(parent)
    , m_monitor(monitor)
    , m_name(new QLabel(this))
    , m_healthLight(new StatusLight(tr("Health"), this))
    , m_state(new QLabel(this))
    , m_timeline(new StateTimeline(this))
    , m_alerts(new QLabel(this))
    , m_availability(new QLabel(this))
{
    setObjectName(QStringLiteral("environment-") + monitor->profile().name);
    setFrameShape(QFrame::StyledPanel);
    setFocusPolicy(Qt::StrongFocus);
    setToolTip(tr("Double-click (or Enter) to open the profile “%1”").arg(monitor->profile().name));
    setAccessibleName(monitor->profile().name);

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto nameFont = m_name->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.25);
    m_name->setFont(nameFont);
    m_name->setText(monitor->profile().name);
    top->addWidget(m_name, 1);
    top->addWidget(m_healthLight);
    layout->addLayout(top);

    auto stateFont = m_state->font();
    stateFont.setBold(true);
    stateFont.setPointSizeF(stateFont.pointSizeF() * 1.5);
    m_state->setFont(stateFont);
    m_state->setObjectName(QStringLiteral("state"));
    layout->addWidget(m_state);
    m_timeline->setToolTip(tr("The router's last hour"));
    layout->addWidget(m_timeline);
    m_alerts->setObjectName(QStringLiteral("alerts"));
    m_alerts->setTextFormat(Qt::RichText);
    layout->addWidget(m_alerts);
    m_availability->setObjectName(QStringLiteral("availability"));
    m_availability->setTextFormat(Qt::RichText);
    layout->addWidget(m_availability);

    auto *lights = new QHBoxLayout;
    for (const auto e : kAllEndpoints) {
        auto *light = new StatusLight(EndpointStatusModel::endpointTitle(e), this);
        m_lights.append(light);
        lights->addWidget(light);
    }
    lights->addStretch(1);
    layout->addLayout(lights);
    layout->addStretch(1);
    render();
}

void EnvironmentCard::setUtc(bool utc)
{
    m_utc = utc;
    m_timeline->setUtc(utc);
    render();
}

QString EnvironmentCard::stateText() const
{
    const auto &timeline = m_monitor->timeline();
    if (!timeline.hasData())
        return m_monitor->healthError().isEmpty() && m_monitor->prometheusError().isEmpty() ? tr("Waiting for data…")
                                                                                              : tr("Router state unknown");
    if (timeline.currentAmbiguous())
        return tr("Ambiguous");
    return routerStateLabel(timeline.current());
}

QString EnvironmentCard::alertsText() const
{
    const auto firing = m_monitor->firing();
    if (!firing)
        return m_monitor->alertsError().isEmpty() ? tr("Alerts: waiting for Alertmanager…")
                                                  : tr("Alerts: not known (Alertmanager does not answer)");
    return tr("%1 critical · %2 warning · %3 info")
        .arg((*firing)[EnvironmentMonitor::Critical])
        .arg((*firing)[EnvironmentMonitor::Warning])
        .arg((*firing)[EnvironmentMonitor::Info]);
}

QString EnvironmentCard::availabilityText() const
{
    const QLocale locale;
    const auto availability = m_monitor->availability();
    const auto budget = m_monitor->budgetLeft();
    if (!availability && !budget)
        return m_monitor->prometheusError().isEmpty() ? tr("Availability: waiting for Prometheus…")
                                                      : tr("Availability: not known (Prometheus does not answer)");
    return tr("Availability (30 days) %1 · error budget left %2")
        .arg(availability ? locale.toString(*availability, 'f', 3) + QStringLiteral(" %") : tr("none"),
             budget ? locale.toString(*budget, 'f', 1) + QStringLiteral(" %") : tr("none"));
}

void EnvironmentCard::render()
{
    const auto &timeline = m_monitor->timeline();
    // The router now, coloured as everywhere else.
    const auto state = timeline.hasData() ? timeline.current() : RouterState::Unknown;
    const auto health = timeline.hasData() && !timeline.currentAmbiguous() ? routerStateHealth(state) : Health::Unknown;
    const auto since = timeline.currentSince();
    m_state->setText(stateText()
                     + (timeline.hasData() && since.isValid() ? tr("  since %1").arg(timeText(since, m_utc)) : QString()));
    QPalette palette = m_state->palette();
    palette.setColor(QPalette::WindowText, health == Health::Unknown ? this->palette().color(QPalette::WindowText)
                                                                      : healthColor(health));
    m_state->setPalette(palette);
    m_state->setToolTip(timeline.currentReason());

    const auto now = QDateTime::currentDateTimeUtc();
    const auto from = now.addSecs(-EnvironmentMonitor::kTimelineSeconds);
    QList<StateTimeline::Segment> segments;
    for (const auto &s : timeline.segments(from, now)) {
        StateTimeline::Segment seg;
        seg.fromMs = s.start.toMSecsSinceEpoch();
        seg.toMs = s.end.toMSecsSinceEpoch();
        seg.color = s.ambiguous ? healthColor(Health::Unknown) : healthColor(routerStateHealth(s.state));
        seg.hatched = s.ambiguous;
        seg.label = s.ambiguous ? tr("Ambiguous") : routerStateLabel(s.state);
        seg.tooltip = tr("%1\n%2 – %3").arg(seg.label, timeText(s.start, m_utc), timeText(s.end, m_utc));
        segments.append(seg);
    }
    m_timeline->setRange(from.toMSecsSinceEpoch(), now.toMSecsSinceEpoch());
    m_timeline->setSegments(segments);

    // Alerts by severity: a count above zero in its colour.
    const auto firing = m_monitor->firing();
    if (firing) {
        const auto count = [&](EnvironmentMonitor::Severity s, Health h, const QString &word) {
            const int n = (*firing)[s];
            const auto text = QStringLiteral("%1 %2").arg(n).arg(word.toHtmlEscaped());
            return n > 0 ? QStringLiteral("<b style=\"color:%1\">%2</b>").arg(healthColor(h).name(), text) : text;
        };
        m_alerts->setText(tr("Firing: %1").arg(QStringList{count(EnvironmentMonitor::Critical, Health::Bad, tr("critical")),
                                                             count(EnvironmentMonitor::Warning, Health::Warning, tr("warning")),
                                                             count(EnvironmentMonitor::Info, Health::Unknown, tr("info"))}
                                                   .join(QStringLiteral(" · "))));
        m_alerts->setToolTip(alertsText());
    } else {
        m_alerts->setText(alertsText().toHtmlEscaped());
        m_alerts->setToolTip(m_monitor->alertsError());
    }
    m_availability->setText(availabilityText().toHtmlEscaped());
    m_availability->setToolTip(m_monitor->prometheusError());

    const auto status = m_monitor->healthStatus();
    m_healthLight->setHealth(HealthReport::healthOf(status), status.isEmpty() ? tr("not known") : status,
                             status.isEmpty() ? m_monitor->healthError() : QString());
    for (const auto e : kAllEndpoints) {
        const auto r = m_monitor->light(e);
        m_lights[int(e)]->setHealth(r.health(), r.message, r.checkedAt.isValid() ? timeText(r.checkedAt, m_utc) : QString());
    }
}

void EnvironmentCard::mouseDoubleClickEvent(QMouseEvent *event)
{
    QFrame::mouseDoubleClickEvent(event);
    emit openRequested();
}

void EnvironmentCard::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        emit openRequested();
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace wf
