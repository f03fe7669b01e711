#pragma once

#include <QString>

#include <optional>

class QJsonObject;

namespace wf {

// Where profile secrets (passwords, tokens) live, apart from the settings file: a JSON file
// readable only by its owner (mode 0600). A system keyring backend may take its place later;
// the UI states which one is in use.
class SecretStore
{
public:
    explicit SecretStore(QString filePath);

    QString filePath() const { return m_filePath; }
    QString description() const;

    std::optional<QString> read(const QString &key) const;
    // Both return false with errorString() set when the file cannot be written.
    bool write(const QString &key, const QString &secret);
    bool remove(const QString &key);
    QString errorString() const { return m_error; }

private:
    bool save(const QJsonObject &all);
    QJsonObject load() const;

    QString m_filePath;
    QString m_error;
};

} // namespace wf
