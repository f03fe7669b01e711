#include "demostack.h"

#include "telemetry/logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTimer>

#include <csignal>
#include <sys/prctl.h>

namespace wf {
namespace {

constexpr int kReadyTimeoutMs = 60'000;

quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

QByteArray resource(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

} // namespace

std::variant<DemoStack::Programs, QString> DemoStack::locate(const QString &applicationDir)
{
    Programs p;
    p.simulator = QStandardPaths::findExecutable(QStringLiteral("mytrader-sim"), {applicationDir});
    if (p.simulator.isEmpty())
        p.simulator = QStandardPaths::findExecutable(QStringLiteral("mytrader-sim"));
    p.prometheus = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
    p.alertmanager = QStandardPaths::findExecutable(QStringLiteral("prometheus-alertmanager"));
    p.promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
    p.victoriaMetrics = QStandardPaths::findExecutable(QStringLiteral("victoria-metrics"));
    p.vmalert = QStandardPaths::findExecutable(QStringLiteral("vmalert"));
    if (p.simulator.isEmpty())
        return tr("The demo stack needs mytrader-sim, which is installed with watchfloor; looked in %1 and on PATH.")
            .arg(applicationDir);
    return p;
}

QString DemoStack::cannotRun(const Programs &programs, Metrics metrics)
{
    if (metrics != Metrics::VictoriaMetrics || (!programs.victoriaMetrics.isEmpty() && !programs.vmalert.isEmpty()))
        return {};
    return tr("The demo on VictoriaMetrics needs victoria-metrics and vmalert, which are not installed. "
              "Install with: sudo apt-get install victoria-metrics");
}

QString DemoStack::missing(const Programs &programs, Metrics metrics)
{
    QStringList parts, packages;
    if (metrics == Metrics::VictoriaMetrics) {
        // cannotRun() says when it is missing: the demo does not start without it.
    } else if (programs.prometheus.isEmpty()) {
        parts << tr("Prometheus (the charts and the history)");
        packages << QStringLiteral("prometheus");
    } else if (programs.promtool.isEmpty()) {
        parts << tr("promtool (the 30 days of history)");
        packages << QStringLiteral("prometheus");
    }
    if (programs.alertmanager.isEmpty()) {
        parts << tr("Alertmanager (the alert inbox)");
        packages << QStringLiteral("prometheus-alertmanager");
    }
    if (parts.isEmpty())
        return {};
    return tr("The demo runs without %1: not installed. Install with: sudo apt-get install %2")
        .arg(parts.join(QStringLiteral(", ")), packages.join(u' '));
}

DemoStack::DemoStack(const Programs &programs, QObject *parent)
    : QObject(parent)
    , m_programs(programs)
    , m_dir(QDir::tempPath() + QStringLiteral("/watchfloor-demo-XXXXXX"))
    , m_network(new QNetworkAccessManager(this))
    , m_poll(new QTimer(this))
{
    m_poll->setInterval(200);
    connect(m_poll, &QTimer::timeout, this, &DemoStack::poll);
}

DemoStack::~DemoStack()
{
    stop();
}

QString DemoStack::childName(Child child) const
{
    switch (child) {
    case Simulator: return QStringLiteral("mytrader-sim");
    case Alertmanager: return QStringLiteral("prometheus-alertmanager");
    case Prometheus:
        return m_metrics == Metrics::VictoriaMetrics ? QStringLiteral("victoria-metrics") : QStringLiteral("prometheus");
    case VmAlert: return QStringLiteral("vmalert");
    }
    return {};
}

QString DemoStack::program(Child child) const
{
    switch (child) {
    case Simulator: return m_programs.simulator;
    case Alertmanager: return m_programs.alertmanager;
    case Prometheus: return m_metrics == Metrics::VictoriaMetrics ? m_programs.victoriaMetrics : m_programs.prometheus;
    case VmAlert: return m_metrics == Metrics::VictoriaMetrics ? m_programs.vmalert : QString();
    }
    return {};
}

QUrl DemoStack::readyUrl(Child child) const
{
    const auto base = QStringLiteral("http://127.0.0.1:%1").arg(m_ports[child]);
    return QUrl(base + (child == Simulator ? QStringLiteral("/ready") : QStringLiteral("/-/ready")));
}

Profile DemoStack::profile() const
{
    Profile p;
    p.name = m_name.isEmpty() ? tr("Demo") : m_name;
    const auto url = [this](Child c, const QString &path = {}) {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_ports[c]).arg(path));
    };
    // Not installed: not configured, which every view says as such.
    if (!program(Prometheus).isEmpty())
        p.endpoint(Endpoint::Prometheus).url = url(Prometheus);
    if (!m_programs.alertmanager.isEmpty())
        p.endpoint(Endpoint::Alertmanager).url = url(Alertmanager);
    p.endpoint(Endpoint::Loki).url = url(Simulator);
    p.endpoint(Endpoint::Health).url = url(Simulator, QStringLiteral("/api/health/alpaca"));
    p.refreshSeconds = 5;
    return p;
}

