#include "alertinboxmodel.h"

#include "statecolors.h"

#include <QBrush>
#include <QFont>
#include <QPalette>
#include <QGuiApplication>

namespace wf {
namespace {

constexpr quintptr kGroupId = quintptr(-1); // internalId of group rows; alerts carry their group's index

int severityRank(const QString &severity)
{
    if (severity == u"critical")
        return 0;
    if (severity == u"warning")
        return 1;
    if (severity == u"info")
        return 2;
    return 3;
}

Health severityHealth(const QString &severity)
{
    switch (severityRank(severity)) {
    case 0: return Health::Bad;
    case 1: return Health::Warning;
    case 2: return Health::Good;
    }
    return Health::Unknown;
}

} // namespace

AlertInboxModel::AlertInboxModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

QString AlertInboxModel::stateText(InboxAlert::State state)
{
    switch (state) {
    case InboxAlert::State::Firing: return tr("firing");
    case InboxAlert::State::Acknowledged: return tr("acknowledged");
    case InboxAlert::State::AckPending: return tr("ack pending");
    case InboxAlert::State::Silenced: return tr("silenced");
    case InboxAlert::State::Inhibited: return tr("inhibited");
    case InboxAlert::State::Resolved: return tr("resolved");
    }
    return {};
}

QString AlertInboxModel::durationText(qint64 s)
{
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min").arg(s / 60);
    if (s < 86400)
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    return tr("%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

void AlertInboxModel::setAlerts(const QList<InboxAlert> &alerts)
{
    // The usual poll changes nothing but the clock: keep the rows (and the view's expansion,
    // selection and scroll) and repaint the values; reset only when what is shown changes.
    const auto sameShape = [&] {
        if (alerts.size() != m_alerts.size())
            return false;
        for (qsizetype i = 0; i < alerts.size(); ++i) {
            const auto &a = alerts.at(i), &b = m_alerts.at(i);
            if (a.alert.fingerprint != b.alert.fingerprint || a.state != b.state || a.ack.has_value() != b.ack.has_value()
                || a.alert.labels != b.alert.labels || a.alert.annotations != b.alert.annotations || a.missingOn != b.missingOn
                || (a.ack && (a.ack->author != b.ack->author || a.ack->pending != b.ack->pending || a.ack->endsAt != b.ack->endsAt
                              || a.ack->restored != b.ack->restored || a.ack->peers != b.ack->peers
                              || a.ack->peersAnswering != b.ack->peersAnswering)))
                return false;
        }
        return true;
    };
    if (!m_alerts.isEmpty() && sameShape()) {
        m_alerts = alerts;
        for (int g = 0; g < m_groups.size(); ++g) {
            const auto parent = index(g, 0);
            emit dataChanged(index(0, 0, parent), index(rowCount(parent) - 1, ColumnCount - 1, parent));
        }
        return;
    }
    beginResetModel();
    m_alerts = alerts;
    regroup();
    endResetModel();
}

void AlertInboxModel::setUtc(bool utc)
{
    m_utc = utc;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void AlertInboxModel::setFilter(const InboxFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    regroup();
    endResetModel();
}

int AlertInboxModel::shownCount() const
{
    int n = 0;
    for (const auto &g : m_groups)
        n += int(g.rows.size());
    return n;
}

void AlertInboxModel::regroup()
{
    m_groups.clear();
    QList<int> order;
    for (int i = 0; i < m_alerts.size(); ++i) {
        if (m_filter.accepts(m_alerts.at(i)))
            order << i;
    }
    std::stable_sort(order.begin(), order.end(), [this](int x, int y) {
        const auto &a = m_alerts.at(x).alert;
        const auto &b = m_alerts.at(y).alert;
        const auto sa = severityRank(a.labels.value(QStringLiteral("severity")));
        const auto sb = severityRank(b.labels.value(QStringLiteral("severity")));
        if (sa != sb)
            return sa < sb;
        const auto na = a.labels.value(QStringLiteral("alertname"));
        const auto nb = b.labels.value(QStringLiteral("alertname"));
        if (na != nb)
            return na < nb;
        return a.startsAt < b.startsAt;
    });
    for (const int i : order) {
        const auto severity = m_alerts.at(i).alert.labels.value(QStringLiteral("severity"));
        const auto key = severityRank(severity) < 3 ? severity : QString();
        if (m_groups.isEmpty() || m_groups.last().severity != key)
            m_groups.append(Group{key, {}});
        m_groups.last().rows << i;
    }
}

const InboxAlert *AlertInboxModel::alertAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == kGroupId)
        return nullptr;
    const auto &group = m_groups.at(int(index.internalId()));
    return &m_alerts.at(group.rows.at(index.row()));
}

QModelIndex AlertInboxModel::indexOf(const QString &fingerprint) const
{
    for (int g = 0; g < m_groups.size(); ++g)
        for (int r = 0; r < m_groups.at(g).rows.size(); ++r)
            if (m_alerts.at(m_groups.at(g).rows.at(r)).alert.fingerprint == fingerprint)
                return createIndex(r, 0, quintptr(g));
    return {};
}

int AlertInboxModel::count(InboxAlert::State state) const
{
    return int(std::count_if(m_alerts.begin(), m_alerts.end(), [state](const InboxAlert &a) { return a.state == state; }));
}

QModelIndex AlertInboxModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroupId);
    return createIndex(row, column, quintptr(parent.row()));
}

