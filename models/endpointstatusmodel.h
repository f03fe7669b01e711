#pragma once

#include "net/endpointprobe.h"
#include "net/result.h"

#include <optional>

#include <QAbstractTableModel>

namespace wf {

// One row per endpoint of the current profile: how its last readiness probe went, and what the
// requests the views make learnt since. A request that failed, or an answer that could not be read,
// shows until a later request is answered and read, whatever the probe says meanwhile (a server can
// be "ready" and send garbage); an answer read after the probe failed shows the endpoint answering.
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
    // What a view's request learnt: nullptr when it was answered and read, else why not.
    void noteRequest(wf::Endpoint endpoint, const wf::Error *failure);
    // Forget every result (a new profile): every row goes back to Unknown.
    void clear();

private:
    struct Failure
    {
        Error error;
        QDateTime at;
    };
    void recompute(Endpoint endpoint);

    std::array<ProbeResult, 4> m_probed;                 // the readiness probe's (or health poll's) word
    std::array<std::optional<Failure>, 4> m_failures{};  // the last request's, until one succeeds
    std::array<ProbeResult, 4> m_results;                // what the row shows: the two together
    bool m_utc = false;
};

} // namespace wf
