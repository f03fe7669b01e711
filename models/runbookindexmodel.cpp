#include "runbookindexmodel.h"

#include <QFont>

namespace wf {

RunbookIndexModel::RunbookIndexModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void RunbookIndexModel::setRunbooks(const QList<Runbook> &runbooks)
{
    // A reload changes text more often than the list: same slugs in the same order keep rows.
    const bool sameRows = runbooks.size() == m_runbooks.size()
        && std::equal(runbooks.cbegin(), runbooks.cend(), m_runbooks.cbegin(),
                      [](const Runbook &a, const Runbook &b) { return a.slug == b.slug; });
    if (sameRows) {
        m_runbooks = runbooks;
        if (!m_runbooks.isEmpty())
            emit dataChanged(index(0), index(int(m_runbooks.size()) - 1));
        return;
    }
    beginResetModel();
    m_runbooks = runbooks;
    endResetModel();
}

int RunbookIndexModel::rowOf(const QString &slug) const
{
    for (int i = 0; i < m_runbooks.size(); ++i)
        if (m_runbooks.at(i).slug == slug)
            return i;
    return -1;
}

int RunbookIndexModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runbooks.size());
}

QVariant RunbookIndexModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &book = m_runbooks.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return book.title;
    case Qt::ToolTipRole:
        return book.userProvided ? tr("%1 — from your runbook folder: %2").arg(book.slug, book.origin) : book.slug;
    case Qt::FontRole:
        if (book.userProvided) { // the reader's own, or replacing an embedded one: set apart
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case SlugRole:
        return book.slug;
    case UserProvidedRole:
        return book.userProvided;
    default:
        return {};
    }
}

void RunbookSearchProxy::setSearch(const QString &words)
{
    if (words == m_words)
        return;
    m_words = words;
    invalidateFilter();
}

bool RunbookSearchProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_words.trimmed().isEmpty() || sourceParent.isValid())
        return true;
    const auto *index = qobject_cast<const RunbookIndexModel *>(sourceModel());
    return index && index->runbook(sourceRow).contains(m_words);
}

} // namespace wf
