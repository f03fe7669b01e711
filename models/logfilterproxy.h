#pragma once

#include "domain/logrecord.h"

#include <QRegularExpression>
#include <QSet>
#include <QSortFilterProxyModel>

namespace wf {

// The Logs view's client-side filter: plain text or a regular expression (case optional) over the
// whole line, and the levels shown. Gaps (lines Loki dropped) always stay in view.
class LogFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LogFilterProxy(QObject *parent = nullptr);

    // False with error set when pattern is not a valid regular expression (the filter is unchanged).
    bool setPattern(const QString &pattern, bool regex, bool caseSensitive, QString *error = nullptr);
    QString pattern() const { return m_pattern; }
    void setLevelShown(LogLevel level, bool shown);
    bool isLevelShown(LogLevel level) const { return !m_hiddenLevels.contains(level); }
    // The regular expression lines are matched with (for highlighting), invalid when there is none.
    const QRegularExpression &matcher() const { return m_matcher; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_pattern;
    QRegularExpression m_matcher;
    QSet<LogLevel> m_hiddenLevels;
};

} // namespace wf
