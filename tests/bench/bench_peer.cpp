// Opt-in benchmark against a peer (ctest --preset bench): Nagstamon (Debian package `nagstamon`,
// a Qt desktop alert monitor with an Alertmanager backend, at its default 60 s interval) and
// Watchfloor (the real executable, at its default 5 s) watch the same real Alertmanager, each
// through its own recording proxy. Alerts are posted; for each console the bench prints the
// seconds from Alertmanager having an alert to the console receiving an answer that contains it
// (drawing it takes milliseconds more: see bench_alerts), and each process's resident memory.
// Targets from the issue: visible within 3 s of Alertmanager having it; less memory than Nagstamon.
// Without nagstamon installed the bench fails and says how to install it.

#include "monitoringstack.h"
#include "procstats.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>

#include <functional>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <cstdio>

namespace {

// Forwards each HTTP request to Alertmanager and notes when an answer carried a given text.
class RecordingProxy : public QObject
{
public:
    explicit RecordingProxy(const QUrl &upstream)
        : m_upstream(upstream)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (auto *socket = m_server.nextPendingConnection())
                serve(socket);
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    int alertRequests() const { return m_alertRequests; }
    // Milliseconds on clock when an answer first contained text; -1 while none has.
    qint64 firstSeen(const QByteArray &text) const { return m_seen.value(text, -1); }
    void watch(const QByteArray &text) { m_watch << text; }
    const QElapsedTimer *clock = nullptr;

private:
    void serve(QTcpSocket *socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            const auto end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const auto head = buffer->left(end);
            qsizetype length = 0;
            for (const auto &line : head.split('\n'))
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            if (buffer->size() < end + 4 + length)
                return;
            const auto requestLine = head.left(head.indexOf('\r')).split(' ');
            const auto method = requestLine.value(0);
            const auto target = QString::fromLatin1(requestLine.value(1));
            const auto body = buffer->mid(end + 4, length);
            buffer->clear();
            QNetworkRequest request(m_upstream.resolved(QUrl(target)));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            auto *reply = m_network.sendCustomRequest(request, method, body);
            if (target.startsWith(QStringLiteral("/api/v2/alerts")) && method == "GET")
                ++m_alertRequests;
            connect(reply, &QNetworkReply::finished, this, [this, reply, socket] {
                reply->deleteLater();
                const auto answer = reply->readAll();
                for (const auto &text : std::as_const(m_watch))
                    if (!m_seen.contains(text) && answer.contains(text))
                        m_seen.insert(text, clock->elapsed());
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (socket->state() != QAbstractSocket::ConnectedState)
                    return;
                socket->write("HTTP/1.1 " + QByteArray::number(status ? status : 502) + " OK\r\nContent-Type: application/json\r\n"
                              "Content-Length: " + QByteArray::number(answer.size()) + "\r\nConnection: close\r\n\r\n" + answer);
                socket->disconnectFromHost();
            });
        });
    }

    QUrl m_upstream;
    QTcpServer m_server;
    QNetworkAccessManager m_network;
    QList<QByteArray> m_watch;
    QHash<QByteArray, qint64> m_seen;
    int m_alertRequests = 0;
};

} // namespace

class BenchPeer : public QObject
{
    Q_OBJECT
private slots:
    void nagstamonAndWatchfloor();
};

