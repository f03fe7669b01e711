#include "logsview.h"

#include "logfilterproxy.h"
#include "logmodel.h"
#include "emptynote.h"
#include "highlightdelegate.h"
#include "volumehistogram.h"
#include "sources/loki/lokiclient.h"
#include "sources/loki/lokiresult.h"
#include "domain/querytext.h"
#include "sources/files/logfile.h"
#include "store/profile.h"

#include <QAction>
#include <QCheckBox>
#include <QDialog>
#include <QClipboard>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMessageBox>
#include <QSaveFile>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace wf {
namespace {

constexpr auto kDefaultQuery = "{app=\"mytrader-api\"}";
constexpr LogLevel kLevels[] = {LogLevel::Error, LogLevel::Warning, LogLevel::Information, LogLevel::Debug,
                                LogLevel::Unknown};

QString levelTitle(LogLevel level)
{
    switch (level) {
    case LogLevel::Error: return LogsView::tr("Errors");
    case LogLevel::Warning: return LogsView::tr("Warnings");
    case LogLevel::Information: return LogsView::tr("Information");
    case LogLevel::Debug: return LogsView::tr("Debug");
    default: return LogsView::tr("Other");
    }
}

// A line as the model keeps it: its level from the text, else from its stream's level label.
LogLine toLine(LogModel &model, const Labels &labels, qint64 ns, QByteArray utf8)
{
    LogLine line;
    line.ns = ns;
    line.utf8 = std::move(utf8);
    line.level = logs::quickLevel(line.utf8);
    if (line.level == LogLevel::Unknown)
        line.level = logs::levelFromText(labels.value(QStringLiteral("level")));
    line.stream = model.streamIndex(labels);
    return line;
}

// The level toggles' groups (kLevels): Fatal counts as Error, Verbose as Debug.
int levelGroup(LogLevel level)
{
    switch (level) {
    case LogLevel::Error:
    case LogLevel::Fatal: return 0;
    case LogLevel::Warning: return 1;
    case LogLevel::Information: return 2;
    case LogLevel::Debug:
    case LogLevel::Verbose: return 3;
    case LogLevel::Unknown: break;
    }
    return 4;
}

} // namespace

