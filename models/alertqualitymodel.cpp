#include "alertqualitymodel.h"

#include "alertinboxmodel.h"

namespace wf {

AlertQualityModel::AlertQualityModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AlertQualityModel::setRows(const QList<AlertQuality> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int AlertQualityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertQualityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertQualityModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const auto &q = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() >= Fired)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Flapping)
        return tr("Episodes that began within %1 minutes of the previous one's end").arg(AlertHistory::kFlapSeconds / 60);
    if (role == Qt::UserRole) // sortable raw values
        switch (Column(index.column())) {
        case Fired:
            return q.fired;
        case MedianDuration:
            return q.medianDurationS ? QVariant(*q.medianDurationS) : QVariant();
        case Acknowledged:
            return q.acknowledgedShare;
        case MedianTimeToAck:
            return q.medianTimeToAckS ? QVariant(*q.medianTimeToAckS) : QVariant();
        case Flapping:
            return q.flapping;
        default:
            return data(index, Qt::DisplayRole);
        }
    if (role != Qt::DisplayRole)
        return {};
    const auto dash = QStringLiteral("—");
    switch (Column(index.column())) {
    case Alert:
        return q.alertname;
    case Severity:
        return q.severity;
    case Fired:
        return q.fired;
    case MedianDuration:
        return q.medianDurationS ? AlertInboxModel::durationText(*q.medianDurationS) : dash;
    case Acknowledged:
        return tr("%1 %").arg(qRound(q.acknowledgedShare * 100));
    case MedianTimeToAck:
        return q.medianTimeToAckS ? AlertInboxModel::durationText(*q.medianTimeToAckS) : dash;
    case Flapping:
        return q.flapping;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant AlertQualityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Alert:
        return tr("Alert");
    case Severity:
        return tr("Severity");
    case Fired:
        return tr("Fired");
    case MedianDuration:
        return tr("Median duration");
    case Acknowledged:
        return tr("Acknowledged");
    case MedianTimeToAck:
        return tr("Median time to acknowledge");
    case Flapping:
        return tr("Flapping");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace wf