QList<qint64> DemoStack::processIds() const
{
    QList<qint64> pids;
    for (const auto &c : m_children)
        if (c && c->state() != QProcess::NotRunning)
            pids << c->processId();
    return pids;
}

bool DemoStack::isRunning() const
{
    return std::any_of(m_children.begin(), m_children.end(),
                       [](const auto &c) { return c && c->state() != QProcess::NotRunning; });
}

bool DemoStack::writePrometheusConfig()
{
    auto prometheus = resource(QStringLiteral(":/demo/prometheus.yml"));
    prometheus.replace("@ALERTMANAGER_PORT@", QByteArray::number(m_ports[Alertmanager]))
        .replace("@SIMULATOR_PORT@", QByteArray::number(m_ports[Simulator]))
        .replace("@PROMETHEUS_PORT@", QByteArray::number(m_ports[Prometheus]));
    // VictoriaMetrics reads the scrape part alone (it refuses keys it does not know).
    const auto scrapes = prometheus.indexOf("scrape_configs:");
    const auto scrape = "global:\n  scrape_interval: 1s\n\n" + prometheus.mid(scrapes);
    return !prometheus.isEmpty() && scrapes > 0 && writeFile(m_dir.filePath(QStringLiteral("prometheus.yml")), prometheus)
        && writeFile(m_dir.filePath(QStringLiteral("scrape.yml")), scrape);
}

bool DemoStack::writeConfigs(QString *error)
{
    if (!m_dir.isValid()) {
        *error = tr("Cannot create a temporary directory for the demo stack: %1").arg(m_dir.errorString());
        return false;
    }
    for (auto &port : m_ports)
        port = freePort();
    const bool ok = writePrometheusConfig()
        && writeFile(m_dir.filePath(QStringLiteral("alpaca-alerts.yml")), resource(QStringLiteral(":/alerts/alpaca-alerts.yml")))
        && writeFile(m_dir.filePath(QStringLiteral("alertmanager.yml")), resource(QStringLiteral(":/demo/alertmanager.yml")));
    if (!ok)
        *error = tr("Cannot write the demo stack's configuration to %1.").arg(m_dir.path());
    return ok;
}

