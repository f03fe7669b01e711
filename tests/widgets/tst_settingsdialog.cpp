#include "settingsdialog.h"
#include "statuslight.h"
#include "store/settings.h"
#include "monitoringstack.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

class TestSettingsDialog : public QObject
{
    Q_OBJECT
private slots:
    void addsProfileWithSecret();
    void rejectsBadUrl();
    void testConnectionShowsEachEndpoint();
    void editsExistingProfile();
    void saysWhereSecretsAre();
    void alertSettingsPerProfile();
    void wallModeViewsAndSeconds();
};

static void setAuth(wf::SettingsDialog &dialog, wf::Endpoint e, wf::AuthKind kind)
{
    dialog.authBox(e)->setCurrentIndex(dialog.authBox(e)->findData(int(kind)));
}

void TestSettingsDialog::addsProfileWithSecret()
{
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::SettingsDialog dialog(settings);
    auto p = wf::demoProfile();
    p.name = QStringLiteral("scratch");
    dialog.addProfile(p);
    dialog.nameEdit()->setText(QStringLiteral("Staging"));
    dialog.urlEdit(wf::Endpoint::Prometheus)->setText(QStringLiteral("https://prom.staging.example"));
    setAuth(dialog, wf::Endpoint::Prometheus, wf::AuthKind::Bearer);
    QVERIFY(dialog.secretEdit(wf::Endpoint::Prometheus)->isEnabled());
    QVERIFY(!dialog.userEdit(wf::Endpoint::Prometheus)->isEnabled());
    dialog.secretEdit(wf::Endpoint::Prometheus)->setText(QStringLiteral("glsa_token_value"));
    QVERIFY2(dialog.save(), qPrintable(dialog.errorLabel()->text()));
    QCOMPARE(dialog.selectedProfile(), QStringLiteral("Staging"));

    const auto saved = settings.profile(QStringLiteral("Staging"));
    QVERIFY(saved.has_value());
    QCOMPARE(saved->endpoint(wf::Endpoint::Prometheus).url, QUrl(QStringLiteral("https://prom.staging.example")));
    QCOMPARE(saved->endpoint(wf::Endpoint::Prometheus).auth.kind, wf::AuthKind::Bearer);
    QCOMPARE(saved->endpoint(wf::Endpoint::Prometheus).auth.secret, QStringLiteral("glsa_token_value"));
    QVERIFY(!settings.profile(QStringLiteral("scratch")).has_value());
}

void TestSettingsDialog::rejectsBadUrl()
{
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::SettingsDialog dialog(settings);
    dialog.addProfile(wf::demoProfile());
    dialog.urlEdit(wf::Endpoint::Alertmanager)->setText(QStringLiteral("alertmanager:9093"));
    QVERIFY(!dialog.save());
    QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("alertmanager:9093")),
             qPrintable(dialog.errorLabel()->text()));
    QVERIFY(settings.profileNames().isEmpty());

    dialog.urlEdit(wf::Endpoint::Alertmanager)->setText(QStringLiteral("http://127.0.0.1:9093"));
    setAuth(dialog, wf::Endpoint::Loki, wf::AuthKind::Basic);
    QVERIFY(!dialog.save()); // basic auth without a user name
    QVERIFY(dialog.errorLabel()->text().contains(QStringLiteral("user name")));
}

