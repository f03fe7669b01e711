#include "importcommand.h"

#include "grafanaexport.h"
#include "grafanaimport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <cstdio>

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

} // namespace

int runImportCommand(const QStringList &arguments)
{
    const auto usage = Text::tr("Usage: watchfloor import-grafana FILE.json [--out DIR]");
    QString file;
    QString out = QStringLiteral(".");
    for (int i = 1; i < arguments.size(); ++i) {
        const auto &a = arguments.at(i);
        if (a == u"--help" || a == u"-h") {
            std::fputs(qPrintable(usage + QLatin1Char('\n')), stdout);
            return 0;
        }
        if (a == u"--out" || a.startsWith(QLatin1String("--out="))) {
            if (a == u"--out" && i + 1 >= arguments.size())
                return fail(2, Text::tr("--out needs a folder.") + QLatin1Char('\n') + usage);
            out = a == u"--out" ? arguments.at(++i) : a.mid(6);
        } else if (a.startsWith(QLatin1String("--"))) {
            return fail(2, Text::tr("Unknown option “%1”.").arg(a) + QLatin1Char('\n') + usage);
        } else if (file.isEmpty()) {
            file = a;
        } else {
            return fail(2, Text::tr("One file at a time: “%1” is one too many.").arg(a) + QLatin1Char('\n') + usage);
        }
    }
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
    QString source, out;
    for (int i = 1; i < arguments.size(); ++i) {
        const auto &a = arguments.at(i);
        if (a == u"--help" || a == u"-h") {
            std::fputs(qPrintable(usage + QLatin1Char('\n')), stdout);
            return 0;
        }
        if (a == u"--out" || a.startsWith(QLatin1String("--out="))) {
            if (a == u"--out" && i + 1 >= arguments.size())
                return fail(2, Text::tr("--out needs a file.") + QLatin1Char('\n') + usage);
            out = a == u"--out" ? arguments.at(++i) : a.mid(6);
        } else if (a.startsWith(QLatin1String("--"))) {
            return fail(2, Text::tr("Unknown option “%1”.").arg(a) + QLatin1Char('\n') + usage);
        } else if (source.isEmpty()) {
            source = a;
        } else {
            return fail(2, Text::tr("One dashboard at a time: “%1” is one too many.").arg(a) + QLatin1Char('\n') + usage);
        }
    }
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
