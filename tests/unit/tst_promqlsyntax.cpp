// PromQL completion contexts and the mapping of a server's parse error to a place in the query.
#include "domain/promqlsyntax.h"

#include <QTest>

using namespace wf;
using Kind = promql::Completion::Kind;

Q_DECLARE_METATYPE(promql::Completion::Kind)

class TestPromqlSyntax : public QObject
{
    Q_OBJECT
private slots:
    void completionAt_data();
    void completionAt();
    void errorPosition_data();
    void errorPosition();
    void errorText();
};

void TestPromqlSyntax::completionAt_data()
{
    // The cursor is where the '|' is.
    QTest::addColumn<QString>("query");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("metric");
    QTest::addColumn<QString>("label");
    QTest::newRow("metric name") << "alpaca_con|" << Kind::Name << "alpaca_con" << "" << "";
    QTest::newRow("inside a function") << "sum(rate(alp|" << Kind::Name << "alp" << "" << "";
    QTest::newRow("label name") << "alpaca_errors_total{ty|" << Kind::LabelName << "ty" << "alpaca_errors_total" << "";
    QTest::newRow("second label") << "up{job=\"a\", ins|}" << Kind::LabelName << "ins" << "up" << "";
    QTest::newRow("label value") << "alpaca_errors_total{type=\"pa|\"}" << Kind::LabelValue << "pa" << "alpaca_errors_total" << "type";
    QTest::newRow("regex value") << "x{symbol=~\"AA|" << Kind::LabelValue << "AA" << "x" << "symbol";
    QTest::newRow("value after space") << "{job != \"|" << Kind::LabelValue << "" << "" << "job";
    QTest::newRow("grouping") << "sum by (ty|) (x)" << Kind::LabelName << "ty" << "" << "";
    QTest::newRow("without") << "sum without (|" << Kind::LabelName << "" << "" << "";
    QTest::newRow("after closed braces") << "up{job=\"x\"} + rat|" << Kind::Name << "rat" << "" << "";
    QTest::newRow("duration") << "rate(x[5|" << Kind::None << "" << "" << "";
    QTest::newRow("number") << "x > 12|" << Kind::None << "" << "" << "";
    QTest::newRow("other string") << "label_replace(x, \"ds|" << Kind::None << "" << "" << "";
    QTest::newRow("comment") << "# a note up|" << Kind::None << "" << "" << "";
    QTest::newRow("escaped quote") << "x{a=\"q\\\"u|" << Kind::LabelValue << "q\\\"u" << "x" << "a";
    QTest::newRow("after operator") << "x{a=|" << Kind::None << "" << "" << "";
}

void TestPromqlSyntax::completionAt()
{
    QFETCH(QString, query);
    QFETCH(Kind, kind);
    QFETCH(QString, prefix);
    QFETCH(QString, metric);
    QFETCH(QString, label);
    const int cursor = int(query.indexOf(u'|'));
    query.remove(cursor, 1);
    const auto c = promql::completionAt(query, cursor);
    QCOMPARE(c.kind, kind);
    if (kind == Kind::None)
        return;
    QCOMPARE(c.prefix, prefix);
    QCOMPARE(c.start, cursor - int(prefix.size()));
    QCOMPARE(c.metric, metric);
    QCOMPARE(c.label, label);
}

