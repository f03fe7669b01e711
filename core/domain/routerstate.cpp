#include "routerstate.h"

#include <QCoreApplication>

namespace wf {
namespace {

class RouterText
{
    Q_DECLARE_TR_FUNCTIONS(wf::RouterState)
};

} // namespace

RouterState routerStateFromName(const QString &name)
{
    if (name == u"PRIMARY_ACTIVE")
        return RouterState::PrimaryActive;
    if (name == u"FALLBACK_ACTIVE")
        return RouterState::FallbackActive;
    if (name == u"BOTH_UNAVAILABLE")
        return RouterState::BothUnavailable;
    return RouterState::Unknown;
}

QString routerStateName(RouterState state)
{
    switch (state) {
    case RouterState::PrimaryActive:
        return QStringLiteral("PRIMARY_ACTIVE");
    case RouterState::FallbackActive:
        return QStringLiteral("FALLBACK_ACTIVE");
    case RouterState::BothUnavailable:
        return QStringLiteral("BOTH_UNAVAILABLE");
    case RouterState::Unknown:
        break;
    }
    return QStringLiteral("UNKNOWN");
}

Health routerStateHealth(RouterState state)
{
    switch (state) {
    case RouterState::PrimaryActive: return Health::Good;
    case RouterState::FallbackActive: return Health::Warning;
    case RouterState::BothUnavailable: return Health::Bad;
    case RouterState::Unknown: return Health::Unknown;
    }
    return Health::Unknown;
}

QString routerStateLabel(RouterState state)
{
    switch (state) {
    case RouterState::PrimaryActive: return RouterText::tr("Primary (Alpaca)");
    case RouterState::FallbackActive: return RouterText::tr("Fallback (Yahoo)");
    case RouterState::BothUnavailable: return RouterText::tr("Both sources unavailable");
    case RouterState::Unknown: return RouterText::tr("Unknown");
    }
    return {};
}

} // namespace wf
