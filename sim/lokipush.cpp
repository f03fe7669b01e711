#include "lokipush.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <cstdio>

namespace sim {

LokiPush::LokiPush(SimLog *log, const QUrl &lokiUrl, QObject *parent)
    : QObject(parent)
    , m_url(lokiUrl)
    , m_network(new QNetworkAccessManager(this))
    , m_timer(new QTimer(this))
{
    auto path = m_url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    m_url.setPath(path + QStringLiteral("/loki/api/v1/push"));
    connect(log, &SimLog::appended, this, [this](const LogRecord &r) {
        m_pending.push_back(r);
        while (qsizetype(m_pending.size()) > kMaxPending && qsizetype(m_pending.size()) > m_inFlight) {
            m_pending.erase(m_pending.begin() + m_inFlight); // the oldest not in flight
            ++m_dropped;
        }
    });
    connect(m_timer, &QTimer::timeout, this, &LokiPush::flush);
    m_timer->start(1000);
}

void LokiPush::flush()
{
    if (m_inFlight > 0 || m_pending.empty())
        return;
    m_inFlight = std::min<qsizetype>(qsizetype(m_pending.size()), 2000);
    // One stream per label set, each stream's timestamps increasing (they are: the log's are).
    QStringList order;
    QHash<QString, std::pair<QJsonObject, QJsonArray>> streams;
    for (qsizetype i = 0; i < m_inFlight; ++i) {
        const auto &r = m_pending[std::size_t(i)];
        QString key;
        QJsonObject labels;
        for (auto it = r.labels.begin(); it != r.labels.end(); ++it) {
            key += it.key() + u'=' + it.value() + u'\x1f';
            labels.insert(it.key(), it.value());
        }
        auto found = streams.find(key);
        if (found == streams.end()) {
            order << key;
            found = streams.insert(key, {labels, {}});
        }
        found->second.append(QJsonArray{QString::number(r.ns), r.line});
    }
    QJsonArray body;
    for (const auto &key : order)
        body.append(QJsonObject{{QStringLiteral("stream"), streams[key].first}, {QStringLiteral("values"), streams[key].second}});
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(10000);
    auto *reply = m_network->post(request, QJsonDocument(QJsonObject{{QStringLiteral("streams"), body}}).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool ok = reply->error() == QNetworkReply::NoError && status / 100 == 2;
        const bool refused = status >= 400 && status < 500 && status != 429;
        if (ok || refused) {
            if (ok)
                m_pushed += m_inFlight;
            else
                m_dropped += m_inFlight;
            m_pending.erase(m_pending.begin(), m_pending.begin() + m_inFlight);
        }
        m_inFlight = 0;
        const auto error = ok ? QString()
                              : QStringLiteral("HTTP %1: %2").arg(status).arg(refused ? QString::fromUtf8(reply->readAll()).trimmed()
                                                                                      : reply->errorString());
        if (error != m_lastError) {
            if (error.isEmpty())
                std::fprintf(stderr, "mytrader-sim: pushing to %s again\n", qPrintable(m_url.toString()));
            else
                std::fprintf(stderr, "mytrader-sim: cannot push to %s (%s)%s\n", qPrintable(m_url.toString()),
                             qPrintable(error), refused ? "; that batch is dropped" : "; lines wait and are retried");
            m_lastError = error;
        }
    });
}

} // namespace sim
