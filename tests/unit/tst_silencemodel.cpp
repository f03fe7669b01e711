// The Silences table: active before pending before expired, expired hidden unless asked, local
// acknowledgements not yet confirmed shown as "not sent yet", acknowledgements marked as such;
// checked by QAbstractItemModelTester throughout.

#include "silencemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

namespace {

const QDateTime t0(QDate(2026, 4, 1), QTime(12, 0), Qt::UTC);

wf::Silence make(const QString &id, const QString &state, int endsInMinutes, const QString &comment = QStringLiteral("maintenance"))
{
    wf::Silence s;
    s.id = id;
    s.state = state;
    s.matchers = {wf::Matcher{QStringLiteral("symbol"), QStringLiteral("AA\"PL"), false, true},
                  wf::Matcher{QStringLiteral("alertname"), QStringLiteral("Price.*"), true, false}};
    s.startsAt = t0;
    s.endsAt = t0.addSecs(endsInMinutes * 60);
    s.createdBy = QStringLiteral("dana");
    s.comment = comment;
    return s;
}

} // namespace

class TestSilenceModel : public QObject
{
    Q_OBJECT
private slots:
    void orderAndExpired();
    void acknowledgements();
};

void TestSilenceModel::orderAndExpired()
{
    wf::SilenceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setUtc(true);
    model.setSilences({make(QStringLiteral("old"), QStringLiteral("expired"), -30), make(QStringLiteral("later"), QStringLiteral("pending"), 600),
                       make(QStringLiteral("long"), QStringLiteral("active"), 240), make(QStringLiteral("soon"), QStringLiteral("active"), 20)},
                      {});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data(wf::SilenceModel::IdRole).toString(), QStringLiteral("soon"));
    QCOMPARE(model.index(1, 0).data(wf::SilenceModel::IdRole).toString(), QStringLiteral("long"));
    QCOMPARE(model.index(2, wf::SilenceModel::State).data().toString(), QStringLiteral("pending"));
    QCOMPARE(model.index(0, wf::SilenceModel::Matchers).data().toString(), QStringLiteral("symbol=\"AA\\\"PL\", alertname!~\"Price.*\""));
    QCOMPARE(model.index(0, wf::SilenceModel::Ends).data().toString(), QStringLiteral("2026-04-01 12:20"));
    QCOMPARE(model.count(QStringLiteral("expired")), 1);
    model.setShowExpired(true);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(3, wf::SilenceModel::State).data().toString(), QStringLiteral("expired"));
    QCOMPARE(model.rowOf(QStringLiteral("old")), 3);
    model.setShowExpired(false);
    QCOMPARE(model.rowOf(QStringLiteral("old")), -1);
}

void TestSilenceModel::acknowledgements()
{
    wf::SilenceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setUtc(true);
    wf::AckRecord pending;
    pending.id = QStringLiteral("6b1f0c1e-2a57-4c5e-9a43-0d1c5b6e7f80");
    pending.labels = {{QStringLiteral("alertname"), QStringLiteral("AlpacaDisconnected")}};
    pending.author = QStringLiteral("erin");
    pending.note = QStringLiteral("on it");
    pending.mode = wf::AckRecord::Mode::Timed;
    pending.startsAt = t0;
    pending.endsAt = t0.addSecs(3600);
    wf::AckRecord confirmed = pending;
    confirmed.id = QStringLiteral("77aa0c1e-2a57-4c5e-9a43-0d1c5b6e7f81");
    confirmed.mode = wf::AckRecord::Mode::UntilResolved;
    confirmed.note = QStringLiteral("feed flapping");
    model.setSilences({make(QStringLiteral("ack"), QStringLiteral("active"), 1440, wf::AlertInbox::silenceComment(confirmed))}, {pending});
    QCOMPARE(model.rowCount(), 2);
    // The acknowledgement Alertmanager has not confirmed comes first, and cannot be edited.
    QCOMPARE(model.index(0, wf::SilenceModel::State).data().toString(), QStringLiteral("not sent yet"));
    QCOMPARE(model.index(0, wf::SilenceModel::Matchers).data().toString(), QStringLiteral("alertname=\"AlpacaDisconnected\""));
    QCOMPARE(model.index(0, wf::SilenceModel::Acknowledgement).data().toString(), QStringLiteral("timed"));
    QCOMPARE(model.index(0, wf::SilenceModel::Comment).data().toString(), QStringLiteral("on it"));
    QCOMPARE(model.silenceAt(0), nullptr);
    // A confirmed "until resolved" acknowledgement: its note, and its end is only a safety end.
    QCOMPARE(model.index(1, wf::SilenceModel::Acknowledgement).data().toString(), QStringLiteral("until resolved"));
    QCOMPARE(model.index(1, wf::SilenceModel::Comment).data().toString(), QStringLiteral("feed flapping"));
    QCOMPARE(model.index(1, wf::SilenceModel::Ends).data().toString(), QStringLiteral("until resolved (at most 2026-04-02 12:00)"));
    QVERIFY(model.silenceAt(1));
}

QTEST_MAIN(TestSilenceModel)
#include "tst_silencemodel.moc"