LogsView::LogsView(QWidget *parent)
    : ViewBase(ViewId::Logs, parent)
    , m_tail(new LokiTail(this))
    , m_model(new LogModel(this))
    , m_proxy(new LogFilterProxy(this))
    , m_queryBox(new QComboBox(this))
    , m_queryEdit(nullptr)
    , m_labels(new QToolButton(this))
    , m_direction(new QComboBox(this))
    , m_limit(new QSpinBox(this))
    , m_run(new QPushButton(tr("&Run"), this))
    , m_live(new QToolButton(this))
    , m_older(new QPushButton(tr("Load &older"), this))
    , m_filter(new QLineEdit(this))
    , m_regex(new QCheckBox(tr("Re&gex"), this))
    , m_case(new QCheckBox(tr("Match &case"), this))
    , m_table(new QTableView(this))
    , m_histogram(new VolumeHistogram(this))
    , m_details(new QTextBrowser(this))
    , m_status(new QLabel(this))
    , m_newLines(new QPushButton(this))
    , m_file(new LogFileFollower(this))
    , m_openFile(new QPushButton(tr("Open &file…"), this))
    , m_closeFile(new QPushButton(tr("Back to Lo&ki"), this))
{
    m_proxy->setSourceModel(m_model);
    m_queryBox->setEditable(true);
    m_queryBox->setInsertPolicy(QComboBox::NoInsert);
    m_queryBox->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_queryBox->setToolTip(tr("Your last queries for this profile"));
    m_queryEdit = m_queryBox->lineEdit();
    m_queryEdit->setText(QString::fromLatin1(kDefaultQuery));
    m_queryEdit->setObjectName(QStringLiteral("logql"));
    m_labels->setObjectName(QStringLiteral("labels"));
    m_labels->setText(tr("La&bels"));
    m_labels->setToolTip(tr("Pick a label and a value from Loki: it goes into the query's stream selector"));
    m_labels->setPopupMode(QToolButton::InstantPopup);
    auto *labelMenu = new QMenu(m_labels);
    m_labels->setMenu(labelMenu);
    connect(labelMenu, &QMenu::aboutToShow, this, [this, labelMenu] { fillLabelMenu(labelMenu); });
    m_queryEdit->setToolTip(tr("A LogQL query: a stream selector such as {app=\"mytrader-api\"} and line filters (|= \"text\")"));
    m_direction->setObjectName(QStringLiteral("direction"));
    m_direction->addItem(tr("Newest first"), int(LokiQuery::Direction::Backward));
    m_direction->addItem(tr("Oldest first"), int(LokiQuery::Direction::Forward));
    m_direction->setToolTip(tr("Which end of the time range the limit takes its lines from"));
    m_limit->setObjectName(QStringLiteral("limit"));
    m_limit->setRange(1, LokiClient::kMaxLimit);
    m_limit->setValue(1000);
    m_limit->setSuffix(tr(" lines"));
    m_run->setObjectName(QStringLiteral("run"));
    m_run->setToolTip(tr("Run the query over the time range (Ctrl+Return)"));
    m_live->setObjectName(QStringLiteral("live"));
    m_live->setText(tr("&Live"));
    m_live->setCheckable(true);
    m_live->setToolTip(tr("Follow new lines as the service writes them (Ctrl+L)"));
    m_older->setObjectName(QStringLiteral("older"));
    m_older->setToolTip(tr("Fetch the lines before the oldest one shown"));

    auto *queryRow = new QHBoxLayout;
    queryRow->addWidget(new QLabel(tr("Query:"), this));
    queryRow->addWidget(m_queryBox, 1);
    queryRow->addWidget(m_labels);
    queryRow->addWidget(m_direction);
    queryRow->addWidget(m_limit);
    queryRow->addWidget(m_run);
    queryRow->addWidget(m_older);
    queryRow->addWidget(m_live);
    m_openFile->setObjectName(QStringLiteral("openFile"));
    m_openFile->setToolTip(tr("Show a log file the service wrote and follow it as it grows (Ctrl+O)"));
    m_closeFile->setObjectName(QStringLiteral("closeFile"));
    m_closeFile->setVisible(false);
    queryRow->addWidget(m_openFile);
    queryRow->addWidget(m_closeFile);
    connect(m_openFile, &QPushButton::clicked, this, [this] {
        const auto path = QFileDialog::getOpenFileName(this, tr("Open a log file"), {},
                                                       tr("Log files (*.log *.json *.jsonl *.txt);;All files (*)"));
        if (!path.isEmpty())
            openFile(path);
    });
    connect(m_closeFile, &QPushButton::clicked, this, &LogsView::closeFile);
    connect(m_file, &LogFileFollower::failed, this, [this](const QString &message) {
        m_error = message;
        updateStatus();
    });
    connect(m_file, &LogFileFollower::records, this, [this](const std::vector<QByteArray> &records, bool fromStart) {
        m_error.clear();
        const auto now = loki::toNanos(QDateTime::currentDateTimeUtc());
        const Labels file{{QStringLiteral("file"), m_file->path()}};
        std::vector<LogLine> lines;
        lines.reserve(records.size());
        for (const auto &record : records)
            lines.push_back(toLine(*m_model, file, logs::quickTime(record, now), record));
        const bool follow = fromStart || atBottom();
        m_rateLines += int(lines.size());
        if (fromStart)
            m_model->setLines(std::move(lines));
        else
            m_model->appendLines(std::move(lines));
        if (follow)
            m_table->scrollToBottom();
        m_settled = true;
        updateCounts();
        updateHistogram();
        updateStatus();
        emit settled();
    });
    auto *open = new QShortcut(QKeySequence::Open, this);
    connect(open, &QShortcut::activated, m_openFile, &QPushButton::click);

    m_filter->setObjectName(QStringLiteral("logFilter"));
    m_filter->setPlaceholderText(tr("Filter the lines shown (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_regex->setObjectName(QStringLiteral("regex"));
    m_case->setObjectName(QStringLiteral("matchCase"));
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_regex);
    filterRow->addWidget(m_case);
    for (const auto level : kLevels) {
        auto *button = new QToolButton(this);
        button->setCheckable(true);
        button->setChecked(true);
        button->setObjectName(QStringLiteral("level-") + (logs::levelName(level).isEmpty() ? QStringLiteral("Other")
                                                                                          : logs::levelName(level)));
        button->setToolTip(tr("Show or hide these lines"));
        connect(button, &QToolButton::toggled, this, [this, level](bool shown) {
            m_proxy->setLevelShown(level, shown);
            if (level == LogLevel::Error)
                m_proxy->setLevelShown(LogLevel::Fatal, shown);
            if (level == LogLevel::Debug)
                m_proxy->setLevelShown(LogLevel::Verbose, shown);
            updateStatus();
        });
        m_levelButtons.append(button);
        filterRow->addWidget(button);
    }

    m_table->setObjectName(QStringLiteral("logTable"));
    m_table->setModel(m_proxy);
    m_emptyNote = new EmptyNote(m_table);
    m_highlight = new HighlightDelegate(m_table);
    m_table->setItemDelegateForColumn(LogModel::Message, m_highlight);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 4);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(LogModel::Time, m_table->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00 00:00:00.000")) + 16);
    m_table->setColumnWidth(LogModel::Level, m_table->fontMetrics().horizontalAdvance(QStringLiteral("Information")) + 16);
    m_table->setColumnWidth(LogModel::Source, m_table->fontMetrics().horizontalAdvance(QStringLiteral("AlpacaStreamingService")) + 16);
    m_details->setObjectName(QStringLiteral("logDetails"));
    m_details->setOpenLinks(false);
    m_details->setPlaceholderText(tr("Select a line to see all its properties and its exception."));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);

    m_newLines->setObjectName(QStringLiteral("newLines"));
    m_newLines->setVisible(false);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_newLines);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addLayout(queryRow);
    layout->addLayout(filterRow);
    m_histogram->setObjectName(QStringLiteral("volume"));
    m_histogram->setToolTip(tr("Lines over time by level: click a bar or drag over several to look at that time"));
    m_histogram->setKinds({{levelTitle(LogLevel::Error), LogModel::levelColor(LogLevel::Error)},
                           {levelTitle(LogLevel::Warning), LogModel::levelColor(LogLevel::Warning)},
                           {levelTitle(LogLevel::Information), LogModel::levelColor(LogLevel::Information)},
                           {levelTitle(LogLevel::Debug), LogModel::levelColor(LogLevel::Debug)},
                           {levelTitle(LogLevel::Unknown), QColor(0xb0b0b0)}});
    connect(m_histogram, &VolumeHistogram::rangeSelected, this, [this](qint64 from, qint64 to) {
        emit rangeRequested(QDateTime::fromMSecsSinceEpoch(from, Qt::UTC), QDateTime::fromMSecsSinceEpoch(to, Qt::UTC));
    });
    layout->addWidget(m_histogram);
    layout->addWidget(splitter, 1);
    layout->addLayout(statusRow);

    connect(m_run, &QPushButton::clicked, this, &LogsView::refresh);
    connect(m_queryEdit, &QLineEdit::returnPressed, this, &LogsView::refresh);
    connect(m_queryBox, &QComboBox::activated, this, [this](int index) {
        m_queryEdit->setText(m_queryBox->itemText(index));
        refresh();
    });
    connect(m_older, &QPushButton::clicked, this, &LogsView::loadOlder);
    connect(m_live, &QToolButton::toggled, this, &LogsView::setLive);
    connect(m_filter, &QLineEdit::textChanged, this, &LogsView::applyFilter);
    connect(m_regex, &QCheckBox::toggled, this, &LogsView::applyFilter);
    connect(m_case, &QCheckBox::toggled, this, &LogsView::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LogsView::showDetails);
    connect(m_newLines, &QPushButton::clicked, this, [this] {
        m_table->scrollToBottom();
        m_unseen = 0;
        updateStatus();
    });
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (m_unseen > 0 && atBottom()) {
            m_unseen = 0;
            updateStatus();
        }
        // Scrolled up to the first line: the page before it comes (not while one is on its way).
        if (value == 0 && m_lastScroll > 0 && !m_request && !m_file->isOpen() && !m_live->isChecked() &&
            m_model->rowCount() > 0)
            loadOlder();
        m_lastScroll = value;
    });
    connect(m_model, &LogModel::droppedCountChanged, this, &LogsView::updateStatus);
    connect(m_proxy, &LogFilterProxy::filtered, this, &LogsView::updateStatus);
    connect(m_tail, &LokiTail::entries, this, &LogsView::onTailEntries);
    connect(m_tail, &LokiTail::dropped, this, [this](const std::vector<DroppedEntry> &dropped) {
        if (!dropped.empty())
            m_model->appendGap(dropped.back().ns, quint32(dropped.size()));
    });
    connect(m_tail, &LokiTail::gap, this, [this](qint64 ns) { m_model->appendGap(ns, LogModel::kUnknownGap); });
    connect(m_tail, &LokiTail::stateChanged, this, &LogsView::updateStatus);
    connect(m_tail, &LokiTail::unreadable, this, [this](const Error &error) {
        m_tailWarning = error.message;
        updateStatus();
    });
    auto *rate = new QTimer(this);
    connect(rate, &QTimer::timeout, this, [this] {
        const auto seconds = std::max<double>(m_rateClock.restart() / 1000.0, 0.001);
        m_linesPerSecond = m_rateLines / seconds;
        m_rateLines = 0;
        updateCounts();
        if (m_live->isChecked())
            updateHistogram();
        updateStatus();
    });
    rate->start(1000);
    m_rateClock.start();

    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    auto *run = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(run, &QShortcut::activated, this, &LogsView::refresh);
    auto *live = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), this);
    connect(live, &QShortcut::activated, m_live, &QToolButton::toggle);
    createActions();
    updateCounts();
    updateStatus();
}

