// The Runbooks view without a server: rendering fetches nothing (a runbook with remote images on a
// loopback server that counts connections), links between runbooks with back and forward, search,
// web links only after asking, and LogQL blocks open the Logs view.
#include "runbookbrowser.h"
#include "runbooks/runbooklibrary.h"
#include "tinyhttpserver.h"
#include "views/runbooksview.h"

#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestRunbooksView : public QObject
{
    Q_OBJECT
private slots:
    void renderingFetchesNothing();
    void linksBackAndForward();
    void searchFiltersTheIndex();
    void webLinksOnlyAfterAsking();
    void logqlOpensInLogs();
    void runWithoutPrometheusSaysSo();
};

namespace {

bool write(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

} // namespace

void TestRunbooksView::renderingFetchesNothing()
{
    TinyHttpServer server;
    QVERIFY(server.listen());
    server.respond(200, QByteArray(64, 'x'), "image/png");
    QTemporaryDir dir;
    const auto md = QStringLiteral("# Tracking pixel\n\n![logo](%1)\n\n<img src=\"%2\">\n\n"
                                   "<link rel=\"stylesheet\" href=\"%3\">\n\n## Symptoms\nNothing.\n")
                        .arg(server.url(QStringLiteral("/logo.png")).toString(),
                             server.url(QStringLiteral("/pixel.gif")).toString(),
                             server.url(QStringLiteral("/style.css")).toString());
    QVERIFY(write(dir.filePath(QStringLiteral("tracking.md")), md.toUtf8()));
    wf::RunbookLibrary library;
    library.setFolder(dir.path());
    wf::RunbooksView view(&library);
    view.resize(1000, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.openRunbook(QStringLiteral("tracking")));
    QCOMPARE(view.currentSlug(), QStringLiteral("tracking"));
    // Rendered and painted; a fetch would have connected by now.
    view.browser()->viewport()->repaint();
    QTest::qWait(500);
    QCOMPARE(server.maxOpenConnections(), 0);
    QCOMPARE(server.requestCount(), 0);
    const auto refused = view.browser()->refusedResources();
    QVERIFY2(refused.contains(server.url(QStringLiteral("/logo.png"))), qPrintable(QVariant::fromValue(refused).toString()));
    // The raw HTML <img> and <link> may not even be asked for: the connection count above is what matters.
    auto *notice = view.findChild<QLabel *>(QStringLiteral("runbookNotice"));
    QVERIFY(notice->isVisible());
    QVERIFY(notice->text().contains(QStringLiteral("not loaded")));
}

void TestRunbooksView::linksBackAndForward()
{
    wf::RunbookLibrary library;
    wf::RunbooksView view(&library);
    QVERIFY(view.openRunbook(QStringLiteral("router-on-fallback")));
    QVERIFY(view.browser()->toPlainText().contains(QStringLiteral("Router on the Yahoo Finance fallback")));
    emit view.browser()->anchorClicked(QUrl(QStringLiteral("failover-procedure.md")));
    QCOMPARE(view.currentSlug(), QStringLiteral("failover-procedure"));
    QVERIFY(view.browser()->toPlainText().contains(QStringLiteral("Failover procedure")));
    emit view.browser()->anchorClicked(QUrl(QStringLiteral("escalation.md")));
    QCOMPARE(view.currentSlug(), QStringLiteral("escalation"));
    view.back();
    QCOMPARE(view.currentSlug(), QStringLiteral("failover-procedure"));
    view.back();
    QCOMPARE(view.currentSlug(), QStringLiteral("router-on-fallback"));
    QVERIFY(view.canGoForward());
    view.forward();
    QCOMPARE(view.currentSlug(), QStringLiteral("failover-procedure"));
    // A new link drops what was ahead.
    emit view.browser()->anchorClicked(QUrl(QStringLiteral("both-sources-down-incident.md")));
    QVERIFY(!view.canGoForward());
    // A link to a runbook nobody wrote says so and stays.
    emit view.browser()->anchorClicked(QUrl(QStringLiteral("nonexistent.md")));
    QCOMPARE(view.currentSlug(), QStringLiteral("both-sources-down-incident"));
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("runbookNotice"))->text().contains(QStringLiteral("nonexistent")));
}

