#pragma once

#include <QString>

#include <array>
#include <optional>

namespace wf {

// The console's views, in navigation order (Ctrl+1 ... Ctrl+9).
enum class ViewId { Operations, Performance, Reliability, Business, Alerts, Logs, Runbooks, Explore, Environments };

inline constexpr std::array kAllViews{ViewId::Operations, ViewId::Performance, ViewId::Reliability,
                                      ViewId::Business,   ViewId::Alerts,      ViewId::Logs,
                                      ViewId::Runbooks,   ViewId::Explore,     ViewId::Environments};

// The stable, untranslated name used on the command line, in settings and in screenshot file names.
QString viewName(ViewId view);
std::optional<ViewId> viewFromName(const QString &name);
QStringList viewNames();

} // namespace wf
