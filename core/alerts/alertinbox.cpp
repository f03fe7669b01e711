#include "alertinbox.h"

#include "sources/alertmanager/alertmanagercluster.h"

#include "telemetry/logging.h"

#include <QDir>
#include <QRegularExpression>
#include <QTimer>
#include <QUuid>

#include <algorithm>

#include <memory>

namespace wf {
namespace {

// "ACK: <note> [watchfloor ack until-resolved id=<uuid>]"
const QRegularExpression &markerPattern()
{
    static const QRegularExpression re(
        QStringLiteral(R"re(^ACK: (.*) \[watchfloor ack (timed|until-resolved) id=([0-9a-f-]{36})\]$)re"),
        QRegularExpression::DotMatchesEverythingOption);
    return re;
}

} // namespace

AlertInbox::AlertInbox(AlertmanagerClient *client, AckStore *store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_poll(new QTimer(this))
{
    m_poll->setInterval(5000);
    connect(m_poll, &QTimer::timeout, this, &AlertInbox::refresh);
}

QString AlertInbox::silenceComment(const AckRecord &r)
{
    return QStringLiteral("ACK: %1 [watchfloor ack %2 id=%3]").arg(r.note, AckRecord::modeKey(r.mode), r.id);
}

QString AlertInbox::defaultAuthor()
{
    auto user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return user.isEmpty() ? QDir::home().dirName() : user;
}

std::optional<AlertInbox::Marker> AlertInbox::parseComment(const QString &comment)
{
    const auto m = markerPattern().match(comment);
    if (!m.hasMatch())
        return std::nullopt;
    return Marker{m.captured(2) == u"timed" ? AckRecord::Mode::Timed : AckRecord::Mode::UntilResolved, m.captured(3),
                  m.captured(1)};
}

QList<Matcher> AlertInbox::matchersFor(const Labels &labels)
{
    QList<Matcher> out;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        out << Matcher{it.key(), it.value(), false, true};
    return out;
}

bool AlertInbox::matches(const QList<Matcher> &matchers, const Labels &labels)
{
    for (const auto &m : matchers) {
        const auto value = labels.value(m.name);
        bool hit = m.isRegex ? QRegularExpression(QRegularExpression::anchoredPattern(m.value)).match(value).hasMatch()
                             : value == m.value;
        if (hit != m.isEqual)
            return false;
    }
    return true;
}

void AlertInbox::setProfileName(const QString &profile)
{
    for (auto *t : std::as_const(m_retryTimers))
        t->deleteLater();
    m_retryTimers.clear();
    m_sending.clear();
    m_acks.clear();
    m_resolved.clear();
    m_current.clear();
    m_silences.clear();
    m_confirmed.clear();
    m_confirmedAt.clear();
    m_restored.clear();
    m_profile = profile;
    for (const auto &r : m_store->load(profile, AckRecord::State::Pending))
        m_acks.insert(r.id, r);
    const auto now = QDateTime::currentDateTimeUtc();
    for (const auto &r : m_store->load(profile, AckRecord::State::Confirmed))
        if (r.endsAt > now)
            m_confirmed.insert(r.id, r);
    rebuild();
    for (const auto &id : m_acks.keys())
        send(id);
}

void AlertInbox::setPollIntervalMs(int ms)
{
    m_poll->setInterval(std::max(500, ms));
}

void AlertInbox::start()
{
    m_poll->start();
    refresh();
}

void AlertInbox::stop()
{
    m_poll->stop();
}

std::optional<InboxAlert> AlertInbox::alert(const QString &fingerprint) const
{
    for (const auto &a : m_alerts)
        if (a.alert.fingerprint == fingerprint)
            return a;
    return std::nullopt;
}

QList<AckRecord> AlertInbox::pendingAcks() const
{
    QList<AckRecord> out;
    for (const auto &r : m_acks)
        if (r.state == AckRecord::State::Pending)
            out << r;
    return out;
}

void AlertInbox::refresh()
{
    if (m_refreshing) {
        // The last poll is still waiting: past kRequestOverdueMs the inbox says so, its list kept.
        if (const auto waited = m_refreshStarted.elapsed(); waited >= kRequestOverdueMs) {
            const auto overdue = tr("Alertmanager has not answered for %n s.", nullptr, int(waited / 1000));
            if (overdue != m_lastError) {
                m_lastError = overdue;
                emit updated();
            }
        }
        return;
    }
    m_refreshing = true;
    m_refreshStarted.start();
    // Alerts and silences from one moment, so that each acknowledgement meets its alert.
    auto alerts = std::make_shared<std::optional<Result<QList<AmAlert>>>>();
    auto silences = std::make_shared<std::optional<Result<QList<Silence>>>>();
    const auto askedAt = QDateTime::currentDateTimeUtc();
    const auto both = [this, alerts, silences, askedAt] {
        if (!alerts->has_value() || !silences->has_value())
            return;
        m_refreshing = false;
        const auto &a = **alerts;
        const auto &s = **silences;
        if (!a || !s) {
            m_lastError = (!a ? a.error() : s.error()).message;
            emit refreshFailed(m_lastError);
            emit updated(); // the last good list stays; the error is shown beside it
            return;
        }
        m_lastError.clear();
        m_lastRefresh = QDateTime::currentDateTimeUtc();
        onSnapshot(a.value(), s.value(), askedAt);
    };
    askAlertsAndSilences([alerts, silences, both](const Result<QList<AmAlert>> &a, const Result<QList<Silence>> &s) {
        *alerts = a;
        *silences = s;
        both();
    });
}

void AlertInbox::setCluster(AlertmanagerCluster *cluster)
{
    m_cluster = cluster;
}

void AlertInbox::askAlertsAndSilences(std::function<void(const Result<QList<AmAlert>> &, const Result<QList<Silence>> &)> done)
{
    if (m_cluster) {
        m_cluster->snapshot(this, [done](const Result<AlertmanagerCluster::Snapshot> &r) {
            if (r)
                done(r->alerts, r->silences);
            else
                done(r.error(), r.error());
        });
        return;
    }
    auto alerts = std::make_shared<std::optional<Result<QList<AmAlert>>>>();
    auto silences = std::make_shared<std::optional<Result<QList<Silence>>>>();
    const auto both = [alerts, silences, done] {
        if (alerts->has_value() && silences->has_value())
            done(**alerts, **silences);
    };
    m_client->alerts({}, this, [alerts, both](const Result<QList<AmAlert>> &r) {
        *alerts = r;
        both();
    });
    m_client->silences({}, this, [silences, both](const Result<QList<Silence>> &r) {
        *silences = r;
        both();
    });
}

void AlertInbox::askSilences(std::function<void(const Result<QList<Silence>> &)> done)
{
    if (m_cluster) {
        m_cluster->snapshot(this, [done](const Result<AlertmanagerCluster::Snapshot> &r) {
            if (r)
                done(r->silences);
            else
                done(r.error());
        });
        return;
    }
    m_client->silences({}, this, std::move(done));
}

void AlertInbox::writeSilence(const Silence &silence, QObject *context, AlertmanagerClient::Callback<QString> done)
{
    if (m_cluster)
        m_cluster->createSilence(silence, context, std::move(done));
    else
        m_client->createSilence(silence, context, std::move(done));
}

void AlertInbox::writeExpiry(const QString &id, QObject *context, AlertmanagerClient::Callback<Done> done)
{
    if (m_cluster)
        m_cluster->expireSilence(id, context, std::move(done));
    else
        m_client->expireSilence(id, context, std::move(done));
}

QString AlertInbox::acknowledge(const AmAlert &alert, AckRecord::Mode mode, int seconds, const QString &note,
                                const QString &author)
{
    AckRecord r;
    r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.profile = m_profile;
    r.fingerprint = alert.fingerprint;
    r.alertname = alert.labels.value(QStringLiteral("alertname"));
    r.labels = alert.labels;
    r.author = author;
    r.note = note;
    r.mode = mode;
    r.createdAt = QDateTime::currentDateTimeUtc();
    r.startsAt = r.createdAt;
    r.endsAt = r.createdAt.addSecs(seconds);
    // Stored before anything is sent: from here on, a crash or a dead Alertmanager loses nothing.
    m_store->save(r);
    m_acks.insert(r.id, r);
    logging::get("alerts")->info("acknowledge alert={} fingerprint={} mode={} ack={}", r.alertname.toStdString(),
                                 r.fingerprint.toStdString(), AckRecord::modeKey(mode).toStdString(), r.id.toStdString());
    rebuild();
    emit ackChanged(r.fingerprint);
    send(r.id);
    return r.id;
}

void AlertInbox::send(const QString &ackId)
{
    if (m_sending.contains(ackId) || !m_acks.contains(ackId))
        return;
    if (m_acks[ackId].endsAt <= QDateTime::currentDateTimeUtc()) {
        auto &r = m_acks[ackId];
        r.state = AckRecord::State::Failed;
        r.lastError = tr("Alertmanager did not confirm the acknowledgement before it would have ended.");
        m_store->save(r);
        const auto fingerprint = r.fingerprint;
        m_acks.remove(ackId);
        rebuild();
        emit ackChanged(fingerprint);
        return;
    }
    m_sending.insert(ackId);
    ++m_acks[ackId].attempts;
    // Exactly once: an earlier attempt may have created the silence although its answer was lost.
    askSilences([this, ackId](const Result<QList<Silence>> &existing) {
        if (!m_acks.contains(ackId)) {
            m_sending.remove(ackId);
            return;
        }
        if (!existing) {
            sendFailed(ackId, existing.error().message);
            return;
        }
        for (const auto &s : existing.value()) {
            const auto marker = parseComment(s.comment);
            if (marker && marker->ackId == ackId && s.state != u"expired") {
                confirmed(ackId, s.id);
                return;
            }
        }
        const auto &r = m_acks[ackId];
        Silence s;
        s.matchers = matchersFor(r.labels);
        s.startsAt = r.startsAt;
        s.endsAt = r.endsAt;
        s.createdBy = r.author;
        s.comment = silenceComment(r);
        writeSilence(s, this, [this, ackId](const Result<QString> &id) {
            if (!id)
                sendFailed(ackId, id.error().message);
            else
                confirmed(ackId, id.value());
        });
    });
}

void AlertInbox::sendFailed(const QString &ackId, const QString &message)
{
    m_sending.remove(ackId);
    if (!m_acks.contains(ackId))
        return;
    auto &r = m_acks[ackId];
    r.lastError = message;
    m_store->save(r);
    const int delay = int(std::min<qint64>(qint64(m_retryBaseMs) << std::min(r.attempts - 1, 10), kMaxRetryMs));
    logging::get("alerts")->warn("acknowledgement ack={} attempt={} failed, retry in {} ms: {}", ackId.toStdString(),
                                 r.attempts, delay, message.toStdString());
    auto *timer = m_retryTimers.value(ackId);
    if (!timer) {
        timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, ackId] { send(ackId); });
        m_retryTimers.insert(ackId, timer);
    }
    timer->start(delay);
    rebuild();
    emit ackChanged(r.fingerprint);
}

