#pragma once

#include "net/httpclient.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>

#include <functional>

namespace wf {

struct Drill
{
    QString kind; // alpaca_disconnect, …
    QDateTime endsAt;
    double secondsLeft = 0;
};

struct DrillStatus
{
    QList<Drill> active;
    QStringList kinds;
    QString routerState;
    QString alpacaState;
};

// mytrader-sim's drill API (POST/GET/DELETE /control/faults) at the root of the profile's health
// endpoint: what the console's Drill menu uses to inject faults into the demo stack.
class DrillClient : public QObject
{
    Q_OBJECT
public:
    template <typename T>
    using Callback = std::function<void(const Result<T> &)>;

    explicit DrillClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    void setProfile(const Profile &profile); // the simulator is the health endpoint's host
    QUrl simulatorUrl() const;

    RequestId status(QObject *context, Callback<DrillStatus> done);
    RequestId inject(const QString &kind, int seconds, QObject *context, Callback<DrillStatus> done);
    RequestId clear(QObject *context, Callback<int> done);
    // The simulator's Loki API restarts as Loki does (its tails closed with 1011, then down for
    // downSeconds); done gets how many tails it closed.
    RequestId restartLoki(int downSeconds, QObject *context, Callback<int> done);

    static QStringList knownKinds();
    static QString kindLabel(const QString &kind); // "Alpaca disconnect", translated
    static Result<DrillStatus> parseStatus(const QByteArray &body);

private:
    HttpClient m_http;
};

} // namespace wf
