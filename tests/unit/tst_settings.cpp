#include "store/settings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

static QString secretsFile(const wf::Settings &settings)
{
    return dynamic_cast<const wf::FileSecretStore &>(settings.secrets()).filePath();
}

class TestSettings : public QObject
{
    Q_OBJECT
private slots:
    void profileRoundTrip();
    void secretsNotInSettingsFile();
    void secretsFileIsPrivate();
    void removeDeletesSecrets();
    void secretsFolderIsPrivate();
    void unreadableSecretsAreSetAsideNotLost();
    void renameKeepsCurrent();
    void rejectsBadNames_data();
    void rejectsBadNames();
    void unwritableSecretsKeepProfileUnsaved();
    void automaticWithoutSessionBusUsesFile();
    void queryHistoriesPerProfileAndView();

private:
    static wf::Profile sample();
};

wf::Profile TestSettings::sample()
{
    auto p = wf::demoProfile();
    p.name = QStringLiteral("Prod / EU?"); // characters QSettings treats specially
    p.endpoint(wf::Endpoint::Prometheus).auth = {wf::AuthKind::Basic, QStringLiteral("jane"),
                                                 QStringLiteral("s3cret-pa55word")};
    p.endpoint(wf::Endpoint::Loki).auth = {wf::AuthKind::Bearer, QString(), QStringLiteral("tok-0123456789")};
    p.endpoint(wf::Endpoint::Alertmanager).moreUrls = {QUrl(QStringLiteral("http://am-2.example:9093")),
                                                       QUrl(QStringLiteral("http://am-3.example:9093"))};
    p.caFile = QStringLiteral("/etc/ssl/corp-ca.pem");
    p.lokiTenant = QStringLiteral("tenant-a");
    p.refreshSeconds = 15;
    p.utc = true;
    p.dashboardFolder = QStringLiteral("/srv/ops/dashboards");
    p.runbookFolder = QStringLiteral("/srv/ops/runbooks");
    return p;
}

void TestSettings::profileRoundTrip()
{
    QTemporaryDir dir;
    const auto p = sample();
    {
        wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
        QVERIFY2(settings.saveProfile(p), qPrintable(settings.errorString()));
        settings.setCurrentProfile(p.name);
    }
    wf::Settings reopened(dir.path(), wf::SecretStore::Backend::File);
    QCOMPARE(reopened.profileNames(), QStringList{p.name});
    QCOMPARE(reopened.currentProfile(), p.name);
    const auto loaded = reopened.profile(p.name);
    QVERIFY(loaded.has_value());
    QCOMPARE(loaded->endpoint(wf::Endpoint::Prometheus).auth.secret, QStringLiteral("s3cret-pa55word"));
    QCOMPARE(loaded->endpoint(wf::Endpoint::Health).url, p.endpoint(wf::Endpoint::Health).url);
    QVERIFY(*loaded == p);
}

void TestSettings::secretsNotInSettingsFile()
{
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    QVERIFY(settings.saveProfile(sample()));
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto content = file.readAll();
    QVERIFY(content.contains("jane")); // the user name is not a secret
    QVERIFY2(!content.contains("s3cret-pa55word"), content.constData());
    QVERIFY2(!content.contains("tok-0123456789"), content.constData());
}