void AlertInbox::confirmed(const QString &ackId, const QString &silenceId)
{
    m_sending.remove(ackId);
    if (auto *t = m_retryTimers.take(ackId))
        t->deleteLater();
    if (!m_acks.contains(ackId))
        return;
    auto r = m_acks.take(ackId);
    r.silenceId = silenceId;
    r.lastError.clear();
    if (r.state == AckRecord::State::Expired) {
        // Un-acknowledged while the request was on its way: take the silence back.
        expireSilence(silenceId, QStringLiteral("un-acknowledged while pending"));
    } else {
        r.state = AckRecord::State::Confirmed;
        logging::get("alerts")->info("acknowledgement confirmed ack={} silence={} attempts={}", ackId.toStdString(),
                                     silenceId.toStdString(), r.attempts);
        m_confirmed.insert(r.id, r);
        m_confirmedAt.insert(r.id, QDateTime::currentDateTimeUtc());
    }
    m_store->save(r);
    // Show it at once: the silence as we asked for it, until the next poll brings the real one.
    Silence s;
    s.id = silenceId;
    s.state = QStringLiteral("active");
    s.matchers = matchersFor(r.labels);
    s.startsAt = r.startsAt;
    s.endsAt = r.endsAt;
    s.createdBy = r.author;
    s.comment = silenceComment(r);
    if (r.state == AckRecord::State::Confirmed)
        m_silences << s;
    rebuild();
    emit ackChanged(r.fingerprint);
    refresh();
}

