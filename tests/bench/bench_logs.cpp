// Opt-in benchmark of the Logs view with a big buffer (ctest --preset bench). Prints, never
// asserts on a timer:
//   - memory: 1,000,000 of the service's JSON lines in the model, against their raw bytes
//     (target under 2× the raw bytes);
//   - filter: a regular expression over the million lines, off the UI thread (target under 300 ms):
//     until the view shows the result, and how long the UI thread was busy starting it;
//   - scrolling: repainting the table at the top, the middle and the bottom (target under 16 ms);
//   - tail ingest: 10,000 lines a second for WATCHFLOOR_BENCH_SECONDS (default 60) through the
//     tail's signal, with the longest the UI thread was busy at once.

#include "domain/logrecord.h"
#include "logfilterproxy.h"
#include "logmodel.h"
#include "procstats.h"
#include "stallprobe.h"
#include "sources/loki/lokitail.h"
#include "views/logsview.h"

#include <QElapsedTimer>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <malloc.h>

#include <algorithm>
#include <cstdio>

namespace {

// Heap bytes in use (what the model really holds, unlike resident memory, which keeps what the
// temporaries of loading left behind).
double heapBytes()
{
    return double(mallinfo2().uordblks + mallinfo2().hblkhd);
}

const bool kLongRun = [] {
    qputenv("QTEST_FUNCTION_TIMEOUT", QByteArray::number(30 * 60 * 1000));
    return true;
}();

QString lineText(qint64 i)
{
    static const char *levels[] = {"Information", "Information", "Information", "Warning", "Error", "Debug"};
    static const char *symbols[] = {"AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "JPM"};
    return QStringLiteral(R"({"timestamp":"2026-11-25T10:%1:%2.%3Z","level":"%4","sourceContext":"MyTrader.Api.Services.AlpacaStreamingService","message":"Quote received for %5: bid %6 ask %7","properties":{"Symbol":"%5","Bid":%6,"Ask":%7,"MachineName":"mytrader-api-pod-abc123","ThreadId":%8,"Application":"MyTrader","Environment":"production","Component":"alpaca-streaming"}})")
        .arg((i / 60000) % 60, 2, 10, QLatin1Char('0'))
        .arg((i / 1000) % 60, 2, 10, QLatin1Char('0'))
        .arg(i % 1000, 3, 10, QLatin1Char('0'))
        .arg(QString::fromLatin1(levels[i % 6]), QString::fromLatin1(symbols[i % 8]))
        .arg(100 + (i % 5000) / 100.0, 0, 'f', 2)
        .arg(100.05 + (i % 5000) / 100.0, 0, 'f', 2)
        .arg(10 + i % 40);
}

} // namespace

class BenchLogs : public QObject
{
    Q_OBJECT
private slots:
    void millionLines();
    void tailIngest();
};

void BenchLogs::millionLines()
{
    constexpr int kLines = 1'000'000;
    wf::LogsView view;
    view.resize(1280, 800);
    view.show();
    auto *model = view.model();
    model->setLimit(kLines);
    const long before = residentKiB();
    const double heapBefore = heapBytes();
    std::vector<wf::LogLine> lines;
    lines.reserve(kLines);
    qint64 raw = 0;
    wf::Labels labels{{QStringLiteral("app"), QStringLiteral("mytrader-api")}};
    const auto stream = model->streamIndex(labels);
    for (int i = 0; i < kLines; ++i) {
        wf::LogLine l;
        l.ns = 1'795'000'000'000'000'000LL + qint64(i) * 1'000'000;
        l.utf8 = wf::logs::exactUtf8(lineText(i)); // as the Logs view turns Loki's lines into its own
        l.level = wf::logs::quickLevel(l.utf8);
        l.stream = stream;
        raw += l.utf8.size();
        lines.push_back(std::move(l));
    }
    QElapsedTimer load;
    load.start();
    model->setLines(std::move(lines));
    const auto loadMs = load.elapsed();
    QTest::qWait(100);
    const long after = residentKiB();
    const double held = heapBytes() - heapBefore;
    std::printf("\n1,000,000 JSON lines, %.1f MB of text (%.0f bytes a line):\n", raw / 1e6, double(raw) / kLines);
    std::printf("memory           heap %.1f MB in use: %.2f× the raw bytes; resident %.1f MB more: %.2f× "
                "(target ≤ 2×); loading took %lld ms\n",
                held / 1e6, held / double(raw), (after - before) / 1024.0, double(after - before) * 1024 / double(raw), loadMs);

    QElapsedTimer filter;
    filter.start();
    QSignalSpy filtered(view.proxy(), &wf::LogFilterProxy::filtered);
    StallProbe stalls; // the UI thread's longest busy stretch while the filter is under way
    stalls.start();
    QVERIFY(view.proxy()->setPattern(QStringLiteral("NVDA: bid 1[0-4]\\d\\.\\d[02468]"), true, false));
    const auto returnedMs = double(filter.nsecsElapsed()) / 1e6;
    QVERIFY(filtered.wait(60000));
    const auto filterMs = filter.elapsed();
    QTest::qWait(20); // the probe's tick after the last stretch
    stalls.stop();
    const auto longest = stalls.stalls().isEmpty() ? 0.0 : *std::max_element(stalls.stalls().cbegin(), stalls.stalls().cend());
    const int matched = view.proxy()->rowCount();
    std::printf("filter (regex)   %lld ms until the view shows the %d matches (target < 300 ms); the UI thread "
                "was busy %.0f ms to start it and at most %.0f ms at once until then (the lines handed over a "
                "pass at a time, matched on every core, the view laid out again)\n",
                filterMs, matched, returnedMs, longest);
    QVERIFY(matched > 0);
    // An alternation gives the prefilter nothing to look for: every line goes through the regex.
    QElapsedTimer alternation;
    alternation.start();
    QVERIFY(view.proxy()->setPattern(QStringLiteral("(NVDA|META): bid 1[0-4]\\d\\.\\d[02468]"), true, false));
    QVERIFY(filtered.wait(60000));
    std::printf("filter (regex, no literal to look for first) %lld ms until the view shows the %d matches\n",
                alternation.elapsed(), view.proxy()->rowCount());
    QElapsedTimer relayout;
    relayout.start();
    QVERIFY(view.proxy()->setPattern({}, false, false)); // no matching at all: the proxy's relayout alone
    std::printf("filter cleared   %lld ms (the view laying out a million rows again, on the UI thread)\n",
                relayout.elapsed());

    QList<double> paints;
    auto *table = view.table();
    for (const double at : {0.0, 0.5, 1.0, 0.25, 0.75}) {
        table->verticalScrollBar()->setValue(int(table->verticalScrollBar()->maximum() * at));
        for (int i = 0; i < 3; ++i) {
            QElapsedTimer paint;
            paint.start();
            table->viewport()->repaint();
            paints.append(double(paint.nsecsElapsed()) / 1e6);
            table->verticalScrollBar()->setValue(table->verticalScrollBar()->value() + 40); // a page down
        }
    }
    std::sort(paints.begin(), paints.end());
    std::printf("scroll repaint   median %.2f ms, max %.2f ms over %lld pages (target < 16 ms)\n",
                paints.at(paints.size() / 2), paints.last(), qsizetype(paints.size()));

    // Cleared (a new query): the memory goes back to the system, not only to the allocator.
    const long loaded = residentKiB();
    QVERIFY(view.proxy()->setPattern(QStringLiteral("NVDA"), false, false)); // the filter's own structures too
    QVERIFY(filtered.wait(60000));
    QElapsedTimer clearing;
    clearing.start();
    model->clear();
    const auto clearMs = clearing.elapsed();
    QTest::qWait(200);
    std::printf("cleared          heap %.1f MB over the start, resident %.1f MB over the start (target ≤ 150 MB; "
                "%.1f MB resident before clearing, after the filters); clearing took %lld ms\n",
                (heapBytes() - heapBefore) / 1e6, (residentKiB() - before) / 1024.0, (loaded - before) / 1024.0, clearMs);
}

void BenchLogs::tailIngest()
{
    const int seconds = qEnvironmentVariableIsSet("WATCHFLOOR_BENCH_SECONDS")
        ? qEnvironmentVariableIntValue("WATCHFLOOR_BENCH_SECONDS")
        : 60;
    wf::LogsView view;
    view.resize(1280, 800);
    view.show();
    StallProbe probe; // the UI thread's longest busy stretches
    probe.start();
    // Loki's tail sends batches; 100 lines every 10 ms is 10,000 a second.
    qint64 sent = 0;
    QTimer feed;
    feed.setInterval(10);
    wf::Labels labels{{QStringLiteral("app"), QStringLiteral("mytrader-api")}};
    connect(&feed, &QTimer::timeout, this, [&] {
        std::vector<wf::TailEntry> batch;
        batch.reserve(100);
        for (int i = 0; i < 100; ++i, ++sent)
            batch.push_back({labels, 1'795'000'000'000'000'000LL + sent * 100'000, lineText(sent)});
        emit view.tail()->entries(batch);
    });
    QElapsedTimer run;
    run.start();
    feed.start();
    QTest::qWait(seconds * 1000);
    feed.stop();
    probe.stop();
    auto stalls = probe.stalls();
    std::sort(stalls.begin(), stalls.end());
    std::printf("\ntail ingest      %lld lines in %.1f s (%.0f lines/s); buffer %d lines, %lld let go; "
                "UI busy at once: median %.0f ms, p95 %.0f ms, max %.0f ms; %ld KiB resident\n",
                sent, run.elapsed() / 1000.0, sent / (run.elapsed() / 1000.0), view.model()->rowCount(),
                view.model()->droppedCount(), stalls.isEmpty() ? 0.0 : stalls.at(stalls.size() / 2),
                stalls.isEmpty() ? 0.0 : stalls.at(stalls.size() * 95 / 100), stalls.isEmpty() ? 0.0 : stalls.last(),
                residentKiB());
    QVERIFY(view.model()->rowCount() > 0);
}

QTEST_MAIN(BenchLogs)
#include "bench_logs.moc"
