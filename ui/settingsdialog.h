#pragma once

#include "store/profile.h"

#include <QDialog>
#include <QMap>

#include <array>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QNetworkAccessManager;
class QSpinBox;

namespace wf {

class EndpointProbe;
class Settings;
class StatusLight;

// Adds, edits, deletes and tests profiles. Edits are kept in the dialog until "Save";
// "Test connection" probes each endpoint of the profile as it is in the form.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(Settings &settings, QWidget *parent = nullptr);

    void selectProfile(const QString &name);
    QString selectedProfile() const; // the profile selected when the dialog was accepted
    void addProfile(const Profile &profile);

    // For tests: the form's widgets.
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *urlEdit(Endpoint e) const { return m_rows[std::size_t(e)].url; }
    QComboBox *authBox(Endpoint e) const { return m_rows[std::size_t(e)].auth; }
    QLineEdit *userEdit(Endpoint e) const { return m_rows[std::size_t(e)].user; }
    QLineEdit *secretEdit(Endpoint e) const { return m_rows[std::size_t(e)].secret; }
    StatusLight *testLight(Endpoint e) const { return m_rows[std::size_t(e)].light; }
    QLabel *errorLabel() const { return m_error; }

public slots:
    void testConnection();
    bool save(); // validates and writes every change; false (and says why) when something is wrong

private:
    struct EndpointRow
    {
        QLineEdit *url = nullptr;
        QComboBox *auth = nullptr;
        QLineEdit *user = nullptr;
        QLineEdit *secret = nullptr;
        StatusLight *light = nullptr;
    };

    void storeForm();
    void loadForm(const Profile &profile);
    void onSelectionChanged();
    void updateAuthFields();
    void deleteSelected();
    QString validate(const Profile &profile) const;

    Settings &m_settings;
    QMap<QString, Profile> m_profiles; // keyed by the name the profile was loaded under ("" for new ones)
    QStringList m_removed;
    QString m_current; // key of the profile in the form
    int m_newCount = 0;

    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    std::array<EndpointRow, 4> m_rows;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_tenant = nullptr;
    QSpinBox *m_refresh = nullptr;
    QSpinBox *m_scrape = nullptr;
    QLineEdit *m_dashboards = nullptr;
    QLineEdit *m_runbooks = nullptr;
    QComboBox *m_timeZone = nullptr;
    QLineEdit *m_ackAuthor = nullptr;
    QComboBox *m_ackDefault = nullptr;
    QSpinBox *m_ackSafety = nullptr;
    QSpinBox *m_alertPoll = nullptr;
    QListWidget *m_wallViews = nullptr; // for every profile: the views wall mode cycles through
    QSpinBox *m_wallSeconds = nullptr;
    QLineEdit *m_reportFolder = nullptr; // for every profile: where the Monday report goes
    QLabel *m_error = nullptr;
    QString m_accepted;

    QNetworkAccessManager *m_network = nullptr;
    EndpointProbe *m_probe = nullptr;
};

} // namespace wf