void AlertInbox::unacknowledge(const QString &fingerprint)
{
    // Pending ones of this console: never sent, or taken back when Alertmanager confirms them.
    for (auto it = m_acks.begin(); it != m_acks.end(); ++it) {
        if (it->fingerprint != fingerprint)
            continue;
        it->state = AckRecord::State::Expired;
        m_store->save(*it);
        if (!m_sending.contains(it.key())) {
            if (auto *t = m_retryTimers.take(it.key()))
                t->deleteLater();
        }
    }
    m_acks.removeIf([this](const auto &it) { return it.value().state == AckRecord::State::Expired && !m_sending.contains(it.key()); });
    // Confirmed ones, from any console: the silences silencing this alert that carry our marker.
    const auto current = alert(fingerprint);
    if (current) {
        for (const auto &s : std::as_const(m_silences)) {
            if (s.state != u"expired" && parseComment(s.comment) && current->alert.silencedBy.contains(s.id))
                expireSilence(s.id, QStringLiteral("un-acknowledged"));
            else if (s.state != u"expired" && parseComment(s.comment) && matches(s.matchers, current->alert.labels))
                expireSilence(s.id, QStringLiteral("un-acknowledged"));
        }
    }
    rebuild();
    emit ackChanged(fingerprint);
}

void AlertInbox::saveSilence(const Silence &silence, QObject *context, AlertmanagerClient::Callback<QString> done)
{
    logging::get("alerts")->info("save silence id={} by={}", silence.id.toStdString(), silence.createdBy.toStdString());
    writeSilence(silence, context, [this, done = std::move(done)](const Result<QString> &r) {
        if (!r)
            logging::get("alerts")->warn("cannot save silence: {}", r.error().message.toStdString());
        done(r);
        refresh();
    });
}

