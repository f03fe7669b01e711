#pragma once

#include "store/alerthistory.h"

#include <QAbstractTableModel>

namespace wf {

// Alert quality per alert name (AlertHistory::quality) as a table.
class AlertQualityModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Alert, Severity, Fired, MedianDuration, Acknowledged, MedianTimeToAck, Flapping, ColumnCount };

    explicit AlertQualityModel(QObject *parent = nullptr);

    void setRows(const QList<AlertQuality> &rows);
    const QList<AlertQuality> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<AlertQuality> m_rows;
};

} // namespace wf
