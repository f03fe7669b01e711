#include "endpointstatusmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class TestEndpointStatusModel : public QObject
{
    Q_OBJECT
private slots:
    void rowsAndUpdates();
    void requestsOutweighAReadyProbe();
};

static QStringList dump(const QAbstractItemModel &model)
{
    QStringList lines;
    for (int r = 0; r < model.rowCount(); ++r) {
        lines << model.index(r, wf::EndpointStatusModel::NameColumn).data().toString() + QStringLiteral("=")
                + model.index(r, wf::EndpointStatusModel::StateColumn).data().toString();
    }
    return lines;
}

void TestEndpointStatusModel::rowsAndUpdates()
{
    wf::EndpointStatusModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(dump(model), (QStringList{"Prometheus=Not checked yet", "Alertmanager=Not checked yet",
                                       "Loki=Not checked yet", "Health endpoint=Not checked yet"}));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    wf::ProbeResult down;
    down.state = wf::ProbeResult::State::Down;
    down.message = QStringLiteral("Connection refused");
    down.checkedAt = QDateTime(QDate(2025, 10, 9), QTime(10, 15, 32), Qt::UTC);
    model.update(wf::Endpoint::Loki, down);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 2);
    QCOMPARE(reset.size(), 0); // one row changed: no reset, selection stays
    QCOMPARE(dump(model).at(2), QStringLiteral("Loki=Down"));
    QCOMPARE(model.index(2, wf::EndpointStatusModel::MessageColumn).data().toString(), down.message);
    QCOMPARE(model.index(2, 0).data(wf::EndpointStatusModel::StateRole).toInt(), int(wf::ProbeResult::State::Down));

    model.setUtc(true);
    QCOMPARE(model.index(2, wf::EndpointStatusModel::CheckedAtColumn).data().toString(), QStringLiteral("10:15:32 UTC"));

    model.clear();
    QCOMPARE(dump(model).at(2), QStringLiteral("Loki=Not checked yet"));
}

// A server that is "ready" and sends what the console cannot read is not green: the views' own
// requests decide until one is answered and read again; a request answered after a failed probe
// shows the endpoint answering without waiting for the next probe.
void TestEndpointStatusModel::requestsOutweighAReadyProbe()
{
    using State = wf::ProbeResult::State;
    wf::EndpointStatusModel model;
    wf::ProbeResult ready;
    ready.state = State::Ready;
    ready.message = QStringLiteral("Ready (40 ms).");
    model.update(wf::Endpoint::Prometheus, ready);
    QCOMPARE(model.result(wf::Endpoint::Prometheus).state, State::Ready);

    const wf::Error garbage{wf::Error::Kind::Parse, QStringLiteral("Prometheus sent an answer the console cannot read: not JSON."), 0, {}, {}, {}};
    model.noteRequest(wf::Endpoint::Prometheus, &garbage);
    QCOMPARE(model.result(wf::Endpoint::Prometheus).state, State::Degraded);
    QVERIFY(model.result(wf::Endpoint::Prometheus).message.startsWith(garbage.message));
    QVERIFY(model.result(wf::Endpoint::Prometheus).message.contains(QStringLiteral("readiness check answers")));
    model.update(wf::Endpoint::Prometheus, ready); // the next probe does not paint over it
    QCOMPARE(model.result(wf::Endpoint::Prometheus).state, State::Degraded);

    const wf::Error refused{wf::Error::Kind::Network, QStringLiteral("Connection refused."), 0, {}, {}, {}};
    model.noteRequest(wf::Endpoint::Prometheus, &refused);
    QCOMPARE(model.result(wf::Endpoint::Prometheus).state, State::Down);

    model.noteRequest(wf::Endpoint::Prometheus, nullptr);
    QCOMPARE(model.result(wf::Endpoint::Prometheus).state, State::Ready);
    QCOMPARE(model.result(wf::Endpoint::Prometheus).message, ready.message);

    wf::ProbeResult down;
    down.state = State::Down;
    down.message = QStringLiteral("Connection refused by …/-/ready");
    model.update(wf::Endpoint::Alertmanager, down);
    QCOMPARE(model.result(wf::Endpoint::Alertmanager).state, State::Down);
    model.noteRequest(wf::Endpoint::Alertmanager, nullptr);
    QCOMPARE(model.result(wf::Endpoint::Alertmanager).state, State::Ready);
    QCOMPARE(model.result(wf::Endpoint::Alertmanager).message, QStringLiteral("Answering requests again."));

    model.noteRequest(wf::Endpoint::Loki, &refused);
    model.clear(); // a new profile: nothing learnt about the old one stays
    QCOMPARE(model.result(wf::Endpoint::Loki).state, State::Unknown);
}

QTEST_GUILESS_MAIN(TestEndpointStatusModel)
#include "tst_endpointstatusmodel.moc"
