#include "sqlitefile.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

namespace wf {

SqliteFile::SqliteFile(const QString &dir, const QString &fileName)
    : m_connection(fileName + u'-' + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    const auto base = dir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
                                          + QStringLiteral("/watchfloor")
                                    : dir;
    m_path = base + u'/' + fileName;
}

SqliteFile::~SqliteFile()
{
    {
        auto db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool SqliteFile::open(const QStringList &schema, QString *error)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    for (const auto &statement : schema) {
        if (!q.exec(statement)) {
            if (error)
                *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace wf