LogsView::~LogsView() = default;

void LogsView::createActions()
{
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copy = new QAction(tr("&Copy line"), m_table);
    copy->setObjectName(QStringLiteral("copyLine"));
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, [this] { QGuiApplication::clipboard()->setText(selectedLineText()); });
    auto *copyJson = new QAction(tr("Copy as &JSON"), m_table);
    copyJson->setObjectName(QStringLiteral("copyJson"));
    copyJson->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyJson->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copyJson, &QAction::triggered, this, [this] { QGuiApplication::clipboard()->setText(selectedLineJson()); });
    auto *exportAction = new QAction(tr("&Export the lines shown…"), m_table);
    exportAction->setObjectName(QStringLiteral("exportLines"));
    connect(exportAction, &QAction::triggered, this, [this] {
        QString filter;
        const auto path = QFileDialog::getSaveFileName(this, tr("Export the lines shown"), QStringLiteral("logs.jsonl"),
                                                       tr("JSON lines (*.jsonl);;CSV (*.csv)"), &filter);
        QString error;
        if (!path.isEmpty() && !exportVisible(path, &error))
            QMessageBox::warning(this, tr("Export"), error);
    });
    auto *metrics = new QAction(tr("Show &metrics at this time"), m_table);
    metrics->setObjectName(QStringLiteral("metricsAtTime"));
    connect(metrics, &QAction::triggered, this, [this] {
        const auto current = m_proxy->mapToSource(m_table->currentIndex());
        if (current.isValid())
            emit metricsRequested(loki::fromNanos(m_model->line(current.row()).ns));
    });
    auto *context = new QAction(tr("Show con&text"), m_table);
    context->setObjectName(QStringLiteral("showContext"));
    context->setToolTip(tr("The lines before and after this one from the same stream"));
    connect(context, &QAction::triggered, this, &LogsView::showContext);
    m_table->addActions({copy, copyJson, context, metrics, exportAction});
}

