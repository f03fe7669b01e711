#include "endpointstatusmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class TestEndpointStatusModel : public QObject
{
    Q_OBJECT
private slots:
    void rowsAndUpdates();
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

QTEST_GUILESS_MAIN(TestEndpointStatusModel)
#include "tst_endpointstatusmodel.moc"
