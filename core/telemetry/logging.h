#pragma once

#include <QString>

#include <spdlog/common.h>
#include <spdlog/logger.h>

#include <memory>
#include <optional>
#include <string_view>

namespace wf::logging {

struct Options
{
    spdlog::level::level_enum level = spdlog::level::info;
    QString directory; // empty: defaultDirectory()
    bool toStderr = true;
    bool toFile = true;
};

// Sets up the console's own log: stderr and a rotating file (5 × 5 MB), both behind the
// redacting sink, one logger per area (net, sources, ui, app, store). Qt's own messages
// are routed into the "qt" logger. Safe to call again (replaces the previous setup).
void setup(const Options &options);

// The logger of one area; a setup() with defaults happens on first use.
std::shared_ptr<spdlog::logger> get(std::string_view area);

// $XDG_STATE_HOME/watchfloor, i.e. ~/.local/state/watchfloor by default.
QString defaultDirectory();
QString logFilePath(const QString &directory);

// "trace", "debug", "info", "warn", "error", "critical", "off"; nullopt for anything else.
std::optional<spdlog::level::level_enum> levelFromName(const QString &name);

} // namespace wf::logging
