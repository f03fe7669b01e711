#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace wf {

// One of the console's SQLite files (acknowledgements, alert history): where it lives, its own
// connection, WAL journaling (a crash mid-write never loses a committed row) and its schema.
class SqliteFile
{
public:
    // dir empty: ~/.local/share/watchfloor ($XDG_DATA_HOME).
    SqliteFile(const QString &dir, const QString &fileName);
    ~SqliteFile();
    SqliteFile(const SqliteFile &) = delete;
    SqliteFile &operator=(const SqliteFile &) = delete;

    // Opens (creating the folder and file) and runs the schema statements.
    bool open(const QStringList &schema, QString *error = nullptr);
    QString path() const { return m_path; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_connection); }

private:
    QString m_path;
    QString m_connection;
};

} // namespace wf
