#include "statecolors.h"

namespace wf {

QColor healthColor(Health health)
{
    switch (health) {
    case Health::Good: return QColor(0x2e, 0xa0, 0x43);    // green, readable on light and dark
    case Health::Warning: return QColor(0xe0, 0x9b, 0x12); // amber
    case Health::Bad: return QColor(0xd0, 0x36, 0x2c);     // red
    case Health::Unknown: return QColor(0x8a, 0x8f, 0x98); // grey
    }
    return {};
}

} // namespace wf
