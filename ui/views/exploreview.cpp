#include "exploreview.h"

#include "dashboards/dashboardwriter.h"
#include "dashboards/panelformat.h"
#include "domain/querytext.h"
#include "querychart.h"
#include "queryeditor.h"
#include "sources/prometheus/prometheusclient.h"
#include "timeserieschart.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>

namespace wf {
namespace {

constexpr int kNamesTtlSeconds = 60; // new metrics complete within a minute
constexpr int kMaxTableRows = 2000;

} // namespace

ExploreView::ExploreView(QWidget *parent)
    : ViewBase(ViewId::Explore, parent)
    , m_editor(new QueryEditor(this))
    , m_mode(new QComboBox(this))
    , m_run(new QPushButton(tr("&Run"), this))
    , m_historyButton(new QToolButton(this))
    , m_add(new QPushButton(tr("Add to &dashboard…"), this))
    , m_status(new QLabel(this))
    , m_results(new QStackedWidget(this))
    , m_table(new QTableWidget(this))
    , m_chart(new TimeSeriesChart(this))
{
    m_editor->setPlaceholderText(tr("PromQL, e.g. sum by (type) (rate(alpaca_messages_received_total[5m])) — "
                                    "Ctrl+Space completes, Ctrl+Enter runs"));
    m_editor->setCompletionProvider([this](const promql::Completion &c, std::function<void(const QStringList &)> answer) {
        provideCompletions(c, std::move(answer));
    });
    connect(m_editor, &QueryEditor::runRequested, this, &ExploreView::refresh);

    m_mode->setObjectName(QStringLiteral("exploreMode"));
    m_mode->addItem(tr("Chart (range)"), int(Mode::Range));
    m_mode->addItem(tr("Table (instant)"), int(Mode::Instant));
    m_mode->setToolTip(tr("Range: the query over the app's time range, as a chart. Instant: its value now, as a table."));
    connect(m_mode, &QComboBox::activated, this, [this] {
        if (!query().trimmed().isEmpty())
            refresh();
    });
    m_run->setObjectName(QStringLiteral("exploreRun"));
    m_run->setToolTip(tr("Run the query (Ctrl+Enter)"));
    connect(m_run, &QPushButton::clicked, this, &ExploreView::refresh);
    m_historyButton->setObjectName(QStringLiteral("exploreHistory"));
    m_historyButton->setText(tr("&History"));
    m_historyButton->setPopupMode(QToolButton::InstantPopup);
    auto *historyMenu = new QMenu(m_historyButton);
    m_historyButton->setMenu(historyMenu);
    connect(historyMenu, &QMenu::aboutToShow, this, [this, historyMenu] {
        historyMenu->clear();
        if (m_history.isEmpty())
            historyMenu->addAction(tr("No queries yet"))->setEnabled(false);
        for (const auto &q : std::as_const(m_history)) {
            const auto shown = q.simplified();
            historyMenu->addAction(shown.size() > 100 ? shown.left(97) + QStringLiteral("…") : shown, this, [this, q] {
                setQuery(q);
                refresh();
            });
        }
    });
    m_add->setObjectName(QStringLiteral("exploreAdd"));
    m_add->setToolTip(tr("Write this query as a panel into a view's dashboard in your dashboard folder"));
    connect(m_add, &QPushButton::clicked, this, &ExploreView::askAddToDashboard);
    m_status->setObjectName(QStringLiteral("exploreStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_table->setObjectName(QStringLiteral("exploreTable"));
    m_table->setColumnCount(2);
    m_table->setHorizontalHeaderLabels({tr("Series"), tr("Value")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_chart->setObjectName(QStringLiteral("exploreChart"));
    m_results->addWidget(m_chart);
    m_results->addWidget(m_table);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_mode);
    buttons->addWidget(m_run);
    buttons->addWidget(m_historyButton);
    buttons->addStretch(1);
    buttons->addWidget(m_add);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_editor);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_results, 1);
    m_status->setText(tr("Write a PromQL query and run it with Ctrl+Enter."));
}

void ExploreView::setPrometheus(PrometheusClient *client)
{
    m_prometheus = client;
    clearCompletionCache();
}

void ExploreView::setUtc(bool utc)
{
    m_chart->setUtc(utc);
}

QString ExploreView::query() const
{
    return m_editor->query();
}

void ExploreView::setQuery(const QString &promql)
{
    m_editor->setQuery(promql);
}

ExploreView::Mode ExploreView::mode() const
{
    return Mode(m_mode->currentData().toInt());
}

void ExploreView::setMode(Mode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
}

QString ExploreView::statusText() const
{
    return m_status->text();
}

void ExploreView::clearCompletionCache()
{
    m_names.clear();
    m_namesAt.clear();
}

void ExploreView::setTimeRange(const TimeRange &range)
{
    m_range = range;
    // A chart that answered follows the range (a zoom on a dashboard, a new preset).
    if (m_chartShown && mode() == Mode::Range && m_request == 0 && isVisible())
        refresh();
}

void ExploreView::refresh()
{
    const auto promql = query().trimmed();
    if (promql.isEmpty() || !m_prometheus)
        return;
    if (m_request)
        m_prometheus->cancel(m_request);
    m_editor->clearError();
    m_error.clear();
    m_settled = false;
    m_status->setText(tr("Running…"));
    const auto runMode = mode();
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    if (runMode == Mode::Instant) {
        m_request = m_prometheus->query(promql, {}, this, [this, clock](const Result<PromResult> &r) {
            takeResult(r, Mode::Instant, 0, 0, 0, clock->elapsed());
        });
        return;
    }
    const auto w = chartWindow(m_range, m_chart->plotWidth(), m_scrapeSeconds);
    m_request = m_prometheus->queryRange(promql, w.from, w.to, double(w.stepSeconds), this,
                                         [this, clock, w](const Result<PromResult> &r) {
                                             takeResult(r, Mode::Range, w.fromMs(), w.toMs(), w.stepSeconds * 1000,
                                                        clock->elapsed());
                                         });
}

void ExploreView::takeResult(const Result<PromResult> &result, Mode mode, qint64 fromMs, qint64 toMs, qint64 stepMs,
                             qint64 elapsedMs)
{
    m_request = 0;
    m_settled = true;
    if (!result.ok()) {
        if (result.error().kind == Error::Kind::Canceled)
            return;
        showError(result.error());
        emit settled();
        emit queried(false);
        return;
    }
    remember(query().trimmed());
    const auto &value = result.value();
    QString summary;
    if (mode == Mode::Range) {
        m_chart->setRange(fromMs, toMs);
        m_chart->setLines(chartLines(value), stepMs);
        m_results->setCurrentWidget(m_chart);
        m_chartShown = true;
        summary = tr("%n series", nullptr, int(value.series.size()));
    } else {
        m_table->setSortingEnabled(false);
        m_table->setRowCount(0);
        if (value.type == PromResult::Type::Scalar || value.type == PromResult::Type::String) {
            m_table->setRowCount(1);
            m_table->setItem(0, 0, new QTableWidgetItem(value.type == PromResult::Type::Scalar ? tr("scalar") : tr("string")));
            m_table->setItem(0, 1, new QTableWidgetItem(value.type == PromResult::Type::Scalar
                                                            ? dashboards::formatValue(value.scalar.value, Unit::None)
                                                            : value.text));
            summary = value.type == PromResult::Type::Scalar ? tr("a scalar") : tr("a string");
        } else {
            const int rows = int(std::min<std::size_t>(value.series.size(), kMaxTableRows));
            m_table->setRowCount(rows);
            for (int i = 0; i < rows; ++i) {
                const auto &s = value.series[std::size_t(i)];
                const double v = s.samples.empty() ? qQNaN() : s.samples.back().value;
                m_table->setItem(i, 0, new QTableWidgetItem(dashboards::formatLegend({}, s.labels)));
                auto *cell = new QTableWidgetItem;
                cell->setData(Qt::DisplayRole, v); // sorts as a number
                cell->setData(Qt::ToolTipRole, QString::number(v, 'g', 17));
                cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                m_table->setItem(i, 1, cell);
            }
            m_table->setSortingEnabled(true);
            summary = value.series.size() > std::size_t(rows)
                ? tr("%n series (the first %1 shown)", nullptr, int(value.series.size())).arg(rows)
                : tr("%n series", nullptr, int(value.series.size()));
        }
        m_results->setCurrentWidget(m_table);
        m_chartShown = false;
    }
    auto text = tr("%1 in %2 ms").arg(summary).arg(elapsedMs);
    for (const auto &w : value.warnings)
        text += u'\n' + tr("Prometheus warns: %1").arg(w);
    m_status->setStyleSheet({});
    m_status->setText(text);
    emit settled();
    emit queried(true);
}

void ExploreView::showError(const Error &error)
{
    if (error.kind == Error::Kind::Api && !error.apiError.isEmpty()) {
        m_error = promql::errorText(error.apiError);
        if (const auto pos = promql::errorPosition(error.apiError, query())) {
            m_editor->showError(pos->offset, m_error);
            m_error = tr("Line %1, column %2: %3").arg(pos->line).arg(pos->column).arg(m_error);
        }
    } else {
        m_error = error.message;
    }
    m_status->setStyleSheet(QStringLiteral("color: #d0362c"));
    m_status->setText(m_error);
}

void ExploreView::remember(const QString &promql)
{
    m_history.removeAll(promql);
    m_history.prepend(promql);
    m_history = m_history.mid(0, 50);
    emit historyChanged(m_history);
}

void ExploreView::provideCompletions(const promql::Completion &context, std::function<void(const QStringList &)> answer)
{
    using Kind = promql::Completion::Kind;
    QString key;
    QStringList extra;
    QStringList match;
    if (!context.metric.isEmpty() && !context.metric.at(0).isDigit())
        match.append(context.metric); // a name of [a-zA-Z0-9_:]: a valid series selector
    switch (context.kind) {
    case Kind::None:
        return;
    case Kind::Name:
        key = QString();
        extra = promql::functionNames() + promql::aggregationNames() + promql::keywords();
        if (m_prometheus && m_prometheus->server().kind == PromServer::Kind::VictoriaMetrics) {
            extra += promql::metricsqlFunctionNames(); // it answers MetricsQL
            m_editor->setExtraFunctions(promql::metricsqlFunctionNames());
        }
        break;
    case Kind::LabelName:
        key = QStringLiteral("l:") + context.metric;
        break;
    case Kind::LabelValue:
        if (!isValidLabelName(context.label))
            return;
        key = QStringLiteral("v:%1:%2").arg(context.label, context.metric);
        break;
    }
    const auto cached = m_names.constFind(key);
    if (cached != m_names.cend() && m_namesAt.value(key).secsTo(QDateTime::currentDateTimeUtc()) < kNamesTtlSeconds) {
        answer(*cached + extra);
        return;
    }
    if (!m_prometheus) {
        answer(extra);
        return;
    }
    auto store = [this, key, extra, answer](const Result<QStringList> &r) {
        if (!r.ok()) {
            answer(extra); // functions still complete with Prometheus away
            return;
        }
        auto names = r.value();
        names.removeAll(QStringLiteral("__name__"));
        m_names.insert(key, names);
        m_namesAt.insert(key, QDateTime::currentDateTimeUtc());
        answer(names + extra);
    };
    if (context.kind == Kind::Name)
        m_prometheus->labelValues(QStringLiteral("__name__"), {}, this, store);
    else if (context.kind == Kind::LabelName)
        m_prometheus->labels(match, this, store);
    else
        m_prometheus->labelValues(context.label, match, this, store);
}

bool ExploreView::addToDashboard(const QString &viewId, const QString &title, QString *error)
{
    const auto written = dashboards::appendPanel(m_dashboardFolder, viewId,
                                                 {title, query().trimmed(), mode() == Mode::Instant});
    if (!written.ok()) {
        *error = written.error().message;
        return false;
    }
    m_status->setStyleSheet({});
    m_status->setText(tr("Added to %1").arg(written.value()));
    emit dashboardsChanged();
    return true;
}

void ExploreView::askAddToDashboard()
{
    if (query().trimmed().isEmpty()) {
        m_status->setText(tr("Write a query first."));
        return;
    }
    if (m_dashboardFolder.isEmpty()) {
        const auto dir = QFileDialog::getExistingDirectory(this, tr("Choose a dashboard folder for this profile"));
        if (dir.isEmpty())
            return;
        m_dashboardFolder = dir;
        emit dashboardFolderChosen(dir);
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Add to dashboard"));
    auto *view = new QComboBox(&dialog);
    for (const auto id : {ViewId::Operations, ViewId::Performance, ViewId::Reliability, ViewId::Business})
        view->addItem(ViewBase::title(id), viewName(id));
    auto *title = new QLineEdit(query().simplified().left(60), &dialog);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("&View:"), view);
    form->addRow(tr("&Title:"), title);
    form->addRow(new QLabel(tr("The panel goes to the “Explore” row of %1.").arg(m_dashboardFolder), &dialog));
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(box);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!addToDashboard(view->currentData().toString(), title->text(), &error))
        QMessageBox::warning(this, tr("Add to dashboard"), tr("The panel was not added: %1").arg(error));
}

QJsonObject ExploreView::snapshot() const
{
    auto json = ViewBase::snapshot();
    json.insert(QStringLiteral("query"), query());
    json.insert(QStringLiteral("mode"), mode() == Mode::Range ? QStringLiteral("range") : QStringLiteral("instant"));
    json.insert(QStringLiteral("status"), statusText());
    json.insert(QStringLiteral("series"), mode() == Mode::Range ? int(m_chart->lines().size()) : m_table->rowCount());
    return json;
}

} // namespace wf
