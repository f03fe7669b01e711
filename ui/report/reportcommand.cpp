#include "reportcommand.h"

#include "cli/translations.h"
#include "net/httpclient.h"
#include "sources/alertmanager/alertmanagerclient.h"
#include "sources/loki/lokiclient.h"
#include "report/reportdocument.h"
#include "report/reportoptions.h"
#include "report/sloreport.h"
#include "sources/prometheus/prometheusclient.h"
#include "store/alerthistory.h"
#include "store/settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSaveFile>

#include <cstdio>

namespace wf {
namespace {

class ReportText
{
    Q_DECLARE_TR_FUNCTIONS(wf::ReportCommand)
};

void say(const QString &text, FILE *to)
{
    std::fputs(qPrintable(text.endsWith(u'\n') ? text : text + u'\n'), to);
}

} // namespace

int runReportCommand(const QStringList &arguments)
{
    const auto today = QDateTime::currentDateTimeUtc().date();
    // The language first, so that every message is in it.
    const auto lang = arguments.indexOf(QStringLiteral("--lang"));
    if (lang >= 0 && lang + 1 < arguments.size())
        installTranslations(arguments.at(lang + 1));
    const auto command = parseReportCommandLine(arguments, today);
    if (!command.options) {
        say(command.text, command.help ? stdout : stderr);
        return command.help ? 0 : 2;
    }
    const auto &options = *command.options;
    Profile profile;
    Settings settings;
    auto outDir = options.outDir;
    if (options.scheduled) {
        // The timer's run: the profile in use and the folder from Settings.
        const auto current = settings.profile(settings.currentProfile());
        if (!current) {
            say(ReportText::tr("--scheduled: no current profile in Settings to make the report from."), stderr);
            return 2;
        }
        profile = *current;
        outDir = settings.reportFolder();
    } else if (!options.profile.isEmpty()) {
        const auto stored = settings.profile(options.profile);
        if (!stored) {
            say(ReportText::tr("--profile: no profile named “%1”.").arg(options.profile), stderr);
            return 2;
        }
        profile = *stored;
    }
    if (!options.prometheus.isEmpty()) {
        profile.endpoint(Endpoint::Prometheus).url = options.prometheus;
        profile.endpoint(Endpoint::Prometheus).moreUrls.clear();
    }
    if (!options.alertmanager.isEmpty())
        profile.endpoint(Endpoint::Alertmanager).url = options.alertmanager;
    if (!options.loki.isEmpty())
        profile.endpoint(Endpoint::Loki).url = options.loki;
    if (profile.endpoint(Endpoint::Prometheus).url.isEmpty()) {
        say(ReportText::tr("The profile “%1” names no Prometheus: the report is made from it.").arg(profile.name), stderr);
        return 2;
    }

    QNetworkAccessManager network;
    HttpClient http(&network, Endpoint::Prometheus);
    http.setProfile(profile);
    PrometheusClient prometheus(&http);
    prometheus.detectServer();
    SloReportBuilder builder(&prometheus);
    builder.setStepSeconds(profile.scrapeSeconds);
    // The acknowledgements are Alertmanager's silences: asked when the profile names it.
    HttpClient amHttp(&network, Endpoint::Alertmanager);
    amHttp.setProfile(profile);
    AlertmanagerClient alertmanager(&amHttp);
    if (!profile.endpoint(Endpoint::Alertmanager).url.isEmpty())
        builder.setAlertmanager(&alertmanager);
    // The failovers' reasons are the router's logged transitions: asked when the profile names Loki.
    HttpClient lokiHttp(&network, Endpoint::Loki);
    lokiHttp.setProfile(profile);
    LokiClient loki(&lokiHttp);
    if (!profile.endpoint(Endpoint::Loki).url.isEmpty())
        builder.setLoki(&loki);
    // The console's own alert history on this machine, when there is one: acknowledgements whose
    // silences Alertmanager has forgotten (nothing is created when there is none).
    AlertHistory history;
    if (QFile::exists(history.path()) && history.open())
        builder.setHistory(history.events(profile.name, QDateTime(options.from, QTime(0, 0), Qt::UTC).addDays(-1),
                                          QDateTime(options.to, QTime(0, 0), Qt::UTC).addDays(2)));
    QEventLoop loop;
    std::optional<SloReport> report;
    QString failure;
    QObject::connect(&builder, &SloReportBuilder::finished, &loop, [&](const SloReport &r) {
        report = r;
        loop.quit();
    });
    QObject::connect(&builder, &SloReportBuilder::failed, &loop, [&](const QString &message) {
        failure = message;
        loop.quit();
    });
    builder.start(options.from, options.to);
    loop.exec();
    if (!report) {
        say(ReportText::tr("Nothing written: %1").arg(failure), stderr);
        return 3;
    }

    if (!QDir().mkpath(outDir)) {
        say(ReportText::tr("Cannot create the folder “%1”.").arg(outDir), stderr);
        return 2;
    }
    // Each format to a file beside its final name first: what is there is whole, or not there.
    const ReportDocument document(*report);
    for (const auto &format : options.formats) {
        const auto path = QDir(outDir).filePath(options.baseName() + u'.' + format);
        QString error;
        bool written = false;
        if (format == u"json") {
            QSaveFile file(path);
            written = file.open(QIODevice::WriteOnly)
                && file.write(QJsonDocument(report->toJson()).toJson(QJsonDocument::Indented)) >= 0 && file.commit();
            if (!written)
                error = ReportText::tr("Cannot write “%1”: %2").arg(path, file.errorString());
        } else if (format == u"html") {
            written = document.writeHtml(path, &error);
        } else {
            const auto part = path + QStringLiteral(".part");
            written = document.writePdf(part, &error);
            QFile::remove(path);
            if (written && !QFile::rename(part, path)) {
                written = false;
                error = ReportText::tr("Cannot write “%1”.").arg(path);
            }
            QFile::remove(part);
        }
        if (!written) {
            say(error, stderr);
            return 1;
        }
        say(ReportText::tr("Wrote %1").arg(QDir::toNativeSeparators(path)), stdout);
    }
    return 0;
}

} // namespace wf