void AlertInbox::expireSilence(const QString &silenceId, QObject *context, AlertmanagerClient::Callback<Done> done)
{
    writeExpiry(silenceId, context, [this, silenceId, done = std::move(done)](const Result<Done> &r) {
        if (r)
            logging::get("alerts")->info("expired silence={} by hand", silenceId.toStdString());
        else
            logging::get("alerts")->warn("cannot expire silence={}: {}", silenceId.toStdString(), r.error().message.toStdString());
        done(r);
        refresh();
    });
}

void AlertInbox::expireSilence(const QString &silenceId, const QString &why)
{
    if (m_expiring.contains(silenceId))
        return;
    m_expiring.insert(silenceId);
    logging::get("alerts")->info("expire silence={} ({})", silenceId.toStdString(), why.toStdString());
    for (auto &s : m_silences)
        if (s.id == silenceId)
            s.state = QStringLiteral("expired");
    writeExpiry(silenceId, this, [this, silenceId](const Result<Done> &r) {
        m_expiring.remove(silenceId);
        if (!r)
            logging::get("alerts")->warn("cannot expire silence={}: {}", silenceId.toStdString(), r.error().message.toStdString());
        for (auto &record : m_store->load(m_profile, AckRecord::State::Confirmed)) {
            if (record.silenceId == silenceId && r) {
                record.state = AckRecord::State::Expired;
                m_store->save(record);
                m_confirmed.remove(record.id);
            }
        }
        refresh();
    });
}

