#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace wf {

// Colours PromQL as it is typed: functions, aggregations and keywords, label names, strings,
// numbers and durations, comments.
class PromqlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit PromqlHighlighter(QTextDocument *document);

    enum class Token { Function, Keyword, LabelName, String, Number, Comment };
    QTextCharFormat format(Token token) const;
    // Names coloured as functions besides PromQL's (MetricsQL's, when the server is VictoriaMetrics).
    void setExtraFunctions(const QStringList &names);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_formats[6];
    QStringList m_extraFunctions;
};

} // namespace wf
