#include "viewid.h"

#include <QStringList>

namespace wf {

QString viewName(ViewId view)
{
    switch (view) {
    case ViewId::Operations: return QStringLiteral("operations");
    case ViewId::Performance: return QStringLiteral("performance");
    case ViewId::Reliability: return QStringLiteral("reliability");
    case ViewId::Business: return QStringLiteral("business");
    case ViewId::Alerts: return QStringLiteral("alerts");
    case ViewId::Logs: return QStringLiteral("logs");
    case ViewId::Runbooks: return QStringLiteral("runbooks");
    case ViewId::Explore: return QStringLiteral("explore");
    case ViewId::Environments: return QStringLiteral("environments");
    }
    return {};
}

std::optional<ViewId> viewFromName(const QString &name)
{
    for (const auto view : kAllViews) {
        if (viewName(view).compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return view;
    }
    return std::nullopt;
}

QStringList viewNames()
{
    QStringList names;
    for (const auto view : kAllViews)
        names << viewName(view);
    return names;
}

} // namespace wf
