#pragma once

#include <QColor>

namespace wf {

// The one table of state colours: every light, chip and segment uses it, always with a text label too.
enum class Health { Good, Warning, Bad, Unknown };

QColor healthColor(Health health);

} // namespace wf
