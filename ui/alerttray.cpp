#include "alerttray.h"

#include "alerts/alertinbox.h"
#include "statecolors.h"
#include "store/settings.h"
#include "telemetry/logging.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>

namespace wf {

namespace {

QColor severityColor(std::optional<InboxFilter::Severity> worst)
{
    if (!worst)
        return healthColor(Health::Good);
    switch (*worst) {
    case InboxFilter::Severity::Critical:
        return healthColor(Health::Bad);
    case InboxFilter::Severity::Warning:
        return healthColor(Health::Warning);
    case InboxFilter::Severity::Info:
    case InboxFilter::Severity::Other:
        break;
    }
    return QColor(QStringLiteral("#1e88e5"));
}

} // namespace

AlertTray::AlertTray(AlertInbox *inbox, Settings &settings, QObject *parent)
    : QObject(parent)
    , m_inbox(inbox)
    , m_settings(settings)
    , m_menu(new QMenu(tr("&Notifications")))
{
    m_menu->setObjectName(QStringLiteral("notificationsMenu"));
    const QString labels[] = {tr("Notify for &critical alerts"), tr("Notify for &warnings"), tr("Notify for &info alerts"),
                              tr("Notify for alerts without a known &severity")};
    for (int i = 0; i < 4; ++i) {
        const auto severity = InboxFilter::Severity(i);
        auto *action = m_menu->addAction(labels[i]);
        action->setObjectName(QStringLiteral("notify-") + severityKey(severity));
        action->setCheckable(true);
        action->setChecked(m_settings.notifyFor(severityKey(severity)));
        m_notifier.setSeverityEnabled(severity, action->isChecked());
        connect(action, &QAction::toggled, this, [this, severity](bool on) { setNotifyFor(severity, on); });
        m_severityActions << action;
    }

    m_icon = iconFor(std::nullopt);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(m_icon, this);
        m_tray->setToolTip(tr("Watchfloor: no alerts firing"));
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            emit openAlert(m_last && !m_last->fingerprints.isEmpty() ? m_last->fingerprints.first() : QString());
        });
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                emit openAlert({});
        });
        m_tray->show();
    } else {
        logging::get("ui")->info("no system tray: alert notifications show in the window");
    }
    connect(m_inbox, &AlertInbox::updated, this, &AlertTray::onUpdated);
}

AlertTray::~AlertTray()
{
    delete m_menu; // a menu's parent must be a widget; MainWindow only borrows it
}

void AlertTray::setNotifyFor(InboxFilter::Severity severity, bool on)
{
    m_notifier.setSeverityEnabled(severity, on);
    m_settings.setNotifyFor(severityKey(severity), on);
    auto *action = m_severityActions.at(int(severity));
    if (action->isChecked() != on)
        action->setChecked(on);
}

QString AlertTray::severityKey(InboxFilter::Severity severity)
{
    switch (severity) {
    case InboxFilter::Severity::Critical:
        return QStringLiteral("critical");
    case InboxFilter::Severity::Warning:
        return QStringLiteral("warning");
    case InboxFilter::Severity::Info:
        return QStringLiteral("info");
    case InboxFilter::Severity::Other:
        break;
    }
    return QStringLiteral("other");
}

QIcon AlertTray::iconFor(std::optional<InboxFilter::Severity> worst)
{
    QIcon icon;
    for (const int size : {16, 22, 32, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(0, 0, 0, 120), std::max(1.0, size / 16.0)));
        p.setBrush(severityColor(worst));
        const qreal m = size / 8.0;
        p.drawEllipse(QRectF(m, m, size - 2 * m, size - 2 * m));
        icon.addPixmap(pixmap);
    }
    return icon;
}

void AlertTray::onUpdated()
{
    std::optional<InboxFilter::Severity> worst;
    int firing = 0;
    for (const auto &a : m_inbox->alerts()) {
        if (a.state != InboxAlert::State::Firing)
            continue;
        ++firing;
        const auto s = InboxFilter::severityOf(a.alert.labels);
        if (!worst || s < *worst)
            worst = s;
    }
    if (worst != m_worst || m_icon.isNull()) {
        m_worst = worst;
        m_icon = iconFor(worst);
        if (m_tray)
            m_tray->setIcon(m_icon);
    }
    if (m_tray)
        m_tray->setToolTip(firing > 0 ? tr("Watchfloor: alerts firing: %n", nullptr, firing) : tr("Watchfloor: no alerts firing"));

    const auto n = m_notifier.update(m_inbox->alerts(), QDateTime::currentDateTimeUtc());
    if (!n)
        return;
    m_last = n;
    logging::get("alerts")->info("notify title=\"{}\" alerts={}", n->title.toStdString(), n->fingerprints.size());
    if (m_tray) {
        const auto kind = n->worst == InboxFilter::Severity::Critical ? QSystemTrayIcon::Critical
            : n->worst == InboxFilter::Severity::Warning             ? QSystemTrayIcon::Warning
                                                                     : QSystemTrayIcon::Information;
        m_tray->showMessage(n->title, n->body, kind, 15'000);
    }
    emit notified(*n);
}

} // namespace wf