QModelIndex AlertInboxModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupId)
        return {};
    return createIndex(int(child.internalId()), 0, kGroupId);
}

int AlertInboxModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() == kGroupId && parent.column() == 0)
        return int(m_groups.at(parent.row()).rows.size());
    return 0;
}

int AlertInboxModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString AlertInboxModel::timeText(const QDateTime &t) const
{
    if (!t.isValid())
        return {};
    return (m_utc ? t.toUTC() : t.toLocalTime()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QVariant AlertInboxModel::groupData(const Group &group, int column, int role) const
{
    if (role == Qt::DisplayRole && column == Severity) {
        const auto name = group.severity.isEmpty() ? tr("other") : group.severity;
        return tr("%1 (%2)").arg(name).arg(group.rows.size());
    }
    if (role == Qt::FontRole) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::DecorationRole && column == Severity)
        return healthColor(severityHealth(group.severity));
    if (role == SeverityRole)
        return group.severity;
    return {};
}

QVariant AlertInboxModel::alertData(const InboxAlert &item, int column, int role) const
{
    const auto &a = item.alert;
    const auto now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    if (role == FingerprintRole)
        return a.fingerprint;
    if (role == StateRole)
        return int(item.state);
    if (role == SeverityRole)
        return a.labels.value(QStringLiteral("severity"));
    if (role == Qt::ForegroundRole && item.state == InboxAlert::State::Resolved)
        return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
    if (role == Qt::DecorationRole && column == Severity)
        return healthColor(item.state == InboxAlert::State::Resolved ? Health::Unknown
                                                                     : severityHealth(a.labels.value(QStringLiteral("severity"))));
    if (role == Qt::ToolTipRole) {
        if (column == State && item.ack && item.ack->pending)
            return item.ack->lastError.isEmpty() ? tr("Waiting for Alertmanager to confirm the silence.")
                                                 : tr("Not confirmed yet, retrying: %1").arg(item.ack->lastError);
        if (column == Summary)
            return a.annotations.value(QStringLiteral("description"));
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Severity: return a.labels.value(QStringLiteral("severity"));
    case Alert: return a.labels.value(QStringLiteral("alertname"));
    case Summary: return a.annotations.value(QStringLiteral("summary"));
    case KeyLabels: {
        QStringList parts;
        for (auto it = a.labels.begin(); it != a.labels.end(); ++it)
            if (it.key() != u"alertname" && it.key() != u"severity")
                parts << it.key() + u'=' + it.value();
        return parts.join(QStringLiteral(", "));
    }
    case Started: return timeText(a.startsAt);
    case Duration: {
        const auto end = item.state == InboxAlert::State::Resolved ? item.resolvedAt : now;
        return a.startsAt.isValid() ? durationText(std::max<qint64>(0, a.startsAt.secsTo(end))) : QString();
    }
    case State:
        // A cluster whose peers disagree about it: said where the state is read.
        return item.missingOn.isEmpty() ? stateText(item.state)
                                        : tr("%1 — not on %2").arg(stateText(item.state), item.missingOn.join(QStringLiteral(", ")));
    case Acknowledged:
        if (!item.ack)
            return {};
        {
            const auto text = item.ack->mode == AckRecord::Mode::UntilResolved
                ? tr("%1, until resolved").arg(item.ack->author)
                : tr("%1, until %2").arg(item.ack->author, timeText(item.ack->endsAt));
            // Alertmanager lost its silence and the console made it again.
            auto shown = item.ack->restored ? tr("%1 (restored)").arg(text) : text;
            // A cluster: on how many of the peers that answer its silence is (gossip takes seconds).
            if (item.ack->peersAnswering > 1)
                shown = tr("%1 — on %2 of %3").arg(shown).arg(item.ack->peers.size()).arg(item.ack->peersAnswering);
            return shown;
        }
    }
    return {};
}

QVariant AlertInboxModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == kGroupId)
        return groupData(m_groups.at(index.row()), index.column(), role);
    return alertData(*alertAt(index), index.column(), role);
}

QVariant AlertInboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Severity: return tr("Severity");
    case Alert: return tr("Alert");
    case Summary: return tr("Summary");
    case KeyLabels: return tr("Labels");
    case Started: return tr("Started");
    case Duration: return tr("For");
    case State: return tr("State");
    case Acknowledged: return tr("Acknowledged by");
    }
    return {};
}

} // namespace wf
