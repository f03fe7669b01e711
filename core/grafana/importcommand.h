#pragma once

#include <QStringList>

namespace wf::grafana {

// `watchfloor import-grafana FILE.json [--out DIR]`: writes DIR/<id>.json (a Watchfloor
// dashboard; DIR defaults to the current folder) and prints the import report. Exit 0 when a
// dashboard was written; 2 when the arguments are wrong or the file is not a Grafana dashboard;
// 3 when it cannot be written. `arguments` starts with "import-grafana".
int runImportCommand(const QStringList &arguments);

} // namespace wf::grafana
