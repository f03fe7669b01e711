#pragma once

#include "store/profile.h"

#include <QNetworkRequest>
#include <QString>

namespace wf {

// A request to one of a profile's endpoints: User-Agent, auth header, CA file, Loki tenant, timeout.
QNetworkRequest makeRequest(const QUrl &url, const EndpointConfig &endpoint, const Profile &profile,
                            Endpoint kind, int timeoutMs);

// A short, actionable text for a failed request; secrets are redacted.
QString describeNetworkError(int qtError, const QString &qtMessage, const QUrl &url, int timeoutMs);

} // namespace wf
