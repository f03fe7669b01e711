// The Logs view on a local log file: the service's JSON lines and its plain file-sink lines in
// the same columns, followed as the file grows, and back to Loki when closed.

#include "cli/translations.h"
#include "logmodel.h"
#include "views/logsview.h"
#include "highlightdelegate.h"
#include "volumehistogram.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

class TestLogsView : public QObject
{
    Q_OBJECT
private slots:
    void followsALocalFile();
};

void TestLogsView::followsALocalFile()
{
    QTemporaryDir dir;
    const auto path = dir.filePath(QStringLiteral("mytrader-20251009.log"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"timestamp":"2025-10-09T10:15:30.000Z","level":"Information","sourceContext":"MyTrader.Core.Services.DataSourceRouter","message":"Router started"})"
               "\n"
               "2025-10-09 10:15:32.123 +00:00 [ERR] MyTrader.Api.AlpacaStreamingService - Connection lost\n"
               "System.IO.IOException: reset by peer\n"
               "   at Alpaca.Receive()\n"
               "2025-10-09 10:15:33.000 +00:00 [WRN] MyTrader.Core.Services.DataSourceRouter - Failover with apiKey=PKABCDEFGHIJKLMNOPQRSTUV99\n");
    file.flush();

    QCOMPARE(wf::installTranslations(QStringLiteral("en")), QStringLiteral("en")); // "1 line", as the app says it
    wf::LogsView view;
    view.resize(1100, 700);
    view.show();
    view.openFile(path);
    auto *model = view.model();
    QTRY_COMPARE(model->rowCount(), 3);
    QCOMPARE(view.filePath(), path);
    QVERIFY(!view.findChild<QComboBox *>()->isEnabled()); // no Loki query while a file is shown
    QCOMPARE(model->index(0, wf::LogModel::Source).data().toString(), QStringLiteral("DataSourceRouter"));
    QCOMPARE(model->index(1, wf::LogModel::Level).data().toString(), QStringLiteral("Error"));
    QCOMPARE(model->index(1, 0).data(wf::LogModel::ExceptionRole).toString(),
             QStringLiteral("System.IO.IOException: reset by peer\n   at Alpaca.Receive()"));
    model->setUtc(true);
    QCOMPARE(model->index(1, wf::LogModel::Time).data().toString(), QStringLiteral("2025-10-09 10:15:32.123"));
    QVERIFY(!model->index(2, wf::LogModel::Message).data().toString().contains(QLatin1String("PKABCDEFGHIJKLMNOPQRSTUV99")));
    QVERIFY(model->line(0).ns < model->line(1).ns); // the lines' own times, not the reading time

    // The file grows: the new line comes in, and the view follows it.
    file.write("2025-10-09 10:15:40.000 +00:00 [INF] MyTrader.Core.Services.DataSourceRouter - Back on Alpaca\n");
    file.flush();
    QTRY_COMPARE(model->rowCount(), 4);
    QCOMPARE(model->index(3, wf::LogModel::Message).data().toString(), QStringLiteral("Back on Alpaca"));
    QVERIFY(view.statusText().contains(path));

    // The filter marks what it matches in the lines it keeps.
    auto *filter = view.findChild<QLineEdit *>(QStringLiteral("logFilter"));
    filter->setText(QStringLiteral("alpaca"));
    auto *delegate = qobject_cast<wf::HighlightDelegate *>(
        view.table()->itemDelegateForColumn(wf::LogModel::Message));
    QVERIFY(delegate);
    const auto message = QStringLiteral("Alpaca went away; alpaca is back");
    QCOMPARE(delegate->spans(message), (QList<std::pair<qsizetype, qsizetype>>{{0, 6}, {18, 6}}));
    filter->clear();
    QVERIFY(delegate->spans(message).isEmpty());

    // The volume strip spans the lines' times.
    auto *volume = view.findChild<wf::VolumeHistogram *>(QStringLiteral("volume"));
    QVERIFY(volume);
    QCOMPARE(volume->axisLabels().size(), 2);

    // No line matches: the empty table says so, not blank as if nothing had been read.
    auto *note = view.findChild<QLabel *>(QStringLiteral("emptyNote"));
    QVERIFY(note);
    QTRY_VERIFY(!note->isVisible());
    filter->setText(QStringLiteral("no such words anywhere"));
    QTRY_COMPARE(note->text(), QStringLiteral("None of the 4 lines matches the filter or the levels shown."));
    QVERIFY(note->isVisible());
    filter->clear();
    QTRY_VERIFY(!note->isVisible());

    view.closeFile();
    QVERIFY(view.filePath().isEmpty());
    QVERIFY(view.findChild<QComboBox *>()->isEnabled());
    QCOMPARE(model->rowCount(), 0);
    QTRY_VERIFY(note->isVisible());
    QVERIFY2(note->text().startsWith(QStringLiteral("No lines")), qPrintable(note->text()));
}

QTEST_MAIN(TestLogsView)
#include "tst_logsview.moc"
