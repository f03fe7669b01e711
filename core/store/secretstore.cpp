#include "secretstore.h"

#include "telemetry/logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <sys/stat.h>

namespace wf {
namespace {

constexpr int kKeyringTimeoutMs = 5000;

// Runs a keychain job to its end. The job API is asynchronous; secrets are read when a profile is
// loaded, rarely and quickly, so a local event loop (the UI keeps painting) is simpler than threading
// every profile load through callbacks.
QKeychain::Error runJob(QKeychain::Job &job, QString *errorText)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(kKeyringTimeoutMs, &loop, &QEventLoop::quit);
    bool done = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&done] { done = true; });
    job.start();
    if (!done)
        loop.exec();
    if (!done) {
        if (errorText)
            *errorText = QCoreApplication::translate("wf::SecretStore", "The keyring did not answer within %1 s.")
                             .arg(kKeyringTimeoutMs / 1000);
        return QKeychain::OtherError;
    }
    if (errorText)
        *errorText = job.errorString();
    return job.error();
}

} // namespace

std::unique_ptr<SecretStore> SecretStore::create(const QString &configDir, Backend backend)
{
    const auto file = QDir(configDir).filePath(QStringLiteral("secrets.json"));
    if (backend == Backend::Keyring || (backend == Backend::Automatic && KeyringSecretStore::isAvailable()))
        return std::make_unique<KeyringSecretStore>();
    return std::make_unique<FileSecretStore>(file);
}

FileSecretStore::FileSecretStore(QString filePath)
    : m_filePath(std::move(filePath))
{
}

QString FileSecretStore::description() const
{
    return QCoreApplication::translate("wf::SecretStore",
                                       "Passwords and tokens are kept in %1, readable only by you (no system "
                                       "keyring is in use).")
        .arg(QDir::toNativeSeparators(m_filePath));
}

std::optional<QJsonObject> FileSecretStore::load() const
{
    QFile file(m_filePath);
    if (!file.exists())
        return QJsonObject();
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = file.errorString();
        return std::nullopt;
    }
    QJsonParseError parse;
    const auto doc = QJsonDocument::fromJson(file.readAll(), &parse);
    file.close();
    bool strings = doc.isObject();
    for (const auto &v : doc.object())
        strings = strings && v.isString();
    if (parse.error == QJsonParseError::NoError && strings)
        return doc.object();
    // Not a secrets file: kept aside, not overwritten by the next write.
    const auto stem = m_filePath + QStringLiteral(".unreadable-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    auto aside = stem;
    for (int n = 2; QFile::exists(aside); ++n)
        aside = stem + QStringLiteral("-%1").arg(n);
    if (!QFile::rename(m_filePath, aside)) {
        m_error
            = QCoreApplication::translate("wf::SecretStore", "%1 cannot be read and cannot be moved aside.")
                  .arg(QDir::toNativeSeparators(m_filePath));
        return std::nullopt;
    }
    QFile::setPermissions(aside, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    m_setAside = aside;
    logging::get("store")->warn("the secrets file {} could not be read ({}); it was moved to {}", m_filePath.toStdString(),
                                parse.error != QJsonParseError::NoError ? parse.errorString().toStdString()
                                                                        : std::string("not an object of strings"),
                                aside.toStdString());
    return QJsonObject();
}

std::optional<QString> FileSecretStore::read(const QString &key) const
{
    const auto all = load();
    if (!all || !all->contains(key))
        return std::nullopt;
    return all->value(key).toString();
}

bool FileSecretStore::write(const QString &key, const QString &secret)
{
    auto all = load();
    if (!all)
        return false; // m_error says why; what is there stays
    all->insert(key, secret);
    return save(*all);
}

bool FileSecretStore::remove(const QString &key)
{
    auto all = load();
    if (!all)
        return false;
    if (!all->contains(key))
        return true;
    all->remove(key);
    return save(*all);
}

bool FileSecretStore::save(const QJsonObject &all)
{
    m_error.clear();
    const auto folder = QFileInfo(m_filePath).absolutePath();
    QDir().mkpath(folder);
    // The folder only its owner may enter, so that no one else sees even the file's name change.
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QSaveFile file(m_filePath);
    // The temporary file is created 0600 (umask 077 while it is made), renamed into place.
    const auto mask = ::umask(077);
    const bool opened = file.open(QIODevice::WriteOnly);
    ::umask(mask);
    if (!opened) {
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

KeyringSecretStore::KeyringSecretStore(QString service)
    : m_service(std::move(service))
{
}

bool KeyringSecretStore::isAvailable(const QString &service)
{
    // Without a session bus, D-Bus would try to autolaunch one: don't.
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return false;
    QKeychain::ReadPasswordJob job(service);
    job.setKey(QStringLiteral("watchfloor-availability-probe"));
    QString error;
    const auto result = runJob(job, &error);
    const bool ok = result == QKeychain::NoError || result == QKeychain::EntryNotFound;
    if (!ok)
        logging::get("store")->info("no usable keyring, secrets go to a private file: {}", error.toStdString());
    return ok;
}

QString KeyringSecretStore::description() const
{
    return QCoreApplication::translate("wf::SecretStore",
                                       "Passwords and tokens are kept in the system keyring (service “%1”).")
        .arg(m_service);
}

std::optional<QString> KeyringSecretStore::read(const QString &key) const
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(key);
    if (runJob(job, nullptr) != QKeychain::NoError)
        return std::nullopt;
    return job.textData();
}

bool KeyringSecretStore::write(const QString &key, const QString &secret)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(key);
    job.setTextData(secret);
    m_error.clear();
    return runJob(job, &m_error) == QKeychain::NoError;
}

bool KeyringSecretStore::remove(const QString &key)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(key);
    m_error.clear();
    const auto result = runJob(job, &m_error);
    return result == QKeychain::NoError || result == QKeychain::EntryNotFound;
}

} // namespace wf
