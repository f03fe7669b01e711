#include "healthfact.h"

#include "sources/health/healthreport.h"

namespace wf::healthfacts {

std::optional<HealthFact> fromName(const QString &name)
{
    for (const auto fact : { HealthFact::ConnectionState, HealthFact::Authenticated, HealthFact::SubscribedSymbols })
        if (healthfacts::name(fact) == name)
            return fact;
    return std::nullopt;
}

QString name(HealthFact fact)
{
    switch (fact) {
    case HealthFact::ConnectionState:
        return QStringLiteral("alpaca.state");
    case HealthFact::Authenticated:
        return QStringLiteral("alpaca.isAuthenticated");
    case HealthFact::SubscribedSymbols:
        return QStringLiteral("alpaca.subscribedSymbols");
    }
    return {};
}

Series asSeries(HealthFact fact, const HealthReport &report)
{
    Series series;
    const double at = double(report.checkedAt.toMSecsSinceEpoch()) / 1000;
    switch (fact) {
    case HealthFact::ConnectionState:
        series.labels.insert(QStringLiteral("state"), report.alpaca.state);
        series.samples.push_back({ at, report.alpaca.isConnected ? 1.0 : 0.0 });
        break;
    case HealthFact::Authenticated:
        series.samples.push_back({ at, report.alpaca.isAuthenticated ? 1.0 : 0.0 });
        break;
    case HealthFact::SubscribedSymbols:
        series.samples.push_back({ at, double(report.alpaca.subscribedSymbols) });
        break;
    }
    return series;
}

bool healthIsNewer(const QDateTime &checkedAt, const QDateTime &evaluatedAt, qint64 scrapeSeconds)
{
    if (!checkedAt.isValid())
        return false;
    if (!evaluatedAt.isValid())
        return true;
    // The instant value is the newest scrape at or before the evaluation: up to a scrape older.
    return checkedAt > evaluatedAt.addSecs(-std::max<qint64>(scrapeSeconds, 1));
}

} // namespace wf::healthfacts