void LogsView::setHistory(const QStringList &queries)
{
    m_history = queries.mid(0, 50);
    const auto text = m_queryEdit->text();
    m_queryBox->clear();
    m_queryBox->addItems(m_history);
    m_queryEdit->setText(text);
}

void LogsView::remember(const QString &logql)
{
    if (logql.isEmpty() || (!m_history.isEmpty() && m_history.first() == logql))
        return;
    m_history.removeAll(logql);
    m_history.prepend(logql);
    m_history = m_history.mid(0, 50);
    setHistory(m_history);
    emit historyChanged(m_history);
}

void LogsView::fillLabelMenu(QMenu *menu)
{
    menu->clear();
    if (!m_client) {
        menu->addAction(tr("No Loki in this profile"))->setEnabled(false);
        return;
    }
    auto *waiting = menu->addAction(tr("Asking Loki…"));
    waiting->setEnabled(false);
    const auto now = QDateTime::currentDateTimeUtc();
    const auto start = loki::toNanos(m_range.from(now));
    const auto end = loki::toNanos(m_range.to(now));
    m_client->labels({}, start, end, menu, [this, menu, start, end](const Result<QStringList> &labels) {
        menu->clear();
        if (!labels) {
            menu->addAction(tr("Loki: %1").arg(labels.error().message))->setEnabled(false);
            return;
        }
        for (const auto &label : labels.value()) {
            if (label.startsWith(QLatin1String("__")))
                continue;
            auto *sub = menu->addMenu(label);
            connect(sub, &QMenu::aboutToShow, this, [this, sub, label, start, end] {
                if (!sub->isEmpty())
                    return;
                sub->addAction(tr("Asking Loki…"))->setEnabled(false);
                m_client->labelValues(label, {}, start, end, sub, [this, sub, label](const Result<QStringList> &values) {
                    sub->clear();
                    if (!values) {
                        sub->addAction(tr("Loki: %1").arg(values.error().message))->setEnabled(false);
                        return;
                    }
                    sub->addAction(tr("Any value (remove)"), this, [this, label] {
                        setQuery(withStreamMatcher(query(), label, {}));
                        refresh();
                    });
                    sub->addSeparator();
                    for (const auto &value : values.value())
                        sub->addAction(value, this, [this, label, value] {
                            setQuery(withStreamMatcher(query(), label, value));
                            refresh();
                        });
                });
            });
        }
        if (menu->isEmpty())
            menu->addAction(tr("Loki has no labels in this time range"))->setEnabled(false);
    });
}

void LogsView::openFile(const QString &path)
{
    setLive(false);
    if (m_request && m_client)
        m_client->cancel(m_request);
    m_request = 0;
    m_model->clear();
    m_error.clear();
    m_settled = false;
    for (QWidget *w : std::initializer_list<QWidget *>{m_queryBox, m_labels, m_direction, m_limit, m_run, m_older, m_live})
        w->setEnabled(false);
    m_closeFile->setVisible(true);
    m_file->open(path);
    updateStatus();
}

void LogsView::closeFile()
{
    m_file->close();
    for (QWidget *w : std::initializer_list<QWidget *>{m_queryBox, m_labels, m_direction, m_limit, m_run, m_older, m_live})
        w->setEnabled(true);
    m_closeFile->setVisible(false);
    m_model->clear();
    refresh();
}

QString LogsView::filePath() const
{
    return m_file->path();
}

