#include "settings.h"

#include "domain/viewid.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace wf {
namespace {

const auto kProfilesGroup = QStringLiteral("profiles");

QString groupFor(const QString &name)
{
    // QSettings treats '/' as a separator and some characters specially: encode the name.
    return kProfilesGroup + u'/' + QString::fromLatin1(name.toUtf8().toPercentEncoding());
}

} // namespace

Settings::Settings(const QString &configDir, SecretStore::Backend secrets)
    : m_settings(std::make_unique<QSettings>(
          QDir(configDir.isEmpty() ? defaultConfigDir() : configDir).filePath(QStringLiteral("watchfloor.conf")),
          QSettings::IniFormat))
    , m_secrets(SecretStore::create(configDir.isEmpty() ? defaultConfigDir() : configDir, secrets))
{
}

QString Settings::defaultConfigDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("watchfloor"));
}

QString Settings::fileName() const
{
    return m_settings->fileName();
}

QStringList Settings::profileNames() const
{
    m_settings->beginGroup(kProfilesGroup);
    const auto groups = m_settings->childGroups();
    m_settings->endGroup();
    QStringList names;
    for (const auto &g : groups)
        names << QString::fromUtf8(QByteArray::fromPercentEncoding(g.toLatin1()));
    names.sort(Qt::CaseInsensitive);
    return names;
}

QString Settings::secretKey(const QString &profile, Endpoint endpoint) const
{
    return profile + u'/' + endpointKey(endpoint);
}

std::optional<Profile> Settings::profile(const QString &name) const
{
    if (!profileNames().contains(name))
        return std::nullopt;
    Profile p;
    p.name = name;
    m_settings->beginGroup(groupFor(name));
    for (const auto e : kAllEndpoints) {
        auto &ep = p.endpoint(e);
        const auto key = endpointKey(e);
        ep.url = QUrl(m_settings->value(key + QStringLiteral("/url")).toString());
        for (const auto &more : m_settings->value(key + QStringLiteral("/moreUrls")).toStringList())
            if (const QUrl url(more); url.isValid() && !url.isEmpty())
                ep.moreUrls.append(url);
        ep.auth.kind =
            authKindFromKey(m_settings->value(key + QStringLiteral("/auth"), QStringLiteral("none")).toString())
                .value_or(AuthKind::None);
        ep.auth.username = m_settings->value(key + QStringLiteral("/username")).toString();
    }
    p.caFile = m_settings->value(QStringLiteral("caFile")).toString();
    p.lokiTenant = m_settings->value(QStringLiteral("lokiTenant")).toString();
    p.refreshSeconds = m_settings->value(QStringLiteral("refreshSeconds"), 5).toInt();
    p.dashboardFolder = m_settings->value(QStringLiteral("dashboardFolder")).toString();
    p.runbookFolder = m_settings->value(QStringLiteral("runbookFolder")).toString();
    p.scrapeSeconds = std::clamp(m_settings->value(QStringLiteral("scrapeSeconds"), 15).toInt(), 1, 3600);
    p.utc = m_settings->value(QStringLiteral("timeZone")).toString() == u"utc";
    p.ackAuthor = m_settings->value(QStringLiteral("ackAuthor")).toString();
    p.ackDefaultSeconds = m_settings->value(QStringLiteral("ackDefaultSeconds"), 0).toInt();
    p.ackSafetyHours = std::clamp(m_settings->value(QStringLiteral("ackSafetyHours"), 24).toInt(), 1, 168);
    p.alertPollSeconds = std::clamp(m_settings->value(QStringLiteral("alertPollSeconds"), Profile().alertPollSeconds).toInt(), 1, 300);
    m_settings->endGroup();
    for (const auto e : kAllEndpoints) {
        auto &auth = p.endpoint(e).auth;
        if (auth.kind != AuthKind::None)
            auth.secret = m_secrets->read(secretKey(name, e)).value_or(QString());
    }
    return p;
}

