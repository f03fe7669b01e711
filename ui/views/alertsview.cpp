#include "alertsview.h"

#include "sources/alertmanager/alertmanagercluster.h"

#include "ackdialog.h"
#include "alertinboxmodel.h"
#include "alertqualitymodel.h"
#include "emptynote.h"
#include "externallink.h"
#include "sources/prometheus/prometheusclient.h"
#include "store/alerthistory.h"
#include "silencedialog.h"
#include "silencemodel.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QDateTimeAxis>
#include <QDesktopServices>
#include <QUrlQuery>
#include <QLineSeries>
#include <QUrlQuery>
#include <QValueAxis>
#include <QDir>
#include <QSortFilterProxyModel>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace wf {

namespace {

// One column takes what the window gives; the rest keep readable widths the user can drag.
void layoutColumns(QHeaderView *header, int stretch, std::initializer_list<std::pair<int, int>> widths)
{
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(stretch, QHeaderView::Stretch);
    for (const auto &[column, width] : widths)
        header->resizeSection(column, width);
}

} // namespace

AlertsView::AlertsView(AlertInbox *inbox, AlertHistory *history, QWidget *parent)
    : ViewBase(ViewId::Alerts, parent)
    , m_inbox(inbox)
    , m_model(new AlertInboxModel(this))
    , m_filter(new QLineEdit(this))
    , m_filterError(new QLabel(this))
    , m_ack(new QToolButton(this))
    , m_unack(new QToolButton(this))
    , m_status(new QLabel(this))
    , m_tree(new QTreeView(this))
    , m_details(new QTextBrowser(this))
    , m_chart(new QChartView(this))
    , m_tabs(new QTabWidget(this))
    , m_silenceModel(new SilenceModel(this))
    , m_silenceTable(new QTableView(this))
    , m_editSilence(new QToolButton(this))
    , m_expireSilence(new QToolButton(this))
    , m_silenceStatus(new QLabel(this))
    , m_history(history)
    , m_qualityModel(new AlertQualityModel(this))
{
    m_filter->setObjectName(QStringLiteral("alertFilter"));
    m_filter->setPlaceholderText(tr("Filter: alertname=~\"Alpaca.*\" symbol=\"AAPL\" or words (Ctrl+F)"));
    m_filter->setToolTip(tr("Label matchers as in Alertmanager (=, !=, =~, !~; regular expressions match the whole value) "
                            "and words, which must appear in the alert name, a label value or the summary."));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &AlertsView::applyFilter);
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    addAction(find);
    m_filterError->setObjectName(QStringLiteral("filterError"));
    m_filterError->setStyleSheet(QStringLiteral("color:#c62828"));
    m_filterError->setWordWrap(true);
    m_filterError->hide();
    m_inboxError = new QLabel(this);
    m_inboxError->setObjectName(QStringLiteral("inboxError"));
    m_inboxError->setStyleSheet(QStringLiteral("color:#c62828"));
    m_inboxError->setWordWrap(true);
    m_inboxError->setTextFormat(Qt::PlainText);
    m_inboxError->hide();
    // However long an error, the filter keeps room for a matcher or two.
    m_filter->setMinimumWidth(m_filter->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 36);

    // Toggles: severities, then the states one may want out of the way.
    const auto addToggle = [this](const QString &objectName, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setObjectName(objectName);
        b->setCheckable(true);
        b->setChecked(true);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setToolTip(tip);
        connect(b, &QToolButton::toggled, this, &AlertsView::applyFilter);
        return b;
    };
    m_severityToggles = {addToggle(QStringLiteral("showCritical"), tr("Show critical alerts")),
                         addToggle(QStringLiteral("showWarning"), tr("Show warnings")),
                         addToggle(QStringLiteral("showInfo"), tr("Show info alerts")),
                         addToggle(QStringLiteral("showOther"), tr("Show alerts without a known severity"))};
    m_stateToggles = {{InboxAlert::State::Silenced, addToggle(QStringLiteral("showSilenced"), tr("Show alerts silenced by others"))},
                      {InboxAlert::State::Inhibited, addToggle(QStringLiteral("showInhibited"), tr("Show alerts inhibited by another alert"))},
                      {InboxAlert::State::Resolved, addToggle(QStringLiteral("showResolved"), tr("Show alerts resolved in the last 15 minutes"))}};
    updateToggleTexts();

    m_ack->setObjectName(QStringLiteral("acknowledge"));
    m_ack->setText(tr("&Acknowledge…"));
    m_ack->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    m_ack->setToolTip(tr("Acknowledge the selected alerts as a silence in Alertmanager (Ctrl+Shift+A)"));
    m_ack->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_ack, &QToolButton::clicked, this, &AlertsView::acknowledge);
    m_unack->setObjectName(QStringLiteral("unacknowledge"));
    m_unack->setText(tr("&Un-acknowledge"));
    m_unack->setShortcut(QKeySequence(tr("Ctrl+Shift+U")));
    m_unack->setToolTip(tr("Expire the acknowledgement's silence (Ctrl+Shift+U)"));
    connect(m_unack, &QToolButton::clicked, this, &AlertsView::unacknowledge);
    m_status->setObjectName(QStringLiteral("inboxStatus"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_ack);
    bar->addWidget(m_unack);
    bar->addWidget(m_status);
    auto *toggles = new QHBoxLayout;
    toggles->addWidget(new QLabel(tr("Show:"), this));
    for (auto *b : std::as_const(m_severityToggles))
        toggles->addWidget(b);
    toggles->addSpacing(12);
    for (const auto &[state, b] : std::as_const(m_stateToggles))
        toggles->addWidget(b);
    toggles->addStretch(1);

    m_tree->setObjectName(QStringLiteral("alertTree"));
    m_tree->setModel(m_model);
    m_emptyNote = new EmptyNote(m_tree);
    updateEmptyNote();
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    layoutColumns(m_tree->header(), AlertInboxModel::Summary,
                  {{AlertInboxModel::Severity, 130}, {AlertInboxModel::Alert, 190}, {AlertInboxModel::KeyLabels, 160},
                   {AlertInboxModel::Started, 135}, {AlertInboxModel::Duration, 70}, {AlertInboxModel::State, 100},
                   {AlertInboxModel::Acknowledged, 150}});
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // Group rows ("critical (3)") read across the whole row, not clipped to the first column.
        for (int row = 0; row < m_model->rowCount(); ++row)
            m_tree->setFirstColumnSpanned(row, QModelIndex(), true);
        m_tree->expandAll();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        showDetails();
        updateActions();
    });

    m_details->setObjectName(QStringLiteral("alertDetails"));
    m_details->setOpenLinks(false); // runbook and generator links open elsewhere, never in here
    m_details->setPlaceholderText(tr("Select an alert to see its labels, annotations and acknowledgement."));
    connect(m_details, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        emit linkActivated(url);
        if (url.scheme() == u"http" || url.scheme() == u"https") {
            links::openAfterAsking(this, url); // an alert's generatorURL: the server chose it
        } else if (url.scheme() == u"watchfloor" && url.path() == u"runbook") {
            // The links are the shown alert's: the first selected.
            if (const auto alerts = selectedAlerts(); !alerts.isEmpty())
                emit runbookRequested(QUrl(alerts.first().annotations.value(QStringLiteral("runbook_url"))));
        } else if (url.scheme() == u"watchfloor" && url.path() == u"explore") {
            if (const auto alerts = selectedAlerts(); !alerts.isEmpty())
                emit exploreRequested(ruleExpression(alerts.first()));
        } else if (url.scheme() == u"watchfloor" && url.path() == u"logs") {
            const QUrlQuery query(url);
            emit logsRequested(QDateTime::fromString(query.queryItemValue(QStringLiteral("from")), Qt::ISODateWithMs),
                               QDateTime::fromString(query.queryItemValue(QStringLiteral("to")), Qt::ISODateWithMs));
        }
    });
    m_chart->setObjectName(QStringLiteral("alertChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumWidth(360);
    m_chart->hide();
    auto *detailSplit = new QSplitter(Qt::Horizontal, this);
    detailSplit->addWidget(m_details);
    detailSplit->addWidget(m_chart);
    detailSplit->setStretchFactor(0, 1);
    detailSplit->setStretchFactor(1, 1);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tree);
    split->addWidget(detailSplit);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto *alertsPage = new QWidget(this);
    auto *alertsLayout = new QVBoxLayout(alertsPage);
    alertsLayout->setContentsMargins(0, 0, 0, 0);
    alertsLayout->addLayout(bar);
    alertsLayout->addWidget(m_filterError);
    alertsLayout->addWidget(m_inboxError);
    alertsLayout->addLayout(toggles);
    alertsLayout->addWidget(split, 1);

    m_tabs->setObjectName(QStringLiteral("alertTabs"));
    m_tabs->addTab(alertsPage, tr("&Alerts"));
    m_tabs->addTab(createSilencesPage(), tr("&Silences"));
    if (m_history)
        m_tabs->addTab(createHistoryPage(), tr("&History"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 2)
            refreshHistory();
    });
    // The History tab follows what the history has written, while it is shown.
    if (m_history)
        connect(m_history, &AlertHistory::written, this, [this] {
            if (m_tabs->currentIndex() == 2)
                refreshHistory();
        });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);

    connect(m_inbox, &AlertInbox::updated, this, &AlertsView::onUpdated);
    onUpdated();
}

