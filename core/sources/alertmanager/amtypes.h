#pragma once

#include "net/result.h"
#include "sources/prometheus/promresult.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace wf {

struct Matcher
{
    QString name;
    QString value;
    bool isRegex = false;
    bool isEqual = true; // false: != or !~

    friend bool operator==(const Matcher &, const Matcher &) = default;
};

// An alert as Alertmanager's API v2 returns it.
struct AmAlert
{
    Labels labels;
    Labels annotations;
    QDateTime startsAt;
    QDateTime endsAt;
    QDateTime updatedAt;
    QString fingerprint; // the key of the label set
    QStringList receivers;
    QString state;       // unprocessed, active, suppressed
    QStringList silencedBy;
    QStringList inhibitedBy;
    QString generatorUrl;
    QStringList peers; // in a cluster: the peers that list it (AlertmanagerCluster)
};

struct AmAlertGroup
{
    Labels labels;
    QString receiver;
    QList<AmAlert> alerts;
};

struct Silence
{
    QString id; // empty for a new one
    QString state; // active, pending, expired
    QList<Matcher> matchers;
    QDateTime startsAt;
    QDateTime endsAt;
    QDateTime updatedAt;
    QString createdBy;
    QString comment;
    QStringList peers; // in a cluster: the peers that list it (AlertmanagerCluster)
};

struct AmStatus
{
    QString version;
    QString clusterStatus;
    QString configYaml;
    QDateTime uptime;
};

// The v2 filters of GET /api/v2/alerts and /alerts/groups.
struct AlertFilter
{
    bool active = true;
    bool silenced = true;
    bool inhibited = true;
    bool unprocessed = true;
    QStringList matchers; // e.g. alertname="X", severity=~"crit.*"
    QString receiver;     // regex
};

namespace am {
Result<QList<AmAlert>> parseAlerts(const QByteArray &body);
Result<QList<AmAlertGroup>> parseAlertGroups(const QByteArray &body);
Result<QList<Silence>> parseSilences(const QByteArray &body);
Result<Silence> parseSilence(const QByteArray &body);
Result<QString> parseSilenceId(const QByteArray &body);
Result<AmStatus> parseStatus(const QByteArray &body);
QByteArray toJson(const Silence &silence); // the postable silence
// Alertmanager's error bodies: a JSON string or {"code", "message"}; Api error when readable.
Error fromHttpError(const Error &error);
} // namespace am

} // namespace wf
