#pragma once

#include <QDate>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>
#include <variant>

namespace wf {

// `watchfloor report …`: what the weekly SLO report is asked for (no display needed).
struct ReportOptions
{
    QString profile;  // --profile NAME, or the endpoint flags
    QUrl prometheus;  // --prometheus URL
    QUrl alertmanager; // --alertmanager URL
    QUrl loki;         // --loki URL: the failovers' reasons
    QDate from;       // the first day, UTC (a week: its Monday)
    QDate to;         // the last day, UTC, inclusive (a week: its Sunday)
    QString label;    // "2026-W48", or "2026-11-23_2026-11-29"
    QStringList formats; // of pdf, html, json, in that order
    QString outDir;
    QString language; // empty: the system's
    bool scheduled = false; // --scheduled: the current profile, last week, pdf and json, into Settings' report folder

    QString baseName() const { return QStringLiteral("slo-report-") + label; }
};

// Parses the arguments after "report" (arguments.first() is the program). Either the options or
// a message for the user (exit code 2); --help answers its text as the message too, with help set.
struct ReportCommandLine
{
    std::optional<ReportOptions> options;
    QString text; // the error or --help
    bool help = false;
};
ReportCommandLine parseReportCommandLine(const QStringList &arguments, const QDate &today);

// "2026-W48" → its Monday (ISO 8601: week 1 holds 4 January); nullopt when there is no such week.
std::optional<QDate> mondayOfIsoWeek(const QString &week);
// The ISO week a day is in, as "2026-W48".
QString isoWeekOf(const QDate &day);

} // namespace wf
