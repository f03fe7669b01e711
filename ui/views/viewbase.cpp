#include "viewbase.h"

#include <QJsonArray>

namespace wf {

ViewBase::ViewBase(ViewId id, QWidget *parent)
    : QWidget(parent)
    , m_id(id)
{
    setObjectName(viewName(id) + QStringLiteral("View"));
}

QString ViewBase::title(ViewId id)
{
    switch (id) {
    case ViewId::Operations: return tr("Operations");
    case ViewId::Performance: return tr("Performance");
    case ViewId::Reliability: return tr("Reliability");
    case ViewId::Business: return tr("Business");
    case ViewId::Alerts: return tr("Alerts");
    case ViewId::Logs: return tr("Logs");
    case ViewId::Runbooks: return tr("Runbooks");
    case ViewId::Explore: return tr("Explore");
    case ViewId::Environments: return tr("Environments");
    }
    return {};
}

QJsonObject ViewBase::snapshot() const
{
    return {{QStringLiteral("view"), viewName(m_id)},
            {QStringLiteral("title"), title(m_id)},
            {QStringLiteral("panels"), QJsonArray()}};
}

} // namespace wf
