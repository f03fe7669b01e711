#include "amtypes.h"

#include "domain/redactor.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace wf::am {
namespace {

class AmText
{
    Q_DECLARE_TR_FUNCTIONS(wf::AlertmanagerClient)
};

Error parseError(const QString &what)
{
    Error e;
    e.kind = Error::Kind::Parse;
    e.message = AmText::tr("Alertmanager sent an answer the console cannot read: %1").arg(what);
    return e;
}

Labels toLabels(const QJsonValue &value)
{
    Labels labels;
    const auto object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

QDateTime toTime(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}

QString fromTime(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

Result<QJsonDocument> parseJson(const QByteArray &body)
{
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return parseError(AmText::tr("not JSON (%1 at byte %2).").arg(error.errorString()).arg(error.offset));
    return doc;
}

AmAlert toAlert(const QJsonObject &o)
{
    AmAlert a;
    a.labels = toLabels(o.value(QStringLiteral("labels")));
    a.annotations = toLabels(o.value(QStringLiteral("annotations")));
    a.startsAt = toTime(o.value(QStringLiteral("startsAt")));
    a.endsAt = toTime(o.value(QStringLiteral("endsAt")));
    a.updatedAt = toTime(o.value(QStringLiteral("updatedAt")));
    a.fingerprint = o.value(QStringLiteral("fingerprint")).toString();
    for (const auto &r : o.value(QStringLiteral("receivers")).toArray())
        a.receivers << r.toObject().value(QStringLiteral("name")).toString();
    const auto status = o.value(QStringLiteral("status")).toObject();
    a.state = status.value(QStringLiteral("state")).toString();
    for (const auto &s : status.value(QStringLiteral("silencedBy")).toArray())
        a.silencedBy << s.toString();
    for (const auto &s : status.value(QStringLiteral("inhibitedBy")).toArray())
        a.inhibitedBy << s.toString();
    a.generatorUrl = o.value(QStringLiteral("generatorURL")).toString();
    return a;
}

Silence toSilence(const QJsonObject &o)
{
    Silence s;
    s.id = o.value(QStringLiteral("id")).toString();
    s.state = o.value(QStringLiteral("status")).toObject().value(QStringLiteral("state")).toString();
    for (const auto &m : o.value(QStringLiteral("matchers")).toArray()) {
        const auto mo = m.toObject();
        s.matchers << Matcher{mo.value(QStringLiteral("name")).toString(), mo.value(QStringLiteral("value")).toString(),
                              mo.value(QStringLiteral("isRegex")).toBool(),
                              mo.value(QStringLiteral("isEqual")).toBool(true)};
    }
    s.startsAt = toTime(o.value(QStringLiteral("startsAt")));
    s.endsAt = toTime(o.value(QStringLiteral("endsAt")));
    s.updatedAt = toTime(o.value(QStringLiteral("updatedAt")));
    s.createdBy = o.value(QStringLiteral("createdBy")).toString();
    s.comment = o.value(QStringLiteral("comment")).toString();
    return s;
}

} // namespace

Result<QList<AmAlert>> parseAlerts(const QByteArray &body)
{
    const auto doc = parseJson(body);
    if (!doc)
        return doc.error();
    if (!doc->isArray())
        return parseError(AmText::tr("expected a list of alerts."));
    QList<AmAlert> out;
    for (const auto &a : doc->array())
        out << toAlert(a.toObject());
    return out;
}

Result<QList<AmAlertGroup>> parseAlertGroups(const QByteArray &body)
{
    const auto doc = parseJson(body);
    if (!doc)
        return doc.error();
    if (!doc->isArray())
        return parseError(AmText::tr("expected a list of alert groups."));
    QList<AmAlertGroup> out;
    for (const auto &g : doc->array()) {
        const auto go = g.toObject();
        AmAlertGroup group;
        group.labels = toLabels(go.value(QStringLiteral("labels")));
        group.receiver = go.value(QStringLiteral("receiver")).toObject().value(QStringLiteral("name")).toString();
        for (const auto &a : go.value(QStringLiteral("alerts")).toArray())
            group.alerts << toAlert(a.toObject());
        out << group;
    }
    return out;
}

Result<QList<Silence>> parseSilences(const QByteArray &body)
{
    const auto doc = parseJson(body);
    if (!doc)
        return doc.error();
    if (!doc->isArray())
        return parseError(AmText::tr("expected a list of silences."));
    QList<Silence> out;
    for (const auto &s : doc->array())
        out << toSilence(s.toObject());
    return out;
}

Result<Silence> parseSilence(const QByteArray &body)
{
    const auto doc = parseJson(body);
    if (!doc)
        return doc.error();
    if (!doc->isObject() || !doc->object().contains(QStringLiteral("id")))
        return parseError(AmText::tr("expected a silence."));
    return toSilence(doc->object());
}

Result<QString> parseSilenceId(const QByteArray &body)
{
    const auto doc = parseJson(body);
    if (!doc)
        return doc.error();
    const auto id = doc->object().value(QStringLiteral("silenceID")).toString();
    if (id.isEmpty())
        return parseError(AmText::tr("no silenceID in the answer."));
    return id;
}

Result<AmStatus> parseStatus(const QByteArray &body)
{
    const auto doc = parseJson(body);
    if (!doc)
        return doc.error();
    const auto o = doc->object();
    if (!o.contains(QStringLiteral("versionInfo")))
        return parseError(AmText::tr("no versionInfo in the status."));
    AmStatus s;
    s.version = o.value(QStringLiteral("versionInfo")).toObject().value(QStringLiteral("version")).toString();
    s.clusterStatus = o.value(QStringLiteral("cluster")).toObject().value(QStringLiteral("status")).toString();
    s.configYaml = o.value(QStringLiteral("config")).toObject().value(QStringLiteral("original")).toString();
    s.uptime = toTime(o.value(QStringLiteral("uptime")));
    return s;
}

QByteArray toJson(const Silence &s)
{
    QJsonArray matchers;
    for (const auto &m : s.matchers) {
        matchers.append(QJsonObject{{QStringLiteral("name"), m.name},
                                    {QStringLiteral("value"), m.value},
                                    {QStringLiteral("isRegex"), m.isRegex},
                                    {QStringLiteral("isEqual"), m.isEqual}});
    }
    QJsonObject o{{QStringLiteral("matchers"), matchers},
                  {QStringLiteral("startsAt"), fromTime(s.startsAt)},
                  {QStringLiteral("endsAt"), fromTime(s.endsAt)},
                  {QStringLiteral("createdBy"), s.createdBy},
                  {QStringLiteral("comment"), s.comment}};
    if (!s.id.isEmpty())
        o.insert(QStringLiteral("id"), s.id);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Error fromHttpError(const Error &error)
{
    if (error.kind != Error::Kind::HttpStatus || error.body.trimmed().isEmpty())
        return error;
    QString text;
    const auto doc = QJsonDocument::fromJson("[" + error.body + "]"); // a bare JSON string is valid inside an array
    const auto value = doc.array().at(0);
    if (value.isString())
        text = value.toString();
    else if (value.isObject())
        text = value.toObject().value(QStringLiteral("message")).toString();
    else if (!error.body.trimmed().startsWith('<'))
        text = QString::fromUtf8(error.body.left(500)).trimmed();
    if (text.isEmpty())
        return error;
    Error e = error;
    e.kind = Error::Kind::Api;
    e.apiError = text;
    e.message = redact(AmText::tr("Alertmanager refused the request (HTTP %1): %2").arg(error.httpStatus).arg(text));
    return e;
}

} // namespace wf::am