void TestSettingsDialog::testConnectionShowsEachEndpoint()
{
    // The real Prometheus behind basic auth (its web config, jane / pa55) and the real simulator's
    // health endpoint: the probe carries the form's credentials, or Prometheus refuses it.
    MonitoringStack stack;
    stack.requirePrometheusBasicAuth(QStringLiteral("jane"), QStringLiteral("pa55"),
                                     "$2b$12$GnC3OYpIKv/Lc70Bnw3pxe4kbxoqna139KIgiua57TlKhGGjBXZaq"); // bcrypt of pa55
    QVERIFY2(stack.startWithSimulator(QStringLiteral(MYTRADER_SIM_EXECUTABLE)), qPrintable(stack.errorString()));

    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::SettingsDialog dialog(settings);
    dialog.addProfile(wf::demoProfile());
    dialog.urlEdit(wf::Endpoint::Prometheus)->setText(stack.prometheusUrl().toString());
    setAuth(dialog, wf::Endpoint::Prometheus, wf::AuthKind::Basic);
    dialog.userEdit(wf::Endpoint::Prometheus)->setText(QStringLiteral("jane"));
    dialog.secretEdit(wf::Endpoint::Prometheus)->setText(QStringLiteral("wrong"));
    dialog.urlEdit(wf::Endpoint::Alertmanager)->setText(QStringLiteral("http://127.0.0.1:1"));
    dialog.urlEdit(wf::Endpoint::Loki)->clear();
    dialog.urlEdit(wf::Endpoint::Health)->setText(stack.simulatorUrl().resolved(QUrl(QStringLiteral("/api/health/alpaca"))).toString());
    auto *test = dialog.findChild<QPushButton *>(QStringLiteral("testConnection"));

    // A wrong password: Prometheus says 401, and the light says so.
    test->click();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.testLight(wf::Endpoint::Prometheus)->health(), wf::Health::Bad, 15000);
    QVERIFY2(dialog.testLight(wf::Endpoint::Prometheus)->toolTip().contains(QStringLiteral("401")),
             qPrintable(dialog.testLight(wf::Endpoint::Prometheus)->toolTip()));

    // The right one: every endpoint as it stands.
    dialog.secretEdit(wf::Endpoint::Prometheus)->setText(QStringLiteral("pa55"));
    test->click();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.testLight(wf::Endpoint::Prometheus)->health(), wf::Health::Good, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.testLight(wf::Endpoint::Alertmanager)->health(), wf::Health::Bad, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.testLight(wf::Endpoint::Health)->health(), wf::Health::Good, 15000);
    QCOMPARE(dialog.testLight(wf::Endpoint::Loki)->health(), wf::Health::Unknown);
    QVERIFY(dialog.testLight(wf::Endpoint::Alertmanager)->toolTip().contains(QStringLiteral("refused")));
    // The dialog did not store anything yet.
    QVERIFY(settings.profileNames().isEmpty());
    // For looking at the dialog as a user would: WATCHFLOOR_GRAB_DIR=/tmp/grabs ctest -R settingsdialog
    if (const auto grabDir = qEnvironmentVariable("WATCHFLOOR_GRAB_DIR"); !grabDir.isEmpty())
        dialog.grab().save(grabDir + QStringLiteral("/settingsdialog.png"));
}

void TestSettingsDialog::editsExistingProfile()
{
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    QVERIFY(settings.saveProfile(wf::demoProfile()));
    {
        wf::SettingsDialog dialog(settings);
        dialog.selectProfile(QStringLiteral("Demo"));
        QCOMPARE(dialog.nameEdit()->text(), QStringLiteral("Demo"));
        dialog.nameEdit()->setText(QStringLiteral("Demo renamed"));
        dialog.urlEdit(wf::Endpoint::Loki)->setText(QStringLiteral("http://loki.example:3100"));
        QVERIFY(dialog.save());
    }
    QCOMPARE(settings.profileNames(), QStringList{QStringLiteral("Demo renamed")});
    QCOMPARE(settings.profile(QStringLiteral("Demo renamed"))->endpoint(wf::Endpoint::Loki).url,
             QUrl(QStringLiteral("http://loki.example:3100")));
}

void TestSettingsDialog::saysWhereSecretsAre()
{
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    wf::SettingsDialog dialog(settings);
    auto *note = dialog.findChild<QLabel *>(QStringLiteral("secretsNote"));
    QVERIFY(note);
    QVERIFY(note->text().contains(dynamic_cast<const wf::FileSecretStore &>(settings.secrets()).filePath()));
}

