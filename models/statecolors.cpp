#include "statecolors.h"

#include <iterator>

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

QColor seriesColor(int index)
{
    static const QColor kPalette[] = {QColor(0x1f77b4), QColor(0xff7f0e), QColor(0x2ca02c), QColor(0xd62728),
                                      QColor(0x9467bd), QColor(0x8c564b), QColor(0xe377c2), QColor(0x7f7f7f),
                                      QColor(0xbcbd22), QColor(0x17becf)};
    return kPalette[std::size_t(index) % std::size(kPalette)];
}

} // namespace wf
