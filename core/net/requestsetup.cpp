#include "requestsetup.h"

#include "domain/redactor.h"

#include <QCoreApplication>
#include <QFile>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace wf {
namespace {

// The translation context of network error texts.
class NetworkText
{
    Q_DECLARE_TR_FUNCTIONS(wf::Network)
};

} // namespace

QNetworkRequest makeRequest(const QUrl &url, const EndpointConfig &endpoint, const Profile &profile, Endpoint kind,
                            int timeoutMs)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Watchfloor/%1").arg(QStringLiteral(WATCHFLOOR_VERSION)));
    request.setTransferTimeout(timeoutMs);
    // Redirects only within the origin (scheme, host and port): the credentials and the tenant set
    // below go with every hop, and a server must not be able to send them to another.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    switch (endpoint.auth.kind) {
    case AuthKind::None: break;
    case AuthKind::Basic:
        request.setRawHeader("Authorization",
                             "Basic " + (endpoint.auth.username + u':' + endpoint.auth.secret).toUtf8().toBase64());
        break;
    case AuthKind::Bearer: request.setRawHeader("Authorization", "Bearer " + endpoint.auth.secret.toUtf8()); break;
    }
    if (kind == Endpoint::Loki && !profile.lokiTenant.isEmpty())
        request.setRawHeader("X-Scope-OrgID", profile.lokiTenant.toUtf8());
    if (!profile.caFile.isEmpty() && url.scheme() == u"https") {
        auto ssl = QSslConfiguration::defaultConfiguration();
        auto certs = ssl.caCertificates();
        certs += QSslCertificate::fromPath(profile.caFile, QSsl::Pem);
        ssl.setCaCertificates(certs);
        request.setSslConfiguration(ssl);
    }
    return request;
}

QString describeNetworkError(int qtError, const QString &qtMessage, const QUrl &url, int timeoutMs)
{
    const auto where = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toString();
    QString text;
    switch (QNetworkReply::NetworkError(qtError)) {
    case QNetworkReply::ConnectionRefusedError:
        text = NetworkText::tr("Connection refused by %1 — is the service running, and is the port right?").arg(where);
        break;
    case QNetworkReply::HostNotFoundError:
        text = NetworkText::tr("Host not found for %1 — check the host name in the profile.").arg(where);
        break;
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        text = NetworkText::tr("No answer from %1 within %2 s — the service is down or too slow.").arg(where).arg(timeoutMs / 1000.0);
        break;
    case QNetworkReply::SslHandshakeFailedError:
        text = NetworkText::tr("TLS handshake with %1 failed — check the CA file in the profile (%2).").arg(where, qtMessage);
        break;
    case QNetworkReply::AuthenticationRequiredError:
        text = NetworkText::tr("%1 refused the credentials (HTTP 401) — check user name, password or token.").arg(where);
        break;
    case QNetworkReply::ContentAccessDenied:
        text = NetworkText::tr("%1 denied access (HTTP 403) — the credentials lack permission.").arg(where);
        break;
    case QNetworkReply::ContentNotFoundError:
        text = NetworkText::tr("%1 was not found (HTTP 404) — check the URL's path.").arg(where);
        break;
    case QNetworkReply::RemoteHostClosedError:
        text = NetworkText::tr("%1 closed the connection before answering.").arg(where);
        break;
    default: text = NetworkText::tr("Request to %1 failed: %2").arg(where, qtMessage); break;
    }
    return redact(text);
}

} // namespace wf
