#include "secretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace wf {

SecretStore::SecretStore(QString filePath)
    : m_filePath(std::move(filePath))
{
}

QString SecretStore::description() const
{
    return QCoreApplication::translate("wf::SecretStore",
                                       "Passwords and tokens are kept in %1, readable only by you (no system "
                                       "keyring is in use).")
        .arg(QDir::toNativeSeparators(m_filePath));
}

QJsonObject SecretStore::load() const
{
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

std::optional<QString> SecretStore::read(const QString &key) const
{
    const auto all = load();
    if (!all.contains(key))
        return std::nullopt;
    return all.value(key).toString();
}

bool SecretStore::write(const QString &key, const QString &secret)
{
    auto all = load();
    all.insert(key, secret);
    return save(all);
}

bool SecretStore::remove(const QString &key)
{
    auto all = load();
    if (!all.contains(key))
        return true;
    all.remove(key);
    return save(all);
}

bool SecretStore::save(const QJsonObject &all)
{
    m_error.clear();
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSaveFile file(m_filePath);
    // Restrict before any byte is written: the temporary file gets the same permissions.
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = file.errorString();
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(all).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        m_error = file.errorString();
        return false;
    }
    QFile::setPermissions(m_filePath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

} // namespace wf
