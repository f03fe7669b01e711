#pragma once

#include <QString>

class QWidget;

namespace wf {

// File → Import Grafana dashboard…: asks for the file, imports it, writes it into the dashboard
// folder (asking for one when the profile has none, and before replacing a dashboard of the same
// name), and shows the import report. The dashboard's id when one was written; empty otherwise
// (cancelled, or the file was not a Grafana dashboard — said in a message).
class GrafanaImportFlow
{
public:
    // folder: the profile's dashboard folder, set when the user chose one here.
    static QString run(QWidget *parent, QString *folder);
};

} // namespace wf