bool Settings::saveProfile(const Profile &p)
{
    m_error.clear();
    if (!isValidProfileName(p.name)) {
        m_error = QCoreApplication::translate("wf::Settings", "“%1” is not a usable profile name.").arg(p.name);
        return false;
    }
    // Secrets first: if they cannot be stored, the profile is not half-saved.
    for (const auto e : kAllEndpoints) {
        const auto &auth = p.endpoint(e).auth;
        const bool ok = auth.kind == AuthKind::None || auth.secret.isEmpty()
            ? m_secrets->remove(secretKey(p.name, e))
            : m_secrets->write(secretKey(p.name, e), auth.secret);
        if (!ok) {
            m_error = QCoreApplication::translate("wf::Settings", "Could not store the profile's secrets: %1")
                          .arg(m_secrets->errorString());
            return false;
        }
    }
    m_settings->remove(groupFor(p.name));
    m_settings->beginGroup(groupFor(p.name));
    for (const auto e : kAllEndpoints) {
        const auto &ep = p.endpoint(e);
        const auto key = endpointKey(e);
        m_settings->setValue(key + QStringLiteral("/url"), ep.url.toString());
        if (!ep.moreUrls.isEmpty()) {
            QStringList more;
            for (const auto &url : ep.moreUrls)
                more.append(url.toString());
            m_settings->setValue(key + QStringLiteral("/moreUrls"), more);
        }
        m_settings->setValue(key + QStringLiteral("/auth"), authKindKey(ep.auth.kind));
        if (ep.auth.kind == AuthKind::Basic)
            m_settings->setValue(key + QStringLiteral("/username"), ep.auth.username);
    }
    m_settings->setValue(QStringLiteral("caFile"), p.caFile);
    m_settings->setValue(QStringLiteral("lokiTenant"), p.lokiTenant);
    m_settings->setValue(QStringLiteral("refreshSeconds"), p.refreshSeconds);
    m_settings->setValue(QStringLiteral("scrapeSeconds"), p.scrapeSeconds);
    m_settings->setValue(QStringLiteral("dashboardFolder"), p.dashboardFolder);
    m_settings->setValue(QStringLiteral("runbookFolder"), p.runbookFolder);
    m_settings->setValue(QStringLiteral("timeZone"), p.utc ? QStringLiteral("utc") : QStringLiteral("local"));
    m_settings->setValue(QStringLiteral("ackAuthor"), p.ackAuthor);
    m_settings->setValue(QStringLiteral("ackDefaultSeconds"), p.ackDefaultSeconds);
    m_settings->setValue(QStringLiteral("ackSafetyHours"), p.ackSafetyHours);
    m_settings->setValue(QStringLiteral("alertPollSeconds"), p.alertPollSeconds);
    m_settings->endGroup();
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError) {
        m_error = QCoreApplication::translate("wf::Settings", "Could not write %1.").arg(m_settings->fileName());
        return false;
    }
    return true;
}

bool Settings::removeProfile(const QString &name)
{
    m_error.clear();
    for (const auto e : kAllEndpoints) {
        if (!m_secrets->remove(secretKey(name, e))) {
            m_error = m_secrets->errorString();
            return false;
        }
    }
    m_settings->remove(groupFor(name));
    if (currentProfile() == name)
        m_settings->remove(QStringLiteral("currentProfile"));
    m_settings->sync();
    return true;
}

bool Settings::renameProfile(const QString &oldName, const Profile &profile)
{
    if (!saveProfile(profile))
        return false;
    if (oldName != profile.name) {
        const bool wasCurrent = currentProfile() == oldName;
        if (!removeProfile(oldName))
            return false;
        if (wasCurrent)
            setCurrentProfile(profile.name);
    }
    return true;
}

QString Settings::currentProfile() const
{
    return m_settings->value(QStringLiteral("currentProfile")).toString();
}

void Settings::setCurrentProfile(const QString &name)
{
    m_settings->setValue(QStringLiteral("currentProfile"), name);
}