void AlertInbox::onSnapshot(const QList<AmAlert> &alerts, const QList<Silence> &silences, const QDateTime &askedAt)
{
    const auto now = QDateTime::currentDateTimeUtc();
    // Alerts gone since the last poll resolved: keep them, greyed, for a while.
    QSet<QString> present;
    for (const auto &a : alerts)
        present.insert(a.fingerprint);
    for (const auto &previous : std::as_const(m_alerts)) {
        if (previous.state == InboxAlert::State::Resolved || present.contains(previous.alert.fingerprint))
            continue;
        InboxAlert gone = previous;
        gone.state = InboxAlert::State::Resolved;
        gone.resolvedAt = now;
        m_resolved.insert(previous.alert.fingerprint, gone);
    }
    for (const auto &fp : present)
        m_resolved.remove(fp); // fired again
    m_resolved.removeIf([&](const auto &it) { return it.value().resolvedAt.secsTo(now) > kResolvedKeepSeconds; });

    m_current = alerts;
    m_silences = silences;
    // A cluster: which alerts some answering peer lacks, and for how many polls running.
    m_answering.clear();
    if (m_cluster)
        for (const auto &p : m_cluster->peers())
            if (p.answered)
                m_answering.append(AlertmanagerCluster::peerName(p.url));
    QHash<QString, int> partial;
    for (const auto &a : alerts)
        if (m_cluster && a.peers.size() < m_answering.size())
            partial.insert(a.fingerprint, m_partialPolls.value(a.fingerprint) + 1);
    m_partialPolls = partial;

    // Pending acknowledgements whose silence exists already (created by an attempt whose answer
    // was lost, or before a restart): adopt it.
    for (const auto &s : silences) {
        const auto marker = parseComment(s.comment);
        if (marker && m_acks.contains(marker->ackId) && s.state != u"expired" && !m_sending.contains(marker->ackId))
            confirmed(marker->ackId, s.id);
    }
    // Twins: an acknowledgement's request sent twice (Qt sends a POST again by itself when the
    // connection is cut before any answer; a cluster peer that made it but whose answer was lost)
    // makes two silences with one marker. The one on record stays; the others are expired.
    for (const auto &s : silences) {
        const auto marker = parseComment(s.comment);
        if (!marker || s.state == u"expired" || m_expiring.contains(s.id))
            continue;
        const auto confirmedAck = m_confirmed.constFind(marker->ackId);
        if (confirmedAck == m_confirmed.cend() || confirmedAck->silenceId.isEmpty() || confirmedAck->silenceId == s.id)
            continue;
        const bool kept = std::any_of(silences.begin(), silences.end(), [&](const Silence &o) {
            return o.id == confirmedAck->silenceId && o.state != u"expired";
        });
        if (kept)
            expireSilence(s.id, QStringLiteral("a twin of silence %1 (the same acknowledgement)").arg(confirmedAck->silenceId));
    }
    // "Until resolved": a silence whose alert is gone is expired, so that a re-fire alerts again.
    for (const auto &s : silences) {
        const auto marker = parseComment(s.comment);
        if (!marker || marker->mode != AckRecord::Mode::UntilResolved || s.state != u"active")
            continue;
        const bool stillFiring = std::any_of(alerts.begin(), alerts.end(), [&](const AmAlert &a) { return matches(s.matchers, a.labels); });
        if (!stillFiring)
            expireSilence(s.id, QStringLiteral("its alert resolved"));
    }
    reassert(alerts, silences, askedAt);
    rebuild();
}

