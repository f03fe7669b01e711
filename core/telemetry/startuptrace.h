#pragma once

#include <string_view>

namespace wf::startup {

// Milliseconds since this process was started by the kernel (exec, loading and Qt included), from
// /proc/self/stat and /proc/uptime; 10 ms resolution. -1 where /proc cannot be read.
long long sinceProcessStartMs();

// Logs "startup phase=<phase> ms=<since process start>" (area app, info) the first time a phase is
// reached in this process; later calls with the same phase do nothing. The cold-start bench reads
// these lines: qt, settings, window-shown, first-request, first-data-painted.
void mark(std::string_view phase);

} // namespace wf::startup