void TestRunbooksView::searchFiltersTheIndex()
{
    wf::RunbookLibrary library;
    wf::RunbooksView view(&library);
    const auto all = view.visibleSlugs();
    QCOMPARE(all.size(), library.runbooks().size());
    view.search(QStringLiteral("hysteresis"));
    const auto found = view.visibleSlugs();
    QVERIFY2(found.contains(QStringLiteral("router-on-fallback")), qPrintable(found.join(u',')));
    QVERIFY(found.contains(QStringLiteral("failover-procedure")));
    QVERIFY(!found.contains(QStringLiteral("price-delta")));
    QVERIFY(found.contains(view.currentSlug())); // the reader sees a match at once
    view.search(QStringLiteral("hysteresis nothing-like-this"));
    QCOMPARE(view.visibleSlugs(), QStringList());
    view.search(QString());
    QCOMPARE(view.visibleSlugs().size(), all.size());
}

void TestRunbooksView::webLinksOnlyAfterAsking()
{
    wf::RunbookLibrary library;
    wf::RunbooksView view(&library);
    QList<QUrl> asked;
    view.setLinkConfirmation([&asked](const QUrl &url) {
        asked.append(url);
        return false; // the user says no
    });
    QSignalSpy opened(&view, &wf::RunbooksView::externalLinkOpened);
    const QUrl web(QStringLiteral("https://status.alpaca.markets/"));
    emit view.browser()->anchorClicked(web);
    QCOMPARE(asked, QList<QUrl>{web});
    QCOMPARE(opened.size(), 0);
    // Other schemes are never opened, not even after asking.
    emit view.browser()->anchorClicked(QUrl(QStringLiteral("file:///etc/passwd")));
    QCOMPARE(asked.size(), 1);
    QCOMPARE(opened.size(), 0);
}

void TestRunbooksView::logqlOpensInLogs()
{
    wf::RunbookLibrary library;
    wf::RunbooksView view(&library);
    QVERIFY(view.openRunbook(QStringLiteral("router-on-fallback")));
    const auto book = library.find(QStringLiteral("router-on-fallback"));
    const auto logql = std::find_if(book->queries.cbegin(), book->queries.cend(),
                                    [](const wf::RunbookQuery &q) { return q.language == wf::RunbookQuery::Language::LogQL; });
    QVERIFY(logql != book->queries.cend());
    QVERIFY(view.browser()->toPlainText().contains(QStringLiteral("Open in Logs")));
    QSignalSpy logs(&view, &wf::RunbooksView::logsRequested);
    QSignalSpy explore(&view, &wf::RunbooksView::exploreRequested);
    emit view.browser()->anchorClicked(QUrl(QStringLiteral("wf:logs/%1").arg(logql->index)));
    QCOMPARE(logs.size(), 1);
    QCOMPARE(logs.at(0).at(0).toString(), logql->text);
    emit view.browser()->anchorClicked(QUrl(QStringLiteral("wf:explore/0")));
    QCOMPARE(explore.size(), 1);
    QCOMPARE(explore.at(0).at(0).toString(), book->queries.at(0).text);
}

void TestRunbooksView::runWithoutPrometheusSaysSo()
{
    wf::RunbookLibrary library;
    wf::RunbooksView view(&library);
    QVERIFY(view.openRunbook(QStringLiteral("high-latency")));
    emit view.browser()->anchorClicked(QUrl(QStringLiteral("wf:run/0")));
    QVERIFY(!view.resultError(0).isEmpty());
    QVERIFY(view.browser()->toPlainText().contains(view.resultError(0)));
}

QTEST_MAIN(TestRunbooksView)
#include "tst_runbooksview.moc"
