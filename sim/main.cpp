// mytrader-sim: the simulated MyTrader Alpaca streaming service (see README.md, "The demo stack").

#include "history.h"
#include "httpapi.h"
#include "lokiapi.h"
#include "lokipush.h"
#include "simservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>

#include <cstdio>

namespace {

// --history: how many of the last hours hold every metric (the rest, the router's only), sampled
// as often as the demo's Prometheus scrapes, lived in half-second ticks.
constexpr int kRecentHours = 1;
constexpr double kRecentSampleSeconds = 3;
constexpr double kReplayTickSeconds = 0.5;

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mytrader-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WATCHFLOOR_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The simulated MyTrader Alpaca streaming service: metrics, health, logs (Loki API) and drills on one port."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(QStringLiteral("listen"), QStringLiteral("Address to serve on (default 127.0.0.1:5002)."),
                                    QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:5002"));
    const QCommandLineOption symbols(QStringLiteral("symbols"), QStringLiteral("Symbols to subscribe (1-100, default 50)."),
                                     QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed, for a reproducible run."), QStringLiteral("N"));
    const QCommandLineOption logFile(QStringLiteral("log-file"), QStringLiteral("Also write the log lines to this file."),
                                     QStringLiteral("PATH"));
    const QCommandLineOption logBuffer(QStringLiteral("log-buffer"),
                                       QStringLiteral("Log lines kept for the Loki API (default 100000)."),
                                       QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption environment(QStringLiteral("environment"), QStringLiteral("The environment label (default demo)."),
                                         QStringLiteral("NAME"), QStringLiteral("demo"));
    const QCommandLineOption history(QStringLiteral("history"),
                                     QStringLiteral("Days of history before now (default 0): the router's, and for the last "
                                                    "%1 hours every metric and log line, as the service lived them. With "
                                                    "--history-out, write them as OpenMetrics and exit; without, live "
                                                    "through those hours first, so that the counters go on from there.")
                                         .arg(kRecentHours),
                                     QStringLiteral("DAYS"), QStringLiteral("0"));
    const QCommandLineOption historyOut(QStringLiteral("history-out"),
                                        QStringLiteral("Write the --history as OpenMetrics to this file (for promtool tsdb "
                                                       "create-blocks-from openmetrics), then exit."),
                                        QStringLiteral("PATH"));
    const QCommandLineOption historyEnd(QStringLiteral("history-end"),
                                        QStringLiteral("Where the --history ends, in seconds since 1970 (default a minute "
                                                       "before now). Give the writing run and the serving run the same."),
                                        QStringLiteral("SECONDS"));
    const QCommandLineOption historyLabels(QStringLiteral("history-labels"),
                                           QStringLiteral("Labels the scrape gives the service's series (like "
                                                          "job=mytrader,instance=127.0.0.1:5002), written on the "
                                                          "--history's, so that past and present are one series."),
                                           QStringLiteral("NAME=VALUE,..."));
    const QCommandLineOption lokiPush(QStringLiteral("loki-push"),
                                      QStringLiteral("Also push every log line to the Loki at this base URL."),
                                      QStringLiteral("URL"));
    const QCommandLineOption lokiTenant(QStringLiteral("loki-tenant"),
                                        QStringLiteral("Serve Loki's API multi-tenant (auth_enabled): every request names "
                                                       "its tenant in X-Scope-OrgID or gets 401 \"no org id\"; the "
                                                       "service's own lines are this tenant's, a pushed line its pusher's."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("Do not print the log lines on stdout."));
    parser.addOptions({listen, symbols, seed, logFile, logBuffer, environment, history, historyOut, historyEnd, historyLabels, lokiPush, lokiTenant, quiet});
    parser.process(app);

    const auto fail = [](const QString &text) {
        std::fprintf(stderr, "mytrader-sim: %s\n", qPrintable(text));
        return 2;
    };
    const auto address = parser.value(listen);
    const auto colon = address.lastIndexOf(u':');
    bool portOk = false;
    const auto port = address.mid(colon + 1).toUShort(&portOk);
    const QHostAddress host(address.left(colon));
    if (colon < 0 || !portOk || host.isNull())
        return fail(QStringLiteral("--listen wants HOST:PORT, like 127.0.0.1:5002 (got \"%1\")").arg(address));
    bool ok = false;
    sim::SimOptions options;
    options.symbols = parser.value(symbols).toInt(&ok);
    if (!ok || options.symbols < 1 || options.symbols > 100)
        return fail(QStringLiteral("--symbols wants a number from 1 to 100"));
    if (parser.isSet(seed)) {
        options.seed = parser.value(seed).toULongLong(&ok);
        if (!ok || options.seed == 0)
            return fail(QStringLiteral("--seed wants a positive number"));
    }
    const auto buffer = parser.value(logBuffer).toLongLong(&ok);
    if (!ok || buffer < 1)
        return fail(QStringLiteral("--log-buffer wants a positive number"));
    options.environment = parser.value(environment);
    const int historyDays = parser.value(history).toInt(&ok);
    if (!ok || historyDays < 0 || historyDays > 400)
        return fail(QStringLiteral("--history wants a number of days from 0 to 400"));
    if (parser.isSet(historyOut) && historyDays == 0)
        return fail(QStringLiteral("--history-out needs --history DAYS"));
    QDateTime end = QDateTime::currentDateTimeUtc().addSecs(-60);
    if (parser.isSet(historyEnd)) {
        const qint64 secs = parser.value(historyEnd).toLongLong(&ok);
        const auto now = QDateTime::currentSecsSinceEpoch();
        if (!ok || secs > now || secs < now - 86400)
            return fail(QStringLiteral("--history-end wants seconds since 1970 within the last day"));
        end = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
    }
    const auto recentFrom = end.addSecs(-kRecentHours * 3600);
    QList<std::pair<QString, QString>> labels;
    static const QRegularExpression labelName(QStringLiteral("^[a-zA-Z_][a-zA-Z0-9_]*$"));
    for (const auto &pair : parser.value(historyLabels).split(u',', Qt::SkipEmptyParts)) {
        const auto eq = pair.indexOf(u'=');
        if (eq < 0 || !labelName.match(pair.left(eq)).hasMatch() || pair.left(eq).startsWith(QLatin1String("__")))
            return fail(QStringLiteral("--history-labels wants NAME=VALUE pairs separated by commas (got \"%1\")").arg(pair));
        labels.append({pair.left(eq), pair.mid(eq + 1)});
    }
    if (historyDays > 0) {
        // The router's days end where the replayed hours begin; the same seed gives the same past.
        sim::HistoryOptions h;
        h.days = historyDays;
        h.seed = options.seed ? options.seed : 1;
        h.end = recentFrom;
        h.labels = labels;
        options.startedAt = recentFrom;
        const auto summary = sim::writeHistory(h, nullptr);
        options.baselineTotalSeconds = summary.totalSeconds;
        options.baselineDownSeconds = summary.downSeconds;
        options.seed = h.seed;
        if (parser.isSet(historyOut)) {
            QFile file(parser.value(historyOut));
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return fail(QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
            sim::SimLog quietLog(options.environment, 1, {}, false);
            sim::SimService past(options, &quietLog);
            sim::RecentSamples recent(labels);
            past.replay(recentFrom, end, kReplayTickSeconds, kRecentSampleSeconds,
                        [&](const QDateTime &at) { recent.add(past.collect(), at); });
            const auto written = sim::writeHistory(h, &file, &recent);
            std::fprintf(stderr, "mytrader-sim: wrote %d days of history (%lld samples, %d failovers, %.0f s unavailable) to %s\n",
                         historyDays, static_cast<long long>(written.samples), written.failovers, written.downSeconds,
                         qPrintable(file.fileName()));
            return 0;
        }
    }

    sim::SimLog log(options.environment, buffer, parser.value(logFile), !parser.isSet(quiet));
    std::unique_ptr<sim::LokiPush> push;
    if (parser.isSet(lokiPush)) {
        const QUrl url(parser.value(lokiPush));
        if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https"))
            return fail(QStringLiteral("--loki-push wants an http(s) URL, like http://127.0.0.1:3100"));
        push = std::make_unique<sim::LokiPush>(&log, url);
    }
    sim::SimService service(options, &log);
    sim::HttpApi api(&service);
    sim::LokiApi loki(&log, api.server());
    if (parser.isSet(lokiTenant)) {
        if (parser.value(lokiTenant).trimmed().isEmpty())
            return fail(QStringLiteral("--loki-tenant wants a tenant name, like team-a"));
        loki.setMultiTenant(parser.value(lokiTenant).trimmed());
    }
    const auto bound = api.listen(host, port);
    if (!bound)
        return fail(QStringLiteral("cannot listen on %1 (is the port in use?)").arg(address));
    std::fprintf(stderr, "mytrader-sim listening on http://%s:%u (seed %llu)\n", qPrintable(host.toString()), bound,
                 static_cast<unsigned long long>(service.seed()));
    if (historyDays > 0) {
        // The hours the writing run sampled, lived the same way (same seed, same ticks), then on
        // to now: the counters go on from the backfill's last samples instead of starting at zero.
        service.replay(recentFrom, QDateTime::currentDateTimeUtc(), kReplayTickSeconds, kRecentSampleSeconds);
    }
    service.start();
    return app.exec();
}
