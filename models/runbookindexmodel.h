#pragma once

#include "runbooks/runbook.h"

#include <QAbstractListModel>
#include <QSortFilterProxyModel>

namespace wf {

// The runbook index: one row per runbook, by title; the user's own runbooks are marked.
class RunbookIndexModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { SlugRole = Qt::UserRole + 1, UserProvidedRole };

    explicit RunbookIndexModel(QObject *parent = nullptr);

    void setRunbooks(const QList<Runbook> &runbooks);
    const Runbook &runbook(int row) const { return m_runbooks.at(row); }
    int rowOf(const QString &slug) const; // -1 when absent

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<Runbook> m_runbooks;
};

// Full-text search over the index: a runbook stays when every word of the search is in its title
// or text (case-insensitive).
class RunbookSearchProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setSearch(const QString &words);
    QString search() const { return m_words; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_words;
};

} // namespace wf
