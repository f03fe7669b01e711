#pragma once

#include "alerts/alertinbox.h"

#include <QAbstractTableModel>

namespace wf {

// Alertmanager's silences as a table: active first, then pending (starting later), then expired
// (hidden unless asked for), each by its end. Acknowledgements are silences too: their
// "Acknowledgement" column says so, and acknowledgements not yet confirmed by Alertmanager show
// as "not sent yet" rows, so nothing the user did is invisible.
class SilenceModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { State, Matchers, Starts, Ends, CreatedBy, Comment, Acknowledgement, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StateRole };

    explicit SilenceModel(QObject *parent = nullptr);

    void setSilences(const QList<Silence> &silences, const QList<AckRecord> &pendingAcks);
    void setShowExpired(bool show);
    bool showExpired() const { return m_showExpired; }
    void setUtc(bool utc);

    const Silence *silenceAt(int row) const; // nullptr for a not-sent acknowledgement
    int rowOf(const QString &id) const;
    int count(const QString &state) const; // over all silences, shown or not

    static QString matchersText(const QList<Matcher> &matchers);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        Silence silence;
        bool notSent = false; // a local acknowledgement Alertmanager has not confirmed
    };
    void rebuild();
    QString timeText(const QDateTime &t) const;

    QList<Silence> m_all;
    QList<AckRecord> m_pending;
    QList<Row> m_rows;
    bool m_showExpired = false;
    bool m_utc = false;
};

} // namespace wf