bool DemoStack::launch(Child child, QString *error)
{
    QStringList args;
    const auto program = this->program(child);
    const auto listen = QStringLiteral("127.0.0.1:%1").arg(m_ports[child]);
    switch (child) {
    case Simulator:
        args = {QStringLiteral("--listen"), listen, QStringLiteral("--quiet"), QStringLiteral("--log-file"),
                m_dir.filePath(QStringLiteral("mytrader-sim.jsonl"))};
        args += historyArguments();
        break;
    case Alertmanager:
        args = {QStringLiteral("--config.file=") + m_dir.filePath(QStringLiteral("alertmanager.yml")),
                QStringLiteral("--storage.path=") + m_dir.filePath(QStringLiteral("alertmanager")),
                QStringLiteral("--web.listen-address=") + listen, QStringLiteral("--cluster.listen-address=")};
        break;
    case Prometheus:
        if (m_metrics == Metrics::VictoriaMetrics) {
            // As installed: its defaults (a 30-s latency offset the console allows for).
            args = {QStringLiteral("-httpListenAddr=") + listen,
                    QStringLiteral("-storageDataPath=") + m_dir.filePath(QStringLiteral("victoria-metrics")),
                    QStringLiteral("-retentionPeriod=45d"),
                    QStringLiteral("-promscrape.config=") + m_dir.filePath(QStringLiteral("scrape.yml")),
                    QStringLiteral("-vmalert.proxyURL=http://127.0.0.1:%1").arg(m_ports[VmAlert])};
            break;
        }
        args = {QStringLiteral("--config.file=") + m_dir.filePath(QStringLiteral("prometheus.yml")),
                QStringLiteral("--storage.tsdb.path=") + m_dir.filePath(QStringLiteral("prometheus")),
                QStringLiteral("--storage.tsdb.retention.time=45d"), QStringLiteral("--web.listen-address=") + listen,
                QStringLiteral("--rules.alert.resend-delay=1s")};
        break;
    case VmAlert: {
        const auto metrics = QStringLiteral("http://127.0.0.1:%1").arg(m_ports[Prometheus]);
        args = {QStringLiteral("-rule=") + m_dir.filePath(QStringLiteral("alpaca-alerts.yml")),
                QStringLiteral("-datasource.url=") + metrics, QStringLiteral("-remoteWrite.url=") + metrics,
                QStringLiteral("-remoteRead.url=") + metrics,
                QStringLiteral("-notifier.url=http://127.0.0.1:%1").arg(m_ports[Alertmanager]),
                QStringLiteral("-evaluationInterval=1s"), QStringLiteral("-httpListenAddr=") + listen};
        break;
    }
    }
    auto process = std::make_unique<QProcess>();
    process->setProgram(program);
    process->setArguments(args);
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setStandardOutputFile(m_dir.filePath(childName(child) + QStringLiteral(".log")));
    // A child dies with the console, even when the console crashes.
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    connect(process.get(), &QProcess::finished, this, [this, child](int code) {
        if (m_readyEmitted || m_failed)
            logging::get("demo")->warn("{} exited code={}", childName(child).toStdString(), code);
        if (!m_readyEmitted && !m_failed) {
            m_failed = true;
            m_poll->stop();
            emit failed(tr("%1 stopped while starting (exit code %2). Its last words:\n%3")
                            .arg(childName(child))
                            .arg(code)
                            .arg(logTail(child)));
        }
    });
    process->start();
    if (!process->waitForStarted(5000)) {
        *error = tr("Cannot start %1: %2").arg(program, process->errorString());
        return false;
    }
    logging::get("demo")->info("started {} profile=\"{}\" program={} pid={} port={}", childName(child).toStdString(),
                               profile().name.toStdString(), program.toStdString(), process->processId(), m_ports[child]);
    m_children[child] = std::move(process);
    return true;
}

QString DemoStack::logTail(Child child) const
{
    QFile log(m_dir.filePath(childName(child) + QStringLiteral(".log")));
    if (!log.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(log.readAll().right(1500)).trimmed();
}

// The caller stops what did start (stop(), or destroying the stack): not here, where the signal
// of a process that is being deleted may be on the stack.
void DemoStack::fail(const QString &message)
{
    m_failed = true;
    m_poll->stop();
    emit failed(message);
}

void DemoStack::runTool(const QString &program, const QStringList &args, const QString &what, std::function<void()> next)
{
    m_tool = std::make_unique<QProcess>();
    m_tool->setProgram(program);
    m_tool->setArguments(args);
    m_tool->setProcessChannelMode(QProcess::MergedChannels);
    m_tool->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    auto *tool = m_tool.get();
    connect(tool, &QProcess::finished, this, [this, tool, what, next](int code, QProcess::ExitStatus status) {
        const auto output = QString::fromUtf8(tool->readAll().right(1500)).trimmed();
        if (status != QProcess::NormalExit || code != 0) {
            fail(tr("%1 failed (exit code %2):\n%3").arg(what).arg(code).arg(output));
            return;
        }
        logging::get("demo")->info("{} done", what.toStdString());
        next();
    });
    connect(tool, &QProcess::errorOccurred, this, [this, tool, what](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("%1 failed: %2").arg(what, tool->errorString()));
    });
    tool->start();
}

// The simulator that writes the past and the one that serves are given the same seed, the same end
// and the scrape's labels: they live the same last hour, so the served counters go on from the
// backfilled ones and each series is one from the past to now.
QStringList DemoStack::historyArguments() const
{
    return {QStringLiteral("--seed"), QString::number(m_seed), QStringLiteral("--history"), QString::number(kHistoryDays),
            QStringLiteral("--history-end"), QString::number(m_historyEnd), QStringLiteral("--history-labels"),
            QStringLiteral("job=mytrader,instance=127.0.0.1:%1,environment=demo").arg(m_ports[Simulator])};
}

