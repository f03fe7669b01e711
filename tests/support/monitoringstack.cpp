#include "monitoringstack.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>
#include <QTimer>

#include <csignal>
#include <sys/prctl.h>

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

void stop(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(5000);
    }
}

} // namespace

MonitoringStack::MonitoringStack() = default;

MonitoringStack::~MonitoringStack()
{
    stopPrometheus();
    stopAlertmanager();
    stopSimulator();
}

bool MonitoringStack::startSimulator(const QString &path, const QStringList &extraArgs, quint16 port)
{
    m_simulatorPort = port != 0 ? port : freePort();
    const auto url = simulatorUrl().resolved(QUrl(QStringLiteral("/api/health/alpaca")));
    return startProcess(m_simulator, path,
                        QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_simulatorPort)}
                            + extraArgs,
                        url);
}

QUrl MonitoringStack::simulatorUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_simulatorPort));
}

void MonitoringStack::stopSimulator()
{
    stop(m_simulator);
}

QString MonitoringStack::simulatorLog() const
{
    QFile log(m_dir.filePath(QStringLiteral("mytrader-sim.log")));
    log.open(QIODevice::ReadOnly);
    return QString::fromUtf8(log.readAll());
}

quint16 MonitoringStack::freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

bool MonitoringStack::waitReady(const QUrl &url, int timeoutMs, const QByteArray &authorization)
{
    QNetworkAccessManager network;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        QNetworkRequest request(url);
        request.setTransferTimeout(2000);
        if (!authorization.isEmpty())
            request.setRawHeader("Authorization", authorization);
        auto *reply = network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const bool ok = reply->error() == QNetworkReply::NoError;
        reply->deleteLater();
        if (ok)
            return true;
        QEventLoop pause;
        QTimer::singleShot(100, &pause, &QEventLoop::quit);
        pause.exec();
    }
    return false;
}

bool MonitoringStack::startProcess(QProcess &process, const QString &program, const QStringList &args,
                                   const QUrl &readyUrl, const QByteArray &authorization)
{
    const auto path = QStandardPaths::findExecutable(program);
    if (path.isEmpty()) {
        m_error = QStringLiteral("%1 is not installed (run scripts/setup-deps)").arg(program);
        return false;
    }
    process.setProgram(path);
    process.setArguments(args);
    process.setProcessChannelMode(QProcess::MergedChannels);
    const auto name = QFileInfo(program).fileName();
    process.setStandardOutputFile(m_dir.filePath(name + QStringLiteral(".log")));
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    process.start();
    if (!process.waitForStarted(5000)) {
        m_error = QStringLiteral("%1 did not start: %2").arg(program, process.errorString());
        return false;
    }
    if (!waitReady(readyUrl, 30'000, authorization)) {
        QFile log(m_dir.filePath(name + QStringLiteral(".log")));
        log.open(QIODevice::ReadOnly);
        m_error = QStringLiteral("%1 was not ready within 30 s; its log:\n%2")
                      .arg(program, QString::fromUtf8(log.readAll().right(2000)));
        return false;
    }
    return true;
}

bool MonitoringStack::start(const QString &prometheusRules, const QString &extraScrapeConfig)
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return false;
    }
    m_alertmanagerPort = freePort();
    m_prometheusPort = freePort();
    writeFile(m_dir.filePath(QStringLiteral("am.yml")), R"(route:
  receiver: "null"
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: "null"
)");
    const auto interval = QByteArray::number(m_scrapeSeconds) + "s";
    QByteArray prom = "global:\n  scrape_interval: " + interval + "\n  evaluation_interval: " + interval + "\n"
                      "alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: ['127.0.0.1:"
        + QByteArray::number(m_alertmanagerPort) + "']\n";
    m_hasRules = !prometheusRules.isEmpty();
    if (!prometheusRules.isEmpty()) {
        writeFile(m_dir.filePath(QStringLiteral("rules.yml")), prometheusRules.toUtf8());
        prom += "rule_files:\n  - rules.yml\n";
    }
    // VictoriaMetrics reads the scrape part alone (it refuses what it does not know).
    writeFile(m_dir.filePath(QStringLiteral("scrape.yml")),
              "global:\n  scrape_interval: " + interval + "\nscrape_configs:\n  - job_name: prometheus\n    static_configs:\n"
              "      - targets: ['127.0.0.1:" + QByteArray::number(m_prometheusPort) + "']\n" + extraScrapeConfig.toUtf8());
    prom += "scrape_configs:\n  - job_name: prometheus\n    static_configs:\n      - targets: ['127.0.0.1:"
        + QByteArray::number(m_prometheusPort) + "']\n" + extraScrapeConfig.toUtf8();
    writeFile(m_dir.filePath(QStringLiteral("prom.yml")), prom);

    if (!restartAlertmanager())
        return false;
    return restartPrometheus();
}

