#pragma once

#include "domain/health.h"

#include <QColor>

namespace wf {

// The one table of state colours: every light, chip and segment uses it, always with a text label too.
QColor healthColor(Health health);
// The colours of a chart's series, in order: index n gets the n-th (repeating after ten).
QColor seriesColor(int index);

} // namespace wf
