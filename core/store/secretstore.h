#pragma once

#include <QString>

#include <memory>
#include <optional>

class QJsonObject;

namespace wf {

// Where profile secrets (passwords, tokens) live, apart from the settings file: the system
// keyring when one answers (QtKeychain: Secret Service, KWallet), otherwise a JSON file readable
// only by its owner (mode 0600, in a folder of mode 0700, never readable by others even while it
// is written). description() says which, for the UI.
class SecretStore
{
public:
    enum class Backend { Automatic, File, Keyring };

    virtual ~SecretStore() = default;

    // Automatic: the keyring if one is reachable on the session bus, else the file in configDir.
    static std::unique_ptr<SecretStore> create(const QString &configDir, Backend backend = Backend::Automatic);

    virtual Backend backend() const = 0;
    virtual QString description() const = 0;
    virtual std::optional<QString> read(const QString &key) const = 0;
    // Both return false with errorString() set when the secret cannot be stored.
    virtual bool write(const QString &key, const QString &secret) = 0;
    virtual bool remove(const QString &key) = 0;
    QString errorString() const { return m_error; }

protected:
    mutable QString m_error; // set by reads too
};

class FileSecretStore final : public SecretStore
{
public:
    explicit FileSecretStore(QString filePath);

    QString filePath() const { return m_filePath; }
    Backend backend() const override { return Backend::File; }
    QString description() const override;
    std::optional<QString> read(const QString &key) const override;
    bool write(const QString &key, const QString &secret) override;
    bool remove(const QString &key) override;

    // A file that was there but not a secrets file (cut short, edited by hand, another program's):
    // it is moved aside to secrets.json.unreadable-<UTC time>, never overwritten, and this says
    // where (empty: nothing was set aside).
    QString setAsidePath() const { return m_setAside; }

private:
    bool save(const QJsonObject &all);
    // What the file holds; nullopt (errorString() set) when it is there but cannot be read, so
    // that a write does not replace secrets it could not see.
    std::optional<QJsonObject> load() const;

    QString m_filePath;
    mutable QString m_setAside;
};

class KeyringSecretStore final : public SecretStore
{
public:
    explicit KeyringSecretStore(QString service = QStringLiteral("watchfloor"));

    // True when a keyring answers within a few seconds (a session bus and a Secret Service or KWallet).
    static bool isAvailable(const QString &service = QStringLiteral("watchfloor"));

    Backend backend() const override { return Backend::Keyring; }
    QString description() const override;
    std::optional<QString> read(const QString &key) const override;
    bool write(const QString &key, const QString &secret) override;
    bool remove(const QString &key) override;

private:
    QString m_service;
};

} // namespace wf
