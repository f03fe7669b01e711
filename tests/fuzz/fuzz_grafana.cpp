// A Grafana dashboard file, as `watchfloor import-grafana` reads it. What an import gives must
// load as a Watchfloor dashboard: the command refuses to write it otherwise, so a failure here
// is a dashboard the user could not import; and what is exported back must import as itself.
#include "dashboards/dashboard.h"
#include "fuzzsupport.h"
#include "grafana/grafanaexport.h"
#include "grafana/grafanaimport.h"

#include <cstdlib>

WF_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto imported = wf::grafana::importDashboard(fuzz::bytes(data, size));
    if (!imported)
        return 0;
    (void)imported.value().report();
    if (!wf::dashboards::parse(wf::dashboards::toJson(imported.value().dashboard)))
        std::abort();
    // And back to Grafana: what is exported imports again as the same dashboard.
    const auto again = wf::grafana::importDashboard(wf::grafana::exportDashboard(imported.value().dashboard));
    if (!again || wf::dashboards::toJson(again.value().dashboard) != wf::dashboards::toJson(imported.value().dashboard))
        std::abort();
    return 0;
}
