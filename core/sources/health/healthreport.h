#pragma once

#include "domain/health.h"
#include "net/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace wf {

// The service's /api/health/alpaca body (shared/design/METRICS.md, "Health endpoint").
struct HealthReport
{
    QString status; // Healthy, Degraded, Unhealthy
    QDateTime checkedAt;
    struct Alpaca
    {
        QString state; // Connected, Connecting, Disconnected, Reconnecting, AuthFailed
        bool isConnected = false;
        bool isAuthenticated = false;
        int subscribedSymbols = 0;
        QDateTime lastMessageAt;
        int reconnectAttempts = 0;
    } alpaca;
    struct Router
    {
        QString currentState; // PRIMARY_ACTIVE, FALLBACK_ACTIVE, BOTH_UNAVAILABLE
        std::optional<double> uptimePercent;
        QDateTime lastTransitionAt;
        QString lastTransitionReason;
        int failoversTotal = 0;
    } router;

    Health health() const { return healthOf(status); }
    static Health healthOf(const QString &status); // Healthy → Good, Degraded → Warning, Unhealthy → Bad, else Unknown
};

namespace healthapi {
// Pure and thread-safe. A body without a known "status" is a Parse error.
Result<HealthReport> parse(const QByteArray &body);
} // namespace healthapi

} // namespace wf
