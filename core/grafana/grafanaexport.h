#pragma once

#include "dashboards/dashboard.h"

#include <QByteArray>
#include <QStringList>

namespace wf::grafana {

// A Watchfloor dashboard as Grafana dashboard JSON (schemaVersion 39, "for sharing externally":
// a ${DS_PROMETHEUS} input that Grafana 9 to 11 ask for on import). Everything Grafana has a field
// for goes there — rows, gridPos, panel types, targets, units, decimals, min/max, thresholds,
// value mappings, "no value", stacking, label_values and custom variables. What it has none for
// (the router's and health endpoint's panels, a table's highlight, a gauge's target, the panel
// ids) rides along in a "watchfloor" key Grafana keeps and ignores, so that importDashboard()
// gives back the same dashboard. Router panels get a Prometheus equivalent
// (datasource_router_state); health panels, which Grafana cannot reach, a text saying so.
QByteArray exportDashboard(const Dashboard &dashboard, QStringList *notes = nullptr);

} // namespace wf::grafana
