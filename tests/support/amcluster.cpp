#include "amcluster.h"

#include "monitoringstack.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>

namespace {

QByteArray fetch(const QUrl &url, int timeoutMs, bool *ok)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    auto *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    *ok = reply->error() == QNetworkReply::NoError;
    const auto body = reply->readAll();
    reply->deleteLater();
    return body;
}

} // namespace

AlertmanagerPeers::AlertmanagerPeers() = default;

AlertmanagerPeers::~AlertmanagerPeers()
{
    for (auto &p : m_peers)
        if (p.process && p.process->state() != QProcess::NotRunning) {
            p.process->terminate();
            if (!p.process->waitForFinished(5000)) {
                p.process->kill();
                p.process->waitForFinished(2000);
            }
        }
}

bool AlertmanagerPeers::start(int peers)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    QFile config(m_dir.filePath(QStringLiteral("am.yml")));
    if (!config.open(QIODevice::WriteOnly)
        || config.write("route:\n  receiver: \"null\"\n  group_wait: 1s\n  group_interval: 1s\n  repeat_interval: 1h\n"
                        "receivers:\n  - name: \"null\"\n") < 0) {
        m_error = QStringLiteral("cannot write am.yml");
        return false;
    }
    config.close();
    m_peers.resize(std::size_t(peers));
    for (auto &p : m_peers) {
        p.web = MonitoringStack::freePort();
        p.gossip = MonitoringStack::freePort();
    }
    for (int i = 0; i < peers; ++i)
        if (!launch(i))
            return false;
    return waitForCluster(peers);
}

bool AlertmanagerPeers::launch(int peer)
{
    const auto program = QStandardPaths::findExecutable(QStringLiteral("prometheus-alertmanager"));
    if (program.isEmpty()) {
        m_error = QStringLiteral("prometheus-alertmanager is not installed (run scripts/setup-deps)");
        return false;
    }
    auto &p = m_peers[std::size_t(peer)];
    QStringList args{QStringLiteral("--config.file=") + m_dir.filePath(QStringLiteral("am.yml")),
                     QStringLiteral("--storage.path=") + m_dir.filePath(QStringLiteral("am%1").arg(peer)),
                     QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(p.web),
                     QStringLiteral("--cluster.listen-address=127.0.0.1:%1").arg(p.gossip)};
    for (const auto &other : m_peers)
        args << QStringLiteral("--cluster.peer=127.0.0.1:%1").arg(other.gossip);
    p.process = std::make_unique<QProcess>();
    p.process->setProgram(program);
    p.process->setArguments(args);
    p.process->setProcessChannelMode(QProcess::MergedChannels);
    p.process->setStandardOutputFile(m_dir.filePath(QStringLiteral("am%1.log").arg(peer)), QIODevice::Append);
    p.process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    p.process->start();
    if (!p.process->waitForStarted(5000)) {
        m_error = QStringLiteral("Alertmanager peer %1 did not start: %2").arg(peer).arg(p.process->errorString());
        return false;
    }
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 30'000) {
        bool ok = false;
        fetch(url(peer).resolved(QUrl(QStringLiteral("/-/ready"))), 2000, &ok);
        if (ok)
            return true;
        QThread::msleep(100);
    }
    m_error = QStringLiteral("Alertmanager peer %1 was not ready within 30 s").arg(peer);
    return false;
}

bool AlertmanagerPeers::waitForCluster(int expected, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        bool all = true;
        for (int i = 0; i < size() && all; ++i) {
            if (!isRunning(i))
                continue;
            bool ok = false;
            const auto status = QJsonDocument::fromJson(fetch(url(i).resolved(QUrl(QStringLiteral("/api/v2/status"))), 2000, &ok)).object();
            const auto cluster = status.value(QStringLiteral("cluster")).toObject();
            all = ok && cluster.value(QStringLiteral("peers")).toArray().size() == expected
                && cluster.value(QStringLiteral("status")).toString() == u"ready";
        }
        if (all)
            return true;
        QThread::msleep(250);
    }
    m_error = QStringLiteral("the Alertmanager cluster did not settle with %1 peers within %2 s").arg(expected).arg(timeoutMs / 1000);
    return false;
}

QUrl AlertmanagerPeers::url(int peer) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_peers.at(std::size_t(peer)).web));
}

QList<QUrl> AlertmanagerPeers::urls() const
{
    QList<QUrl> all;
    for (int i = 0; i < size(); ++i)
        all.append(url(i));
    return all;
}

bool AlertmanagerPeers::isRunning(int peer) const
{
    const auto &p = m_peers.at(std::size_t(peer)).process;
    return p && p->state() != QProcess::NotRunning;
}

void AlertmanagerPeers::kill(int peer)
{
    auto &p = m_peers.at(std::size_t(peer)).process;
    if (!p || p->state() == QProcess::NotRunning)
        return;
    p->kill();
    p->waitForFinished(5000);
}

bool AlertmanagerPeers::restart(int peer)
{
    kill(peer);
    return launch(peer);
}

bool AlertmanagerPeers::postAlerts(const QJsonArray &alerts)
{
    for (int i = 0; i < size(); ++i)
        if (isRunning(i) && !postAlertsTo(i, alerts))
            return false;
    return true;
}

bool AlertmanagerPeers::postAlertsTo(int i, const QJsonArray &alerts)
{
    return MonitoringStack::postAlertsTo(url(i), alerts, &m_error);
}

QStringList AlertmanagerPeers::silenceIds(int peer) const
{
    bool ok = false;
    const auto body = fetch(url(peer).resolved(QUrl(QStringLiteral("/api/v2/silences"))), 3000, &ok);
    QStringList ids;
    if (!ok)
        return ids;
    for (const auto &s : QJsonDocument::fromJson(body).array())
        ids.append(s.toObject().value(QStringLiteral("id")).toString());
    return ids;
}
