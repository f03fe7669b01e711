#pragma once

#include "dashboards/dashboard.h"
#include "net/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace wf::grafana {

// One thing an import did not carry over as Grafana had it: where (a panel, a variable, the
// dashboard), what, and why. Listed in the import report; never dropped silently.
struct ImportNote
{
    QString where; // "panel “CPU Busy”", "variable $port", "dashboard"
    QString what;
    QString why;
};

struct ImportResult
{
    Dashboard dashboard;
    QList<ImportNote> notes;
    int schemaVersion = 0;
    int panels = 0;      // Grafana's panels, rows not counted
    int mapped = 0;      // shown with their data (the others as a panel that says why not)
    QString timeFrom;    // Grafana's default time range ("now-24h") and refresh ("1m")
    QString timeTo;
    QString refresh;
    QStringList datasources; // the data source inputs and variables resolved to the profile's

    // The report `watchfloor import-grafana` prints: a summary line, then each note.
    QString report() const;
};

// A Grafana dashboard (schemaVersion 14 and later: legacy rows and gridPos panels, collapsed rows,
// exports "for sharing externally" with __inputs and ${DS_…}, and the {"dashboard": …} wrapper
// the HTTP API returns) as a Watchfloor dashboard. A Parse error when the bytes are not one.
Result<ImportResult> importDashboard(const QByteArray &json);

// "Node Exporter Full" → "node-exporter-full": the dashboard's id and file name.
QString slug(const QString &title);

} // namespace wf::grafana
