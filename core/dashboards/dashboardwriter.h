#pragma once

#include "net/result.h"

#include <QString>

namespace wf::dashboards {

// A panel Explore adds to a view's dashboard in the user's dashboard folder.
struct NewPanel
{
    QString title;
    QString expr;
    bool instant = false; // a table of the latest values rather than a time series
};

// Appends the panel to <folder>/<id>.json in a row titled "Explore" (made if missing). A view
// without its own file there gets a copy of its built-in dashboard first, so that nothing it
// showed is lost. The file is replaced atomically and only when the result still parses; the
// answer is the file's path.
Result<QString> appendPanel(const QString &folder, const QString &id, const NewPanel &panel);

} // namespace wf::dashboards