bool MonitoringStack::restartPrometheus()
{
    stop(m_prometheus);
    if (m_backend == Backend::VictoriaMetrics) {
        stop(m_vmalert);
        if (!m_vmalertPort)
            m_vmalertPort = freePort();
        const auto vm = prometheusUrl().toString();
        QStringList args{QStringLiteral("-httpListenAddr=127.0.0.1:%1").arg(m_prometheusPort),
                         QStringLiteral("-storageDataPath=") + m_dir.filePath(QStringLiteral("vm")),
                         QStringLiteral("-promscrape.config=") + m_dir.filePath(QStringLiteral("scrape.yml")),
                         QStringLiteral("-vmalert.proxyURL=http://127.0.0.1:%1").arg(m_vmalertPort)};
        // -search.latencyOffset=0s and no cache: it answers like Prometheus (shared/reference/stack.md).
        if (!m_vmDefaults)
            args << QStringLiteral("-search.latencyOffset=0s") << QStringLiteral("-search.disableCache");
        if (!startProcess(m_prometheus, QStringLiteral("victoria-metrics"), args,
                          prometheusUrl().resolved(QUrl(QStringLiteral("/-/ready")))))
            return false;
        if (!m_hasRules)
            return true;
        return startProcess(m_vmalert, QStringLiteral("vmalert"),
                            {QStringLiteral("-rule=") + m_dir.filePath(QStringLiteral("rules.yml")),
                             QStringLiteral("-datasource.url=") + vm, QStringLiteral("-remoteWrite.url=") + vm,
                             QStringLiteral("-remoteRead.url=") + vm,
                             QStringLiteral("-notifier.url=") + alertmanagerUrl().toString(),
                             QStringLiteral("-evaluationInterval=%1s").arg(m_scrapeSeconds),
                             QStringLiteral("-httpListenAddr=127.0.0.1:%1").arg(m_vmalertPort)},
                            QUrl(QStringLiteral("http://127.0.0.1:%1/-/ready").arg(m_vmalertPort)));
    }
    QStringList args{QStringLiteral("--config.file=") + m_dir.filePath(QStringLiteral("prom.yml")),
                     QStringLiteral("--storage.tsdb.path=") + m_dir.filePath(QStringLiteral("prom")),
                     QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_prometheusPort),
                     QStringLiteral("--rules.alert.resend-delay=1s")};
    if (!m_prometheusAuthorization.isEmpty())
        args << QStringLiteral("--web.config.file=") + m_dir.filePath(QStringLiteral("web.yml"));
    return startProcess(m_prometheus, QStringLiteral("prometheus"), args, prometheusUrl().resolved(QUrl(QStringLiteral("/-/ready"))),
                        m_prometheusAuthorization);
}

void MonitoringStack::requirePrometheusBasicAuth(const QString &user, const QString &password, const QByteArray &bcryptHash)
{
    writeFile(m_dir.filePath(QStringLiteral("web.yml")), "basic_auth_users:\n  " + user.toUtf8() + ": '" + bcryptHash + "'\n");
    m_prometheusAuthorization = "Basic " + (user + u':' + password).toUtf8().toBase64();
}

void MonitoringStack::killAlertmanager()
{
    if (m_alertmanager.state() == QProcess::NotRunning)
        return;
    m_alertmanager.kill();
    m_alertmanager.waitForFinished(5000);
}

