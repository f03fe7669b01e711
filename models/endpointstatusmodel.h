#pragma once

#include "net/endpointprobe.h"

#include <QAbstractTableModel>

namespace wf {

// One row per endpoint of the current profile: how its last readiness probe went.
class EndpointStatusModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, StateColumn, MessageColumn, CheckedAtColumn, ColumnCount };
    enum Role { StateRole = Qt::UserRole + 1, EndpointRole };

    explicit EndpointStatusModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const ProbeResult &result(Endpoint endpoint) const { return m_results[std::size_t(endpoint)]; }
    void setUtc(bool utc);

    static QString endpointTitle(Endpoint endpoint);
    static QString stateText(ProbeResult::State state);

public slots:
    void update(wf::Endpoint endpoint, const wf::ProbeResult &result);
    // Forget every result (a new profile): every row goes back to Unknown.
    void clear();

private:
    std::array<ProbeResult, 4> m_results;
    bool m_utc = false;
};

} // namespace wf
