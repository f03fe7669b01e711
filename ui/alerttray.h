#pragma once

#include "alerts/alertnotifier.h"

#include <QIcon>
#include <QObject>

#include <optional>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace wf {

class AlertInbox;
class Settings;

// The console in the system tray: an icon coloured by the worst severity firing and not handled
// (green when nothing is), and a desktop notification per batch of newly firing alerts
// (AlertNotifier). Clicking the notification or the icon opens the alert. Without a tray (some
// desktops, xvfb), notifications go to the window instead: MainWindow shows them in the status bar.
class AlertTray : public QObject
{
    Q_OBJECT
public:
    AlertTray(AlertInbox *inbox, Settings &settings, QObject *parent = nullptr);
    ~AlertTray() override;

    // Per-severity notifications, from and to the settings; the menu holds one checkbox each.
    QMenu *notificationsMenu() const { return m_menu; }
    void setNotifyFor(InboxFilter::Severity severity, bool on);

    // The worst firing, unhandled severity; nullopt when nothing fires.
    std::optional<InboxFilter::Severity> worst() const { return m_worst; }
    QIcon icon() const { return m_icon; }
    bool hasTray() const { return m_tray != nullptr; }
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    const std::optional<AlertNotification> &lastNotification() const { return m_last; }

    static QString severityKey(InboxFilter::Severity severity);
    static QIcon iconFor(std::optional<InboxFilter::Severity> worst);

signals:
    void notified(const AlertNotification &notification);
    void openAlert(const QString &fingerprint); // empty: just show the inbox

private:
    void onUpdated();

    AlertInbox *m_inbox;
    Settings &m_settings;
    AlertNotifier m_notifier;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu;
    QList<QAction *> m_severityActions;
    std::optional<InboxFilter::Severity> m_worst;
    QIcon m_icon;
    std::optional<AlertNotification> m_last;
};

} // namespace wf
