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
    m_probed[std::size_t(endpoint)] = result;
    recompute(endpoint);
}

void EndpointStatusModel::noteRequest(Endpoint endpoint, const Error *failure)
{
    const auto i = std::size_t(endpoint);
    if (failure != nullptr) {
        if (m_failures[i] && m_failures[i]->error.message == failure->message)
            return; // the same again: nothing new to show
        m_failures[i] = Failure{*failure, QDateTime::currentDateTimeUtc()};
    } else {
        if (!m_failures[i] && m_probed[i].state != ProbeResult::State::Down)
            return;
        m_failures[i].reset();
        if (m_probed[i].state == ProbeResult::State::Down) {
            // The probe failed, but a request was answered since: the endpoint answers again.
            ProbeResult answering;
            answering.state = ProbeResult::State::Ready;
            answering.message = tr("Answering requests again.");
            answering.checkedAt = QDateTime::currentDateTimeUtc();
            m_probed[i] = answering;
        }
    }
    recompute(endpoint);
}

void EndpointStatusModel::recompute(Endpoint endpoint)
{
    const auto i = std::size_t(endpoint);
    auto shown = m_probed[i];
    const auto probed = shown.state;
    if (m_failures[i] && probed != ProbeResult::State::Down && probed != ProbeResult::State::NotConfigured) {
        const auto &f = *m_failures[i];
        shown.state = f.error.kind == Error::Kind::Parse ? ProbeResult::State::Degraded : ProbeResult::State::Down;
        shown.message = probed == ProbeResult::State::Ready
            ? tr("%1 (Its readiness check answers, but the views' requests fail.)").arg(f.error.message)
            : f.error.message;
        shown.httpStatus = f.error.httpStatus;
        shown.roundTripMs = -1;
        shown.checkedAt = f.at;
    }
    m_results[i] = shown;
    const int row = int(endpoint);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void EndpointStatusModel::clear()
{
    m_probed = {};
    m_failures = {};
    m_results = {};
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace wf
