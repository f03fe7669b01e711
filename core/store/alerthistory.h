#pragma once

#include "alerts/alertinbox.h"
#include "store/sqlitefile.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QThread;

namespace wf {

// One thing that happened to an alert, as the console saw it.
struct AlertEvent
{
    // Restored: Alertmanager lost an acknowledgement's silence and the console made it again;
    // Unacknowledged: another client expired the acknowledgement's silence before its time.
    enum class Kind { Fired, Acknowledged, Resolved, Restored, Unacknowledged };
    Kind kind = Kind::Fired;
    QString fingerprint;
    QString alertname;
    QString severity;
    QDateTime at;
    QString author; // who acknowledged
};

// The design document's alert quality metrics, for one alert name over a window.
struct AlertQuality
{
    QString alertname;
    QString severity;
    int fired = 0;                          // episodes that started in the window
    std::optional<qint64> medianDurationS;  // of the episodes that also resolved
    double acknowledgedShare = 0;           // episodes acknowledged / episodes
    std::optional<qint64> medianTimeToAckS; // from firing to the first acknowledgement
    int flapping = 0;                       // episodes that began within kFlapSeconds of the last one's end
};

// Every state change the inbox shows is stored (SQLite, next to the acknowledgements): fired,
// acknowledged (by whom), resolved. An episode is keyed by the alert's fingerprint and its start
// (Alertmanager's startsAt), so restarting the console or two updates showing the same thing never
// store it twice. An alert that vanished while the console was closed is recorded resolved when
// the console first sees it gone. Events older than the retention are deleted.
//
// What changed is worked out on the caller's thread (in memory, against the last update); the rows
// are written by a thread of the history's own with its own connection, so a poll in which a
// thousand alerts changed never holds up the window. Reads wait for the writes asked before them.
class AlertHistory : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultRetentionDays = 90;
    static constexpr int kFlapSeconds = 15 * 60;

    // dir empty: ~/.local/share/watchfloor.
    explicit AlertHistory(const QString &dir = {}, QObject *parent = nullptr);
    ~AlertHistory() override; // writes what is still queued first

    bool open(QString *error = nullptr);
    QString path() const { return m_file.path(); }
    void setRetentionDays(int days) { m_retentionDays = days; }

    // Compares with what this profile's last update showed and stores the differences.
    void record(const QString &profile, const QList<InboxAlert> &alerts, const QDateTime &now);
    // What the inbox's states do not show: an acknowledgement restored or withdrawn (ackId keys it).
    void recordAck(const QString &profile, AlertEvent::Kind kind, const AmAlert &alert, const QString &author,
                   const QString &ackId, const QDateTime &now);
    QList<AlertEvent> events(const QString &profile, const QDateTime &from, const QDateTime &to) const;
    // Per alert name, the episodes that started in [from, to); worst severity first, then most fired.
    QList<AlertQuality> quality(const QString &profile, const QDateTime &from, const QDateTime &to) const;
    int purge(const QDateTime &now); // drops events older than the retention; returns how many
    void flush();                    // returns when every write asked so far is in the file

    // The arithmetic, on events in time order (for tests and for quality()).
    static QList<AlertQuality> computeQuality(const QList<AlertEvent> &events, const QDateTime &from, const QDateTime &to);

    struct Row
    {
        QString profile;
        AlertEvent event;
        QString episode;
        QString ref;
    };

signals:
    void written(); // a batch of events is in the file

private:
    class Writer;
    void insert(const QString &profile, const AlertEvent &event, const QString &episode, const QString &ref);
    void submit(qint64 purgeBefore = 0); // hands the queued rows (and a purge) to the writer
    void waitForWriter() const;          // every submitted batch is in the file
    QHash<QString, QString> openEpisodes(const QString &profile) const; // fingerprint → episode (start)

    SqliteFile m_file;       // this thread's connection: reads, the schema, purge()
    QThread *m_thread = nullptr;
    Writer *m_writer = nullptr; // lives in m_thread
    QList<Row> m_batch;
    int m_retentionDays = kDefaultRetentionDays;
    QString m_profile;                 // the profile m_active belongs to
    QHash<QString, InboxAlert> m_active; // fingerprint → the alert as last seen, active
    bool m_loaded = false;
    QDateTime m_lastPurge;
};

} // namespace wf