void DemoStack::start()
{
    m_failed = false;
    m_readyEmitted = false;
    m_ready.fill(false);
    m_ready[VmAlert] = program(VmAlert).isEmpty();
    m_importing = false;
    m_imported = m_metrics != Metrics::VictoriaMetrics;
    if (const auto why = cannotRun(m_programs, m_metrics); !why.isEmpty()) {
        fail(why);
        return;
    }
    m_seed = m_fixedSeed ? m_fixedSeed : QDateTime::currentMSecsSinceEpoch() % 1000000 + 1;
    m_historyEnd = QDateTime::currentSecsSinceEpoch(); // the first scrape follows within seconds
    QString error;
    emit progress(1, kSteps, tr("Writing the configuration…"));
    if (!writeConfigs(&error)) {
        fail(error);
        return;
    }
    // Alertmanager first, so that Prometheus' first notifications find it (shared/reference/stack.md),
    // and the simulator, which lives through the last hour before it answers; meanwhile another run
    // of it writes that hour and the 30 days before for Prometheus, which starts on the backfill.
    if (!launchChild(Alertmanager, 2, tr("Starting Alertmanager…"))
        || !launchChild(Simulator, 3, tr("Starting mytrader-sim…")))
        return;
    const bool onVictoriaMetrics = m_metrics == Metrics::VictoriaMetrics;
    if (!onVictoriaMetrics && (m_programs.prometheus.isEmpty() || m_programs.promtool.isEmpty())) { // no Prometheus to hold a history
        emit progress(4, kSteps, tr("Simulating %1 days of history…").arg(kHistoryDays));
        emit progress(5, kSteps, tr("Backfilling the history into Prometheus…"));
        launchPrometheusAndWait();
        return;
    }
    // The past: 30 days of router history and the last hour of every metric, backfilled into
    // Prometheus' storage, so that every chart and the 30-day SLO panels have their past on the
    // first frame (the retention is longer than that).
    const auto history = m_dir.filePath(QStringLiteral("history.om"));
    emit progress(4, kSteps, tr("Simulating %1 days of history…").arg(kHistoryDays));
    runTool(m_programs.simulator, historyArguments() + QStringList{QStringLiteral("--history-out"), history},
            tr("Simulating the history"), [this, history, onVictoriaMetrics] {
                if (onVictoriaMetrics) { // imported once it answers (importHistory)
                    launchPrometheusAndWait();
                    return;
                }
                emit progress(5, kSteps, tr("Backfilling the history into Prometheus…"));
                runTool(m_programs.promtool,
                        {QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"), QStringLiteral("openmetrics"),
                         QStringLiteral("--max-block-duration=%1h").arg((kHistoryDays + 1) * 24), history,
                         m_dir.filePath(QStringLiteral("prometheus"))},
                        tr("Backfilling the history (promtool)"), [this] { launchPrometheusAndWait(); });
            });
}

bool DemoStack::launchChild(Child child, int step, const QString &text)
{
    emit progress(step, kSteps, text);
    if (program(child).isEmpty()) {
        m_ready[child] = true; // not installed: nothing to wait for
        return true;
    }
    QString error;
    if (!launch(child, &error)) {
        fail(error);
        return false;
    }
    return true;
}

void DemoStack::launchPrometheusAndWait()
{
    // Its port is taken now, not at the start: writing the history took seconds, and another
    // program may have bound the port found free then.
    m_ports[Prometheus] = freePort();
    if (!writePrometheusConfig()) {
        fail(tr("Cannot write the demo stack's configuration to %1.").arg(m_dir.path()));
        return;
    }
    if (!launchChild(Prometheus, m_metrics == Metrics::VictoriaMetrics ? 5 : 6,
                     m_metrics == Metrics::VictoriaMetrics ? tr("Starting VictoriaMetrics…") : tr("Starting Prometheus…")))
        return;
    if (m_metrics != Metrics::VictoriaMetrics) // there: after the import and vmalert
        emit progress(kSteps, kSteps, tr("Waiting until everything answers…"));
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    m_poll->start();
}