bool MonitoringStack::restartAlertmanager()
{
    stop(m_alertmanager);
    return startProcess(m_alertmanager, QStringLiteral("prometheus-alertmanager"),
                        {QStringLiteral("--config.file=") + m_dir.filePath(QStringLiteral("am.yml")),
                         QStringLiteral("--storage.path=") + m_dir.filePath(QStringLiteral("am")),
                         QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_alertmanagerPort),
                         QStringLiteral("--cluster.listen-address=")},
                        alertmanagerUrl().resolved(QUrl(QStringLiteral("/-/ready"))));
}

QString MonitoringStack::simulatorScrapeConfig() const
{
    return QStringLiteral("  - job_name: mytrader\n    static_configs:\n      - targets: ['%1']\n")
        .arg(simulatorUrl().authority());
}

bool MonitoringStack::startWithSimulator(const QString &simulatorPath, const QString &prometheusRules)
{
    return startSimulator(simulatorPath, {QStringLiteral("--quiet")}) && start(prometheusRules, simulatorScrapeConfig());
}

wf::Profile MonitoringStack::profile(const QString &name) const
{
    wf::Profile p;
    p.name = name;
    p.scrapeSeconds = m_scrapeSeconds; // as start() configures Prometheus
    if (m_prometheusPort)
        p.endpoint(wf::Endpoint::Prometheus).url = prometheusUrl();
    if (m_alertmanagerPort)
        p.endpoint(wf::Endpoint::Alertmanager).url = alertmanagerUrl();
    if (m_simulatorPort) {
        p.endpoint(wf::Endpoint::Loki).url = simulatorUrl();
        p.endpoint(wf::Endpoint::Health).url = simulatorUrl().resolved(QUrl(QStringLiteral("/api/health/alpaca")));
    }
    return p;
}

QUrl MonitoringStack::prometheusUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_prometheusPort));
}

QUrl MonitoringStack::alertmanagerUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_alertmanagerPort));
}

qint64 MonitoringStack::prometheusPid() const
{
    return m_prometheus.processId();
}

qint64 MonitoringStack::alertmanagerPid() const
{
    return m_alertmanager.processId();
}

void MonitoringStack::stopPrometheus()
{
    stop(m_vmalert);
    stop(m_prometheus);
}

void MonitoringStack::stopAlertmanager()
{
    stop(m_alertmanager);
}

namespace {

// One request to the simulator's drill API, waited for; the HTTP status, or 0 with error set.
int controlCall(const QByteArray &verb, const QUrl &url, const QByteArray &body, QString *error)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(15000);
    auto *reply = network.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        *error = QStringLiteral("%1 %2: %3").arg(QString::fromLatin1(verb), url.toString(), reply->errorString());
    reply->deleteLater();
    return status;
}

} // namespace

bool MonitoringStack::drill(const QByteArray &kind, int seconds)
{
    const auto status = controlCall("POST", simulatorUrl().resolved(QUrl(QStringLiteral("/control/faults"))),
                                    R"({"kind":")" + kind + R"(","durationSeconds":)" + QByteArray::number(seconds) + "}", &m_error);
    if (status != 201 && status != 0)
        m_error = QStringLiteral("the drill %1 was answered %2").arg(QString::fromLatin1(kind)).arg(status);
    return status == 201;
}

bool MonitoringStack::endDrills()
{
    const auto status = controlCall("DELETE", simulatorUrl().resolved(QUrl(QStringLiteral("/control/faults"))), {}, &m_error);
    return status >= 200 && status < 300;
}

bool MonitoringStack::postAlerts(const QJsonArray &alerts)
{
    return postAlertsTo(alertmanagerUrl(), alerts, &m_error);
}

bool MonitoringStack::postAlertsTo(const QUrl &alertmanager, const QJsonArray &alerts, QString *error)
{
    QNetworkAccessManager network;
    QNetworkRequest request(alertmanager.resolved(QUrl(QStringLiteral("/api/v2/alerts"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(10000);
    auto *reply = network.post(request, QJsonDocument(alerts).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const bool ok = reply->error() == QNetworkReply::NoError;
    if (!ok)
        *error = QStringLiteral("posting alerts to %1: %2").arg(alertmanager.toString(), reply->errorString());
    reply->deleteLater();
    return ok;
}
