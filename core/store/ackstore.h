#pragma once

#include "sources/prometheus/promresult.h"
#include "store/sqlitefile.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace wf {

// One acknowledgement: a silence the console owes Alertmanager until Alertmanager confirms it.
struct AckRecord
{
    enum class Mode { Timed, UntilResolved };
    enum class State { Pending, Confirmed, Expired, Failed };

    QString id;          // a UUID; also written into the silence's comment (the exactly-once key)
    QString profile;
    QString fingerprint; // the alert's
    QString alertname;
    Labels labels;       // the alert's labels: the silence's matchers
    QString author;
    QString note;
    Mode mode = Mode::UntilResolved;
    QDateTime startsAt;
    QDateTime endsAt;
    QDateTime createdAt;
    State state = State::Pending;
    QString silenceId;
    int attempts = 0;
    QString lastError;

    static QString modeKey(Mode mode);
    static QString stateKey(State state);
};

// Acknowledgements on disk (SQLite in the XDG data directory), so that a pending one survives a
// restart of the console and is sent exactly once.
class AckStore
{
public:
    // dir empty: ~/.local/share/watchfloor. open() says whether the database is usable.
    explicit AckStore(const QString &dir = {});

    bool open(QString *error = nullptr);
    QString path() const { return m_file.path(); }

    bool save(const AckRecord &record); // insert or replace by id
    std::optional<AckRecord> find(const QString &id) const;
    QList<AckRecord> load(const QString &profile, std::optional<AckRecord::State> state = std::nullopt) const;
    int purge(const QDateTime &olderThan); // forget finished records older than this

private:
    SqliteFile m_file;
};

} // namespace wf