void AlertInbox::reassert(const QList<AmAlert> &alerts, const QList<Silence> &silences, const QDateTime &askedAt)
{
    // Alertmanager keeps silences in memory and writes them to disk every 15 minutes: killed in
    // between, it comes back without the newest. Each poll checks that every acknowledgement still
    // in force has its silence, found by the id marker in its comment.
    const auto now = QDateTime::currentDateTimeUtc();
    for (auto it = m_confirmed.begin(); it != m_confirmed.end();) {
        auto &r = it.value();
        if (r.endsAt <= now) {
            it = m_confirmed.erase(it); // over: nothing left to watch
            continue;
        }
        const bool firing = std::any_of(alerts.begin(), alerts.end(), [&](const AmAlert &a) { return a.fingerprint == r.fingerprint; });
        const bool inForce = r.mode == AckRecord::Mode::Timed || firing;
        // A snapshot asked before the confirmation cannot show the silence yet.
        if (!inForce || m_confirmedAt.value(r.id) >= askedAt) {
            ++it;
            continue;
        }
        // Its silence: the one in force when there are twins (an expired twin says nothing).
        const auto ours = [&](const Silence &s) {
            const auto marker = parseComment(s.comment);
            return marker && marker->ackId == r.id;
        };
        auto own = std::find_if(silences.begin(), silences.end(), [&](const Silence &s) { return ours(s) && s.state != u"expired"; });
        if (own == silences.end())
            own = std::find_if(silences.begin(), silences.end(), ours);
        if (own != silences.end() && own->state != u"expired") {
            ++it;
            continue;
        }
        if (own != silences.end()) {
            if (m_expiring.contains(own->id)) { // this console is taking it back
                ++it;
                continue;
            }
            // Expired before its time by someone else: their un-acknowledgement stands.
            logging::get("alerts")->info("acknowledgement ack={} un-acknowledged by another client (silence={})",
                                         r.id.toStdString(), own->id.toStdString());
            r.state = AckRecord::State::Expired;
            m_store->save(r);
            const auto record = r;
            it = m_confirmed.erase(it);
            emit ackWithdrawn(record);
            continue;
        }
        // Gone entirely: Alertmanager lost it. The same acknowledgement is sent again (exactly
        // once: send() looks for its marker first), and shown as restored.
        logging::get("alerts")->warn("acknowledgement ack={} lost by Alertmanager (silence={}): restoring it",
                                     r.id.toStdString(), r.silenceId.toStdString());
        r.state = AckRecord::State::Pending;
        r.attempts = 0;
        r.lastError = tr("Alertmanager lost this acknowledgement's silence; making it again.");
        m_store->save(r);
        const auto record = r;
        it = m_confirmed.erase(it);
        m_acks.insert(record.id, record);
        m_restored.insert(record.id);
        emit ackRestored(record);
        emit ackChanged(record.fingerprint);
        send(record.id);
    }
}

void AlertInbox::rebuild()
{
    m_alerts.clear();
    for (const auto &a : std::as_const(m_current)) {
        InboxAlert item;
        item.alert = a;
        if (m_partialPolls.value(a.fingerprint) >= 2)
            for (const auto &peer : std::as_const(m_answering))
                if (!a.peers.contains(peer))
                    item.missingOn.append(peer);
        // An acknowledgement: a silence of ours among those silencing it (any console's).
        for (const auto &s : std::as_const(m_silences)) {
            if (s.state == u"expired" || !(a.silencedBy.contains(s.id) || (s.state == u"active" && matches(s.matchers, a.labels))))
                continue;
            if (const auto marker = parseComment(s.comment)) {
                item.ack = AckInfo{s.id, marker->ackId, s.createdBy, marker->note, marker->mode, s.endsAt, false, {},
                                   m_restored.contains(marker->ackId), {}, 0};
                if (m_cluster) {
                    item.ack->peers = s.peers;
                    item.ack->peersAnswering = int(std::count_if(m_cluster->peers().cbegin(), m_cluster->peers().cend(),
                                                                 [](const auto &p) { return p.answered; }));
                }
                break;
            }
        }
        if (!item.ack) {
            for (const auto &r : std::as_const(m_acks)) {
                if (r.fingerprint == a.fingerprint && r.state == AckRecord::State::Pending) {
                    item.ack = AckInfo{{}, r.id, r.author, r.note, r.mode, r.endsAt, true, r.lastError, m_restored.contains(r.id), {}, 0};
                    break;
                }
            }
        }
        if (item.ack)
            item.state = item.ack->pending ? InboxAlert::State::AckPending : InboxAlert::State::Acknowledged;
        else if (!a.silencedBy.isEmpty())
            item.state = InboxAlert::State::Silenced;
        else if (!a.inhibitedBy.isEmpty())
            item.state = InboxAlert::State::Inhibited;
        else
            item.state = InboxAlert::State::Firing;
        m_alerts << item;
    }
    for (const auto &r : std::as_const(m_resolved))
        m_alerts << r;
    emit updated();
}

} // namespace wf