void DemoStack::importHistory()
{
    if (m_importing)
        return;
    const auto launchVmAlert = [this] {
        m_imported = true;
        m_ready[Prometheus] = true;
        if (!launchChild(VmAlert, 6, tr("Starting vmalert…")))
            return;
        emit progress(kSteps, kSteps, tr("Waiting until everything answers…"));
    };
    auto *history = new QFile(m_dir.filePath(QStringLiteral("history.om")), this);
    if (!history->open(QIODevice::ReadOnly)) { // no history written: nothing to import
        delete history;
        launchVmAlert();
        return;
    }
    emit progress(5, kSteps, tr("Backfilling the history into VictoriaMetrics…"));
    // Its Prometheus text import reads the simulator's OpenMetrics as it is (second timestamps too).
    const auto base = QStringLiteral("http://127.0.0.1:%1").arg(m_ports[Prometheus]);
    QNetworkRequest request(QUrl(base + QStringLiteral("/api/v1/import/prometheus")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain"));
    request.setHeader(QNetworkRequest::ContentLengthHeader, history->size());
    auto *post = m_network->post(request, history);
    history->setParent(post);
    const auto started = QDateTime::currentMSecsSinceEpoch();
    importStep(post, tr("Backfilling the history into VictoriaMetrics failed: %1 %2"), [this, base, launchVmAlert, started] {
        // What it takes in is searchable only after its next flush (about a second): flushed now,
        // so that the first frame has the past.
        importStep(m_network->get(QNetworkRequest(QUrl(base + QStringLiteral("/internal/force_flush")))),
                   tr("VictoriaMetrics did not flush the imported history: %1 %2"), [launchVmAlert, started] {
                       logging::get("demo")->info("history imported into victoria-metrics in {} ms",
                                                  QDateTime::currentMSecsSinceEpoch() - started);
                       launchVmAlert();
                   });
    });
}

void DemoStack::importStep(QNetworkReply *reply, const QString &failure, std::function<void()> next)
{
    m_import = reply;
    m_importing = true;
    connect(reply, &QNetworkReply::finished, this, [this, reply, failure, next] {
        m_import = nullptr;
        reply->deleteLater();
        m_importing = false;
        if (m_failed)
            return;
        if (reply->error() != QNetworkReply::NoError) {
            fail(failure.arg(reply->errorString(), QString::fromUtf8(reply->readAll().left(500)).trimmed()));
            return;
        }
        next();
    });
}

void DemoStack::poll()
{
    if (m_failed)
        return;
    for (Child child : {Simulator, Alertmanager, Prometheus, VmAlert}) {
        if (m_ready[child] || !m_children[child])
            continue;
        if (child == Prometheus && m_importing)
            continue;
        QNetworkRequest request(readyUrl(child));
        request.setTransferTimeout(1000);
        auto *reply = m_network->get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply, child] {
            reply->deleteLater();
            if (reply->error() != QNetworkReply::NoError || m_failed || m_ready[child])
                return;
            if (child == Prometheus && !m_imported) {
                importHistory(); // ready once the past is in
                return;
            }
            m_ready[child] = true;
            if (!m_readyEmitted && std::all_of(m_ready.begin(), m_ready.end(), [](bool b) { return b; })) {
                m_readyEmitted = true;
                m_poll->stop();
                logging::get("demo")->info("demo stack ready in {} ms", QDateTime::currentMSecsSinceEpoch() - m_startedMs);
                emit ready();
            }
        });
    }
    if (QDateTime::currentMSecsSinceEpoch() - m_startedMs > kReadyTimeoutMs) {
        m_failed = true;
        m_poll->stop();
        QStringList late;
        for (Child child : {Simulator, Alertmanager, Prometheus, VmAlert})
            if (!m_ready[child])
                late << childName(child);
        emit failed(tr("The demo stack did not answer within %1 s: %2.").arg(kReadyTimeoutMs / 1000).arg(late.join(u", ")));
    }
}

void DemoStack::stop()
{
    m_poll->stop();
    if (m_tool) {
        m_tool->disconnect(this);
        m_tool->kill();
        m_tool->waitForFinished(2000);
        m_tool.reset();
    }
    if (m_import) {
        m_import->disconnect(this);
        m_import->abort();
        m_import->deleteLater();
        m_import = nullptr;
    }
    // Prometheus and vmalert first (they would notify a vanished Alertmanager), the simulator last.
    for (Child child : {VmAlert, Prometheus, Alertmanager, Simulator}) {
        auto &process = m_children[child];
        if (!process)
            continue;
        process->disconnect(this);
        if (process->state() != QProcess::NotRunning) {
            process->terminate();
            if (!process->waitForFinished(5000)) {
                process->kill();
                process->waitForFinished(2000);
            }
            logging::get("demo")->info("stopped {} profile=\"{}\"", childName(child).toStdString(), profile().name.toStdString());
        }
        process.reset();
    }
}

} // namespace wf
