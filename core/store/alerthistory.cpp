#include "alerthistory.h"

#include "telemetry/logging.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>

namespace wf {

namespace {

QString kindKey(AlertEvent::Kind kind)
{
    switch (kind) {
    case AlertEvent::Kind::Fired:
        return QStringLiteral("fired");
    case AlertEvent::Kind::Acknowledged:
        return QStringLiteral("acknowledged");
    case AlertEvent::Kind::Restored:
        return QStringLiteral("restored");
    case AlertEvent::Kind::Unacknowledged:
        return QStringLiteral("unacknowledged");
    case AlertEvent::Kind::Resolved:
        break;
    }
    return QStringLiteral("resolved");
}

AlertEvent::Kind kindFrom(const QString &key)
{
    if (key == u"fired")
        return AlertEvent::Kind::Fired;
    if (key == u"acknowledged")
        return AlertEvent::Kind::Acknowledged;
    if (key == u"restored")
        return AlertEvent::Kind::Restored;
    if (key == u"unacknowledged")
        return AlertEvent::Kind::Unacknowledged;
    return AlertEvent::Kind::Resolved;
}

bool isActive(InboxAlert::State state)
{
    return state != InboxAlert::State::Resolved;
}

QString episodeOf(const AmAlert &alert)
{
    return QString::number(alert.startsAt.toMSecsSinceEpoch());
}

int severityRank(const QString &severity)
{
    static const QStringList order{QStringLiteral("critical"), QStringLiteral("warning"), QStringLiteral("info")};
    const auto i = order.indexOf(severity);
    return i < 0 ? int(order.size()) : int(i);
}

std::optional<qint64> median(QList<qint64> values)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const auto n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

} // namespace

// The history's writing thread: its own connection to the same file, one transaction per batch.
class AlertHistory::Writer : public QObject
{
public:
    explicit Writer(const QString &dir)
        : m_file(dir, QStringLiteral("history.sqlite"))
    {
    }

    void write(const QList<Row> &rows, qint64 purgeBefore)
    {
        if (!m_opened) {
            m_opened = true;
            if (QString error; !m_file.open({}, &error))
                logging::get("store")->error("cannot open alert history {} for writing: {}", m_file.path().toStdString(),
                                             error.toStdString());
        }
        auto db = m_file.db();
        if (!db.isOpen())
            return;
        db.transaction();
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO events (profile, fingerprint, alertname, severity, kind, at, author, "
                                 "episode, ref) VALUES (?,?,?,?,?,?,?,?,?)"));
        for (const auto &row : rows) {
            const auto &e = row.event;
            int i = 0;
            for (const QVariant &v : {QVariant(row.profile), QVariant(e.fingerprint), QVariant(e.alertname), QVariant(e.severity),
                                      QVariant(kindKey(e.kind)), QVariant(e.at.toMSecsSinceEpoch()), QVariant(e.author),
                                      QVariant(row.episode), QVariant(row.ref)})
                q.bindValue(i++, v);
            if (!q.exec())
                logging::get("store")->error("cannot store alert event: {}", q.lastError().text().toStdString());
        }
        if (purgeBefore > 0) {
            QSqlQuery purge(db);
            purge.prepare(QStringLiteral("DELETE FROM events WHERE at < ?"));
            purge.addBindValue(purgeBefore);
            purge.exec();
        }
        if (!db.commit())
            logging::get("store")->error("cannot store alert events: {}", db.lastError().text().toStdString());
    }

private:
    SqliteFile m_file;
    bool m_opened = false;
};

AlertHistory::AlertHistory(const QString &dir, QObject *parent)
    : QObject(parent)
    , m_file(dir, QStringLiteral("history.sqlite"))
    , m_thread(new QThread(this))
    , m_writer(new Writer(dir))
{
    m_thread->setObjectName(QStringLiteral("alert history"));
    m_writer->moveToThread(m_thread);
    m_thread->start();
}

