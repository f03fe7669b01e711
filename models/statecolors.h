#pragma once

#include "domain/health.h"

#include <QColor>

namespace wf {

// The one table of state colours: every light, chip and segment uses it, always with a text label too.
QColor healthColor(Health health);

} // namespace wf