void TestSettingsDialog::alertSettingsPerProfile()
{
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    QVERIFY(settings.saveProfile(wf::demoProfile()));
    {
        wf::SettingsDialog dialog(settings);
        dialog.selectProfile(QStringLiteral("Demo"));
        // The defaults: the OS user, until resolved, 24 h, every 5 s.
        QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("ackAuthor"))->text().isEmpty());
        auto *ackDefault = dialog.findChild<QComboBox *>(QStringLiteral("ackDefault"));
        QCOMPARE(ackDefault->currentData().toInt(), 0);
        QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("ackSafety"))->value(), 24);
        QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("alertPoll"))->value(), 2); // an alert in the inbox within 3 s
        dialog.findChild<QLineEdit *>(QStringLiteral("ackAuthor"))->setText(QStringLiteral("  night-shift  "));
        ackDefault->setCurrentIndex(ackDefault->findData(3600));
        dialog.findChild<QSpinBox *>(QStringLiteral("ackSafety"))->setValue(12);
        dialog.findChild<QSpinBox *>(QStringLiteral("alertPoll"))->setValue(10);
        QVERIFY(dialog.save());
    }
    // Stored with the profile, read back by a new Settings (as after a restart).
    wf::Settings reread(dir.path(), wf::SecretStore::Backend::File);
    const auto p = reread.profile(QStringLiteral("Demo"));
    QVERIFY(p.has_value());
    QCOMPARE(p->ackAuthor, QStringLiteral("night-shift"));
    QCOMPARE(p->ackDefaultSeconds, 3600);
    QCOMPARE(p->ackSafetyHours, 12);
    QCOMPARE(p->alertPollSeconds, 10);
    QCOMPARE(reread.historyRetentionDays(), 90);
}

QTEST_MAIN(TestSettingsDialog)
// Wall mode's views and seconds are for every profile: usable with no profile at all, saved, and
// read back as chosen (a time too short to read a view is raised to 5 s).
void TestSettingsDialog::wallModeViewsAndSeconds()
{
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    QCOMPARE(settings.wallViews(), (QStringList{QStringLiteral("operations"), QStringLiteral("reliability"), QStringLiteral("alerts")}));
    wf::SettingsDialog dialog(settings);
    auto *views = dialog.findChild<QListWidget *>(QStringLiteral("wallViews"));
    auto *seconds = dialog.findChild<QSpinBox *>(QStringLiteral("wallSeconds"));
    QVERIFY(views && seconds);
    QVERIFY(seconds->isEnabled()); // no profile yet, and still usable
    QCOMPARE(seconds->value(), 30);
    for (int i = 0; i < views->count(); ++i) {
        const auto name = views->item(i)->data(Qt::UserRole).toString();
        views->item(i)->setCheckState(name == u"performance" || name == u"logs" ? Qt::Checked : Qt::Unchecked);
    }
    seconds->setValue(3);
    QVERIFY2(dialog.save(), qPrintable(dialog.errorLabel()->text()));
    QCOMPARE(settings.wallViews(), (QStringList{QStringLiteral("performance"), QStringLiteral("logs")}));
    QCOMPARE(settings.wallCycleSeconds(), 5);
    seconds->setValue(0);
    QVERIFY(dialog.save());
    QCOMPARE(settings.wallCycleSeconds(), 0);
    QCOMPARE(seconds->text(), QStringLiteral("stay"));
    // The weekly report's folder, for every profile (usable without one): the documents' by default.
    auto *folder = dialog.findChild<QLineEdit *>(QStringLiteral("reportFolder"));
    QVERIFY(folder && folder->isEnabled());
    QVERIFY(folder->text().endsWith(QStringLiteral("Watchfloor reports")));
    folder->setText(dir.filePath(QStringLiteral("reports")));
    QVERIFY(dialog.save());
    QCOMPARE(settings.reportFolder(), dir.filePath(QStringLiteral("reports")));
}

#include "tst_settingsdialog.moc"
