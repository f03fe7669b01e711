// English has plural forms of its own: "%n point(s)" reads "1 point" and "3 points", in English and
// under a language the console has no file for (the German file is the application's and has its
// own forms). Without them the user read "3 point(s)".

#include "cli/translations.h"

#include <QCoreApplication>
#include <QTest>

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void englishPlurals_data();
    void englishPlurals();
};

void TestTranslations::englishPlurals_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("a language without a file") << QStringLiteral("fr");
}

void TestTranslations::englishPlurals()
{
    QFETCH(QString, language);
    QCOMPARE(wf::installTranslations(language), QStringLiteral("en"));
    const auto pages = [](int n) {
        return QCoreApplication::translate("wf::WeeklyReportDialog", "%1: %n page(s). Save it as PDF, HTML or JSON.", nullptr, n)
            .arg(QStringLiteral("2026-W49"));
    };
    QCOMPARE(pages(1), QStringLiteral("2026-W49: 1 page. Save it as PDF, HTML or JSON."));
    QCOMPARE(pages(4), QStringLiteral("2026-W49: 4 pages. Save it as PDF, HTML or JSON."));
    QCOMPARE(QCoreApplication::translate("wf::AlertNotifier", "%n alerts firing", nullptr, 1), QStringLiteral("1 alert firing"));
    QCOMPARE(QCoreApplication::translate("wf::AlertNotifier", "%n alerts firing", nullptr, 2), QStringLiteral("2 alerts firing"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