QWidget *AlertsView::createSilencesPage()
{
    auto *page = new QWidget(this);
    auto *newSilence = new QToolButton(page);
    newSilence->setObjectName(QStringLiteral("newSilence"));
    newSilence->setText(tr("&New silence…"));
    newSilence->setShortcut(QKeySequence(tr("Ctrl+Shift+N")));
    newSilence->setToolTip(tr("Create a silence in Alertmanager (Ctrl+Shift+N); with alerts selected, "
                              "it starts from their labels"));
    connect(newSilence, &QToolButton::clicked, this, [this] { editSilence(true); });
    m_editSilence->setObjectName(QStringLiteral("editSilence"));
    m_editSilence->setText(tr("&Edit…"));
    m_editSilence->setToolTip(tr("Change the selected silence (Alertmanager replaces it)"));
    connect(m_editSilence, &QToolButton::clicked, this, [this] { editSilence(false); });
    m_expireSilence->setObjectName(QStringLiteral("expireSilence"));
    m_expireSilence->setText(tr("E&xpire"));
    m_expireSilence->setToolTip(tr("End the selected silences now"));
    connect(m_expireSilence, &QToolButton::clicked, this, &AlertsView::expireSelectedSilences);
    auto *showExpired = new QCheckBox(tr("Show e&xpired"), page);
    showExpired->setObjectName(QStringLiteral("showExpired"));
    connect(showExpired, &QCheckBox::toggled, this, [this](bool show) {
        m_silenceModel->setShowExpired(show);
        updateEmptyNote();
    });
    m_silenceStatus->setObjectName(QStringLiteral("silenceStatus"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(newSilence);
    bar->addWidget(m_editSilence);
    bar->addWidget(m_expireSilence);
    bar->addWidget(showExpired);
    bar->addStretch(1);
    bar->addWidget(m_silenceStatus);

    m_silenceTable->setObjectName(QStringLiteral("silenceTable"));
    m_silenceTable->setModel(m_silenceModel);
    m_silenceTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_silenceTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_silenceTable->setAlternatingRowColors(true);
    m_silenceTable->verticalHeader()->hide();
    m_silenceTable->setWordWrap(false);
    layoutColumns(m_silenceTable->horizontalHeader(), SilenceModel::Matchers,
                  {{SilenceModel::State, 110}, {SilenceModel::Starts, 130}, {SilenceModel::Ends, 200},
                   {SilenceModel::CreatedBy, 100}, {SilenceModel::Comment, 240}, {SilenceModel::Acknowledgement, 150}});
    connect(m_silenceTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlertsView::updateActions);
    connect(m_silenceTable, &QTableView::doubleClicked, this, [this] { editSilence(false); });
    m_silenceNote = new EmptyNote(m_silenceTable);
    m_silenceNote->setObjectName(QStringLiteral("silenceEmptyNote"));

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_silenceTable, 1);
    return page;
}

QWidget *AlertsView::createHistoryPage()
{
    auto *page = new QWidget(this);
    m_historyStatus = new QLabel(page);
    m_historyStatus->setObjectName(QStringLiteral("historyStatus"));
    m_historyStatus->setWordWrap(true);
    auto *proxy = new QSortFilterProxyModel(page);
    proxy->setSourceModel(m_qualityModel);
    proxy->setSortRole(Qt::UserRole);
    auto *table = new QTableView(page);
    table->setObjectName(QStringLiteral("qualityTable"));
    table->setModel(proxy);
    table->setSortingEnabled(true);
    table->sortByColumn(-1, Qt::AscendingOrder); // the model's order: worst severity, most fired
    table->setAlternatingRowColors(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    layoutColumns(table->horizontalHeader(), AlertQualityModel::Alert,
                  {{AlertQualityModel::Severity, 90}, {AlertQualityModel::Fired, 80}, {AlertQualityModel::MedianDuration, 140},
                   {AlertQualityModel::Acknowledged, 120}, {AlertQualityModel::MedianTimeToAck, 210}, {AlertQualityModel::Flapping, 90}});
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_historyStatus);
    layout->addWidget(table, 1);
    m_historyNote = new EmptyNote(table);
    m_historyNote->setObjectName(QStringLiteral("historyEmptyNote"));
    return page;
}

void AlertsView::refreshHistory()
{
    if (!m_history)
        return;
    const auto now = QDateTime::currentDateTimeUtc();
    const auto rows = m_history->quality(m_inbox->profileName(), now.addDays(-7), now.addSecs(1));
    m_qualityModel->setRows(rows);
    int fired = 0;
    for (const auto &q : rows)
        fired += q.fired;
    m_historyStatus->setText(tr("Last 7 days, per alert name, as this console saw it: %1 alerts fired. "
                                "Flapping: began again within %2 minutes of ending. Kept for %3 days in %4.")
                                 .arg(fired)
                                 .arg(AlertHistory::kFlapSeconds / 60)
                                 .arg(AlertHistory::kDefaultRetentionDays)
                                 .arg(QDir::toNativeSeparators(m_history->path())));
    m_historyNote->setNote(rows.isEmpty() ? tr("No alert has fired in the last 7 days, as this console saw it.") : QString());
}

QList<Silence> AlertsView::selectedSilences() const
{
    QList<Silence> out;
    for (const auto &index : m_silenceTable->selectionModel()->selectedRows())
        if (const auto *s = m_silenceModel->silenceAt(index.row()))
            out << *s;
    return out;
}

void AlertsView::selectSilence(const QString &id)
{
    const int row = m_silenceModel->rowOf(id);
    if (row >= 0)
        m_silenceTable->selectionModel()->select(m_silenceModel->index(row, 0),
                                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void AlertsView::saveSilence(const Silence &silence, QObject *context, std::function<void(const QString &)> done)
{
    m_inbox->saveSilence(silence, context, [this, done = std::move(done)](const Result<QString> &r) {
        if (r)
            m_lastSavedSilence = r.value();
        done(r ? QString() : r.error().message);
    });
}

void AlertsView::editSilence(bool create)
{
    Silence start;
    if (create) {
        // From the selected alerts: the labels they share.
        const auto alerts = selectedAlerts();
        if (!alerts.isEmpty()) {
            Labels common = alerts.first().labels;
            for (const auto &a : alerts)
                for (auto it = common.begin(); it != common.end();)
                    it = a.labels.value(it.key()) == it.value() ? std::next(it) : common.erase(it);
            start.matchers = AlertInbox::matchersFor(common);
        }
        start.createdBy = m_ackAuthor; // empty: the dialog puts the OS user
    } else {
        const auto selected = selectedSilences();
        if (selected.size() != 1)
            return;
        start = selected.first();
        if (start.state == u"expired") {
            // Editing an expired silence makes a new one with its matchers, as Alertmanager's UI does.
            start.id.clear();
            start.startsAt = {};
            start.endsAt = {};
        }
    }
    auto *dialog = new SilenceDialog(start, m_inbox->alerts(), {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSave([this, dialog](const Silence &s, std::function<void(const QString &)> done) {
        saveSilence(s, dialog, std::move(done));
    });
    connect(dialog, &QDialog::accepted, this, [this] {
        m_tabs->setCurrentIndex(1);
        selectSilence(m_lastSavedSilence);
    });
    dialog->open();
}

void AlertsView::expireSelectedSilences()
{
    for (const auto &s : selectedSilences()) {
        if (s.state == u"expired")
            continue;
        m_inbox->expireSilence(s.id, this, [this](const Result<Done> &r) {
            if (!r)
                m_silenceStatus->setText(tr("<span style='color:#c62828'>Could not expire: %1</span>").arg(r.error().message.toHtmlEscaped()));
        });
    }
}

void AlertsView::setFilterText(const QString &text)
{
    m_filter->setText(text);
    applyFilter();
}

QString AlertsView::filterError() const
{
    return m_filterError->text(); // empty while the filter is good
}

QToolButton *AlertsView::stateToggle(InboxAlert::State state) const
{
    for (const auto &[s, b] : m_stateToggles)
        if (s == state)
            return b;
    return nullptr;
}

void AlertsView::applyFilter()
{
    auto parsed = InboxFilter::parse(m_filter->text());
    if (!parsed) {
        // Keep showing what the last good filter showed; say what is wrong with this one.
        m_filterError->setText(parsed.error().message);
        m_filterError->show();
        m_filter->setStyleSheet(QStringLiteral("QLineEdit{border:1px solid #c62828}"));
        return;
    }
    m_filterError->clear();
    m_filterError->hide();
    m_filter->setStyleSheet({});
    auto filter = std::move(parsed).value();
    for (int i = 0; i < m_severityToggles.size(); ++i)
        filter.setSeverityShown(InboxFilter::Severity(i), m_severityToggles.at(i)->isChecked());
    for (const auto &[state, b] : std::as_const(m_stateToggles))
        filter.setStateShown(state, b->isChecked());
    const auto selected = selectedFingerprints();
    m_model->setFilter(filter);
    reselect(selected);
    updateEmptyNote();
}

void AlertsView::updateToggleTexts()
{
    int severities[4] = {0, 0, 0, 0};
    for (const auto &a : m_inbox->alerts())
        ++severities[int(InboxFilter::severityOf(a.alert.labels))];
    const QString names[4] = {tr("Critical"), tr("Warning"), tr("Info"), tr("Other")};
    for (int i = 0; i < 4; ++i)
        m_severityToggles.at(i)->setText(tr("%1 %2").arg(names[i]).arg(severities[i]));
    for (const auto &[state, b] : std::as_const(m_stateToggles)) {
        const auto name = state == InboxAlert::State::Silenced ? tr("Silenced")
            : state == InboxAlert::State::Inhibited            ? tr("Inhibited")
                                                               : tr("Resolved");
        b->setText(tr("%1 %2").arg(name).arg(m_model->count(state)));
    }
}

void AlertsView::setAckDefaults(const QString &author, int defaultSeconds, int safetyHours)
{
    m_ackAuthor = author;
    m_ackDefaultSeconds = defaultSeconds;
    m_ackSafetySeconds = safetyHours * 3600;
}

void AlertsView::setUtc(bool utc)
{
    m_model->setUtc(utc);
    m_silenceModel->setUtc(utc);
}

bool AlertsView::isSettled() const
{
    return m_settled;
}

void AlertsView::refresh()
{
    m_inbox->refresh();
}

void AlertsView::onUpdated()
{
    // A refresh rebuilds the model: keep the selection by fingerprint.
    const auto selected = selectedFingerprints();
    m_model->setAlerts(m_inbox->alerts());
    reselect(selected);
    QStringList selectedIds;
    for (const auto &sil : selectedSilences())
        selectedIds << sil.id;
    m_silenceModel->setSilences(m_inbox->silences(), m_inbox->pendingAcks());
    for (const auto &id : std::as_const(selectedIds)) {
        const int row = m_silenceModel->rowOf(id);
        if (row >= 0)
            m_silenceTable->selectionModel()->select(m_silenceModel->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    const int active = m_silenceModel->count(QStringLiteral("active"));
    m_tabs->setTabText(1, active > 0 ? tr("&Silences (%1)").arg(active) : tr("&Silences"));
    m_silenceStatus->setText(tr("%n active", nullptr, active) + tr(", %n pending", nullptr, m_silenceModel->count(QStringLiteral("pending")))
                             + tr(", %n expired", nullptr, m_silenceModel->count(QStringLiteral("expired"))));
    if (!m_inbox->lastError().isEmpty()) {
        // The bar says it in a few words; the error itself gets a line of its own below it.
        m_status->setText(tr("<span style='color:#c62828'>Alertmanager not answering</span>"));
        m_inboxError->setText(tr("Alertmanager: %1").arg(m_inbox->lastError()));
        m_inboxError->show();
        m_status->setToolTip(m_inbox->lastRefresh().isValid()
                                 ? tr("Showing the alerts of %1.").arg(m_inbox->lastRefresh().toLocalTime().toString(QStringLiteral("HH:mm:ss")))
                                 : QString());
        m_settled = true;
    } else if (m_inbox->lastRefresh().isValid()) {
        m_inboxError->hide();
        m_status->setText(tr("%n firing, updated %1", nullptr, m_model->firingCount())
                              .arg(m_inbox->lastRefresh().toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
        m_status->setToolTip({});
        m_settled = true;
    }
    updateToggleTexts();
    updateEmptyNote();
    showDetails();
    updateActions();
    if (m_settled)
        emit settled();
}

void AlertsView::updateEmptyNote()
{
    const bool answered = m_inbox->lastRefresh().isValid();
    const bool failing = !m_inbox->lastError().isEmpty();
    const auto alertNote = [&]() -> QString {
        if (m_model->shownCount() > 0)
            return {};
        if (m_model->totalCount() > 0)
            return tr("None shown: %n alert(s) hidden by the filter or the buttons above.", nullptr, m_model->totalCount());
        if (failing)
            return answered ? tr("Nothing was firing when Alertmanager last answered.")
                            : tr("No alerts known: Alertmanager has not answered yet.");
        return answered ? tr("Nothing is firing.") : tr("Asking Alertmanager…");
    };
    const auto silenceNote = [&]() -> QString {
        const int expired = m_silenceModel->count(QStringLiteral("expired"));
        if (m_silenceModel->rowCount() > 0)
            return {};
        if (!answered)
            return failing ? tr("No silences known: Alertmanager has not answered yet.") : tr("Asking Alertmanager…");
        if (expired > 0 && !m_silenceModel->showExpired())
            return tr("No active or pending silence. %n expired, hidden: tick \"Show expired\" to see them.", nullptr, expired);
        return failing ? tr("There was no silence when Alertmanager last answered.")
                       : tr("No silence. Acknowledging an alert makes one; so does \"New silence…\".");
    };
    m_emptyNote->setNote(alertNote());
    if (m_silenceNote)
        m_silenceNote->setNote(silenceNote());
}

QStringList AlertsView::selectedFingerprints() const
{
    QStringList out;
    for (const auto &a : selectedAlerts())
        out << a.fingerprint;
    return out;
}

void AlertsView::reselect(const QStringList &fingerprints)
{
    for (const auto &fp : fingerprints) {
        const auto index = m_model->indexOf(fp);
        if (index.isValid())
            m_tree->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

QList<AmAlert> AlertsView::selectedAlerts() const
{
    QList<AmAlert> out;
    for (const auto &index : m_tree->selectionModel()->selectedRows())
        if (const auto *a = m_model->alertAt(index))
            out << a->alert;
    return out;
}

void AlertsView::selectAlert(const QString &fingerprint)
{
    const auto index = m_model->indexOf(fingerprint);
    if (index.isValid())
        m_tree->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void AlertsView::updateActions()
{
    bool canAck = false, canUnack = false;
    for (const auto &index : m_tree->selectionModel()->selectedRows()) {
        if (const auto *a = m_model->alertAt(index)) {
            canAck = canAck || (a->state != InboxAlert::State::Resolved && !a->ack);
            canUnack = canUnack || a->ack.has_value();
        }
    }
    m_ack->setEnabled(canAck);
    m_unack->setEnabled(canUnack);
    const auto silences = selectedSilences();
    m_editSilence->setEnabled(silences.size() == 1);
    m_expireSilence->setEnabled(std::any_of(silences.begin(), silences.end(), [](const Silence &s) { return s.state != u"expired"; }));
}

void AlertsView::acknowledge()
{
    const auto alerts = selectedAlerts();
    if (alerts.isEmpty())
        return;
    const auto user = m_ackAuthor.isEmpty() ? AlertInbox::defaultAuthor() : m_ackAuthor;
    AckDialog dialog(int(alerts.size()), user, m_ackDefaultSeconds, m_ackSafetySeconds, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    acknowledgeSelected(dialog.mode(), dialog.seconds(), dialog.note(), dialog.author());
}

void AlertsView::acknowledgeSelected(AckRecord::Mode mode, int seconds, const QString &note, const QString &author)
{
    for (const auto &index : m_tree->selectionModel()->selectedRows()) {
        const auto *a = m_model->alertAt(index);
        if (a && a->state != InboxAlert::State::Resolved && !a->ack)
            m_inbox->acknowledge(a->alert, mode, seconds, note, author);
    }
}

void AlertsView::unacknowledge()
{
    for (const auto &a : selectedAlerts())
        m_inbox->unacknowledge(a.fingerprint);
}

void AlertsView::showDetails()
{
    const auto rows = m_tree->selectionModel()->selectedRows();
    const auto *item = rows.size() == 1 ? m_model->alertAt(rows.first()) : nullptr;
    if (!item) {
        m_details->clear();
        m_chart->hide();
        m_chartFor.clear();
        return;
    }
    const auto &a = item->alert;
    QString html = QStringLiteral("<h3>%1</h3>").arg(a.labels.value(QStringLiteral("alertname")).toHtmlEscaped());
    html += QStringLiteral("<p><b>%1</b> — %2</p>")
                .arg(AlertInboxModel::stateText(item->state).toHtmlEscaped(),
                     a.annotations.value(QStringLiteral("summary")).toHtmlEscaped());
    if (item->ack) {
        const auto until = item->ack->mode == AckRecord::Mode::UntilResolved
            ? tr("until it resolves")
            : tr("until %1").arg(item->ack->endsAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        html += QStringLiteral("<p>%1</p>")
                    .arg((item->ack->pending ? tr("Acknowledgement by %1 %2 is waiting for Alertmanager%3.")
                                                   .arg(item->ack->author, until,
                                                        item->ack->lastError.isEmpty() ? QString() : tr(": %1").arg(item->ack->lastError))
                                             : tr("Acknowledged by %1 %2: “%3”.").arg(item->ack->author, until, item->ack->note))
                             .toHtmlEscaped());
    }
    // A cluster: which peers list the alert, and the acknowledgement's silence.
    if (m_inbox->cluster() && !a.peers.isEmpty()) {
        html += QStringLiteral("<p>%1</p>").arg(tr("Listed by %1.").arg(a.peers.join(QStringLiteral(", "))).toHtmlEscaped());
        if (!item->missingOn.isEmpty())
            html += QStringLiteral("<p><b>%1</b></p>")
                        .arg(tr("Not listed by %1 for more than one poll: the peers disagree (does every alert source "
                                "reach every peer?).")
                                 .arg(item->missingOn.join(QStringLiteral(", ")))
                                 .toHtmlEscaped());
        if (item->ack && !item->ack->pending)
            html += QStringLiteral("<p>%1</p>")
                        .arg(tr("Its silence is on %1 of the %2 peers that answer: %3.")
                                 .arg(item->ack->peers.size())
                                 .arg(item->ack->peersAnswering)
                                 .arg(item->ack->peers.join(QStringLiteral(", ")))
                                 .toHtmlEscaped());
    }
    if (const auto d = a.annotations.value(QStringLiteral("description")); !d.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(d.toHtmlEscaped());
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");
    for (auto it = a.labels.begin(); it != a.labels.end(); ++it)
        html += QStringLiteral("<tr><td style=\"padding-right:12px\"><tt>%1</tt></td><td><tt>%2</tt></td></tr>").arg(it.key().toHtmlEscaped(), it.value().toHtmlEscaped());
    html += QStringLiteral("</table>");
    QStringList links;
    // The runbook opens embedded (by its URL's last segment), the rule's expression in Explore.
    if (const auto runbook = a.annotations.value(QStringLiteral("runbook_url")); !runbook.isEmpty()) {
        links << QStringLiteral("<a href=\"watchfloor:runbook\" title=\"%1\">%2</a>")
                     .arg(runbook.toHtmlEscaped(), tr("Runbook").toHtmlEscaped());
    }
    if (!ruleExpression(a).isEmpty()) {
        links << QStringLiteral("<a href=\"watchfloor:explore\">%1</a>").arg(tr("Open the rule in Explore").toHtmlEscaped());
    }
    if (a.startsAt.isValid()) {
        // The service's lines from five minutes before the alert started to five after.
        QUrl logs;
        logs.setScheme(QStringLiteral("watchfloor"));
        logs.setPath(QStringLiteral("logs"));
        logs.setQuery(QUrlQuery{{QStringLiteral("from"), a.startsAt.addSecs(-300).toUTC().toString(Qt::ISODateWithMs)},
                                {QStringLiteral("to"), a.startsAt.addSecs(300).toUTC().toString(Qt::ISODateWithMs)}});
        links << QStringLiteral("<a href=\"%1\">%2</a>").arg(logs.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                                           tr("Logs around this").toHtmlEscaped());
    }
    if (!links.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(links.join(QStringLiteral(" · ")));
    m_details->setHtml(html);
    showChart(a);
}

void AlertsView::setPrometheus(PrometheusClient *prometheus)
{
    m_prometheus = prometheus;
}

QString AlertsView::expressionOf(const AmAlert &alert)
{
    // Prometheus' generator URL: …/graph?g0.expr=<the rule's expression>&g0.tab=1
    // Go encodes a space as '+' (and a plus as %2B); QUrlQuery does not read '+' as a space.
    auto query = QUrl(alert.generatorUrl).query(QUrl::FullyEncoded);
    query.replace(u'+', QStringLiteral("%20"));
    return QUrlQuery(query).queryItemValue(QStringLiteral("g0.expr"), QUrl::FullyDecoded);
}

QString AlertsView::ruleExpression(const AmAlert &alert) const
{
    if (auto expr = expressionOf(alert); !expr.isEmpty())
        return expr;
    return m_ruleQueries.value(alert.labels.value(QStringLiteral("alertname")));
}

void AlertsView::learnRules()
{
    // Asked at most once a minute; an answer re-renders the shown alert with its links and chart.
    const auto now = QDateTime::currentMSecsSinceEpoch();
    if (!m_prometheus || (m_rulesAskedAt > 0 && now - m_rulesAskedAt < 60'000))
        return;
    m_rulesAskedAt = now;
    m_prometheus->rules(this, [this](const Result<QList<RuleGroup>> &groups) {
        if (!groups)
            return;
        bool learned = false;
        for (const auto &group : groups.value())
            for (const auto &rule : group.alertingRules)
                if (!rule.query.isEmpty() && m_ruleQueries.value(rule.name) != rule.query) {
                    m_ruleQueries.insert(rule.name, rule.query);
                    learned = true;
                }
        if (learned)
            showDetails();
    });
}

void AlertsView::showChart(const AmAlert &alert)
{
    const auto expr = ruleExpression(alert);
    if (expr.isEmpty() && expressionOf(alert).isEmpty())
        learnRules();
    if (!m_prometheus || expr.isEmpty()) {
        m_chart->hide();
        m_chartFor.clear();
        return;
    }
    // The same alert again (a poll): the chart stays; it follows on the next selection.
    if (m_chartFor == alert.fingerprint && m_chart->isVisible())
        return;
    m_chartFor = alert.fingerprint;
    m_prometheus->cancel(m_chartRequest);
    const auto end = QDateTime::currentDateTimeUtc();
    const auto start = end.addSecs(-3600);
    auto *chart = new QChart;
    chart->setTitle(tr("Last hour: %1").arg(expr.size() > 70 ? expr.left(67) + QStringLiteral("…") : expr));
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setChart(chart);
    m_chart->setToolTip(expr);
    m_chart->show();
    const auto startsAt = alert.startsAt;
    m_chartRequest = m_prometheus->queryRange(expr, start, end, 15, this, [this, start, end, startsAt, fp = alert.fingerprint](const Result<PromResult> &r) {
        if (fp != m_chartFor)
            return;
        auto *chart = m_chart->chart();
        if (!r) {
            chart->setTitle(tr("Prometheus: %1").arg(r.error().message));
            emit chartLoaded(false);
            return;
        }
        auto *x = new QDateTimeAxis;
        x->setFormat(QStringLiteral("HH:mm"));
        x->setRange(start.toLocalTime(), end.toLocalTime());
        x->setTickCount(5);
        auto *y = new QValueAxis;
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
        int shown = 0;
        for (const auto &series : r->series) {
            if (shown++ == 5) // enough to read; the rest is in Explore
                break;
            auto *line = new QLineSeries;
            for (const auto &sample : series.samples) {
                if (!std::isfinite(sample.value))
                    continue;
                line->append(sample.time * 1000.0, sample.value);
                lo = std::min(lo, sample.value);
                hi = std::max(hi, sample.value);
            }
            chart->addSeries(line);
            line->attachAxis(x);
            line->attachAxis(y);
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
            chart->setTitle(chart->title() + u'\n' + tr("(no samples in the last hour)"));
        }
        const double pad = hi > lo ? (hi - lo) * 0.1 : 0.5;
        y->setRange(lo - pad, hi + pad);
        if (startsAt.isValid() && startsAt > start) {
            // Where the alert began.
            auto *marker = new QLineSeries;
            marker->setName(tr("alert started"));
            marker->append(startsAt.toMSecsSinceEpoch(), lo - pad);
            marker->append(startsAt.toMSecsSinceEpoch(), hi + pad);
            QPen pen(QColor(QStringLiteral("#c62828")));
            pen.setStyle(Qt::DashLine);
            marker->setPen(pen);
            chart->addSeries(marker);
            marker->attachAxis(x);
            marker->attachAxis(y);
        }
        emit chartLoaded(true);
    });
}

QJsonObject AlertsView::snapshot() const
{
    auto json = ViewBase::snapshot();
    QJsonArray values;
    for (const auto &item : m_inbox->alerts()) {
        values.append(QJsonObject{{QStringLiteral("alertname"), item.alert.labels.value(QStringLiteral("alertname"))},
                                  {QStringLiteral("severity"), item.alert.labels.value(QStringLiteral("severity"))},
                                  {QStringLiteral("state"), AlertInboxModel::stateText(item.state)},
                                  {QStringLiteral("acknowledgedBy"), item.ack ? item.ack->author : QString()}});
    }
    json.insert(QStringLiteral("panels"),
                QJsonArray{QJsonObject{{QStringLiteral("title"), tr("Alert inbox")},
                                       {QStringLiteral("queries"), QJsonArray{QStringLiteral("GET /api/v2/alerts"),
                                                                              QStringLiteral("GET /api/v2/silences")}},
                                       {QStringLiteral("values"), values},
                                       {QStringLiteral("error"), m_inbox->lastError()}}});
    return json;
}

} // namespace wf
