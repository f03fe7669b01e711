#include "secretstore.h"

#include "telemetry/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>

#include <qt6keychain/keychain.h>

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

QJsonObject FileSecretStore::load() const
{
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

std::optional<QString> FileSecretStore::read(const QString &key) const
{
    const auto all = load();
    if (!all.contains(key))
        return std::nullopt;
    return all.value(key).toString();
}

bool FileSecretStore::write(const QString &key, const QString &secret)
{
    auto all = load();
    all.insert(key, secret);
    return save(all);
}

bool FileSecretStore::remove(const QString &key)
{
    auto all = load();
    if (!all.contains(key))
        return true;
    all.remove(key);
    return save(all);
}

bool FileSecretStore::save(const QJsonObject &all)
{
    m_error.clear();
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = file.errorString();
        return false;
    }
    // Restrict before any byte is written: the temporary file is renamed into place.
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
