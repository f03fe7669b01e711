#include "alertmanagercluster.h"

#include <QPointer>

#include <algorithm>

namespace wf {
namespace {

// One entry per key: the newest version (by updatedAt), with every peer that listed it.
template <typename T>
void mergeListed(QList<T> &into, QHash<QString, qsizetype> &at, const T &item, const QString &key, const QString &peer)
{
    const auto found = at.constFind(key);
    if (found == at.cend()) {
        at.insert(key, into.size());
        into.append(item);
        into.last().peers = {peer};
        return;
    }
    auto &kept = into[*found];
    const auto peers = kept.peers + QStringList{peer};
    if (item.updatedAt > kept.updatedAt)
        kept = item;
    kept.peers = peers;
}

} // namespace

AlertmanagerCluster::AlertmanagerCluster(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

AlertmanagerCluster::~AlertmanagerCluster() = default;

QString AlertmanagerCluster::peerName(const QUrl &url)
{
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
}

void AlertmanagerCluster::setPeers(const Profile &profile, const QList<QUrl> &urls)
{
    m_members.clear();
    m_state.clear();
    for (const auto &url : urls) {
        Member m;
        m.http = std::make_unique<HttpClient>(m_network, Endpoint::Alertmanager);
        auto peerProfile = profile;
        peerProfile.endpoint(Endpoint::Alertmanager).url = url;
        m.http->setProfile(peerProfile);
        m.client = std::make_unique<AlertmanagerClient>(m.http.get());
        m_members.push_back(std::move(m));
        m_state.append(Peer{url, false, {}, {}});
    }
}

void AlertmanagerCluster::snapshot(QObject *context, Callback<Snapshot> done)
{
    if (m_members.empty()) {
        Error e;
        e.kind = Error::Kind::NotConfigured;
        e.message = tr("No Alertmanager is configured in this profile.");
        done(e);
        return;
    }
    struct Answers
    {
        std::vector<std::optional<Result<QList<AmAlert>>>> alerts;
        std::vector<std::optional<Result<QList<Silence>>>> silences;
        int waiting = 0;
    };
    auto answers = std::make_shared<Answers>();
    answers->alerts.resize(m_members.size());
    answers->silences.resize(m_members.size());
    answers->waiting = int(2 * m_members.size());
    QPointer<QObject> guard(context);
    const auto asked = QDateTime::currentDateTimeUtc();
    const auto finish = [this, answers, guard, done, asked] {
        if (--answers->waiting > 0)
            return;
        Snapshot s;
        QHash<QString, qsizetype> alertAt, silenceAt;
        std::optional<Error> firstError;
        for (std::size_t i = 0; i < m_members.size(); ++i) {
            const auto &a = *answers->alerts[i];
            const auto &sil = *answers->silences[i];
            auto &peer = m_state[qsizetype(i)];
            peer.askedAt = asked;
            peer.answered = a.ok() && sil.ok();
            peer.error = peer.answered ? QString() : (a.ok() ? sil.error() : a.error()).message;
            if (!peer.answered) {
                if (!firstError)
                    firstError = a.ok() ? sil.error() : a.error();
                continue;
            }
            const auto name = peerName(peer.url);
            s.answered.append(peer.url);
            for (const auto &alert : a.value())
                mergeListed(s.alerts, alertAt, alert, alert.fingerprint, name);
            for (const auto &silence : sil.value())
                mergeListed(s.silences, silenceAt, silence, silence.id, name);
        }
        if (!guard)
            return;
        if (s.answered.isEmpty()) {
            auto e = *firstError;
            e.message = tr("None of the %n Alertmanager peers answered: %1", nullptr, int(m_members.size())).arg(e.message);
            done(e);
            return;
        }
        done(s);
    };
    for (std::size_t i = 0; i < m_members.size(); ++i) {
        m_members[i].client->alerts({}, this, [answers, i, finish](const Result<QList<AmAlert>> &r) {
            answers->alerts[i] = r;
            finish();
        });
        m_members[i].client->silences({}, this, [answers, i, finish](const Result<QList<Silence>> &r) {
            answers->silences[i] = r;
            finish();
        });
    }
}

ProbeResult AlertmanagerCluster::health() const
{
    ProbeResult r;
    QStringList silent;
    int answered = 0;
    for (const auto &p : m_state) {
        if (p.answered)
            ++answered;
        else if (p.askedAt.isValid())
            silent.append(tr("%1: %2").arg(peerName(p.url), p.error));
        if (p.askedAt > r.checkedAt)
            r.checkedAt = p.askedAt;
    }
    if (!r.checkedAt.isValid())
        return r; // not asked yet: Unknown
    if (answered == size()) {
        r.state = ProbeResult::State::Ready;
        r.message = tr("All %n peers of the cluster answer.", nullptr, size());
    } else {
        r.state = answered > 0 ? ProbeResult::State::Degraded : ProbeResult::State::Down;
        r.message = tr("%1 of %2 peers of the cluster answer. %3").arg(answered).arg(size()).arg(silent.join(QStringLiteral("; ")));
    }
    return r;
}

std::vector<int> AlertmanagerCluster::writeOrder() const
{
    std::vector<int> order(m_members.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    std::stable_partition(order.begin(), order.end(), [this](int i) { return m_state[i].answered; });
    return order;
}

template <typename T>
void AlertmanagerCluster::write(std::shared_ptr<std::vector<int>> order, std::size_t at,
                                std::function<void(AlertmanagerClient *, Callback<T>)> call, QObject *context,
                                Callback<T> done, std::shared_ptr<Error> first)
{
    if (at >= order->size()) {
        auto e = first ? *first : Error{};
        if (!first)
            e.message = tr("No Alertmanager is configured in this profile.");
        else if (order->size() > 1)
            e.message = tr("None of the %n Alertmanager peers took it: %1", nullptr, int(order->size())).arg(e.message);
        done(e);
        return;
    }
    const int peer = (*order)[at];
    QPointer<QObject> guard(context);
    call(m_members[std::size_t(peer)].client.get(), [this, order, at, call, guard, done, first, peer](const Result<T> &r) {
        if (!guard)
            return;
        const bool unreachable = !r.ok()
            && (r.error().kind == Error::Kind::Network || r.error().kind == Error::Kind::Timeout
                || r.error().kind == Error::Kind::Tls || (r.error().kind == Error::Kind::HttpStatus && r.error().httpStatus >= 500));
        if (!unreachable) {
            done(r); // written, or refused for what it is (every peer would say the same)
            return;
        }
        m_state[peer].answered = false;
        m_state[peer].error = r.error().message;
        write<T>(order, at + 1, call, guard.data(), done, first ? first : std::make_shared<Error>(r.error()));
    });
}

void AlertmanagerCluster::createSilence(const Silence &silence, QObject *context, Callback<QString> done)
{
    // A peer that did not answer may still have made the silence (its answer lost on the way, or
    // a timeout after it was written): before the next peer is asked to make it, every peer is
    // asked whether one has it already (same comment — the console's marker — and matchers, not
    // expired), so that one acknowledgement stays one silence.
    auto attempts = std::make_shared<int>(0);
    write<QString>(std::make_shared<std::vector<int>>(writeOrder()), 0,
                   [this, silence, attempts](AlertmanagerClient *client, Callback<QString> cb) {
                       if ((*attempts)++ == 0 || !silence.id.isEmpty()) {
                           client->createSilence(silence, this, cb);
                           return;
                       }
                       findSilence(silence, [this, client, silence, cb](const QString &id) {
                           if (!id.isEmpty())
                               cb(id);
                           else
                               client->createSilence(silence, this, cb);
                       });
                   },
                   context, std::move(done), nullptr);
}

void AlertmanagerCluster::findSilence(const Silence &silence, std::function<void(const QString &id)> done)
{
    struct Search
    {
        int waiting = 0;
        QString found;
    };
    auto search = std::make_shared<Search>();
    search->waiting = int(m_members.size());
    if (search->waiting == 0) {
        done({});
        return;
    }
    for (auto &member : m_members) {
        member.client->silences({}, this, [search, silence, done](const Result<QList<Silence>> &listed) {
            if (listed && search->found.isEmpty())
                for (const auto &s : listed.value())
                    if (s.state != u"expired" && s.comment == silence.comment && s.matchers == silence.matchers)
                        search->found = s.id;
            if (--search->waiting == 0)
                done(search->found);
        });
    }
}

void AlertmanagerCluster::expireSilence(const QString &id, QObject *context, Callback<Done> done)
{
    write<Done>(std::make_shared<std::vector<int>>(writeOrder()), 0,
                [this, id](AlertmanagerClient *client, Callback<Done> cb) { client->expireSilence(id, this, cb); },
                context, std::move(done), nullptr);
}

} // namespace wf