void LogsView::showContext()
{
    const auto current = m_proxy->mapToSource(m_table->currentIndex());
    if (!current.isValid() || !m_client || m_file->isOpen() || m_model->line(current.row()).gap > 0)
        return;
    const auto &line = m_model->line(current.row());
    const auto labels = m_model->streams().value(line.stream);
    QStringList matchers;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        matchers.append(labelMatcher(it.key(), QStringLiteral("="), it.value()));
    const auto selector = QLatin1Char('{') + matchers.join(QStringLiteral(", ")) + QLatin1Char('}');

    delete m_contextDialog;
    m_contextDialog = new QDialog(this);
    m_contextDialog->setObjectName(QStringLiteral("contextDialog"));
    m_contextDialog->setWindowTitle(tr("Context of the line at %1")
                                        .arg(m_model->index(current.row(), LogModel::Time).data().toString()));
    auto *model = new LogModel(m_contextDialog);
    auto *table = new QTableView(m_contextDialog);
    table->setObjectName(QStringLiteral("contextTable"));
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setColumnWidth(LogModel::Time, m_table->columnWidth(LogModel::Time));
    table->setColumnWidth(LogModel::Level, m_table->columnWidth(LogModel::Level));
    table->setColumnWidth(LogModel::Source, m_table->columnWidth(LogModel::Source));
    auto *status = new QLabel(tr("Asking Loki for the lines around it in %1…").arg(selector), m_contextDialog);
    status->setWordWrap(true);
    auto *layout = new QVBoxLayout(m_contextDialog);
    layout->addWidget(status);
    layout->addWidget(table, 1);
    m_contextDialog->resize(width() * 9 / 10, height() * 2 / 3);
    m_contextDialog->show();

    // Twenty before (newest first from the line back) and twenty after (oldest first from it on).
    const auto ns = line.ns;
    const auto self = m_model->text(current.row());
    struct Halves
    {
        std::vector<LogLine> lines;
        int answered = 0;
        QString error;
    };
    auto halves = std::make_shared<Halves>();
    const auto take = [this, model, table, status, halves, ns, self, selector](const Result<LokiResult> &result) {
        if (!result)
            halves->error = result.error().message;
        else
            for (const auto &stream : result->streams)
                for (const auto &e : stream.entries)
                    halves->lines.push_back(toLine(*model, stream.labels, e.ns, logs::exactUtf8(e.line)));
        if (++halves->answered < 2)
            return;
        std::sort(halves->lines.begin(), halves->lines.end(), [](const LogLine &a, const LogLine &b) { return a.ns < b.ns; });
        model->setLines(std::move(halves->lines));
        int at = -1;
        for (int r = 0; r < model->rowCount() && at < 0; ++r)
            if (model->line(r).ns == ns && model->text(r) == self)
                at = r;
        if (at >= 0) {
            table->setCurrentIndex(model->index(at, 0));
            table->selectRow(at);
            table->scrollTo(model->index(at, 0), QAbstractItemView::PositionAtCenter);
        }
        status->setText(halves->error.isEmpty() ? tr("%1 lines of %2 around the selected one.").arg(model->rowCount()).arg(selector)
                                                : tr("Loki: %1").arg(halves->error));
    };
    LokiQuery before;
    before.logql = selector;
    before.startNs = ns - qint64(3600) * 1'000'000'000;
    before.endNs = ns + 1; // the line itself, and the ones at its very nanosecond
    before.limit = 21;
    before.direction = LokiQuery::Direction::Backward;
    m_client->queryRange(before, m_contextDialog, take);
    LokiQuery after = before;
    after.startNs = ns + 1;
    after.endNs = ns + qint64(3600) * 1'000'000'000;
    after.limit = 20;
    after.direction = LokiQuery::Direction::Forward;
    m_client->queryRange(after, m_contextDialog, take);
}

QString LogsView::selectedLineText() const
{
    const auto current = m_proxy->mapToSource(m_table->currentIndex());
    return current.isValid() ? m_model->index(current.row(), 0).data(LogModel::RawRole).toString() : QString();
}

static QJsonObject recordJson(const LogRecord &r)
{
    QJsonObject o{{QStringLiteral("timestamp"), loki::fromNanos(r.ns).toString(Qt::ISODateWithMs)},
                  {QStringLiteral("level"), logs::levelName(r.level)},
                  {QStringLiteral("sourceContext"), r.sourceContext},
                  {QStringLiteral("message"), r.message}};
    if (!r.properties.isEmpty())
        o.insert(QStringLiteral("properties"), r.properties);
    if (!r.exception.isEmpty())
        o.insert(QStringLiteral("exception"), r.exception);
    return o;
}

QString LogsView::selectedLineJson() const
{
    const auto current = m_proxy->mapToSource(m_table->currentIndex());
    if (!current.isValid() || m_model->line(current.row()).gap > 0)
        return {};
    return QString::fromUtf8(QJsonDocument(recordJson(m_model->record(current.row()))).toJson(QJsonDocument::Compact));
}

