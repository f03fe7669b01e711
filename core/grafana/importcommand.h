#pragma once

#include <QStringList>

namespace wf::grafana {

// `watchfloor import-grafana FILE.json [--out DIR]`: writes DIR/<id>.json (a Watchfloor
// dashboard; DIR defaults to the current folder) and prints the import report. Exit 0 when a
// dashboard was written; 2 when the arguments are wrong or the file is not a Grafana dashboard;
// 3 when it cannot be written. `arguments` starts with "import-grafana".
int runImportCommand(const QStringList &arguments);

// `watchfloor export-grafana VIEW|FILE --out FILE.json`: a built-in view's dashboard (operations,
// performance, reliability, business) or a Watchfloor dashboard file as Grafana JSON, which
// Grafana 9 to 11 import. Exit 0 when written; 2 for wrong arguments, an unknown view or a file
// that is not a Watchfloor dashboard; 3 when it cannot be written. `arguments` starts with
// "export-grafana".
int runExportCommand(const QStringList &arguments);

} // namespace wf::grafana
