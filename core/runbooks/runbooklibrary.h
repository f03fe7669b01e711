#pragma once

#include "runbook.h"

#include <QObject>

#include <optional>

class QFileSystemWatcher;
class QTimer;

namespace wf {

// The runbooks the console shows: the embedded ones (resources/runbooks), and a profile's folder
// whose <slug>.md files replace an embedded runbook of that slug or add new ones. The folder is
// watched: a file saved, added or removed there shows at once.
class RunbookLibrary : public QObject
{
    Q_OBJECT
public:
    explicit RunbookLibrary(QObject *parent = nullptr);

    // Empty: the embedded runbooks only.
    void setFolder(const QString &path);
    QString folder() const { return m_folder; }

    const QList<Runbook> &runbooks() const { return m_runbooks; } // by title
    std::optional<Runbook> find(const QString &slug) const;
    // Files of the folder that could not be used, in words (bad name, unreadable).
    QStringList errors() const { return m_errors; }

    static QList<Runbook> embedded();

public slots:
    void reload();

signals:
    void changed();

private:
    void watch();

    QString m_folder;
    QList<Runbook> m_runbooks;
    QStringList m_errors;
    QFileSystemWatcher *m_watcher;
    QTimer *m_debounce;
};

} // namespace wf