QString Settings::lastView() const
{
    return m_settings->value(QStringLiteral("window/lastView")).toString();
}

void Settings::setLastView(const QString &view)
{
    m_settings->setValue(QStringLiteral("window/lastView"), view);
}

QByteArray Settings::windowGeometry() const
{
    return m_settings->value(QStringLiteral("window/geometry")).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(QStringLiteral("window/geometry"), geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings->value(QStringLiteral("window/state")).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(QStringLiteral("window/state"), state);
}

QString Settings::timeRange() const
{
    return m_settings->value(QStringLiteral("window/timeRange"), QStringLiteral("1h")).toString();
}

void Settings::setTimeRange(const QString &range)
{
    m_settings->setValue(QStringLiteral("window/timeRange"), range);
}

QStringList Settings::wallViews() const
{
    const QStringList byDefault{QStringLiteral("operations"), QStringLiteral("reliability"), QStringLiteral("alerts")};
    QStringList views;
    for (const auto &name : m_settings->value(QStringLiteral("wall/views"), byDefault).toStringList())
        if (viewFromName(name.trimmed()) && !views.contains(name.trimmed()))
            views.append(name.trimmed());
    return views;
}

void Settings::setWallViews(const QStringList &views)
{
    m_settings->setValue(QStringLiteral("wall/views"), views);
}

int Settings::wallCycleSeconds() const
{
    const int seconds = m_settings->value(QStringLiteral("wall/cycleSeconds"), 30).toInt();
    return seconds <= 0 ? 0 : std::clamp(seconds, 5, 3600);
}

void Settings::setWallCycleSeconds(int seconds)
{
    m_settings->setValue(QStringLiteral("wall/cycleSeconds"), seconds);
}

QString Settings::reportFolder() const
{
    const auto byDefault = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                               .filePath(QStringLiteral("Watchfloor reports"));
    const auto folder = m_settings->value(QStringLiteral("report/folder")).toString().trimmed();
    return folder.isEmpty() ? byDefault : folder;
}

void Settings::setReportFolder(const QString &folder)
{
    m_settings->setValue(QStringLiteral("report/folder"), folder.trimmed());
}

int Settings::historyRetentionDays() const
{
    return std::clamp(m_settings->value(QStringLiteral("alerts/historyRetentionDays"), 90).toInt(), 1, 3650);
}

bool Settings::notifyFor(const QString &severity) const
{
    const bool byDefault = severity == u"critical" || severity == u"warning";
    return m_settings->value(QStringLiteral("notifications/") + severity, byDefault).toBool();
}

void Settings::setNotifyFor(const QString &severity, bool on)
{
    m_settings->setValue(QStringLiteral("notifications/") + severity, on);
}

int Settings::logBufferLines() const
{
    return std::clamp(m_settings->value(QStringLiteral("logs/bufferLines"), 100'000).toInt(), 1000, 5'000'000);
}

QStringList Settings::queryHistory(const QString &group, const QString &profile) const
{
    return m_settings->value(group + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(profile))).toStringList().mid(0, 50);
}

void Settings::setQueryHistory(const QString &group, const QString &profile, const QStringList &queries)
{
    m_settings->setValue(group + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(profile)), queries.mid(0, 50));
}

QStringList Settings::logQueryHistory(const QString &profile) const
{
    return queryHistory(QStringLiteral("logQueries"), profile);
}

void Settings::setLogQueryHistory(const QString &profile, const QStringList &queries)
{
    setQueryHistory(QStringLiteral("logQueries"), profile, queries);
}

QStringList Settings::exploreQueryHistory(const QString &profile) const
{
    return queryHistory(QStringLiteral("exploreQueries"), profile);
}

void Settings::setExploreQueryHistory(const QString &profile, const QStringList &queries)
{
    setQueryHistory(QStringLiteral("exploreQueries"), profile, queries);
}

void Settings::sync()
{
    m_settings->sync();
}

} // namespace wf
