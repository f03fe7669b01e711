#include "domain/routertimeline.h"

#include <QTest>

using namespace wf;

namespace {

constexpr qint64 kT0 = 1'795'000'000; // a step-aligned start

QDateTime at(qint64 offsetSeconds)
{
    return QDateTime::fromSecsSinceEpoch(kT0 + offsetSeconds, Qt::UTC);
}

Series series(const QString &state, const QList<std::pair<qint64, double>> &points)
{
    Series s;
    if (!state.isEmpty())
        s.labels.insert(QStringLiteral("state"), state);
    for (const auto &[t, v] : points)
        s.samples.push_back({double(kT0 + t), v});
    return s;
}

PromResult matrix(std::initializer_list<Series> list)
{
    PromResult r;
    r.type = PromResult::Type::Matrix;
    r.series.assign(list);
    return r;
}

// "state from-to" per segment, offsets in seconds: a failure shows as a readable diff.
QStringList printed(const QList<RouterSegment> &segments)
{
    QStringList out;
    for (const auto &s : segments)
        out.append(QStringLiteral("%1 %2-%3%4")
                       .arg(s.ambiguous ? QStringLiteral("AMBIGUOUS") : routerStateName(s.state))
                       .arg(s.start.toSecsSinceEpoch() - kT0)
                       .arg(s.end.toSecsSinceEpoch() - kT0)
                       .arg(s.reason.isEmpty() ? QString() : QStringLiteral(" ") + s.reason));
    return out;
}

} // namespace

class TestRouterTimeline : public QObject
{
    Q_OBJECT
private slots:
    void segmentsFromOneSeries();
    void segmentsFromValuesWithoutLabel();
    void staleSeriesResolvedByDurationCounter();
    void staleSeriesThatNothingDecidesAreAmbiguous();
    void livePollsOverrideHistory();
    void liveTransitionUsesTheServicesTime();
    void historyTakesOverWhenPollsStop();
    void failoversWithRecoveryTime();
    void pruneKeepsCurrentState();
};

void TestRouterTimeline::segmentsFromOneSeries()
{
    // mytrader-sim: one series, the current state, replaced on a change.
    RouterTimeline t;
    t.setHistory(matrix({series("PRIMARY_ACTIVE", {{0, 0}, {10, 0}, {20, 0}}),
                         series("FALLBACK_ACTIVE", {{30, 1}, {40, 1}}),
                         series("PRIMARY_ACTIVE", {{50, 0}, {60, 0}})}),
                 {}, 10);
    QCOMPARE(printed(t.segments(at(0), at(100))),
             QStringList({"PRIMARY_ACTIVE 0-30", "FALLBACK_ACTIVE 30-50", "PRIMARY_ACTIVE 50-60"}));
    QCOMPARE(t.current(), RouterState::PrimaryActive);
    // Only what overlaps the asked window.
    QCOMPARE(printed(t.segments(at(35), at(45))), QStringList({"FALLBACK_ACTIVE 30-50"}));
}

void TestRouterTimeline::segmentsFromValuesWithoutLabel()
{
    RouterTimeline t;
    t.setHistory(matrix({series({}, {{0, 0}, {10, 2}, {20, 1}, {30, 0}})}), {}, 10);
    QCOMPARE(printed(t.segments(at(0), at(100))),
             QStringList({"PRIMARY_ACTIVE 0-10", "BOTH_UNAVAILABLE 10-20", "FALLBACK_ACTIVE 20-30", "PRIMARY_ACTIVE 30-30"}));
}

void TestRouterTimeline::staleSeriesResolvedByDurationCounter()
{
    // A service that never clears the old state's series: from 20 s on both series exist.
    const auto states = matrix({series("PRIMARY_ACTIVE", {{0, 0}, {10, 0}, {20, 0}, {30, 0}, {40, 0}}),
                                series("FALLBACK_ACTIVE", {{20, 1}, {30, 1}, {40, 1}})});
    // The duration counters say which state the time goes to: fallback from 20 to 30, primary again after.
    const auto durations = matrix({series("PRIMARY_ACTIVE", {{0, 100}, {10, 110}, {20, 110}, {30, 110}, {40, 120}}),
                                   series("FALLBACK_ACTIVE", {{0, 5}, {10, 5}, {20, 15}, {30, 25}, {40, 25}})});
    RouterTimeline t;
    t.setHistory(states, durations, 10);
    QCOMPARE(printed(t.segments(at(0), at(100))),
             QStringList({"PRIMARY_ACTIVE 0-20", "FALLBACK_ACTIVE 20-40", "PRIMARY_ACTIVE 40-40"}));
    QVERIFY(!t.currentAmbiguous());
    QCOMPARE(t.failovers(at(0), at(100)).size(), 1);
}

