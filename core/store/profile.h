#pragma once

#include <QString>
#include <QList>
#include <QUrl>

#include <array>
#include <optional>

namespace wf {

// The four services a profile points at.
enum class Endpoint { Prometheus, Alertmanager, Loki, Health };
inline constexpr std::array kAllEndpoints{Endpoint::Prometheus, Endpoint::Alertmanager, Endpoint::Loki,
                                          Endpoint::Health};

QString endpointKey(Endpoint endpoint); // "prometheus", ... (settings keys, untranslated)

enum class AuthKind { None, Basic, Bearer };
QString authKindKey(AuthKind kind);
std::optional<AuthKind> authKindFromKey(const QString &key);

struct EndpointAuth
{
    AuthKind kind = AuthKind::None;
    QString username; // basic only
    QString secret;   // the basic password or the bearer token; never written to the settings file

    friend bool operator==(const EndpointAuth &, const EndpointAuth &) = default;
};

struct EndpointConfig
{
    QUrl url;
    EndpointAuth auth;
    // Further members of the same service, asked as one with url: an Alertmanager cluster's peers.
    QList<QUrl> moreUrls;

    QList<QUrl> urls() const { return url.isEmpty() ? moreUrls : QList<QUrl>{url} + moreUrls; }

    friend bool operator==(const EndpointConfig &, const EndpointConfig &) = default;
};

// One monitored environment: where its services are and how to reach them.
struct Profile
{
    QString name;
    std::array<EndpointConfig, 4> endpoints;
    QString caFile;     // extra CA certificates (PEM) trusted for this profile's TLS endpoints
    QString lokiTenant; // X-Scope-OrgID; empty for single-tenant Loki
    int refreshSeconds = 5;
    QString dashboardFolder; // the user's dashboards: <view>.json there replaces the built-in one
    QString runbookFolder;   // the user's runbooks: <slug>.md there replaces the embedded one or adds one
    int scrapeSeconds = 15; // Prometheus' scrape interval: the shortest step and $__rate_interval follow it
    bool utc = false; // show times in UTC instead of local time
    // The alert inbox.
    QString ackAuthor;         // who acknowledges from this console; empty: the OS user
    int ackDefaultSeconds = 0; // the Acknowledge dialog's preselected duration; 0: until resolved
    int ackSafetyHours = 24;   // how long an "until resolved" silence lasts if nobody sees the alert resolve
    int alertPollSeconds = 2;  // how often Alertmanager is asked: an alert is in the inbox within 3 s

    EndpointConfig &endpoint(Endpoint e) { return endpoints[std::size_t(e)]; }
    const EndpointConfig &endpoint(Endpoint e) const { return endpoints[std::size_t(e)]; }

    friend bool operator==(const Profile &, const Profile &) = default;
};

// The demo profile: everything on loopback at the demo stack's default ports.
Profile demoProfile();

// A profile name is shown in menus: printable, not blank, no leading or trailing spaces, at most 64 characters.
bool isValidProfileName(const QString &name);

} // namespace wf
