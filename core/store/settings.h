#pragma once

#include "profile.h"
#include "secretstore.h"

#include <QByteArray>
#include <QSettings>
#include <QStringList>

#include <memory>

namespace wf {

// The console's settings in one typed place: profiles (secrets go to the SecretStore),
// the current profile, window state and the last view. Backed by an INI file in the XDG
// config directory (~/.config/watchfloor/watchfloor.conf).
class Settings
{
public:
    // configDir empty: the XDG config directory. The secrets backend: see SecretStore::create().
    explicit Settings(const QString &configDir = {},
                      SecretStore::Backend secrets = SecretStore::Backend::Automatic);

    static QString defaultConfigDir();
    QString fileName() const;
    const SecretStore &secrets() const { return *m_secrets; }

    QStringList profileNames() const;
    std::optional<Profile> profile(const QString &name) const;
    // Saves the profile (replacing one of the same name). False with errorString() on failure.
    bool saveProfile(const Profile &profile);
    bool removeProfile(const QString &name);
    bool renameProfile(const QString &oldName, const Profile &profile);
    QString errorString() const { return m_error; }

    QString currentProfile() const;
    void setCurrentProfile(const QString &name);

    QString lastView() const;
    void setLastView(const QString &view);
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QString timeRange() const; // TimeRange::toString() form; "1h" by default
    void setTimeRange(const QString &range);

    // Desktop notifications per alert severity ("critical", "warning", "info", "other"); by
    // default critical and warning notify.
    bool notifyFor(const QString &severity) const;
    // How long the alert history keeps events ([alerts] historyRetentionDays, 1–3650; 90 by default).
    int historyRetentionDays() const;
    void setNotifyFor(const QString &severity, bool on);
    // How many lines the Logs view keeps before the oldest go ([logs] bufferLines, 1,000–5,000,000;
    // 100,000 by default).
    int logBufferLines() const;
    // Wall mode ([wall] views, cycleSeconds): the views it cycles through (view names; by default
    // Operations, Reliability, Alerts) and the seconds each stays (5–3600, 0: no cycling; 30).
    QStringList wallViews() const;
    void setWallViews(const QStringList &views);
    int wallCycleSeconds() const;
    void setWallCycleSeconds(int seconds);
    // Where the Monday timer (watchfloor-report.timer: watchfloor report --scheduled) writes last
    // week's report; by default "Watchfloor reports" in the documents folder.
    QString reportFolder() const;
    void setReportFolder(const QString &folder);
    // The Logs view's last LogQL queries per profile, newest first (at most 50).
    QStringList logQueryHistory(const QString &profile) const;
    void setLogQueryHistory(const QString &profile, const QStringList &queries);
    // Explore's last PromQL queries of a profile, newest first (at most 50).
    QStringList exploreQueryHistory(const QString &profile) const;
    void setExploreQueryHistory(const QString &profile, const QStringList &queries);

    void sync();

private:
    QString secretKey(const QString &profile, Endpoint endpoint) const;
    QStringList queryHistory(const QString &group, const QString &profile) const;
    void setQueryHistory(const QString &group, const QString &profile, const QStringList &queries);

    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    QString m_error;
};

} // namespace wf