bool LogsView::exportVisible(const QString &path, QString *error) const
{
    const bool csv = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write “%1”: %2").arg(path, file.errorString());
        return false;
    }
    const auto quote = &csvField;
    if (csv)
        file.write("time,level,source,message,exception\n");
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const auto row = m_proxy->mapToSource(m_proxy->index(r, 0)).row();
        if (m_model->line(row).gap > 0)
            continue;
        const auto record = m_model->record(row);
        if (csv) {
            file.write(QStringLiteral("%1,%2,%3,%4,%5\n")
                           .arg(loki::fromNanos(record.ns).toString(Qt::ISODateWithMs), logs::levelName(record.level),
                                quote(record.sourceContext), quote(record.message), quote(record.exception))
                           .toUtf8());
        } else {
            file.write(QJsonDocument(recordJson(record)).toJson(QJsonDocument::Compact) + '\n');
        }
    }
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write “%1”: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void LogsView::setClient(LokiClient *client)
{
    m_client = client;
    m_tail->setQueryCheck(client);
}

void LogsView::setProfile(const Profile &profile)
{
    m_live->setChecked(false);
    m_tail->setProfile(profile);
    setUtc(profile.utc);
    m_model->clear();
    m_settled = false;
    updateStatus();
}

void LogsView::setUtc(bool utc)
{
    m_model->setUtc(utc);
    m_histogram->setUtc(utc);
}

QString LogsView::query() const
{
    return m_queryEdit->text().trimmed();
}

void LogsView::setQuery(const QString &logql)
{
    m_queryEdit->setText(logql);
}

void LogsView::setTimeRange(const TimeRange &range)
{
    m_range = range;
    m_windowFrom = {};
    m_windowTo = {};
    if (isVisible())
        refresh();
}

void LogsView::showWindow(const QDateTime &from, const QDateTime &to)
{
    m_windowFrom = from;
    m_windowTo = to;
    setLive(false);
    runQuery(loki::toNanos(from), loki::toNanos(to) + 1, false);
}

void LogsView::refresh()
{
    if (m_live->isChecked() || m_file->isOpen())
        return; // the tail, or the file being followed, keeps the view current
    if (m_windowFrom.isValid()) {
        runQuery(loki::toNanos(m_windowFrom), loki::toNanos(m_windowTo) + 1, false);
        return;
    }
    const auto now = QDateTime::currentDateTimeUtc();
    runQuery(loki::toNanos(m_range.from(now)), loki::toNanos(m_range.to(now)) + 1, false);
}

void LogsView::loadOlder()
{
    if (m_model->rowCount() == 0) {
        refresh();
        return;
    }
    const auto from = m_windowFrom.isValid() ? m_windowFrom : m_range.from(QDateTime::currentDateTimeUtc());
    // Everything before the oldest line shown, back to the start of the range; newest first.
    runQuery(loki::toNanos(from), m_oldestNs, true);
}

void LogsView::runQuery(qint64 startNs, qint64 endNs, bool older)
{
    if (!m_client)
        return;
    if (m_request)
        m_client->cancel(m_request);
    LokiQuery q;
    q.logql = query();
    q.startNs = startNs;
    q.endNs = endNs;
    q.limit = m_limit->value();
    q.direction = older ? LokiQuery::Direction::Backward : LokiQuery::Direction(m_direction->currentData().toInt());
    m_previousError = m_error; // said beside "Asking again" until the answer comes
    m_error.clear();
    m_settled = false;
    m_asking.start();
    m_request = m_client->queryRange(q, this, [this, older](const Result<LokiResult> &result) {
        m_request = 0;
        m_previousError.clear();
        m_settled = true;
        if (!result) {
            m_error = result.error().message;
            updateStatus();
            emit queried(false);
            emit settled();
            return;
        }
        takeResult(result.value(), older);
        remember(query());
        emit queried(true);
        emit settled();
    });
    updateStatus();
}

void LogsView::takeResult(const LokiResult &result, bool older)
{
    std::vector<LogLine> lines;
    lines.reserve(std::size_t(result.entryCount()));
    for (const auto &stream : result.streams)
        for (const auto &entry : stream.entries)
            lines.push_back(toLine(*m_model, stream.labels, entry.ns, logs::exactUtf8(entry.line)));
    std::stable_sort(lines.begin(), lines.end(), [](const LogLine &a, const LogLine &b) { return a.ns < b.ns; });
    if (older) {
        // Loki's end is exclusive, so the oldest line shown does not come again.
        m_model->prependLines(std::move(lines));
    } else {
        m_model->setLines(std::move(lines));
        m_table->scrollToBottom();
    }
    m_oldestNs = m_model->rowCount() > 0 ? m_model->line(0).ns : 0;
    m_older->setEnabled(m_model->rowCount() > 0);
    updateCounts();
    updateHistogram();
    updateStatus();
}

