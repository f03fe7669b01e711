#include "commandline.h"

#include "telemetry/logging.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLocale>
#include <QtCore/qcoreapplication.h>

namespace wf {
namespace {

// The translation context of the command line's texts.
class CommandLineText
{
    Q_DECLARE_TR_FUNCTIONS(wf::CommandLine)
};

// An endpoint URL must be absolute http(s) with a host: anything else is a typo worth stopping for.
std::optional<QString> checkUrl(const QString &option, const QString &value, QUrl &out)
{
    const QUrl url(value, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty()) {
        return CommandLineText::tr("--%1: “%2” is not an http:// or https:// URL with a host (for example http://127.0.0.1:9090).")
            .arg(option, value);
    }
    out = url;
    return std::nullopt;
}

} // namespace

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de")};
}

CommandLine parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CommandLineText::tr("Watchfloor — operations console for the MyTrader Alpaca streaming integration."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, CommandLineText::tr("Show this help and exit."));
    const QCommandLineOption version(QStringLiteral("version"), CommandLineText::tr("Show the version and exit."));
    const QCommandLineOption profile(QStringLiteral("profile"), CommandLineText::tr("Open the profile <name>."), CommandLineText::tr("name"));
    const QCommandLineOption prometheus(QStringLiteral("prometheus"),
                                        CommandLineText::tr("Prometheus base URL (overrides the profile); an HA pair's replicas separated by commas."),
                                        CommandLineText::tr("url[,url…]"));
    const QCommandLineOption alertmanager(QStringLiteral("alertmanager"),
                                          CommandLineText::tr("Alertmanager base URL (overrides the profile); a cluster's peers separated by commas."),
                                          CommandLineText::tr("url[,url…]"));
    const QCommandLineOption loki(QStringLiteral("loki"), CommandLineText::tr("Loki base URL (overrides the profile)."), CommandLineText::tr("url"));
    const QCommandLineOption health(QStringLiteral("health"),
                                    CommandLineText::tr("Health endpoint URL of the service (overrides the profile)."), CommandLineText::tr("url"));
    const QCommandLineOption view(QStringLiteral("view"),
                                  CommandLineText::tr("Open on the view <name>: %1.").arg(viewNames().join(QStringLiteral(", "))),
                                  CommandLineText::tr("name"));
    const QCommandLineOption screenshotDir(
        QStringLiteral("screenshot-dir"),
        CommandLineText::tr("Render every view once its data has arrived, write <dir>/<view>.png and <dir>/<view>.json, then exit."),
        CommandLineText::tr("dir"));
    const QCommandLineOption dashboardsDir(
        QStringLiteral("dashboards"),
        CommandLineText::tr("Use the dashboards of <dir> (Watchfloor JSON, imported Grafana dashboards) instead of the "
                            "profile's dashboard folder, for this run."),
        CommandLineText::tr("dir"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  CommandLineText::tr("Start the demo stack (mytrader-sim, Prometheus, Alertmanager on free "
                                                      "local ports) and open the console on it, with the Drill menu."));
    const QCommandLineOption wall(QStringLiteral("wall"),
                                  CommandLineText::tr("Open in wall mode: full screen, large type, cycling through the "
                                                      "views chosen in Settings (F11 or Esc leaves it)."));
    const QCommandLineOption environments(QStringLiteral("environments"),
                                          CommandLineText::tr("With --demo: start <n> demo stacks (profiles demo-1 … demo-<n>, "
                                                              "each its own seed) and show them side by side in the "
                                                              "Environments view."),
                                          CommandLineText::tr("n"));
    const QCommandLineOption metrics(QStringLiteral("metrics"),
                                     CommandLineText::tr("With --demo: the metrics backend, prometheus (the default) or "
                                                         "victoriametrics (VictoriaMetrics, with vmalert for the alert rules)."),
                                     CommandLineText::tr("backend"));
    const QCommandLineOption logLevel(QStringLiteral("log-level"),
                                      CommandLineText::tr("Log level: trace, debug, info, warn, error, critical or off."), CommandLineText::tr("level"),
                                      QStringLiteral("info"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  CommandLineText::tr("User interface language: %1 (default: the system's).")
                                      .arg(availableLanguages().join(QStringLiteral(", "))),
                                  CommandLineText::tr("code"));
    parser.addOptions(
        {help, version, profile, prometheus, alertmanager, loki, health, view, screenshotDir, dashboardsDir, demo, environments, metrics, wall,
         logLevel, lang});

    CommandLine result;
    const auto fail = [&result](const QString &message) {
        result.outcome = CommandLine::Outcome::Error;
        result.text = message + u'\n' + CommandLineText::tr("Run “watchfloor --help” for the options.") + u'\n';
        return result;
    };

    if (!parser.parse(arguments))
        return fail(parser.errorText());
    // The language first: --help and every later message are given in it.
    auto &o = result.options;
    if (parser.isSet(lang)) {
        const auto code = parser.value(lang).trimmed();
        const auto language = QLocale(code).name().section(u'_', 0, 0);
        if (code.isEmpty() || !availableLanguages().contains(code.section(u'_', 0, 0).toLower())
            || language == u"C") {
            return fail(CommandLineText::tr("--lang: no translation for “%1”; available: %2.")
                            .arg(code, availableLanguages().join(QStringLiteral(", "))));
        }
        o.language = code.section(u'_', 0, 0).toLower();
    }
    if (parser.isSet(help)) {
        result.outcome = CommandLine::Outcome::ShowText;
        result.text = parser.helpText();
        return result;
    }
    if (parser.isSet(version)) {
        result.outcome = CommandLine::Outcome::ShowText;
        result.text = QStringLiteral("watchfloor %1\n").arg(QStringLiteral(WATCHFLOOR_VERSION));
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(CommandLineText::tr("Unexpected argument “%1”.").arg(parser.positionalArguments().first()));

    o.demo = parser.isSet(demo);
    o.wall = parser.isSet(wall);
    if (o.demo && (parser.isSet(profile) || parser.isSet(prometheus) || parser.isSet(alertmanager) || parser.isSet(loki)
                   || parser.isSet(health)))
        return fail(CommandLineText::tr("--demo brings its own endpoints: it cannot be combined with --profile or an endpoint URL."));
    if (parser.isSet(environments)) {
        bool number = false;
        o.environments = parser.value(environments).trimmed().toInt(&number);
        if (!number || o.environments < 1 || o.environments > kMaxDemoEnvironments)
            return fail(CommandLineText::tr("--environments: give a number from 1 to %1.").arg(kMaxDemoEnvironments));
        if (!o.demo)
            return fail(CommandLineText::tr("--environments starts demo stacks: use it with --demo."));
    }
    if (parser.isSet(metrics)) {
        const auto backend = parser.value(metrics).trimmed().toLower();
        if (backend != u"prometheus" && backend != u"victoriametrics")
            return fail(CommandLineText::tr("--metrics: give prometheus or victoriametrics, not “%1”.").arg(parser.value(metrics)));
        if (!o.demo)
            return fail(CommandLineText::tr("--metrics chooses the demo's metrics backend: use it with --demo."));
        o.victoriaMetrics = backend == u"victoriametrics";
    }
    if (parser.isSet(profile)) {
        o.profile = parser.value(profile).trimmed();
        if (o.profile.isEmpty())
            return fail(CommandLineText::tr("--profile needs a profile name."));
    }
    const std::pair<const QCommandLineOption *, QUrl *> urls[] = {
        {&prometheus, &o.prometheus}, {&alertmanager, &o.alertmanager}, {&loki, &o.loki}, {&health, &o.health}};
    for (const auto &[option, target] : urls) {
        if (!parser.isSet(*option))
            continue;
        // Alertmanager: a cluster's peers, Prometheus: an HA pair's replicas, separated by commas;
        // the others take one URL.
        auto values = parser.value(*option).split(u',', Qt::SkipEmptyParts);
        if ((option != &alertmanager && option != &prometheus) || values.isEmpty())
            values = QStringList{parser.value(*option)};
        for (qsizetype i = 0; i < values.size(); ++i) {
            QUrl url;
            if (const auto error = checkUrl(option->names().constFirst(), values.at(i).trimmed(), url))
                return fail(*error);
            if (i == 0)
                *target = url;
            else
                (option == &alertmanager ? o.alertmanagerPeers : o.prometheusReplicas).append(url);
        }
    }
    if (parser.isSet(view)) {
        o.view = viewFromName(parser.value(view));
        if (!o.view) {
            return fail(CommandLineText::tr("--view: unknown view “%1”; choose one of %2.")
                            .arg(parser.value(view), viewNames().join(QStringLiteral(", "))));
        }
    }
    if (parser.isSet(screenshotDir)) {
        o.screenshotDir = parser.value(screenshotDir);
        if (o.screenshotDir.trimmed().isEmpty())
            return fail(CommandLineText::tr("--screenshot-dir needs a directory."));
    }
    if (parser.isSet(dashboardsDir)) {
        o.dashboards = parser.value(dashboardsDir);
        if (o.dashboards.trimmed().isEmpty())
            return fail(CommandLineText::tr("--dashboards needs a directory."));
    }
    const auto level = logging::levelFromName(parser.value(logLevel));
    if (!level) {
        return fail(CommandLineText::tr("--log-level: unknown level “%1”; choose trace, debug, info, warn, error, critical or off.")
                        .arg(parser.value(logLevel)));
    }
    o.logLevel = *level;
    return result;
}

} // namespace wf