void TestSettings::secretsFileIsPrivate()
{
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    QVERIFY(settings.saveProfile(sample()));
    const QFileInfo info(secretsFile(settings));
    QVERIFY(info.exists());
    QCOMPARE(info.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                                   | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QVERIFY(settings.secrets().description().contains(secretsFile(settings)));
}

void TestSettings::secretsFolderIsPrivate()
{
    QTemporaryDir dir;
    const auto config = dir.filePath(QStringLiteral("config/watchfloor")); // not there yet
    wf::Settings settings(config, wf::SecretStore::Backend::File);
    QVERIFY(settings.saveProfile(sample()));
    const QFileInfo folder(QFileInfo(secretsFile(settings)).absolutePath());
    QCOMPARE(folder.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QCOMPARE(QFileInfo(secretsFile(settings)).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestSettings::unreadableSecretsAreSetAsideNotLost()
{
    // A secrets file cut short (a crash, a full disk) or edited by hand: the next save keeps it,
    // moved aside, instead of writing over the secrets it could not read.
    QTemporaryDir dir;
    const QByteArray broken = R"({"Production/prometheus": "the-old-token", "Production/loki": )";
    {
        QFile file(dir.filePath(QStringLiteral("secrets.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(broken);
    }
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    QVERIFY(settings.saveProfile(sample()));
    const auto &store = dynamic_cast<const wf::FileSecretStore &>(settings.secrets());
    const auto aside = store.setAsidePath();
    QVERIFY2(aside.startsWith(secretsFile(settings) + QStringLiteral(".unreadable-")), qPrintable(aside));
    QFile kept(aside);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), broken); // every byte of it
    QCOMPARE(kept.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    // The new file holds what was saved now, and reads back.
    const auto loaded = settings.profile(sample().name);
    QVERIFY(loaded);
    QCOMPARE(loaded->endpoint(wf::Endpoint::Prometheus).auth.secret, QStringLiteral("s3cret-pa55word"));
    // A file of another shape (an array, a number for a secret) is set aside too.
    {
        QFile file(secretsFile(settings));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"Production/prometheus": 42})");
    }
    wf::Settings again(dir.path(), wf::SecretStore::Backend::File);
    QVERIFY(again.saveProfile(sample()));
    QVERIFY(dynamic_cast<const wf::FileSecretStore &>(again.secrets()).setAsidePath() != aside);
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("secrets.json.unreadable-*")}).size(), 2);
}

void TestSettings::removeDeletesSecrets()
{
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    const auto p = sample();
    QVERIFY(settings.saveProfile(p));
    settings.setCurrentProfile(p.name);
    QVERIFY(settings.removeProfile(p.name));
    QVERIFY(settings.profileNames().isEmpty());
    QVERIFY(settings.currentProfile().isEmpty());
    QFile secrets(secretsFile(settings));
    QVERIFY(secrets.open(QIODevice::ReadOnly));
    QVERIFY(!secrets.readAll().contains("s3cret"));
}

void TestSettings::renameKeepsCurrent()
{
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    auto p = sample();
    QVERIFY(settings.saveProfile(p));
    settings.setCurrentProfile(p.name);
    const auto old = p.name;
    p.name = QStringLiteral("Production");
    QVERIFY(settings.renameProfile(old, p));
    QCOMPARE(settings.profileNames(), QStringList{QStringLiteral("Production")});
    QCOMPARE(settings.currentProfile(), QStringLiteral("Production"));
    QCOMPARE(settings.profile(QStringLiteral("Production"))->endpoint(wf::Endpoint::Loki).auth.secret,
             QStringLiteral("tok-0123456789"));
}

void TestSettings::rejectsBadNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << QStringLiteral("   ");
    QTest::newRow("leading space") << QStringLiteral(" Prod");
    QTest::newRow("tab") << QStringLiteral("a\tb");
    QTest::newRow("newline") << QStringLiteral("a\nb");
}

void TestSettings::rejectsBadNames()
{
    QFETCH(QString, name);
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    auto p = wf::demoProfile();
    p.name = name;
    QVERIFY(!settings.saveProfile(p));
    QVERIFY(!settings.errorString().isEmpty());
    QVERIFY(settings.profileNames().isEmpty());
}

void TestSettings::unwritableSecretsKeepProfileUnsaved()
{
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    // A directory where the secrets file should be: unwritable even for root.
    QVERIFY(QDir().mkpath(secretsFile(settings)));
    QVERIFY(!settings.saveProfile(sample()));
    QVERIFY2(settings.errorString().contains(QStringLiteral("secrets")), qPrintable(settings.errorString()));
    QVERIFY(settings.profileNames().isEmpty()); // no half-saved profile without its secrets
}

void TestSettings::automaticWithoutSessionBusUsesFile()
{
    const auto bus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");
    QTemporaryDir dir;
    wf::Settings settings(dir.path());
    qputenv("DBUS_SESSION_BUS_ADDRESS", bus);
    QCOMPARE(settings.secrets().backend(), wf::SecretStore::Backend::File);
    QVERIFY(settings.secrets().description().contains(QStringLiteral("no system keyring")));
}

void TestSettings::queryHistoriesPerProfileAndView()
{
    QTemporaryDir dir;
    {
        wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
        settings.setExploreQueryHistory(QStringLiteral("Prod / EU?"), {QStringLiteral("sum(up)"), QStringLiteral("up")});
        settings.setLogQueryHistory(QStringLiteral("Prod / EU?"), {QStringLiteral("{app=\"x\"}")});
        QStringList many;
        for (int i = 0; i < 80; ++i)
            many.append(QStringLiteral("q%1").arg(i));
        settings.setExploreQueryHistory(QStringLiteral("Other"), many);
    }
    wf::Settings reopened(dir.path(), wf::SecretStore::Backend::File);
    QCOMPARE(reopened.exploreQueryHistory(QStringLiteral("Prod / EU?")), (QStringList{QStringLiteral("sum(up)"), QStringLiteral("up")}));
    QCOMPARE(reopened.logQueryHistory(QStringLiteral("Prod / EU?")), QStringList{QStringLiteral("{app=\"x\"}")});
    QCOMPARE(reopened.exploreQueryHistory(QStringLiteral("Other")).size(), 50);
    QCOMPARE(reopened.exploreQueryHistory(QStringLiteral("Other")).constFirst(), QStringLiteral("q0"));
    QCOMPARE(reopened.logQueryHistory(QStringLiteral("Other")), QStringList());
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