void LogsView::setLive(bool live)
{
    if (m_live->isChecked() != live) {
        m_live->setChecked(live); // comes back here through toggled
        return;
    }
    if (live) {
        m_windowFrom = {};
        m_windowTo = {};
        // From the newest line shown on, so the tail neither repeats nor leaves a hole.
        const auto last = m_model->rowCount() > 0 ? m_model->line(m_model->rowCount() - 1).ns + 1 : 0;
        m_tail->start(query(), last);
    } else {
        m_tail->stop();
    }
    updateStatus();
}

bool LogsView::isLive() const
{
    return m_live->isChecked();
}

bool LogsView::atBottom() const
{
    const auto *bar = m_table->verticalScrollBar();
    return bar->value() >= bar->maximum() - 2;
}

void LogsView::onTailEntries(const std::vector<TailEntry> &entries)
{
    m_tailWarning.clear(); // the tail reads again
    const bool follow = atBottom();
    std::vector<LogLine> lines;
    lines.reserve(entries.size());
    for (const auto &e : entries)
        lines.push_back(toLine(*m_model, e.labels, e.ns, logs::exactUtf8(e.line)));
    m_rateLines += int(lines.size());
    const int before = m_proxy->rowCount();
    m_model->appendLines(std::move(lines));
    // Follow the newest only while the user is at the bottom; otherwise count what came.
    if (follow)
        m_table->scrollToBottom();
    else
        m_unseen += std::max(0, m_proxy->rowCount() - before);
    m_older->setEnabled(m_model->rowCount() > 0);
    if (m_model->rowCount() > 0)
        m_oldestNs = m_model->line(0).ns;
    updateStatus();
}

void LogsView::applyFilter()
{
    QString error;
    if (!m_proxy->setPattern(m_filter->text(), m_regex->isChecked(), m_case->isChecked(), &error)) {
        m_filter->setStyleSheet(QStringLiteral("color: #c62828;"));
        m_filter->setToolTip(error);
        return;
    }
    m_filter->setStyleSheet({});
    m_filter->setToolTip({});
    m_highlight->setMatcher(m_proxy->matcher()); // what the filter matches, marked in the lines
    m_table->viewport()->update();
    updateStatus();
}

void LogsView::updateHistogram()
{
    // Sixty bars over the lines' time range (the query's window once they fill it).
    if (m_model->rowCount() == 0) {
        m_histogram->setCounts(0, 1, {});
        return;
    }
    const auto firstMs = m_model->line(0).ns / 1'000'000;
    const auto lastMs = m_model->line(m_model->rowCount() - 1).ns / 1'000'000 + 1;
    constexpr int kBars = 60;
    const double span = double(std::max<qint64>(lastMs - firstMs, 1)) / kBars;
    QList<QList<int>> counts(kBars, QList<int>(5, 0));
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const auto &line = m_model->line(row);
        if (line.gap > 0)
            continue;
        const int bar = std::clamp(int(double(line.ns / 1'000'000 - firstMs) / span), 0, kBars - 1);
        ++counts[bar][levelGroup(line.level)];
    }
    m_histogram->setCounts(firstMs, lastMs, counts);
}

void LogsView::updateCounts()
{
    // The model keeps the count of each level: no pass over the lines, once a second while live.
    QList<qsizetype> counts(int(std::size(kLevels)), 0);
    for (int level = int(LogLevel::Unknown); level <= int(LogLevel::Fatal); ++level)
        counts[levelGroup(LogLevel(level))] += m_model->levelCount(LogLevel(level));
    for (int i = 0; i < m_levelButtons.size(); ++i)
        m_levelButtons[i]->setText(tr("%1: %2").arg(levelTitle(kLevels[i])).arg(counts.at(i)));
}

QString LogsView::emptyNote() const
{
    if (m_proxy->rowCount() > 0)
        return {};
    if (m_model->rowCount() > 0)
        return m_proxy->isFiltering() ? tr("Filtering…")
                                      : tr("None of the %n line(s) matches the filter or the levels shown.", nullptr, int(m_model->rowCount()));
    if (m_request != 0)
        return m_file->isOpen() ? QString() : tr("Asking Loki…");
    if (!m_error.isEmpty())
        return m_file->isOpen() ? tr("No lines read: %1").arg(m_error) : tr("No lines: Loki did not answer (the status line below says why).");
    if (m_file->isOpen())
        return tr("No lines in %1 yet; new ones appear as they are written.").arg(m_file->path());
    return m_live->isChecked() ? tr("No lines in this time range for this query; new ones appear as they arrive.")
                               : tr("No lines in this time range for this query.");
}

QString LogsView::statusText() const
{
    return m_status->text();
}

