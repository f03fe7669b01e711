#include "settingsdialog.h"

#include "views/viewbase.h"

#include "ackdialog.h"
#include "alerts/alertinbox.h"

#include "endpointstatusmodel.h"
#include "net/endpointprobe.h"
#include "statuslight.h"
#include "store/settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace wf {

SettingsDialog::SettingsDialog(Settings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_network(new QNetworkAccessManager(this))
    , m_probe(new EndpointProbe(m_network, this))
{
    setWindowTitle(tr("Settings — Profiles"));
    setObjectName(QStringLiteral("SettingsDialog"));

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    auto *add = new QPushButton(tr("&Add"), this);
    auto *remove = new QPushButton(tr("&Delete"), this);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(remove);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list);
    left->addLayout(listButtons);

    // Wall mode, for every profile: which views it shows in turn, and for how long each.
    auto *wallBox = new QGroupBox(tr("Wall mode (F11)"), this);
    m_wallViews = new QListWidget(wallBox);
    m_wallViews->setObjectName(QStringLiteral("wallViews"));
    const auto chosen = m_settings.wallViews();
    for (const auto id : kAllViews) {
        auto *item = new QListWidgetItem(ViewBase::title(id), m_wallViews);
        item->setData(Qt::UserRole, viewName(id));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(chosen.contains(viewName(id)) ? Qt::Checked : Qt::Unchecked);
    }
    m_wallViews->setToolTip(tr("The views wall mode shows in turn"));
    m_wallSeconds = new QSpinBox(wallBox);
    m_wallSeconds->setObjectName(QStringLiteral("wallSeconds"));
    m_wallSeconds->setRange(0, 3600);
    m_wallSeconds->setSingleStep(5);
    m_wallSeconds->setSuffix(tr(" s"));
    m_wallSeconds->setSpecialValueText(tr("stay"));
    m_wallSeconds->setValue(m_settings.wallCycleSeconds());
    auto *wallForm = new QFormLayout;
    wallForm->addRow(tr("Each &view for:"), m_wallSeconds);
    auto *wallLayout = new QVBoxLayout(wallBox);
    wallLayout->addWidget(m_wallViews);
    wallLayout->addLayout(wallForm);
    left->addWidget(wallBox);

    // The weekly report, for every profile: where the Monday timer writes it.
    auto *reportBox = new QGroupBox(tr("Weekly report"), this);
    m_reportFolder = new QLineEdit(m_settings.reportFolder(), reportBox);
    m_reportFolder->setObjectName(QStringLiteral("reportFolder"));
    auto *browseReports = new QPushButton(tr("Bro&wse…"), reportBox);
    connect(browseReports, &QPushButton::clicked, this, [this] {
        const auto folder = QFileDialog::getExistingDirectory(this, tr("Folder for the weekly reports"), m_reportFolder->text());
        if (!folder.isEmpty())
            m_reportFolder->setText(folder);
    });
    auto *reportRow = new QHBoxLayout;
    reportRow->addWidget(new QLabel(tr("Save to:"), reportBox));
    reportRow->addWidget(m_reportFolder, 1);
    reportRow->addWidget(browseReports);
    auto *timerHint = new QLabel(tr("Mondays at 07:00 the package's timer writes last week's report (PDF and JSON) of the "
                                    "profile in use here. Turn it on with: systemctl --user enable --now watchfloor-report.timer"),
                                 reportBox);
    timerHint->setWordWrap(true);
    timerHint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *reportLayout = new QVBoxLayout(reportBox);
    reportLayout->addLayout(reportRow);
    reportLayout->addWidget(timerHint);

    m_name = new QLineEdit(this);
    auto *general = new QFormLayout;
    general->addRow(tr("&Name:"), m_name);

    auto *endpointsBox = new QGroupBox(tr("Endpoints"), this);
    auto *grid = new QGridLayout(endpointsBox);
    grid->addWidget(new QLabel(tr("URL"), endpointsBox), 0, 1);
    grid->addWidget(new QLabel(tr("Authentication"), endpointsBox), 0, 2);
    grid->addWidget(new QLabel(tr("User"), endpointsBox), 0, 3);
    grid->addWidget(new QLabel(tr("Password or token"), endpointsBox), 0, 4);
    for (const auto e : kAllEndpoints) {
        const int r = int(e) + 1;
        auto &row = m_rows[std::size_t(e)];
        row.url = new QLineEdit(endpointsBox);
        row.url->setMinimumWidth(260);
        if (e == Endpoint::Alertmanager)
            row.url->setToolTip(tr("A cluster: every peer's URL, separated by commas"));
        else if (e == Endpoint::Prometheus)
            row.url->setToolTip(tr("An HA pair: every replica's URL, separated by commas; the first that answers is asked"));
        row.url->setPlaceholderText(e == Endpoint::Health ? tr("http://host:5002/api/health/alpaca")
                                                          : tr("http://host:port"));
        row.auth = new QComboBox(endpointsBox);
        row.auth->addItem(tr("None"), int(AuthKind::None));
        row.auth->addItem(tr("Basic"), int(AuthKind::Basic));
        row.auth->addItem(tr("Bearer token"), int(AuthKind::Bearer));
        row.user = new QLineEdit(endpointsBox);
        row.user->setMinimumWidth(row.user->fontMetrics().horizontalAdvance(u'M') * 8);
        row.secret = new QLineEdit(endpointsBox);
        row.secret->setEchoMode(QLineEdit::Password);
        row.light = new StatusLight(tr("Not tested"), endpointsBox);
        auto *label = new QLabel(EndpointStatusModel::endpointTitle(e) + u':', endpointsBox);
        label->setBuddy(row.url);
        grid->addWidget(label, r, 0);
        grid->addWidget(row.url, r, 1);
        grid->addWidget(row.auth, r, 2);
        grid->addWidget(row.user, r, 3);
        grid->addWidget(row.secret, r, 4);
        grid->addWidget(row.light, r, 5);
        connect(row.auth, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateAuthFields);
    }
    grid->setColumnStretch(1, 1);

    m_caFile = new QLineEdit(this);
    m_caFile->setPlaceholderText(tr("System CA certificates only"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    m_tenant = new QLineEdit(this);
    m_tenant->setPlaceholderText(tr("Single-tenant Loki"));
    m_refresh = new QSpinBox(this);
    m_refresh->setRange(0, 3600);
    m_refresh->setSuffix(tr(" s"));
    m_refresh->setSpecialValueText(tr("Off"));
    m_timeZone = new QComboBox(this);
    m_timeZone->addItem(tr("Local time"), false);
    m_timeZone->addItem(tr("UTC"), true);
    auto *more = new QFormLayout;
    auto *caLabel = new QLabel(tr("CA &file:"), this);
    caLabel->setBuddy(m_caFile);
    more->addRow(caLabel, caRow);
    more->addRow(tr("&Loki tenant (X-Scope-OrgID):"), m_tenant);
    more->addRow(tr("&Refresh every:"), m_refresh);
    m_scrape = new QSpinBox(this);
    m_scrape->setObjectName(QStringLiteral("scrapeSeconds"));
    m_scrape->setRange(1, 3600);
    m_scrape->setSuffix(tr(" s"));
    m_scrape->setToolTip(tr("Prometheus' scrape interval for this service: charts never ask for finer steps, and rates span at least four scrapes."));
    more->addRow(tr("Scrape &interval:"), m_scrape);
    more->addRow(tr("&Times in:"), m_timeZone);
    m_dashboards = new QLineEdit(this);
    m_dashboards->setObjectName(QStringLiteral("dashboardFolder"));
    m_dashboards->setPlaceholderText(tr("Built-in dashboards only"));
    m_dashboards->setToolTip(tr("A folder of dashboard JSON files: operations.json, performance.json, reliability.json "
                                "or business.json there replaces that view's dashboard."));
    // A folder's line with its Browse button.
    const auto folderRow = [this, more](QLineEdit *edit, const QString &label, const QString &button, const QString &caption) {
        auto *browse = new QPushButton(button, this);
        connect(browse, &QPushButton::clicked, this, [this, edit, caption] {
            const auto dir = QFileDialog::getExistingDirectory(this, caption, edit->text());
            if (!dir.isEmpty())
                edit->setText(dir);
        });
        auto *row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(browse);
        auto *buddy = new QLabel(label, this);
        buddy->setBuddy(edit);
        more->addRow(buddy, row);
    };
    folderRow(m_dashboards, tr("Das&hboard folder:"), tr("Bro&wse…"), tr("Dashboard folder"));
    m_runbooks = new QLineEdit(this);
    m_runbooks->setObjectName(QStringLiteral("runbookFolder"));
    m_runbooks->setPlaceholderText(tr("Embedded runbooks only"));
    m_runbooks->setToolTip(tr("A folder of Markdown runbooks: <slug>.md there replaces the embedded runbook of that "
                              "slug or adds a new one. Changes show at once."));
    folderRow(m_runbooks, tr("R&unbook folder:"), tr("Brow&se…"), tr("Runbook folder"));

    // The alert inbox, per profile.
    auto *alertsBox = new QGroupBox(tr("Alerts"), this);
    m_ackAuthor = new QLineEdit(alertsBox);
    m_ackAuthor->setObjectName(QStringLiteral("ackAuthor"));
    m_ackAuthor->setPlaceholderText(AlertInbox::defaultAuthor());
    m_ackAuthor->setToolTip(tr("Who acknowledges and silences from this console; empty: your user name"));
    m_ackDefault = new QComboBox(alertsBox);
    m_ackDefault->setObjectName(QStringLiteral("ackDefault"));
    AckDialog::addDurations(m_ackDefault);
    m_ackSafety = new QSpinBox(alertsBox);
    m_ackSafety->setObjectName(QStringLiteral("ackSafety"));
    m_ackSafety->setRange(1, 168);
    m_ackSafety->setSuffix(tr(" h"));
    m_ackSafety->setToolTip(tr("An “until resolved” acknowledgement is a silence this long; the console ends it "
                               "as soon as the alert resolves"));
    m_alertPoll = new QSpinBox(alertsBox);
    m_alertPoll->setObjectName(QStringLiteral("alertPoll"));
    m_alertPoll->setRange(1, 300);
    m_alertPoll->setSuffix(tr(" s"));
    auto *alertsForm = new QFormLayout(alertsBox);
    alertsForm->addRow(tr("A&cknowledge as:"), m_ackAuthor);
    alertsForm->addRow(tr("Default ac&knowledgement:"), m_ackDefault);
    alertsForm->addRow(tr("“Until resolved” lasts at &most:"), m_ackSafety);
    alertsForm->addRow(tr("Ask Alertmanager &every:"), m_alertPoll);

    auto *secretsNote = new QLabel(m_settings.secrets().description(), this);
    secretsNote->setWordWrap(true);
    secretsNote->setObjectName(QStringLiteral("secretsNote"));
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1").arg(healthColor(Health::Bad).name()));

    auto *test = new QPushButton(tr("Test c&onnection"), this);
    test->setObjectName(QStringLiteral("testConnection"));
    auto *right = new QVBoxLayout;
    right->addLayout(general);
    right->addWidget(endpointsBox);
    right->addLayout(more);
    right->addWidget(alertsBox);
    right->addWidget(reportBox);
    right->addWidget(secretsNote);
    right->addWidget(test, 0, Qt::AlignLeft);
    right->addWidget(m_error);
    right->addStretch();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto *top = new QHBoxLayout;
    top->addLayout(left, 0);
    top->addLayout(right, 1);
    auto *outer = new QVBoxLayout(this);
    outer->addLayout(top);
    outer->addWidget(buttons);

    for (const auto &name : m_settings.profileNames()) {
        if (auto p = m_settings.profile(name)) {
            m_profiles.insert(name, *p);
            m_list->addItem(name);
            m_list->item(m_list->count() - 1)->setData(Qt::UserRole, name);
        }
    }
    connect(m_list, &QListWidget::currentRowChanged, this, &SettingsDialog::onSelectionChanged);
    connect(add, &QPushButton::clicked, this, [this] {
        auto p = demoProfile();
        p.name = tr("New profile");
        for (auto &ep : p.endpoints)
            ep.url = QUrl();
        addProfile(p);
    });
    connect(remove, &QPushButton::clicked, this, &SettingsDialog::deleteSelected);
    connect(browse, &QPushButton::clicked, this, [this] {
        const auto file = QFileDialog::getOpenFileName(this, tr("CA certificates"), m_caFile->text(),
                                                       tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    connect(test, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (auto *item = m_list->currentItem())
            item->setText(text);
    });
    connect(m_probe, &EndpointProbe::probed, this, [this](Endpoint e, const ProbeResult &r) {
        auto *light = m_rows[std::size_t(e)].light;
        light->setLabel(EndpointStatusModel::stateText(r.state));
        light->setHealth(r.health(), EndpointStatusModel::stateText(r.state), r.message);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        onSelectionChanged();
}

void SettingsDialog::selectProfile(const QString &name)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toString() == name)
            m_list->setCurrentRow(i);
    }
}

QString SettingsDialog::selectedProfile() const
{
    return m_accepted;
}

void SettingsDialog::addProfile(const Profile &profile)
{
    storeForm();
    const auto key = QStringLiteral("\x01new%1").arg(++m_newCount);
    m_profiles.insert(key, profile);
    auto *item = new QListWidgetItem(profile.name, m_list);
    item->setData(Qt::UserRole, key);
    m_list->setCurrentItem(item);
    m_name->setFocus();
    m_name->selectAll();
}

void SettingsDialog::deleteSelected()
{
    auto *item = m_list->currentItem();
    if (!item)
        return;
    const auto key = item->data(Qt::UserRole).toString();
    if (QMessageBox::question(this, tr("Delete profile"),
                              tr("Delete the profile “%1” and its stored secrets?").arg(item->text()))
        != QMessageBox::Yes) {
        return;
    }
    if (!key.startsWith(u'\x01'))
        m_removed << key;
    m_profiles.remove(key);
    m_current.clear();
    delete item;
    onSelectionChanged();
}

void SettingsDialog::storeForm()
{
    if (m_current.isEmpty() || !m_profiles.contains(m_current))
        return;
    auto &p = m_profiles[m_current];
    p.name = m_name->text().trimmed();
    for (const auto e : kAllEndpoints) {
        const auto &row = m_rows[std::size_t(e)];
        auto &ep = p.endpoint(e);
        // Alertmanager: a cluster's peers, separated by commas.
        const auto parts = row.url->text().split(u',', Qt::SkipEmptyParts);
        ep.url = parts.isEmpty() ? QUrl() : QUrl(parts.first().trimmed());
        ep.moreUrls.clear();
        for (qsizetype i = 1; i < parts.size(); ++i)
            ep.moreUrls.append(QUrl(parts.at(i).trimmed()));
        ep.auth.kind = AuthKind(row.auth->currentData().toInt());
        ep.auth.username = row.user->text();
        ep.auth.secret = row.secret->text();
    }
    p.caFile = m_caFile->text().trimmed();
    p.lokiTenant = m_tenant->text().trimmed();
    p.refreshSeconds = m_refresh->value();
    p.scrapeSeconds = m_scrape->value();
    p.dashboardFolder = m_dashboards->text().trimmed();
    p.runbookFolder = m_runbooks->text().trimmed();
    p.utc = m_timeZone->currentData().toBool();
    p.ackAuthor = m_ackAuthor->text().trimmed();
    p.ackDefaultSeconds = m_ackDefault->currentData().toInt();
    p.ackSafetyHours = m_ackSafety->value();
    p.alertPollSeconds = m_alertPoll->value();
}

void SettingsDialog::loadForm(const Profile &p)
{
    m_name->setText(p.name);
    for (const auto e : kAllEndpoints) {
        const auto &row = m_rows[std::size_t(e)];
        const auto &ep = p.endpoint(e);
        QStringList urls;
        for (const auto &url : ep.urls())
            urls.append(url.toString());
        row.url->setText(urls.join(QStringLiteral(", ")));
        row.auth->setCurrentIndex(row.auth->findData(int(ep.auth.kind)));
        row.user->setText(ep.auth.username);
        row.secret->setText(ep.auth.secret);
        row.light->setLabel(tr("Not tested"));
        row.light->setHealth(Health::Unknown, tr("Not tested"), QString());
    }
    m_caFile->setText(p.caFile);
    m_tenant->setText(p.lokiTenant);
    m_refresh->setValue(p.refreshSeconds);
    m_scrape->setValue(p.scrapeSeconds);
    m_dashboards->setText(p.dashboardFolder);
    m_runbooks->setText(p.runbookFolder);
    m_timeZone->setCurrentIndex(p.utc ? 1 : 0);
    m_ackAuthor->setText(p.ackAuthor);
    m_ackDefault->setCurrentIndex(std::max(0, m_ackDefault->findData(p.ackDefaultSeconds)));
    m_ackSafety->setValue(p.ackSafetyHours);
    m_alertPoll->setValue(p.alertPollSeconds);
    updateAuthFields();
}

void SettingsDialog::onSelectionChanged()
{
    storeForm();
    auto *item = m_list->currentItem();
    m_current = item ? item->data(Qt::UserRole).toString() : QString();
    const bool any = item != nullptr;
    for (auto *w : findChildren<QWidget *>()) {
        if (w != m_list && w != m_wallSeconds && w != m_reportFolder // wall mode and the report are for every profile
            && (qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w) || qobject_cast<QSpinBox *>(w)))
            w->setEnabled(any);
    }
    if (any)
        loadForm(m_profiles.value(m_current));
    else
        loadForm(Profile{});
}

void SettingsDialog::updateAuthFields()
{
    for (const auto &row : m_rows) {
        const auto kind = AuthKind(row.auth->currentData().toInt());
        row.user->setEnabled(kind == AuthKind::Basic && row.auth->isEnabled());
        row.secret->setEnabled(kind != AuthKind::None && row.auth->isEnabled());
        row.secret->setPlaceholderText(kind == AuthKind::Bearer ? tr("Token") : kind == AuthKind::Basic ? tr("Password") : QString());
    }
}

QString SettingsDialog::validate(const Profile &p) const
{
    if (!isValidProfileName(p.name))
        return tr("“%1” is not a usable profile name: it must not be blank, start or end with spaces, or "
                  "contain control characters.")
            .arg(p.name);
    for (const auto e : kAllEndpoints) {
        if (e != Endpoint::Alertmanager && e != Endpoint::Prometheus && !p.endpoint(e).moreUrls.isEmpty())
            return tr("%1 takes one URL (Alertmanager takes a cluster's peers and Prometheus an HA pair's "
                      "replicas, separated by commas).")
                .arg(EndpointStatusModel::endpointTitle(e));
        for (const auto &url : p.endpoint(e).urls())
            if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
                return tr("%1: “%2” is not an http:// or https:// URL with a host.")
                    .arg(EndpointStatusModel::endpointTitle(e), url.toString());
        if (p.endpoint(e).url.isEmpty())
            continue;
        if (p.endpoint(e).auth.kind == AuthKind::Basic && p.endpoint(e).auth.username.isEmpty())
            return tr("%1: basic authentication needs a user name.").arg(EndpointStatusModel::endpointTitle(e));
    }
    return {};
}

void SettingsDialog::testConnection()
{
    storeForm();
    const auto p = m_profiles.value(m_current);
    if (const auto problem = validate(p); !problem.isEmpty()) {
        m_error->setText(problem);
        return;
    }
    m_error->clear();
    for (const auto &row : m_rows) {
        row.light->setLabel(tr("Testing…"));
        row.light->setHealth(Health::Unknown, tr("Testing…"), QString());
    }
    m_probe->setProfile(p);
    m_probe->probeAll();
}

bool SettingsDialog::save()
{
    storeForm();
    QStringList wallViews;
    for (int i = 0; i < m_wallViews->count(); ++i)
        if (m_wallViews->item(i)->checkState() == Qt::Checked)
            wallViews.append(m_wallViews->item(i)->data(Qt::UserRole).toString());
    m_settings.setWallViews(wallViews);
    // 1–4 s would leave no time to read a view: at least 5.
    m_settings.setWallCycleSeconds(m_wallSeconds->value() == 0 ? 0 : std::max(m_wallSeconds->value(), 5));
    m_settings.setReportFolder(m_reportFolder->text());
    QStringList names;
    for (auto it = m_profiles.cbegin(); it != m_profiles.cend(); ++it) {
        if (const auto problem = validate(it.value()); !problem.isEmpty()) {
            m_error->setText(problem);
            return false;
        }
        if (names.contains(it.value().name)) {
            m_error->setText(tr("Two profiles are named “%1”; names must be unique.").arg(it.value().name));
            return false;
        }
        names << it.value().name;
    }
    for (const auto &name : std::as_const(m_removed)) {
        if (!names.contains(name) && !m_settings.removeProfile(name)) {
            m_error->setText(m_settings.errorString());
            return false;
        }
    }
    for (auto it = m_profiles.cbegin(); it != m_profiles.cend(); ++it) {
        const auto oldName = it.key().startsWith(u'\x01') ? it.value().name : it.key();
        if (!m_settings.renameProfile(oldName, it.value())) {
            m_error->setText(m_settings.errorString());
            return false;
        }
    }
    m_accepted = m_current.isEmpty() ? QString() : m_profiles.value(m_current).name;
    return true;
}

} // namespace wf