void BenchPeer::nagstamonAndWatchfloor()
{
    const auto nagstamon = QStandardPaths::findExecutable(QStringLiteral("nagstamon"));
    const auto xvfbRun = QStandardPaths::findExecutable(QStringLiteral("xvfb-run"));
    // Nagstamon needs an X display (it asks the window manager where to sit): it runs under Xvfb.
    QVERIFY2(!nagstamon.isEmpty() && !xvfbRun.isEmpty(), "needs nagstamon and xvfb-run: apt-get install nagstamon xvfb");
    MonitoringStack stack;
    QVERIFY2(stack.start(), qPrintable(stack.errorString()));
    QElapsedTimer clock;
    clock.start();
    RecordingProxy toNagstamon(stack.alertmanagerUrl()), toWatchfloor(stack.alertmanagerUrl());
    toNagstamon.clock = toWatchfloor.clock = &clock;
    QVERIFY(toNagstamon.listen() && toWatchfloor.listen());

    // Nagstamon with one Alertmanager server and its defaults otherwise (60 s interval).
    QTemporaryDir home;
    const auto configDir = home.path() + QStringLiteral("/nagstamon");
    QDir().mkpath(configDir + QStringLiteral("/servers"));
    {
        QFile conf(configDir + QStringLiteral("/nagstamon.conf"));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        // Sounds off, every one: without a sound server Nagstamon's GStreamer sink crashes it.
        conf.write("[Nagstamon]\ncheck_for_new_version = False\nuse_system_keyring = False\nnotification_sound = False\n"
                   "notification_default_sound = False\nnotification_sound_repeat = False\nnotification_custom_sound = False\n");
        QFile server(configDir + QStringLiteral("/servers/server_bench.conf"));
        QVERIFY(server.open(QIODevice::WriteOnly));
        server.write(QStringLiteral("[server_bench]\nname = bench\nenabled = True\ntype = Alertmanager\nmonitor_url = %1\n"
                                    "monitor_cgi_url = %1\n")
                         .arg(toNagstamon.url().toString(QUrl::StripTrailingSlash))
                         .toUtf8());
    }
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path() + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_STATE_HOME"), home.path() + QStringLiteral("/state"));
    QProcess peer, ours;
    for (auto *p : {&peer, &ours})
        p->setProcessEnvironment(env);
    ours.setStandardOutputFile(QProcess::nullDevice());
    peer.setProcessChannelMode(QProcess::MergedChannels); // kept, to say why it died if it does
    env.insert(QStringLiteral("GST_AUDIO_SINK"), QStringLiteral("fakesink"));
    peer.setProcessEnvironment(env);
    QByteArray peerOutput;
    connect(&peer, &QProcess::readyRead, this, [&] { peerOutput += peer.readAll(); });
    ours.setStandardErrorFile(QProcess::nullDevice());            // Watchfloor logs to its own file
    peer.start(xvfbRun, {QStringLiteral("-a"), nagstamon, configDir});
    ours.start(QStringLiteral(WATCHFLOOR_EXECUTABLE), {QStringLiteral("--alertmanager"), toWatchfloor.url().toString(),
                                                        QStringLiteral("--view"), QStringLiteral("alerts")});
    QVERIFY(peer.waitForStarted() && ours.waitForStarted());
    // Nagstamon's own process (a child of xvfb-run): for its memory, and to stop it.
    const auto nagstamonPid = [&]() -> qint64 {
        for (const auto &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
            if (!entry.front().isDigit() || !cmdline.open(QIODevice::ReadOnly))
                continue;
            const auto args = cmdline.readAll().split('\0');
            if (args.value(0).contains("python") && args.value(1).endsWith("nagstamon") && args.value(2) == configDir.toUtf8())
                return entry.toLongLong();
        }
        return -1;
    };
    const auto stopBoth = qScopeGuard([&] {
        if (const auto pid = nagstamonPid(); pid > 0)
            ::kill(pid_t(pid), SIGTERM);
        for (auto *p : {&peer, &ours}) {
            p->terminate();
            if (!p->waitForFinished(5000))
                p->kill();
        }
    });
    // A peer that dies is said at once, with its exit status and what it printed, not after the
    // minutes a wait would take.
    const auto dead = [&]() -> QString {
        for (const auto &[p, name] : {std::pair{&peer, "Nagstamon (under xvfb-run)"}, std::pair{&ours, "Watchfloor"}})
            if (p->state() == QProcess::NotRunning)
                return QStringLiteral("%1 exited (status %2, %3):\n%4")
                    .arg(QString::fromLatin1(name))
                    .arg(p->exitCode())
                    .arg(p->exitStatus() == QProcess::CrashExit ? QStringLiteral("crashed") : QStringLiteral("normal exit"))
                    .arg(QString::fromUtf8(p == &peer ? peerOutput.right(4000) : QByteArray()));
        return {};
    };
    const auto waitFor = [&](const std::function<bool()> &done, int ms) {
        return QTest::qWaitFor([&] { return done() || !dead().isEmpty(); }, ms) && dead().isEmpty();
    };
    // Both have asked once.
    const auto asked = [&] { return toNagstamon.alertRequests() > 0 && toWatchfloor.alertRequests() > 0; };
    if (!waitFor(asked, 60000))
        QFAIL(qPrintable(dead().isEmpty() ? QStringLiteral("neither asked Alertmanager within a minute") : dead()));

    QList<double> peerSeconds, ourSeconds;
    for (int round = 0; round < 3; ++round) {
        QTest::qWait(1700 * (round + 1)); // land at different points of each poll cycle
        const auto name = QStringLiteral("BenchPeerAlert%1").arg(round).toUtf8();
        toNagstamon.watch(name);
        toWatchfloor.watch(name);
        const auto posted = clock.elapsed();
        QVERIFY(stack.postAlerts(QJsonArray{QJsonObject{
            {QStringLiteral("labels"), QJsonObject{{QStringLiteral("alertname"), QString::fromUtf8(name)},
                                                   {QStringLiteral("severity"), QStringLiteral("critical")}}}}}));
        if (!waitFor([&] { return toNagstamon.firstSeen(name) >= 0 && toWatchfloor.firstSeen(name) >= 0; }, 150000))
            QFAIL(qPrintable(dead().isEmpty() ? QStringLiteral("the alert was not seen by both within 150 s") : dead()));
        peerSeconds << (toNagstamon.firstSeen(name) - posted) / 1000.0;
        ourSeconds << (toWatchfloor.firstSeen(name) - posted) / 1000.0;
        std::printf("alert %d: Watchfloor %.1f s, Nagstamon %.1f s\n", round + 1, ourSeconds.last(), peerSeconds.last());
        std::fflush(stdout);
    }
    const auto ourRss = residentKiB(ours.processId()), peerRss = residentKiB(nagstamonPid());
    const auto worst = [](QList<double> v) { return *std::max_element(v.begin(), v.end()); };
    std::printf("\nSeconds from Alertmanager having an alert to the console receiving it (3 alerts):\n"
                "  Watchfloor (%d s poll):  worst %.1f s   target ≤ 3 s\n"
                "  Nagstamon (60 s poll):  worst %.1f s\n"
                "Resident memory with the alerts shown:\n"
                "  Watchfloor: %ld KiB\n  Nagstamon:  %ld KiB   target: Watchfloor below it\n",
                wf::Profile().alertPollSeconds, worst(ourSeconds), worst(peerSeconds), ourRss, peerRss);
    std::fflush(stdout);
}

QTEST_MAIN(BenchPeer)
#include "bench_peer.moc"