void TestRouterTimeline::staleSeriesThatNothingDecidesAreAmbiguous()
{
    const auto states = matrix({series("PRIMARY_ACTIVE", {{0, 0}, {10, 0}}), series("FALLBACK_ACTIVE", {{0, 1}, {10, 1}})});
    RouterTimeline t;
    t.setHistory(states, {}, 10); // no duration counter at all
    QVERIFY(t.currentAmbiguous());
    const auto segments = t.segments(at(0), at(100));
    QCOMPARE(segments.size(), 1);
    QVERIFY(segments.first().ambiguous);
    QVERIFY(!segments.first().reason.isEmpty()); // says why, never guesses
    QVERIFY(t.failovers(at(0), at(100)).isEmpty());
}

void TestRouterTimeline::livePollsOverrideHistory()
{
    RouterTimeline t;
    t.setHistory(matrix({series("PRIMARY_ACTIVE", {{0, 0}, {10, 0}, {20, 0}, {30, 0}})}), {}, 10);
    // The health endpoint says fallback since 25 s; Prometheus has not scraped that yet.
    t.addLive(at(26), RouterState::FallbackActive, at(25), QStringLiteral("Connection timeout"));
    t.addLive(at(27), RouterState::FallbackActive, at(25), QStringLiteral("Connection timeout"));
    QCOMPARE(printed(t.segments(at(0), at(28))),
             QStringList({"PRIMARY_ACTIVE 0-25", "FALLBACK_ACTIVE 25-28 Connection timeout"}));
    QCOMPARE(t.current(), RouterState::FallbackActive);
    QCOMPARE(t.currentSince(), at(25));
    QCOMPARE(t.currentReason(), QStringLiteral("Connection timeout"));
}

void TestRouterTimeline::liveTransitionUsesTheServicesTime()
{
    RouterTimeline t;
    t.addLive(at(0), RouterState::PrimaryActive, at(-600), {});
    t.addLive(at(1), RouterState::PrimaryActive, at(-600), {});
    // Changed at 1.4 s, seen at 2 s: the segment starts at 1.4 s.
    t.addLive(at(2), RouterState::FallbackActive, at(1).addMSecs(400), QStringLiteral("Connection lost"));
    auto segments = t.segments(at(-600), at(2));
    QCOMPARE(segments.size(), 2);
    QCOMPARE(segments.at(1).start, at(1).addMSecs(400));
    // A service clock far behind (before the previous poll) cannot move the change into the past.
    t.addLive(at(3), RouterState::PrimaryActive, at(-3000), {});
    segments = t.segments(at(-600), at(3));
    QCOMPARE(segments.last().start, at(2));
    // A clock ahead of ours: the poll time.
    t.addLive(at(4), RouterState::FallbackActive, at(60), {});
    QCOMPARE(t.segments(at(-600), at(5)).last().start, at(4));
}

void TestRouterTimeline::historyTakesOverWhenPollsStop()
{
    RouterTimeline t;
    t.addLive(at(0), RouterState::PrimaryActive, at(0), {});
    t.addLive(at(10), RouterState::PrimaryActive, at(0), {});
    // The health endpoint stops answering; Prometheus goes on and sees a failover at 60 s.
    t.setHistory(matrix({series("PRIMARY_ACTIVE", {{0, 0}, {30, 0}}), series("FALLBACK_ACTIVE", {{60, 1}, {90, 1}})}),
                 {}, 30);
    QCOMPARE(t.current(), RouterState::FallbackActive);
    QCOMPARE(printed(t.segments(at(0), at(100))).last(), QStringLiteral("FALLBACK_ACTIVE 60-90"));
}

void TestRouterTimeline::failoversWithRecoveryTime()
{
    RouterTimeline t;
    // Primary, both down 10 s, fallback 20 s, primary; later a direct fallback, still going.
    t.setHistory(matrix({series({}, {{0, 0}, {10, 2}, {20, 1}, {30, 1}, {40, 0}, {50, 0}, {60, 1}, {70, 1}})}), {}, 10);
    t.addLive(at(75), RouterState::FallbackActive, at(60), QStringLiteral("Connection lost"));
    const auto events = t.failovers(at(0), at(76));
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).start, at(10));
    QCOMPARE(events.at(0).end, at(40));
    QCOMPARE(events.at(0).worst, RouterState::BothUnavailable);
    QCOMPARE(events.at(0).recoverySeconds.value_or(-1), qint64(10));
    QCOMPARE(events.at(1).start, at(60));
    QVERIFY(events.at(1).ongoing());
    QCOMPARE(events.at(1).worst, RouterState::FallbackActive);
    QVERIFY(!events.at(1).recoverySeconds); // a direct switch: the states cannot tell
}

void TestRouterTimeline::pruneKeepsCurrentState()
{
    RouterTimeline t;
    t.addLive(at(0), RouterState::FallbackActive, at(0), {});
    t.addLive(at(10), RouterState::PrimaryActive, at(10), {});
    t.addLive(at(5000), RouterState::PrimaryActive, at(10), {});
    t.prune(at(4000));
    QCOMPARE(t.current(), RouterState::PrimaryActive);
    QCOMPARE(printed(t.segments(at(0), at(5000))), QStringList({"PRIMARY_ACTIVE 10-5000"}));
}

QTEST_GUILESS_MAIN(TestRouterTimeline)
#include "tst_routertimeline.moc"
