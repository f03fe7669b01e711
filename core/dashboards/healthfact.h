#pragma once

#include "sources/prometheus/promresult.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace wf {

struct HealthReport;

// A fact the health endpoint reports that a Prometheus panel shows too (the Alpaca connection
// state, authentication, subscribed symbols). The endpoint is polled every second, Prometheus
// scrapes every few: the panel paints whichever of the two is newer, so one row of tiles never
// says "Connected" beside a router that already failed over.
enum class HealthFact { ConnectionState, Authenticated, SubscribedSymbols };

namespace healthfacts {

// "alpaca.state", "alpaca.isAuthenticated", "alpaca.subscribedSymbols" (the health body's names).
std::optional<HealthFact> fromName(const QString &name);
QString name(HealthFact fact);
// The fact as the series the panel's query answers: max by (state) (alpaca_connection_status) is
// {state="Reconnecting"} 0, max(alpaca_authentication_status) is {} 1, and so on.
Series asSeries(HealthFact fact, const HealthReport &report);
// Which is newer: a health report checked at checkedAt, or a Prometheus instant value evaluated at
// evaluatedAt from scrapes every scrapeSeconds (the value is at most one scrape older than that).
bool healthIsNewer(const QDateTime &checkedAt, const QDateTime &evaluatedAt, qint64 scrapeSeconds);

} // namespace healthfacts
} // namespace wf
