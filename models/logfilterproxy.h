#pragma once

#include "domain/logrecord.h"
#include "domain/textprefilter.h"

#include <QFutureWatcher>
#include <QRegularExpression>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QThreadPool>

#include <memory>
#include <vector>

namespace wf {

// The Logs view's client-side filter: plain text or a regular expression (case optional) over the
// whole line, and the levels shown. Gaps (lines Loki dropped) always stay in view. Over a big
// buffer the text is matched off the UI thread, on every core: the old filter stays on screen
// until the new one is ready, then the view changes at once (filtered() says when).
class LogFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    // Buffers up to this many lines are matched at once, on the UI thread (it takes a few ms).
    static constexpr int kSynchronousLines = 20'000;
    // Over a bigger buffer the lines are handed to the worker for about this long per event-loop
    // pass (each line's bytes shared, packed lines by their block): a million at once held the UI
    // 76–110 ms; passes of 50,000 lines made the match 100 ms later (other work between them).
    static constexpr int kSnapshotPassMs = 12;
    void setSnapshotLinesPerPass(int lines) { m_snapshotLinesPerPass = lines; } // tests: fixed, not by time

    explicit LogFilterProxy(QObject *parent = nullptr);
    ~LogFilterProxy() override;

    // False with error set when pattern is not a valid regular expression (the filter is unchanged).
    bool setPattern(const QString &pattern, bool regex, bool caseSensitive, QString *error = nullptr);
    QString pattern() const { return m_pattern; }
    bool isFiltering() const { return m_snapshot != nullptr || m_watcher.isRunning(); }
    void setLevelShown(LogLevel level, bool shown);
    bool isLevelShown(LogLevel level) const { return !m_hiddenLevels.contains(level); }
    // The regular expression lines are matched with (for highlighting), invalid when there is none.
    const QRegularExpression &matcher() const { return m_matcher; }

signals:
    void filtered(); // a new pattern is applied

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    // Which lines matched, by line id, for the lines the model had when the match started; lines
    // that came later are matched as they arrive.
    struct Matches
    {
        std::vector<quint8> byId; // index: id - firstId
        quint64 firstId = 0;
        quint64 lastId = 0;
    };

    struct Snapshot; // the lines handed to the worker
    void takeSnapshot(); // a pass of it; the match starts when it is whole
    void apply(const QString &pattern, const QRegularExpression &matcher, const TextPrefilter &prefilter,
               std::shared_ptr<const Matches> matches);

    QString m_pattern;
    QRegularExpression m_matcher;
    TextPrefilter m_prefilter; // lines without the text every match needs skip the regex
    std::shared_ptr<const Matches> m_matches;
    QSet<LogLevel> m_hiddenLevels;
    // The task that hands out the chunks and waits for them runs here, so that it does not take one
    // of the global pool's threads (one per core) from the matching itself.
    QThreadPool m_coordinator;
    QFutureWatcher<std::shared_ptr<const Matches>> m_watcher;
    std::shared_ptr<Snapshot> m_snapshot; // being taken
    qint64 m_snapshotNext = 0;            // the model's serial of the next line to take
    qint64 m_snapshotEnd = 0;             // and of the line after the last (as when it began)
    quint64 m_snapshotGeneration = 0;
    quint64 m_snapshotToken = 0;
    int m_snapshotLinesPerPass = 0; // 0: by time // a pass scheduled for an older snapshot does nothing
    QString m_pendingPattern;
    QRegularExpression m_pendingMatcher;
    TextPrefilter m_pendingPrefilter;
};

} // namespace wf