void TestPromqlSyntax::errorPosition_data()
{
    // Error texts as Prometheus 2.42 and Loki send them.
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("offset");
    QTest::newRow("unclosed: the end") << "invalid parameter \"query\": 1:18: parse error: unclosed left parenthesis"
                                       << "sum(rate(foo[5m])" << 1 << 17;
    QTest::newRow("second line") << "invalid parameter \"query\": 2:18: parse error: unexpected <op:*> in aggregation"
                                 << "sum(\n  rate(foo[5m]) +* 2)" << 2 << 5 + 17;
    QTest::newRow("utf-8 bytes") << "invalid parameter \"query\": 1:10: parse error: unexpected character: 'x'"
                                 << "{a=\"ü\"} x" << 1 << 8;
    QTest::newRow("loki") << "parse error at line 1, col 6: syntax error: unexpected IDENTIFIER" << "{app=x}" << 1 << 5;
    QTest::newRow("no position") << "invalid parameter \"query\": parse error: unexpected end of input" << "x +" << 0 << -1;
    QTest::newRow("execution error") << "query processing would load too many samples" << "x" << 0 << -1;
    QTest::newRow("line beyond the query") << "5:1: parse error: x" << "x" << 0 << -1;
    // VictoriaMetrics 1.79 (Debian's), as it answered these queries: no column, the unparsed rest.
    QTest::newRow("victoriametrics: mid-query")
        << "error when executing query=\"rate(foo[5m]) +* 2\" for (time=1796185469566, step=300000): singleExpr: "
           "unexpected token \"*\"; want \"(\", \"{\", \"-\", \"+\"; unparsed data: \"* 2\""
        << "rate(foo[5m]) +* 2" << 1 << 15;
    QTest::newRow("victoriametrics: at the end")
        << "error when executing query=\"up[5m\" for (time=1796185469602, step=300000): windowAndStep: unexpected "
           "token \"\"; want \"]\"; unparsed data: \"\""
        << "up[5m" << 1 << 5;
    QTest::newRow("victoriametrics: left over")
        << "error when executing query=\"sum(x) )\" for (time=1796185469614, step=300000): unparsed data left: \")\""
        << "sum(x) )" << 1 << 7;
    QTest::newRow("victoriametrics: quoted rest, second line")
        << "error when executing query=\"avg(\\n é{x=\\\"ü\\\"} +)\" for (time=1, step=300000): cannot recognize "
           "\"é{x=\\\"ü\\\"} +)\"; unparsed data: \"é{x=\\\"ü\\\"} +)\""
        << "avg(\n é{x=\"ü\"} +)" << 2 << 6;
    QTest::newRow("victoriametrics: rest not the query's") << "unparsed data: \"zzz\"" << "up" << 0 << -1;
}

void TestPromqlSyntax::errorPosition()
{
    QFETCH(QString, error);
    QFETCH(QString, query);
    QFETCH(int, line);
    QFETCH(int, offset);
    const auto pos = promql::errorPosition(error, query);
    if (offset < 0) {
        QVERIFY(!pos);
        return;
    }
    QVERIFY(pos);
    QCOMPARE(pos->line, line);
    QCOMPARE(pos->offset, offset);
}

void TestPromqlSyntax::errorText()
{
    QCOMPARE(promql::errorText(QStringLiteral("invalid parameter \"query\": 1:18: parse error: unclosed left parenthesis")),
             QStringLiteral("parse error: unclosed left parenthesis"));
    QCOMPARE(promql::errorText(QStringLiteral("many-to-many matching not allowed")),
             QStringLiteral("many-to-many matching not allowed"));
    QCOMPARE(promql::errorText(QStringLiteral("error when executing query=\"up[5m\" for (time=1796185469602, step=300000): "
                                              "windowAndStep: unexpected token \"\"; want \"]\"; unparsed data: \"\"")),
             QStringLiteral("windowAndStep: unexpected token \"\"; want \"]\"; unparsed data: \"\""));
    // A range query's error, as VictoriaMetrics 1.79 answered it.
    QCOMPARE(promql::errorText(QStringLiteral(
                 "error when executing query=\"sum by (type) (\\n  rate(alpaca_errors_total[5m]) +* 2)\" on the time range "
                 "(start=1796194160896, end=1796194460896, step=1000): cannot execute query: singleExpr: unexpected "
                 "token \"*\"; want \"(\", \"{\", \"-\", \"+\"; unparsed data: \"* 2)\"")),
             QStringLiteral("singleExpr: unexpected token \"*\"; want \"(\", \"{\", \"-\", \"+\"; unparsed data: \"* 2)\""));
}

QTEST_GUILESS_MAIN(TestPromqlSyntax)
#include "tst_promqlsyntax.moc"
