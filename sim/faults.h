#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>

namespace sim {

// The drills an SRE can run against the simulator (POST /control/faults).
enum class FaultKind {
    AlpacaDisconnect, // the Alpaca WebSocket drops and reconnect attempts fail
    AuthFailure,      // Alpaca refuses the credentials
    LatencySpike,     // end-to-end latency about eight times normal
    InvalidPrices,    // a fifth of the messages fail validation
    PriceSpike,       // a symbol jumps over 20 %: the circuit breaker trips
    YahooDown,        // the fallback source is unavailable
    BothDown,         // Alpaca and Yahoo at once
    StaleStream,      // Alpaca stays connected but sends nothing
};

QString faultKey(FaultKind kind); // "alpaca_disconnect", …
std::optional<FaultKind> faultFromKey(const QString &key);
QStringList allFaultKeys();

// The faults in force, each until its end time.
class FaultBoard
{
public:
    void inject(FaultKind kind, const QDateTime &now, double durationSeconds); // extends a running one
    int clear(); // how many were active
    void expire(const QDateTime &now); // drops the ended ones
    bool active(FaultKind kind) const { return m_until.count(kind) != 0; }
    QList<FaultKind> kinds() const;
    QJsonArray toJson(const QDateTime &now) const; // [{kind, startedAt, endsAt, secondsLeft}]

private:
    struct Span
    {
        QDateTime started;
        QDateTime ends;
    };
    std::map<FaultKind, Span> m_until;
};

} // namespace sim
