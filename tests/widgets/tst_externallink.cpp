// Links from servers open only as http or https, after the user saw the whole address as plain
// text: a link's text is the server's, and rich text would let it show one address and open
// another (or load an image from anywhere).

#include "externallink.h"

#include <QApplication>
#include <QMessageBox>
#include <QAbstractButton>
#include <QTest>
#include <QTimer>

#include <functional>

class TestExternalLink : public QObject
{
    Q_OBJECT
private slots:
    void onlyWebLinks_data();
    void onlyWebLinks();
    void theQuestionShowsTheWholeAddressAsText();
    void otherSchemesAreRefusedWithoutAsking();

private:
    // Runs look on the next modal box to appear, then presses its button `answer`.
    void whenAsked(QMessageBox::StandardButton answer, std::function<void(QMessageBox *)> look);
};

void TestExternalLink::whenAsked(QMessageBox::StandardButton answer, std::function<void(QMessageBox *)> look)
{
    auto *timer = new QTimer(this);
    timer->setInterval(20);
    connect(timer, &QTimer::timeout, this, [timer, answer, look] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        timer->stop();
        timer->deleteLater();
        look(box);
        box->button(answer)->click();
    });
    timer->start();
}

void TestExternalLink::onlyWebLinks_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("web");
    QTest::newRow("https") << "https://wiki.example.com/runbooks/router" << true;
    QTest::newRow("http") << "http://127.0.0.1:9090/graph?g0.expr=up" << true;
    QTest::newRow("upper-case scheme") << "HTTPS://wiki.example.com/" << true;
    QTest::newRow("file") << "file:///etc/passwd" << false;
    QTest::newRow("javascript") << "javascript:alert(1)" << false;
    QTest::newRow("data") << "data:text/html,<b>x</b>" << false;
    QTest::newRow("smb") << "smb://fileserver/share" << false;
    QTest::newRow("no host") << "http:///etc/passwd" << false;
    QTest::newRow("relative") << "runbooks/router" << false;
    QTest::newRow("empty") << "" << false;
}

void TestExternalLink::onlyWebLinks()
{
    QFETCH(QString, url);
    QFETCH(bool, web);
    QCOMPARE(wf::links::isWebLink(QUrl(url)), web);
}

void TestExternalLink::theQuestionShowsTheWholeAddressAsText()
{
    // A server's link whose text is markup: shown as it is, encoded as it will be sent.
    const QUrl url(QStringLiteral("https://evil.example/<img src=\"/dev/zero\">?next=<b>bank</b>"));
    QString shown;
    Qt::TextFormat format = Qt::AutoText;
    whenAsked(QMessageBox::No, [&](QMessageBox *box) {
        shown = box->text();
        format = box->textFormat();
        box->grab().save(QStringLiteral(QT_TESTCASE_BUILDDIR "/externallink-question.png")); // to look at
    });
    QVERIFY(!wf::links::askToOpen(nullptr, url, QStringLiteral("<i>lead</i>")));
    QCOMPARE(format, Qt::PlainText);
    QVERIFY2(shown.contains(QString::fromUtf8(url.toEncoded())), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("<i>lead</i>")), qPrintable(shown));
    QVERIFY(shown.contains(QStringLiteral("https://evil.example/")));
}

void TestExternalLink::otherSchemesAreRefusedWithoutAsking()
{
    QString shown;
    int buttons = 0;
    whenAsked(QMessageBox::Ok, [&](QMessageBox *box) {
        shown = box->text();
        buttons = int(box->buttons().size());
        QCOMPARE(box->textFormat(), Qt::PlainText);
    });
    QVERIFY(!wf::links::openAfterAsking(nullptr, QUrl(QStringLiteral("file:///etc/passwd"))));
    QVERIFY2(shown.contains(QStringLiteral("file:///etc/passwd")) && shown.contains(QStringLiteral("“file”")), qPrintable(shown));
    QCOMPARE(buttons, 1); // told, not asked
}

QTEST_MAIN(TestExternalLink)
#include "tst_externallink.moc"
