#include "reportoptions.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

namespace wf {
namespace {

class ReportText
{
    Q_DECLARE_TR_FUNCTIONS(wf::ReportCommandLine)
};

constexpr int kMaxDays = 92; // a quarter at most: the report's tables stay readable

} // namespace

std::optional<QDate> mondayOfIsoWeek(const QString &week)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^(\d{4})-W(\d{1,2})$)"));
    const auto m = pattern.match(week.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const int year = m.captured(1).toInt();
    const int number = m.captured(2).toInt();
    const QDate january4(year, 1, 4);
    const auto firstMonday = january4.addDays(1 - january4.dayOfWeek());
    // A year has 53 weeks when 28 December is in week 53.
    int weekYear = 0;
    const int weeks = QDate(year, 12, 28).weekNumber(&weekYear);
    if (number < 1 || number > weeks)
        return std::nullopt;
    return firstMonday.addDays(7 * (number - 1));
}

QString isoWeekOf(const QDate &day)
{
    int year = 0;
    const int week = day.weekNumber(&year);
    return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
}

ReportCommandLine parseReportCommandLine(const QStringList &arguments, const QDate &today)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        ReportText::tr("Writes the weekly SLO report and alert review from Prometheus and Alertmanager."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, ReportText::tr("Show this help."));
    const QCommandLineOption profile(QStringLiteral("profile"), ReportText::tr("The stored profile to read from."),
                                     ReportText::tr("name"));
    const QCommandLineOption prometheus(QStringLiteral("prometheus"), ReportText::tr("Prometheus' URL (instead of a profile)."),
                                        ReportText::tr("url"));
    const QCommandLineOption alertmanager(QStringLiteral("alertmanager"),
                                          ReportText::tr("Alertmanager's URL (instead of a profile)."), ReportText::tr("url"));
    const QCommandLineOption loki(QStringLiteral("loki"), ReportText::tr("Loki's URL, for the failovers' reasons (instead of a profile)."),
                                  ReportText::tr("url"));
    const QCommandLineOption week(QStringLiteral("week"),
                                  ReportText::tr("The ISO week, e.g. 2026-W48 (default: last week)."), ReportText::tr("week"));
    const QCommandLineOption from(QStringLiteral("from"), ReportText::tr("The first day, UTC (YYYY-MM-DD)."),
                                  ReportText::tr("date"));
    const QCommandLineOption to(QStringLiteral("to"), ReportText::tr("The last day, UTC, included (YYYY-MM-DD)."),
                                ReportText::tr("date"));
    const QCommandLineOption format(QStringLiteral("format"), ReportText::tr("One or more of pdf, html, json (default: pdf)."),
                                    ReportText::tr("list"), QStringLiteral("pdf"));
    const QCommandLineOption out(QStringLiteral("out"), ReportText::tr("The folder to write to (default: the current one)."),
                                 ReportText::tr("dir"), QStringLiteral("."));
    const QCommandLineOption lang(QStringLiteral("lang"), ReportText::tr("The report's language: en or de."),
                                  ReportText::tr("code"));
    const QCommandLineOption scheduled(QStringLiteral("scheduled"),
                                       ReportText::tr("As the Monday timer runs it: last week, from the current profile, as PDF "
                                                      "and JSON, into the report folder set in Settings."));
    parser.addOptions({help, profile, prometheus, alertmanager, loki, week, from, to, format, out, lang, scheduled});

    ReportCommandLine result;
    const auto fail = [&result](const QString &message) {
        result.text = message + u'\n' + ReportText::tr("Run “watchfloor report --help” for the options.") + u'\n';
        return result;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(help)) {
        result.help = true;
        // Its usage line names the program as typed: it is the report command.
        result.text = parser.helpText();
        const auto program = QCoreApplication::instance() ? QCoreApplication::arguments().value(0) : QString();
        const auto at = program.isEmpty() ? -1 : result.text.indexOf(program);
        if (at >= 0 && at < result.text.indexOf(u'\n'))
            result.text.replace(at, program.size(), QStringLiteral("watchfloor report"));
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(ReportText::tr("Unexpected argument “%1”.").arg(parser.positionalArguments().first()));

    ReportOptions o;
    o.scheduled = parser.isSet(scheduled);
    if (o.scheduled) {
        for (const auto *option : {&profile, &prometheus, &alertmanager, &loki, &week, &from, &to, &format, &out})
            if (parser.isSet(*option))
                return fail(ReportText::tr("--scheduled takes what it needs from Settings: not with --%1.").arg(option->names().constLast()));
        o.label = isoWeekOf(today.addDays(-7));
        o.from = *mondayOfIsoWeek(o.label);
        o.to = o.from.addDays(6);
        o.formats = {QStringLiteral("pdf"), QStringLiteral("json")};
        if (parser.isSet(lang))
            o.language = parser.value(lang).trimmed().toLower();
        result.options = o;
        return result;
    }
    o.profile = parser.value(profile).trimmed();
    if (parser.isSet(profile) && o.profile.isEmpty())
        return fail(ReportText::tr("--profile needs a profile name."));
    for (const auto &[option, url] : {std::pair{&prometheus, &o.prometheus}, std::pair{&alertmanager, &o.alertmanager},
                                      std::pair{&loki, &o.loki}}) {
        if (!parser.isSet(*option))
            continue;
        *url = QUrl(parser.value(*option).trimmed(), QUrl::StrictMode);
        if (!url->isValid() || (url->scheme() != u"http" && url->scheme() != u"https") || url->host().isEmpty())
            return fail(ReportText::tr("--%1: “%2” is not an http(s) URL.").arg(option->names().first(), parser.value(*option)));
    }
    if (o.profile.isEmpty() && o.prometheus.isEmpty())
        return fail(ReportText::tr("Say where the data is: --profile NAME, or --prometheus URL (and --alertmanager URL)."));

    if (parser.isSet(week) && (parser.isSet(from) || parser.isSet(to)))
        return fail(ReportText::tr("Give either --week or --from and --to, not both."));
    if (parser.isSet(from) != parser.isSet(to))
        return fail(ReportText::tr("--from and --to go together."));
    if (parser.isSet(from)) {
        o.from = QDate::fromString(parser.value(from).trimmed(), Qt::ISODate);
        o.to = QDate::fromString(parser.value(to).trimmed(), Qt::ISODate);
        if (!o.from.isValid())
            return fail(ReportText::tr("--from: “%1” is not a date (YYYY-MM-DD).").arg(parser.value(from)));
        if (!o.to.isValid())
            return fail(ReportText::tr("--to: “%1” is not a date (YYYY-MM-DD).").arg(parser.value(to)));
        if (o.to < o.from)
            return fail(ReportText::tr("--to is before --from."));
        if (o.from.daysTo(o.to) + 1 > kMaxDays)
            return fail(ReportText::tr("At most %1 days in one report.").arg(kMaxDays));
        o.label = o.from.toString(Qt::ISODate) + u'_' + o.to.toString(Qt::ISODate);
    } else {
        const auto label = parser.isSet(week) ? parser.value(week).trimmed() : isoWeekOf(today.addDays(-7));
        const auto monday = mondayOfIsoWeek(label);
        if (!monday)
            return fail(ReportText::tr("--week: “%1” is not an ISO week (e.g. 2026-W48).").arg(label));
        o.from = *monday;
        o.to = monday->addDays(6);
        o.label = isoWeekOf(*monday);
    }
    if (o.from > today)
        return fail(ReportText::tr("The report's time lies in the future: nothing has happened yet."));

    for (const auto &f : parser.value(format).split(u',', Qt::SkipEmptyParts)) {
        const auto name = f.trimmed().toLower();
        if (name != u"pdf" && name != u"html" && name != u"json")
            return fail(ReportText::tr("--format: “%1” is not pdf, html or json.").arg(f.trimmed()));
        if (!o.formats.contains(name))
            o.formats.append(name);
    }
    if (o.formats.isEmpty())
        return fail(ReportText::tr("--format: give pdf, html or json."));
    o.outDir = parser.value(out);
    if (parser.isSet(lang)) {
        o.language = parser.value(lang).trimmed().toLower();
        if (o.language != u"en" && o.language != u"de")
            return fail(ReportText::tr("--lang: en or de, not “%1”.").arg(parser.value(lang)));
    }
    result.options = o;
    return result;
}

} // namespace wf