AlertHistory::~AlertHistory()
{
    submit();
    flush();
    // The writer's connection is closed in its own thread, before the thread ends.
    QMetaObject::invokeMethod(m_writer, [writer = m_writer] { delete writer; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

bool AlertHistory::open(QString *error)
{
    // ref: the episode's start for fired and resolved, the acknowledgement's silence for acknowledged.
    return m_file.open({QStringLiteral("CREATE TABLE IF NOT EXISTS events (profile TEXT NOT NULL, fingerprint TEXT NOT NULL, "
                                       "alertname TEXT, severity TEXT, kind TEXT NOT NULL, at INTEGER NOT NULL, author TEXT, "
                                       "episode TEXT NOT NULL, ref TEXT NOT NULL, UNIQUE (profile, fingerprint, kind, episode, ref))"),
                        QStringLiteral("CREATE INDEX IF NOT EXISTS events_at ON events (profile, at)")},
                       error);
}

void AlertHistory::insert(const QString &profile, const AlertEvent &e, const QString &episode, const QString &ref)
{
    m_batch.append(Row{profile, e, episode, ref});
}

void AlertHistory::submit(qint64 purgeBefore)
{
    if (m_batch.isEmpty() && purgeBefore == 0)
        return;
    // Written only once the schema is there (open() succeeded).
    if (!m_file.db().isOpen()) {
        m_batch.clear();
        return;
    }
    QMetaObject::invokeMethod(
        m_writer,
        [this, writer = m_writer, rows = std::exchange(m_batch, {}), purgeBefore] {
            writer->write(rows, purgeBefore);
            QMetaObject::invokeMethod(this, &AlertHistory::written, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void AlertHistory::flush()
{
    submit();
    waitForWriter();
}

void AlertHistory::waitForWriter() const
{
    QMetaObject::invokeMethod(m_writer, [] {}, Qt::BlockingQueuedConnection);
}

void AlertHistory::recordAck(const QString &profile, AlertEvent::Kind kind, const AmAlert &alert, const QString &author,
                             const QString &ackId, const QDateTime &now)
{
    insert(profile,
           AlertEvent{kind, alert.fingerprint, alert.labels.value(QStringLiteral("alertname")),
                      alert.labels.value(QStringLiteral("severity")), now, author},
           episodeOf(alert), ackId + u'/' + kindKey(kind));
    submit();
}

QHash<QString, QString> AlertHistory::openEpisodes(const QString &profile) const
{
    // Episodes that fired and have no resolved event yet.
    waitForWriter();
    QSqlQuery q(m_file.db());
    q.prepare(QStringLiteral("SELECT f.fingerprint, f.episode, f.alertname, f.severity FROM events f WHERE f.profile = ? "
                             "AND f.kind = 'fired' AND NOT EXISTS (SELECT 1 FROM events r WHERE r.profile = f.profile AND "
                             "r.fingerprint = f.fingerprint AND r.episode = f.episode AND r.kind = 'resolved')"));
    q.addBindValue(profile);
    QHash<QString, QString> out;
    if (q.exec())
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1).toString() + u'\n' + q.value(2).toString() + u'\n' + q.value(3).toString());
    return out;
}

void AlertHistory::record(const QString &profile, const QList<InboxAlert> &alerts, const QDateTime &now)
{
    if (profile != m_profile || !m_loaded) {
        m_profile = profile;
        m_active.clear();
        m_loaded = true;
        // Episodes left open by an earlier run: resolved if they are not active now.
        QSet<QString> activeNow;
        for (const auto &a : alerts)
            if (isActive(a.state))
                activeNow.insert(a.alert.fingerprint + u'\n' + episodeOf(a.alert));
        const auto open = openEpisodes(profile);
        for (auto it = open.begin(); it != open.end(); ++it) {
            const auto parts = it.value().split(u'\n');
            if (activeNow.contains(it.key() + u'\n' + parts.value(0)))
                continue;
            insert(profile, AlertEvent{AlertEvent::Kind::Resolved, it.key(), parts.value(1), parts.value(2), now, {}},
                   parts.value(0), parts.value(0));
        }
    }
    QHash<QString, InboxAlert> active;
    for (const auto &a : alerts) {
        const auto &fp = a.alert.fingerprint;
        const auto name = a.alert.labels.value(QStringLiteral("alertname"));
        const auto severity = a.alert.labels.value(QStringLiteral("severity"));
        const auto episode = episodeOf(a.alert);
        const auto previous = m_active.find(fp);
        const bool wasActive = previous != m_active.end();
        if (!isActive(a.state)) {
            if (wasActive || a.resolvedAt.isValid())
                insert(profile, AlertEvent{AlertEvent::Kind::Resolved, fp, name, severity, a.resolvedAt.isValid() ? a.resolvedAt : now, {}},
                       episode, episode);
            continue;
        }
        if (wasActive && episodeOf(previous->alert) != episode) // a new episode without a visible gap
            insert(profile, AlertEvent{AlertEvent::Kind::Resolved, fp, name, severity, a.alert.startsAt, {}},
                   episodeOf(previous->alert), episodeOf(previous->alert));
        // Known and unchanged (the usual poll): nothing to write.
        if (!wasActive || episodeOf(previous->alert) != episode)
            insert(profile, AlertEvent{AlertEvent::Kind::Fired, fp, name, severity, a.alert.startsAt.isValid() ? a.alert.startsAt : now, {}},
                   episode, episode);
        if (a.ack && !a.ack->pending) {
            const auto ref = a.ack->silenceId.isEmpty() ? a.ack->ackId : a.ack->silenceId;
            const bool known = wasActive && previous->ack && !previous->ack->pending
                && (previous->ack->silenceId.isEmpty() ? previous->ack->ackId : previous->ack->silenceId) == ref;
            if (!known)
                insert(profile, AlertEvent{AlertEvent::Kind::Acknowledged, fp, name, severity, now, a.ack->author}, episode, ref);
        }
        active.insert(fp, a);
    }
    // Gone from Alertmanager without the inbox showing it resolved.
    for (auto it = m_active.begin(); it != m_active.end(); ++it) {
        if (active.contains(it.key()))
            continue;
        const bool shownResolved = std::any_of(alerts.begin(), alerts.end(), [&](const InboxAlert &a) { return a.alert.fingerprint == it.key(); });
        if (!shownResolved) {
            const auto &a = it.value().alert;
            insert(profile, AlertEvent{AlertEvent::Kind::Resolved, it.key(), a.labels.value(QStringLiteral("alertname")),
                                       a.labels.value(QStringLiteral("severity")), now, {}},
                   episodeOf(a), episodeOf(a));
        }
    }
    m_active = active;
    qint64 purgeBefore = 0;
    if (!m_lastPurge.isValid() || m_lastPurge.secsTo(now) > 3600) {
        m_lastPurge = now;
        purgeBefore = now.addDays(-m_retentionDays).toMSecsSinceEpoch();
    }
    submit(purgeBefore);
}

QList<AlertEvent> AlertHistory::events(const QString &profile, const QDateTime &from, const QDateTime &to) const
{
    waitForWriter();
    QSqlQuery q(m_file.db());
    q.prepare(QStringLiteral("SELECT kind, fingerprint, alertname, severity, at, author FROM events WHERE profile = ? AND "
                             "at >= ? AND at < ? ORDER BY at, rowid"));
    q.addBindValue(profile);
    q.addBindValue(from.toMSecsSinceEpoch());
    q.addBindValue(to.toMSecsSinceEpoch());
    QList<AlertEvent> out;
    if (!q.exec()) {
        logging::get("store")->error("cannot read alert history: {}", q.lastError().text().toStdString());
        return out;
    }
    while (q.next())
        out << AlertEvent{kindFrom(q.value(0).toString()), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                          QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC), q.value(5).toString()};
    return out;
}

QList<AlertQuality> AlertHistory::quality(const QString &profile, const QDateTime &from, const QDateTime &to) const
{
    // Read a little past the window so that episodes starting in it can end after it, and one flap
    // period before it to see the end of the episode before.
    return computeQuality(events(profile, from.addSecs(-kFlapSeconds), to.addDays(1)), from, to);
}

int AlertHistory::purge(const QDateTime &now)
{
    flush();
    m_lastPurge = now;
    QSqlQuery q(m_file.db());
    q.prepare(QStringLiteral("DELETE FROM events WHERE at < ?"));
    q.addBindValue(now.addDays(-m_retentionDays).toMSecsSinceEpoch());
    if (!q.exec())
        return 0;
    return q.numRowsAffected();
}

QList<AlertQuality> AlertHistory::computeQuality(const QList<AlertEvent> &events, const QDateTime &from, const QDateTime &to)
{
    struct Episode
    {
        QDateTime fired;
        QDateTime resolved;
        QDateTime acknowledged;
    };
    // Per fingerprint, its episodes in order.
    QHash<QString, QList<Episode>> byFingerprint;
    QHash<QString, QString> nameOf, severityOf;
    for (const auto &e : events) {
        nameOf.insert(e.fingerprint, e.alertname);
        severityOf.insert(e.fingerprint, e.severity);
        auto &episodes = byFingerprint[e.fingerprint];
        switch (e.kind) {
        case AlertEvent::Kind::Fired:
            episodes.append(Episode{e.at, {}, {}});
            break;
        case AlertEvent::Kind::Acknowledged:
            if (!episodes.isEmpty() && !episodes.last().acknowledged.isValid())
                episodes.last().acknowledged = e.at;
            break;
        case AlertEvent::Kind::Resolved:
            if (!episodes.isEmpty() && !episodes.last().resolved.isValid())
                episodes.last().resolved = e.at;
            break;
        case AlertEvent::Kind::Restored:
        case AlertEvent::Kind::Unacknowledged:
            break; // the episode's acknowledgement time stays its first
        }
    }
    struct Acc
    {
        AlertQuality q;
        QList<qint64> durations, toAck;
        int acked = 0;
    };
    QHash<QString, Acc> byName;
    for (auto it = byFingerprint.begin(); it != byFingerprint.end(); ++it) {
        const auto &episodes = it.value();
        for (qsizetype i = 0; i < episodes.size(); ++i) {
            const auto &ep = episodes.at(i);
            if (ep.fired < from || ep.fired >= to)
                continue;
            auto &acc = byName[nameOf.value(it.key())];
            acc.q.alertname = nameOf.value(it.key());
            if (acc.q.severity.isEmpty() || severityRank(severityOf.value(it.key())) < severityRank(acc.q.severity))
                acc.q.severity = severityOf.value(it.key());
            ++acc.q.fired;
            if (ep.resolved.isValid())
                acc.durations << ep.fired.secsTo(ep.resolved);
            if (ep.acknowledged.isValid()) {
                ++acc.acked;
                acc.toAck << std::max<qint64>(0, ep.fired.secsTo(ep.acknowledged));
            }
            if (i > 0 && episodes.at(i - 1).resolved.isValid() && episodes.at(i - 1).resolved.secsTo(ep.fired) <= kFlapSeconds)
                ++acc.q.flapping;
        }
    }
    QList<AlertQuality> out;
    for (auto &acc : byName) {
        acc.q.medianDurationS = median(acc.durations);
        acc.q.medianTimeToAckS = median(acc.toAck);
        acc.q.acknowledgedShare = acc.q.fired > 0 ? double(acc.acked) / acc.q.fired : 0;
        out << acc.q;
    }
    std::sort(out.begin(), out.end(), [](const AlertQuality &a, const AlertQuality &b) {
        if (severityRank(a.severity) != severityRank(b.severity))
            return severityRank(a.severity) < severityRank(b.severity);
        if (a.fired != b.fired)
            return a.fired > b.fired;
        return a.alertname < b.alertname;
    });
    return out;
}

} // namespace wf
