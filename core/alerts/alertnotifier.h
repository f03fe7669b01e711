#pragma once

#include "alerts/inboxfilter.h"

#include <QDateTime>
#include <QSet>

#include <optional>

namespace wf {

// One desktop notification: what newly fires, grouped.
struct AlertNotification
{
    QString title;             // "BothSourcesUnavailable" or "12 alerts firing"
    QString body;              // the summary, or one line per alert name with its count
    InboxFilter::Severity worst = InboxFilter::Severity::Other;
    QStringList fingerprints;  // clicking opens the first
};

// Decides which desktop notifications to show from the inbox's successive updates. An alert
// notifies when it starts firing: it was absent, resolved, acknowledged or silenced, and is now
// firing and unhandled (so an "until resolved" acknowledgement that ended with its alert notifies
// again when the alert fires again). Alerts that start firing together make one notification;
// after one is shown, newly firing alerts wait for kGapSeconds and then make the next one, so a
// storm of fifty alerts gives one or two notifications, never fifty. An alert acknowledged or
// silenced while it waits is dropped from it.
class AlertNotifier
{
public:
    static constexpr int kGapSeconds = 10;
    static constexpr int kMaxLines = 5;

    AlertNotifier();

    void setSeverityEnabled(InboxFilter::Severity severity, bool enabled);
    bool severityEnabled(InboxFilter::Severity severity) const;

    // Feed every inbox update; returns the notification to show now, if any.
    std::optional<AlertNotification> update(const QList<InboxAlert> &alerts, const QDateTime &now);

private:
    QSet<QString> m_firing;        // fingerprints firing at the last update
    QList<InboxAlert> m_waiting;   // newly firing, not notified yet
    QDateTime m_lastShown;
    unsigned m_disabled = 0;       // bit per InboxFilter::Severity
};

} // namespace wf