void LogsView::updateStatus()
{
    QStringList parts;
    if (m_file->isOpen())
        parts.append(tr("Following %1").arg(m_file->path()));
    if (!m_error.isEmpty())
        parts.append(m_file->isOpen() ? m_error : tr("Loki: %1").arg(m_error));
    const bool overdue = m_request != 0 && m_asking.isValid() && m_asking.elapsed() >= kRequestOverdueMs;
    if (m_request != 0) {
        auto asking = overdue ? tr("Asking Loki… no answer for %n s", nullptr, int(m_asking.elapsed() / 1000)) : tr("Asking Loki…");
        if (!m_previousError.isEmpty())
            asking += QLatin1Char(' ') + tr("(last time: %1)").arg(m_previousError);
        parts.append(asking);
    }
    parts.append(tr("Lines shown: %1 of %2").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
    if (m_proxy->isFiltering())
        parts.append(tr("filtering…"));
    if (m_model->droppedCount() > 0)
        parts.append(tr("oldest let go for the %1-line limit: %2").arg(m_model->limit()).arg(m_model->droppedCount()));
    if (m_live->isChecked()) {
        switch (m_tail->state()) {
        case LokiTail::State::Live:
            parts.append(tr("live, %1 lines/s").arg(m_linesPerSecond, 0, 'f', 1));
            if (!m_tailWarning.isEmpty())
                parts.append(tr("a message of the tail was skipped: %1").arg(m_tailWarning));
            break;
        case LokiTail::State::Connecting:
            parts.append(tr("connecting the live tail…"));
            break;
        case LokiTail::State::Reconnecting:
            if (const auto ms = m_tail->nextAttemptInMs(); ms >= 0)
                parts.append(tr("live tail reconnecting — attempt %1, next in %2 s: %3")
                                 .arg(m_tail->attempt())
                                 .arg((ms + 999) / 1000)
                                 .arg(m_tail->message()));
            else
                parts.append(tr("live tail reconnecting: %1").arg(m_tail->message()));
            break;
        case LokiTail::State::Failed:
            parts.append(tr("live tail stopped: %1").arg(m_tail->message()));
            break;
        case LokiTail::State::Idle:
            break;
        }
    }
    m_status->setText(parts.join(QStringLiteral(" · ")));
    m_emptyNote->setNote(emptyNote());
    const bool wrong = !m_error.isEmpty() || !m_tailWarning.isEmpty() || overdue || (m_request != 0 && !m_previousError.isEmpty());
    // Set again on every tail batch, a style sheet would repolish the label each time.
    if (const auto sheet = wrong ? QStringLiteral("color: #c62828;") : QString(); m_status->styleSheet() != sheet)
        m_status->setStyleSheet(sheet);
    m_newLines->setVisible(m_unseen > 0);
    m_newLines->setText(tr("New lines: %1 ↓").arg(m_unseen));
}

void LogsView::showDetails()
{
    const auto current = m_proxy->mapToSource(m_table->currentIndex());
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const auto row = current.row();
    if (m_model->line(row).gap > 0) {
        m_details->setPlainText(tr("Loki could not deliver %n lines here (the tail fell behind).", nullptr,
                                   int(m_model->line(row).gap)));
        return;
    }
    const auto r = m_model->record(row);
    QString html = QStringLiteral("<p><b>%1</b></p>").arg(r.message.toHtmlEscaped());
    html += QStringLiteral("<table cellspacing=\"2\">");
    const auto add = [&](const QString &name, const QString &value) {
        html += QStringLiteral("<tr><td><i>%1</i></td><td>%2</td></tr>").arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    add(tr("source"), r.sourceContext);
    add(tr("stream"), m_model->index(row, 0).data(LogModel::StreamRole).toString());
    for (auto it = r.properties.begin(); it != r.properties.end(); ++it)
        add(it.key(), it.value().isString() ? it.value().toString()
                                            : QString::fromUtf8(QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact)).mid(1).chopped(1));
    html += QStringLiteral("</table>");
    if (!r.exception.isEmpty())
        html += QStringLiteral("<pre>%1</pre>").arg(r.exception.toHtmlEscaped());
    m_details->setHtml(html);
}

QJsonObject LogsView::snapshot() const
{
    auto json = ViewBase::snapshot();
    QJsonArray lines;
    const int first = std::max(0, m_proxy->rowCount() - 20);
    for (int r = first; r < m_proxy->rowCount(); ++r)
        lines.append(QJsonObject{{QStringLiteral("time"), m_proxy->index(r, LogModel::Time).data().toString()},
                                 {QStringLiteral("level"), m_proxy->index(r, LogModel::Level).data().toString()},
                                 {QStringLiteral("message"), m_proxy->index(r, LogModel::Message).data().toString()}});
    json.insert(QStringLiteral("panels"),
                QJsonArray{QJsonObject{{QStringLiteral("title"), tr("Lines")},
                                       {QStringLiteral("queries"), QJsonArray{query()}},
                                       {QStringLiteral("values"), lines}}});
    return json;
}

} // namespace wf
