#include "alertnotifier.h"

#include <QCoreApplication>
#include <QMap>

namespace wf {

AlertNotifier::AlertNotifier()
{
    // By default critical and warning notify; info and unknown severities only show in the inbox.
    setSeverityEnabled(InboxFilter::Severity::Info, false);
    setSeverityEnabled(InboxFilter::Severity::Other, false);
}

void AlertNotifier::setSeverityEnabled(InboxFilter::Severity severity, bool enabled)
{
    const auto bit = 1u << unsigned(severity);
    m_disabled = enabled ? (m_disabled & ~bit) : (m_disabled | bit);
}

bool AlertNotifier::severityEnabled(InboxFilter::Severity severity) const
{
    return !(m_disabled & (1u << unsigned(severity)));
}

std::optional<AlertNotification> AlertNotifier::update(const QList<InboxAlert> &alerts, const QDateTime &now)
{
    QSet<QString> firing;
    QHash<QString, const InboxAlert *> byFingerprint;
    for (const auto &a : alerts) {
        if (a.state != InboxAlert::State::Firing)
            continue;
        firing.insert(a.alert.fingerprint);
        byFingerprint.insert(a.alert.fingerprint, &a);
        if (!m_firing.contains(a.alert.fingerprint) && severityEnabled(InboxFilter::severityOf(a.alert.labels)))
            m_waiting.append(a);
    }
    m_firing = firing;
    // Handled (or gone) while waiting: nothing to tell.
    m_waiting.removeIf([&](const InboxAlert &a) { return !firing.contains(a.alert.fingerprint); });
    if (m_waiting.isEmpty() || (m_lastShown.isValid() && m_lastShown.secsTo(now) < kGapSeconds))
        return std::nullopt;

    std::stable_sort(m_waiting.begin(), m_waiting.end(), [](const InboxAlert &x, const InboxAlert &y) {
        return InboxFilter::severityOf(x.alert.labels) < InboxFilter::severityOf(y.alert.labels);
    });
    AlertNotification n;
    n.worst = InboxFilter::severityOf(m_waiting.first().alert.labels);
    for (const auto &a : std::as_const(m_waiting))
        n.fingerprints << a.alert.fingerprint;
    if (m_waiting.size() == 1) {
        const auto &a = m_waiting.first().alert;
        n.title = a.labels.value(QStringLiteral("alertname"));
        n.body = a.annotations.value(QStringLiteral("summary"));
    } else {
        n.title = QCoreApplication::translate("wf::AlertNotifier", "%n alerts firing", nullptr, int(m_waiting.size()));
        // One line per alert name, worst severity first, in the order they appear.
        QStringList names;
        QHash<QString, int> counts;
        for (const auto &a : std::as_const(m_waiting)) {
            const auto name = a.alert.labels.value(QStringLiteral("alertname"));
            if (!counts.contains(name))
                names << name;
            ++counts[name];
        }
        QStringList lines;
        for (qsizetype i = 0; i < names.size() && i < kMaxLines; ++i)
            lines << (counts.value(names.at(i)) > 1 ? QStringLiteral("%1 × %2").arg(names.at(i)).arg(counts.value(names.at(i)))
                                                    : names.at(i));
        if (names.size() > kMaxLines)
            lines << QCoreApplication::translate("wf::AlertNotifier", "and %n more", nullptr, int(names.size() - kMaxLines));
        n.body = lines.join(u'\n');
    }
    m_waiting.clear();
    m_lastShown = now;
    return n;
}

} // namespace wf
