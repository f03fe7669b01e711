// mytrader-sim: the simulated MyTrader Alpaca streaming service (see README.md, "The demo stack").

#include "httpapi.h"
#include "lokiapi.h"
#include "simservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>

#include <cstdio>

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
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("Do not print the log lines on stdout."));
    parser.addOptions({listen, symbols, seed, logFile, logBuffer, environment, quiet});
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

    sim::SimLog log(options.environment, buffer, parser.value(logFile), !parser.isSet(quiet));
    sim::SimService service(options, &log);
    sim::HttpApi api(&service);
    sim::LokiApi loki(&log, api.server());
    const auto bound = api.listen(host, port);
    if (!bound)
        return fail(QStringLiteral("cannot listen on %1 (is the port in use?)").arg(address));
    std::fprintf(stderr, "mytrader-sim listening on http://%s:%u (seed %llu)\n", qPrintable(host.toString()), bound,
                 static_cast<unsigned long long>(service.seed()));
    service.start();
    return app.exec();
}
