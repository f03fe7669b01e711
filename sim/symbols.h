#pragma once

#include <QStringList>

namespace sim {

// Real US tickers, most traded first; the simulator subscribes to the first N.
const QStringList &knownTickers();

} // namespace sim
