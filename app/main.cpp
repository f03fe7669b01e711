// Watchfloor: the operations console's entry point — command line, logging, translations, profile, window.

#include "cli/commandline.h"
#include "cli/translations.h"
#include "firstrundialog.h"
#include "mainwindow.h"
#include "grafana/importcommand.h"
#include "report/reportcommand.h"
#include "wall/wallmode.h"
#include "screenshotrunner.h"
#include "store/settings.h"
#include "telemetry/logging.h"
#include "telemetry/startuptrace.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIcon>
#include <QTimer>

#include <cstdio>

namespace {

QStringList arguments(int argc, char **argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return args;
}

int fail(const QString &message)
{
    std::fputs(qPrintable(message + u'\n'), stderr);
    return 2;
}

// Applies the command line's endpoint URLs on top of a profile.
wf::Profile withOverrides(wf::Profile profile, const wf::LaunchOptions &o)
{
    const std::pair<wf::Endpoint, QUrl> overrides[] = {{wf::Endpoint::Prometheus, o.prometheus},
                                                       {wf::Endpoint::Alertmanager, o.alertmanager},
                                                       {wf::Endpoint::Loki, o.loki},
                                                       {wf::Endpoint::Health, o.health}};
    for (const auto &[endpoint, url] : overrides) {
        if (!url.isEmpty()) {
            profile.endpoint(endpoint).url = url;
            profile.endpoint(endpoint).moreUrls.clear();
        }
    }
    profile.endpoint(wf::Endpoint::Alertmanager).moreUrls += o.alertmanagerPeers;
    profile.endpoint(wf::Endpoint::Prometheus).moreUrls += o.prometheusReplicas;
    return profile;
}

} // namespace

int main(int argc, char **argv)
{
    const auto args = arguments(argc, argv);
    if (args.size() > 1 && args.at(1) == u"report") {
        // The weekly report: no window, no display (the PDF needs fonts, not a screen).
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication gui(argc, argv);
        wf::logging::Options logOptions;
        logOptions.level = spdlog::level::err; // what went wrong is said once, at the end
        wf::logging::setup(logOptions);
        return wf::runReportCommand(args.mid(1));
    }
    if (args.size() > 1 && (args.at(1) == u"import-grafana" || args.at(1) == u"export-grafana")) {
        // A Grafana dashboard into a Watchfloor one, or back: no window.
        QCoreApplication core(argc, argv);
        wf::installTranslations({}); // the system's language
        wf::logging::Options logOptions;
        logOptions.level = spdlog::level::err;
        wf::logging::setup(logOptions);
        return args.at(1) == u"import-grafana" ? wf::grafana::runImportCommand(args.mid(1))
                                                : wf::grafana::runExportCommand(args.mid(1));
    }
    auto commandLine = wf::parseCommandLine(args);
    if (commandLine.outcome != wf::CommandLine::Outcome::Run) {
        // --help, --version or a mistake: answer in the user's language without opening a window.
        QCoreApplication core(argc, argv);
        wf::installTranslations(commandLine.options.language);
        commandLine = wf::parseCommandLine(args);
        std::fputs(qPrintable(commandLine.text), commandLine.exitCode() == 0 ? stdout : stderr);
        return commandLine.exitCode();
    }
    const auto &options = commandLine.options;

    wf::logging::Options logOptions;
    logOptions.level = options.logLevel;
    wf::logging::setup(logOptions);

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("watchfloor"));
    QApplication::setApplicationDisplayName(QStringLiteral("Watchfloor"));
    QApplication::setApplicationVersion(QStringLiteral(WATCHFLOOR_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("com.mytrader.Watchfloor"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/watchfloor.svg")));
    const auto language = wf::installTranslations(options.language);
    wf::logging::get("app")->info("starting version={} language={} qt={}", WATCHFLOOR_VERSION,
                                  language.toStdString(), qVersion());
    wf::startup::mark("qt");

    if (!options.dashboards.isEmpty() && !QFileInfo(options.dashboards).isDir()) {
        return fail(QCoreApplication::translate("wf::CommandLine", "--dashboards: “%1” is not a folder.")
                        .arg(options.dashboards));
    }

    wf::Settings settings;
    std::optional<wf::Profile> profile;
    bool transient = options.overridesEndpoints();
    bool demo = options.demo;
    if (demo) {
        transient = true;
    } else if (!options.profile.isEmpty()) {
        profile = settings.profile(options.profile);
        if (!profile) {
            const auto known = settings.profileNames();
            return fail(QCoreApplication::translate("wf::CommandLine", "--profile: no profile named “%1”. %2")
                            .arg(options.profile,
                                 known.isEmpty()
                                     ? QCoreApplication::translate("wf::CommandLine", "There are no profiles yet.")
                                     : QCoreApplication::translate("wf::CommandLine", "Known profiles: %1.")
                                           .arg(known.join(QStringLiteral(", ")))));
        }
    } else if (const auto current = settings.profile(settings.currentProfile())) {
        profile = current;
    } else if (!settings.profileNames().isEmpty()) {
        profile = settings.profile(settings.profileNames().constFirst());
    } else if (transient || !options.screenshotDir.isEmpty()) {
        // Nothing stored and nothing to ask (or nobody to ask): the command line and the demo defaults.
        profile = wf::demoProfile();
        transient = true;
    } else {
        const auto choice = wf::FirstRun::run(settings);
        if (choice == wf::FirstRun::Choice::Quit)
            return 0;
        demo = choice == wf::FirstRun::Choice::Demo;
        transient = demo;
        if (!demo) {
            profile = settings.profile(settings.currentProfile());
            if (!profile)
                profile = settings.profile(settings.profileNames().value(0));
            if (!profile)
                return 0;
        }
    }
    if (profile && transient && options.overridesEndpoints())
        profile = withOverrides(*profile, options);

    if (!options.screenshotDir.isEmpty() && !QDir().mkpath(options.screenshotDir)) {
        return fail(QCoreApplication::translate("wf::CommandLine", "--screenshot-dir: cannot create “%1”.")
                        .arg(options.screenshotDir));
    }

    wf::startup::mark("settings");
    wf::MainWindow window(settings);
    if (demo) {
        // The stack stops with the window.
        if (!window.startDemo(options.screenshotDir.isEmpty(), options.environments, options.victoriaMetrics))
            return 1;
        if (options.overridesEndpoints())
            window.setProfile(withOverrides(window.profile(), options), true);
    } else {
        window.setProfile(*profile, transient);
    }
    if (!options.dashboards.isEmpty())
        window.setDashboardsOverride(QFileInfo(options.dashboards).absoluteFilePath());
    if (options.screenshotDir.isEmpty())
        window.restoreState();
    if (options.view)
        window.showView(*options.view);
    window.show();
    if (options.wall)
        window.wallMode()->setActive(true);
    wf::startup::mark("window-shown");

    if (!options.screenshotDir.isEmpty()) {
        auto *runner = new wf::ScreenshotRunner(&window, options.screenshotDir, &app);
        QObject::connect(runner, &wf::ScreenshotRunner::finished, &app, [](int code) { QCoreApplication::exit(code); });
        QTimer::singleShot(0, runner, &wf::ScreenshotRunner::start);
    }
    const int code = app.exec();
    wf::logging::get("app")->info("exiting code={}", code);
    return code;
}
