#include "logfilterproxy.h"

#include "logmodel.h"

namespace wf {

LogFilterProxy::LogFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

bool LogFilterProxy::setPattern(const QString &pattern, bool regex, bool caseSensitive, QString *error)
{
    QRegularExpression matcher;
    if (!pattern.isEmpty()) {
        matcher.setPattern(regex ? pattern : QRegularExpression::escape(pattern));
        matcher.setPatternOptions(caseSensitive ? QRegularExpression::NoPatternOption
                                                : QRegularExpression::CaseInsensitiveOption);
        if (!matcher.isValid()) {
            if (error)
                *error = tr("Not a valid regular expression: %1 (at character %2).")
                             .arg(matcher.errorString())
                             .arg(matcher.patternErrorOffset() + 1);
            return false;
        }
        matcher.optimize();
    }
    m_pattern = pattern;
    m_matcher = matcher;
    invalidateRowsFilter();
    return true;
}

void LogFilterProxy::setLevelShown(LogLevel level, bool shown)
{
    if (shown == isLevelShown(level))
        return;
    if (shown)
        m_hiddenLevels.remove(level);
    else
        m_hiddenLevels.insert(level);
    invalidateRowsFilter();
}

bool LogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *model = qobject_cast<const LogModel *>(sourceModel());
    if (!model)
        return true;
    const auto &line = model->line(sourceRow);
    if (line.gap > 0)
        return true;
    if (m_hiddenLevels.contains(line.level))
        return false;
    if (m_pattern.isEmpty())
        return true;
    return m_matcher.match(QString::fromUtf8(line.utf8)).hasMatch();
}

} // namespace wf
