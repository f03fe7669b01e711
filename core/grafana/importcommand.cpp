#include "importcommand.h"

#include "grafanaexport.h"
#include "grafanaimport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <cstdio>
#include <optional>

namespace wf::grafana {
namespace {

constexpr qint64 kMaxFileBytes = 32 * 1024 * 1024; // the largest public dashboards are under 1 MB

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(wf::grafana::ImportCommand)
};

int fail(int code, const QString &message)
{
    std::fputs(qPrintable(message + QLatin1Char('\n')), stderr);
    return code;
}

// FILE (or VIEW) and --out, the two commands' arguments: nullopt and the exit code when they
// end here (--help, a mistake).
struct Arguments
{
    QString source;
    QString out;
};

std::optional<Arguments> parseArguments(const QStringList &arguments, const QString &usage, const QString &outMissing,
                                        const QString &oneTooMany, int *exitCode)
{
    Arguments parsed;
    for (int i = 1; i < arguments.size(); ++i) {
        const auto &a = arguments.at(i);
        if (a == u"--help" || a == u"-h") {
            std::fputs(qPrintable(usage + QLatin1Char('\n')), stdout);
            *exitCode = 0;
            return std::nullopt;
        }
        if (a == u"--out" || a.startsWith(QLatin1String("--out="))) {
            if (a == u"--out" && i + 1 >= arguments.size()) {
                *exitCode = fail(2, outMissing + QLatin1Char('\n') + usage);
                return std::nullopt;
            }
            parsed.out = a == u"--out" ? arguments.at(++i) : a.mid(6);
        } else if (a.startsWith(QLatin1String("--"))) {
            *exitCode = fail(2, Text::tr("Unknown option “%1”.").arg(a) + QLatin1Char('\n') + usage);
            return std::nullopt;
        } else if (parsed.source.isEmpty()) {
            parsed.source = a;
        } else {
            *exitCode = fail(2, oneTooMany.arg(a) + QLatin1Char('\n') + usage);
            return std::nullopt;
        }
    }
    return parsed;
}

} // namespace

int runImportCommand(const QStringList &arguments)
{
    const auto usage = Text::tr("Usage: watchfloor import-grafana FILE.json [--out DIR]");
    int exitCode = 2;
    const auto args = parseArguments(arguments, usage, Text::tr("--out needs a folder."),
                                     Text::tr("One file at a time: “%1” is one too many."), &exitCode);
    if (!args)
        return exitCode;
    const auto file = args->source;
    const auto out = args->out.isEmpty() ? QStringLiteral(".") : args->out;
    if (file.isEmpty())
        return fail(2, usage);
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return fail(2, Text::tr("Cannot read “%1”: %2").arg(file, in.errorString()));
    if (in.size() > kMaxFileBytes)
        return fail(2, Text::tr("“%1” is larger than 32 MB: not a dashboard.").arg(file));
    const auto imported = importDashboard(in.readAll());
    if (!imported)
        return fail(2, Text::tr("“%1” was not imported: %2").arg(file, imported.error().message));
    const auto &result = imported.value();
    // What is written is what the console loads: checked before the file is replaced.
    const auto json = dashboards::toJson(result.dashboard);
    if (const auto back = dashboards::parse(json); !back)
        return fail(3, Text::tr("“%1” was not imported: the result does not load (%2).").arg(file, back.error().message));
    if (!QDir().mkpath(out))
        return fail(3, Text::tr("Cannot create the folder “%1”.").arg(out));
    const auto path = QDir(out).filePath(result.dashboard.id + QStringLiteral(".json"));
    QSaveFile save(path);
    if (!save.open(QIODevice::WriteOnly) || save.write(json) != json.size() || !save.commit())
        return fail(3, Text::tr("Cannot write “%1”: %2").arg(path, save.errorString()));
    std::fputs(qPrintable(result.report()), stdout);
    std::fputs(qPrintable(Text::tr("Written: %1").arg(QDir::toNativeSeparators(path)) + QLatin1Char('\n')), stdout);
    return 0;
}

int runExportCommand(const QStringList &arguments)
{
    const auto usage = Text::tr("Usage: watchfloor export-grafana VIEW|FILE.json --out FILE.json");
    int exitCode = 2;
    const auto args = parseArguments(arguments, usage, Text::tr("--out needs a file."),
                                     Text::tr("One dashboard at a time: “%1” is one too many."), &exitCode);
    if (!args)
        return exitCode;
    const auto source = args->source;
    const auto out = args->out;
    if (source.isEmpty() || out.isEmpty())
        return fail(2, usage);
    Result<Dashboard> dashboard = Error::make(Error::Kind::Parse, QString());
    if (dashboards::builtInIds().contains(source)) {
        dashboard = dashboards::builtIn(source);
    } else {
        QFile in(source);
        if (!in.open(QIODevice::ReadOnly))
            return fail(2, Text::tr("“%1” is neither a view (%2) nor a file that can be read: %3")
                               .arg(source, dashboards::builtInIds().join(QStringLiteral(", ")), in.errorString()));
        if (in.size() > kMaxFileBytes)
            return fail(2, Text::tr("“%1” is larger than 32 MB: not a dashboard.").arg(source));
        dashboard = dashboards::parse(in.readAll());
    }
    if (!dashboard)
        return fail(2, Text::tr("“%1” is not a Watchfloor dashboard: %2").arg(source, dashboard.error().message));
    QStringList notes;
    const auto json = exportDashboard(dashboard.value(), &notes);
    QSaveFile save(out);
    if (!save.open(QIODevice::WriteOnly) || save.write(json) != json.size() || !save.commit())
        return fail(3, Text::tr("Cannot write “%1”: %2").arg(out, save.errorString()));
    for (const auto &n : std::as_const(notes))
        std::fputs(qPrintable(QStringLiteral("- ") + n + QLatin1Char('\n')), stdout);
    std::fputs(qPrintable(Text::tr("Written: %1 (“%2”, panels: %3; for Grafana 9 to 11)")
                              .arg(QDir::toNativeSeparators(out), dashboard.value().title)
                              .arg(dashboard.value().panels().size())
                          + QLatin1Char('\n')),
               stdout);
    return 0;
}

} // namespace wf::grafana
