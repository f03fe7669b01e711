#pragma once

#include "alerts/inboxfilter.h"
#include "alerts/alertinbox.h"

#include <QAbstractItemModel>

namespace wf {

// The alert inbox as a tree: severity groups (critical, warning, info, other), each with its alerts
// sorted by alert name, then by start. Resolved alerts stay, greyed, until the inbox drops them.
class AlertInboxModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Severity, Alert, Summary, KeyLabels, Started, Duration, State, Acknowledged, ColumnCount };
    enum Role { FingerprintRole = Qt::UserRole + 1, StateRole, SeverityRole };

    explicit AlertInboxModel(QObject *parent = nullptr);

    void setAlerts(const QList<InboxAlert> &alerts);
    void setUtc(bool utc);
    void setNow(const QDateTime &now) { m_now = now; } // for tests; invalid: the clock
    void setFilter(const InboxFilter &filter);
    const InboxFilter &filter() const { return m_filter; }
    int shownCount() const; // alerts the filter lets through
    int totalCount() const { return int(m_alerts.size()); } // filter or not

    const InboxAlert *alertAt(const QModelIndex &index) const;
    QModelIndex indexOf(const QString &fingerprint) const;
    int count(InboxAlert::State state) const; // over all alerts, filter or not
    int firingCount() const { return count(InboxAlert::State::Firing); }

    static QString stateText(InboxAlert::State state);
    static QString durationText(qint64 seconds);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Group
    {
        QString severity;
        QList<int> rows; // indices into m_alerts
    };
    void regroup();
    QVariant groupData(const Group &group, int column, int role) const;
    QVariant alertData(const InboxAlert &alert, int column, int role) const;
    QString timeText(const QDateTime &t) const;

    QList<InboxAlert> m_alerts;
    QList<Group> m_groups;
    InboxFilter m_filter;
    QDateTime m_now;
    bool m_utc = false;
};

} // namespace wf
