#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace wf {

struct Dashboard;

// "Export as Grafana dashboard…" (a panel's menu, File): asks where, writes the dashboard as
// Grafana JSON (grafana::exportDashboard), and says what Grafana shows differently. The path
// written; empty when cancelled or it could not be written (said in a message).
class GrafanaExportFlow
{
public:
    static QString run(QWidget *parent, const Dashboard &dashboard);
    // Without asking: false and *error when it could not be written.
    static bool write(const Dashboard &dashboard, const QString &path, QStringList *notes, QString *error);
};

} // namespace wf
