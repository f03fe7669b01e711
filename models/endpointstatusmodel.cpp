#include "endpointstatusmodel.h"

#include <QLocale>

namespace wf {

EndpointStatusModel::EndpointStatusModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int EndpointStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(kAllEndpoints.size());
}

int EndpointStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EndpointStatusModel::endpointTitle(Endpoint endpoint)
{
    switch (endpoint) {
    case Endpoint::Prometheus: return tr("Prometheus");
    case Endpoint::Alertmanager: return tr("Alertmanager");
    case Endpoint::Loki: return tr("Loki");
    case Endpoint::Health: return tr("Health endpoint");
    }
    return {};
}

QString EndpointStatusModel::stateText(ProbeResult::State state)
{
    switch (state) {
    case ProbeResult::State::Unknown: return tr("Not checked yet");
    case ProbeResult::State::Ready: return tr("Ready");
    case ProbeResult::State::Degraded: return tr("Degraded");
    case ProbeResult::State::Down: return tr("Down");
    case ProbeResult::State::NotConfigured: return tr("Not configured");
    }
    return {};
}

QVariant EndpointStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto endpoint = kAllEndpoints[std::size_t(index.row())];
    const auto &r = m_results[std::size_t(index.row())];
    if (role == StateRole)
        return int(r.state);
    if (role == EndpointRole)
        return int(endpoint);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case NameColumn: return endpointTitle(endpoint);
    case StateColumn: return stateText(r.state);
    case MessageColumn: return r.message;
    case CheckedAtColumn:
        if (!r.checkedAt.isValid())
            return QString();
        return QLocale().toString(m_utc ? r.checkedAt : r.checkedAt.toLocalTime(), QStringLiteral("HH:mm:ss"))
            + (m_utc ? QStringLiteral(" UTC") : QString());
    case ColumnCount: break;
    }
    return {};
}

QVariant EndpointStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case NameColumn: return tr("Endpoint");
    case StateColumn: return tr("State");
    case MessageColumn: return tr("Details");
    case CheckedAtColumn: return tr("Checked at");
    case ColumnCount: break;
    }
    return {};
}

void EndpointStatusModel::setUtc(bool utc)
{
    if (utc == m_utc)
        return;
    m_utc = utc;
    emit dataChanged(index(0, CheckedAtColumn), index(rowCount() - 1, CheckedAtColumn));
}

void EndpointStatusModel::update(Endpoint endpoint, const ProbeResult &result)
{
    const int row = int(endpoint);
    m_results[std::size_t(row)] = result;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void EndpointStatusModel::clear()
{
    m_results = {};
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace wf
