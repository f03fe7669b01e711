#include "firstrundialog.h"
#include "store/settings.h"

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

class TestFirstRun : public QObject
{
    Q_OBJECT
private slots:
    void demoCreatesDemoProfile();
    void quitLeavesNoProfile();
};

// Clicks the first-start question's button whose text contains `label` once it is shown.
static void answer(const QString &label)
{
    QTimer::singleShot(0, [label] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        for (auto *button : box->buttons()) {
            if (button->text().remove(u'&').contains(label))
                static_cast<QPushButton *>(button)->click();
        }
    });
}

void TestFirstRun::demoCreatesDemoProfile()
{
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    answer(QStringLiteral("demo profile"));
    QVERIFY(wf::FirstRun::run(settings));
    QCOMPARE(settings.profileNames(), QStringList{QStringLiteral("Demo")});
    QCOMPARE(settings.currentProfile(), QStringLiteral("Demo"));
    QCOMPARE(*settings.profile(QStringLiteral("Demo")), wf::demoProfile());
}

void TestFirstRun::quitLeavesNoProfile()
{
    QTemporaryDir dir;
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    answer(QStringLiteral("Quit"));
    QVERIFY(!wf::FirstRun::run(settings));
    QVERIFY(settings.profileNames().isEmpty());
}

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
