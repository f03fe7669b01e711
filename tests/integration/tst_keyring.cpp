// Secrets in a real system keyring: gnome-keyring's Secret Service on a private session bus
// (tests/checks/with-keyring.sh starts both).

#include "store/settings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestKeyring : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void automaticPicksTheKeyring();
    void profileSecretsLiveInTheKeyring();
};

void TestKeyring::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "run through tests/checks/with-keyring.sh, which starts a session bus and gnome-keyring");
    QVERIFY2(wf::KeyringSecretStore::isAvailable(), "gnome-keyring did not answer on the session bus");
}

void TestKeyring::automaticPicksTheKeyring()
{
    QTemporaryDir dir;
    wf::Settings settings(dir.path());
    QCOMPARE(settings.secrets().backend(), wf::SecretStore::Backend::Keyring);
    QVERIFY(settings.secrets().description().contains(QStringLiteral("keyring")));
}

void TestKeyring::profileSecretsLiveInTheKeyring()
{
    QTemporaryDir dir;
    auto p = wf::demoProfile();
    p.name = QStringLiteral("Keyring test");
    p.endpoint(wf::Endpoint::Alertmanager).auth = {wf::AuthKind::Bearer, {}, QStringLiteral("am-token-98765")};
    {
        wf::Settings settings(dir.path(), wf::SecretStore::Backend::Keyring);
        QVERIFY2(settings.saveProfile(p), qPrintable(settings.errorString()));
    }
    // Neither the settings file nor a secrets file holds the token.
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("secrets.json"))));
    QFile conf(dir.filePath(QStringLiteral("watchfloor.conf")));
    QVERIFY(conf.open(QIODevice::ReadOnly));
    QVERIFY(!conf.readAll().contains("am-token"));

    wf::Settings reopened(dir.path(), wf::SecretStore::Backend::Keyring);
    QCOMPARE(reopened.profile(p.name)->endpoint(wf::Endpoint::Alertmanager).auth.secret,
             QStringLiteral("am-token-98765"));
    QVERIFY(reopened.removeProfile(p.name));
    wf::KeyringSecretStore keyring;
    QVERIFY(!keyring.read(p.name + QStringLiteral("/alertmanager")).has_value());
}

QTEST_GUILESS_MAIN(TestKeyring)
#include "tst_keyring.moc"
