#pragma once

namespace wf {

// How well something is doing, in the four states every light, chip and segment shows
// (the colours: models/statecolors.h).
enum class Health { Good, Warning, Bad, Unknown };

} // namespace wf
