#include "profile.h"

namespace wf {

QString endpointKey(Endpoint endpoint)
{
    switch (endpoint) {
    case Endpoint::Prometheus: return QStringLiteral("prometheus");
    case Endpoint::Alertmanager: return QStringLiteral("alertmanager");
    case Endpoint::Loki: return QStringLiteral("loki");
    case Endpoint::Health: return QStringLiteral("health");
    }
    return {};
}

QString authKindKey(AuthKind kind)
{
    switch (kind) {
    case AuthKind::None: return QStringLiteral("none");
    case AuthKind::Basic: return QStringLiteral("basic");
    case AuthKind::Bearer: return QStringLiteral("bearer");
    }
    return {};
}

std::optional<AuthKind> authKindFromKey(const QString &key)
{
    for (const auto kind : {AuthKind::None, AuthKind::Basic, AuthKind::Bearer}) {
        if (authKindKey(kind) == key)
            return kind;
    }
    return std::nullopt;
}

Profile demoProfile()
{
    Profile p;
    p.name = QStringLiteral("Demo");
    p.endpoint(Endpoint::Prometheus).url = QUrl(QStringLiteral("http://127.0.0.1:9090"));
    p.endpoint(Endpoint::Alertmanager).url = QUrl(QStringLiteral("http://127.0.0.1:9093"));
    p.endpoint(Endpoint::Loki).url = QUrl(QStringLiteral("http://127.0.0.1:5002"));
    p.endpoint(Endpoint::Health).url = QUrl(QStringLiteral("http://127.0.0.1:5002/api/health/alpaca"));
    p.refreshSeconds = 5;
    p.scrapeSeconds = 1; // resources/demo/prometheus.yml
    return p;
}

bool isValidProfileName(const QString &name)
{
    const auto trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed != name || name.size() > 64)
        return false;
    for (const QChar c : name) {
        if (!c.isPrint())
            return false;
    }
    return true;
}

} // namespace wf
