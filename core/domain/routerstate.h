#pragma once

#include "health.h"

#include <QString>

namespace wf {

// The data-source router's state (shared/design/METRICS.md): Alpaca first, Yahoo as fallback.
enum class RouterState { PrimaryActive, FallbackActive, BothUnavailable, Unknown };

RouterState routerStateFromName(const QString &name); // "PRIMARY_ACTIVE", … (Unknown otherwise)
QString routerStateName(RouterState state);           // the service's name; "UNKNOWN" for Unknown
Health routerStateHealth(RouterState state);          // Good, Warning, Bad, Unknown
QString routerStateLabel(RouterState state);           // "Primary (Alpaca)", … translated

} // namespace wf
