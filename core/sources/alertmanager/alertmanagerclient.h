#pragma once

#include "amtypes.h"
#include "net/httpclient.h"

#include <QObject>

#include <functional>

namespace wf {

// Alertmanager's API v2 (shared/reference/apis.md §2): alerts, groups, silences, status.
class AlertmanagerClient : public QObject
{
    Q_OBJECT
public:
    template <typename T>
    using Callback = std::function<void(const Result<T> &)>;

    explicit AlertmanagerClient(HttpClient *http, QObject *parent = nullptr);

    HttpClient *http() const { return m_http; }

    RequestId alerts(const AlertFilter &filter, QObject *context, Callback<QList<AmAlert>> done);
    RequestId alertGroups(const AlertFilter &filter, QObject *context, Callback<QList<AmAlertGroup>> done);
    RequestId silences(const QStringList &matchers, QObject *context, Callback<QList<Silence>> done);
    RequestId silence(const QString &id, QObject *context, Callback<Silence> done);
    // A silence with an id replaces that silence (Alertmanager may answer with a new id: use it).
    RequestId createSilence(const Silence &silence, QObject *context, Callback<QString> done);
    RequestId expireSilence(const QString &id, QObject *context, Callback<Done> done);
    RequestId status(QObject *context, Callback<AmStatus> done);
    void cancel(RequestId id) { m_http->cancel(id); }

private:
    template <typename T>
    RequestId call(const HttpRequest &request, QObject *context, Callback<T> done,
                   Result<T> (*parse)(const QByteArray &));

    HttpClient *m_http;
};

} // namespace wf
