#include "ackstore.h"

#include "telemetry/logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace wf {
namespace {

QString labelsJson(const Labels &labels)
{
    QJsonObject o;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        o.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Labels labelsFrom(const QString &json)
{
    Labels labels;
    const auto o = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = o.begin(); it != o.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

AckRecord::State stateFrom(const QString &key)
{
    if (key == u"confirmed")
        return AckRecord::State::Confirmed;
    if (key == u"expired")
        return AckRecord::State::Expired;
    if (key == u"failed")
        return AckRecord::State::Failed;
    return AckRecord::State::Pending;
}

QDateTime timeFrom(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QVariant timeTo(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant();
}

} // namespace

QString AckRecord::modeKey(Mode mode)
{
    return mode == Mode::Timed ? QStringLiteral("timed") : QStringLiteral("until-resolved");
}

QString AckRecord::stateKey(State state)
{
    switch (state) {
    case State::Pending: return QStringLiteral("pending");
    case State::Confirmed: return QStringLiteral("confirmed");
    case State::Expired: return QStringLiteral("expired");
    case State::Failed: return QStringLiteral("failed");
    }
    return {};
}

AckStore::AckStore(const QString &dir)
    : m_file(dir, QStringLiteral("acks.sqlite"))
{
}

bool AckStore::open(QString *error)
{
    return m_file.open({QStringLiteral("CREATE TABLE IF NOT EXISTS acks (id TEXT PRIMARY KEY, profile TEXT NOT NULL, fingerprint TEXT, "
                                       "alertname TEXT, labels TEXT, author TEXT, note TEXT, mode TEXT, starts_at INTEGER, ends_at INTEGER, "
                                       "created_at INTEGER, state TEXT, silence_id TEXT, attempts INTEGER, last_error TEXT)")},
                       error);
}

bool AckStore::save(const AckRecord &r)
{
    QSqlQuery q(m_file.db());
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO acks (id, profile, fingerprint, alertname, labels, author, note, mode, starts_at, "
        "ends_at, created_at, state, silence_id, attempts, last_error) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    for (const QVariant &v : {QVariant(r.id), QVariant(r.profile), QVariant(r.fingerprint), QVariant(r.alertname),
                              QVariant(labelsJson(r.labels)), QVariant(r.author), QVariant(r.note),
                              QVariant(AckRecord::modeKey(r.mode)), timeTo(r.startsAt), timeTo(r.endsAt),
                              timeTo(r.createdAt), QVariant(AckRecord::stateKey(r.state)), QVariant(r.silenceId),
                              QVariant(r.attempts), QVariant(r.lastError)})
        q.addBindValue(v);
    if (!q.exec()) {
        logging::get("store")->error("cannot save acknowledgement id={}: {}", r.id.toStdString(),
                                     q.lastError().text().toStdString());
        return false;
    }
    return true;
}

static AckRecord fromRow(const QSqlQuery &q)
{
    AckRecord r;
    r.id = q.value(0).toString();
    r.profile = q.value(1).toString();
    r.fingerprint = q.value(2).toString();
    r.alertname = q.value(3).toString();
    r.labels = labelsFrom(q.value(4).toString());
    r.author = q.value(5).toString();
    r.note = q.value(6).toString();
    r.mode = q.value(7).toString() == u"timed" ? AckRecord::Mode::Timed : AckRecord::Mode::UntilResolved;
    r.startsAt = timeFrom(q.value(8));
    r.endsAt = timeFrom(q.value(9));
    r.createdAt = timeFrom(q.value(10));
    r.state = stateFrom(q.value(11).toString());
    r.silenceId = q.value(12).toString();
    r.attempts = q.value(13).toInt();
    r.lastError = q.value(14).toString();
    return r;
}

static const char *kColumns = "id, profile, fingerprint, alertname, labels, author, note, mode, starts_at, ends_at, "
                              "created_at, state, silence_id, attempts, last_error";

std::optional<AckRecord> AckStore::find(const QString &id) const
{
    QSqlQuery q(m_file.db());
    q.prepare(QStringLiteral("SELECT %1 FROM acks WHERE id = ?").arg(QLatin1String(kColumns)));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return fromRow(q);
    return std::nullopt;
}

QList<AckRecord> AckStore::load(const QString &profile, std::optional<AckRecord::State> state) const
{
    QSqlQuery q(m_file.db());
    q.prepare(QStringLiteral("SELECT %1 FROM acks WHERE profile = ?%2 ORDER BY created_at")
                  .arg(QLatin1String(kColumns), state ? QStringLiteral(" AND state = ?") : QString()));
    q.addBindValue(profile);
    if (state)
        q.addBindValue(AckRecord::stateKey(*state));
    QList<AckRecord> out;
    if (q.exec())
        while (q.next())
            out << fromRow(q);
    return out;
}

int AckStore::purge(const QDateTime &olderThan)
{
    QSqlQuery q(m_file.db());
    q.prepare(QStringLiteral("DELETE FROM acks WHERE state IN ('expired', 'failed') AND created_at < ?"));
    q.addBindValue(olderThan.toMSecsSinceEpoch());
    return q.exec() ? q.numRowsAffected() : 0;
}

} // namespace wf
