#pragma once

#include <QStringList>

namespace wf {

// `watchfloor report …` (arguments from "report" on, "report" first): writes the report and
// answers the process' exit code — 0 written, 2 bad arguments, 3 a data source cannot be reached
// (nothing written). Needs a running QCoreApplication, no display.
int runReportCommand(const QStringList &arguments);

} // namespace wf
