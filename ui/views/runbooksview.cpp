#include "runbooksview.h"

#include "dashboards/panelformat.h"
#include "externallink.h"
#include "querychart.h"
#include "runbookbrowser.h"
#include "runbookindexmodel.h"
#include "runbooks/runbooklibrary.h"
#include "sources/prometheus/prometheusclient.h"

#include <QDesktopServices>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

namespace wf {
namespace {

constexpr int kMaxRows = 10;
const QSize kChartSize(560, 150);

QUrl chartUrl(int index)
{
    return QUrl(QStringLiteral("wf-chart:%1").arg(index));
}

// Text inside a Markdown code span: backticks would end it.
QString codeSpan(const QString &text)
{
    return u'`' + QString(text).replace(u'`', u'\'').replace(u'\n', u' ') + u'`';
}

} // namespace

RunbooksView::RunbooksView(RunbookLibrary *library, QWidget *parent)
    : ViewBase(ViewId::Runbooks, parent)
    , m_library(library)
    , m_index(new RunbookIndexModel(this))
    , m_proxy(new RunbookSearchProxy(this))
{
    m_proxy->setSourceModel(m_index);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("runbookSearch"));
    m_search->setPlaceholderText(tr("Search runbooks (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, m_search, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(find);
    connect(m_search, &QLineEdit::textChanged, this, &RunbooksView::search);

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("runbookIndex"));
    m_list->setModel(m_proxy);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        const auto slug = current.data(RunbookIndexModel::SlugRole).toString();
        if (!slug.isEmpty() && slug != m_current.slug)
            openRunbook(slug);
    });

    m_backButton = new QToolButton(this);
    m_backButton->setObjectName(QStringLiteral("runbookBack"));
    m_backButton->setText(tr("← Back"));
    m_backButton->setShortcut(QKeySequence::Back);
    m_backButton->setToolTip(tr("The runbook before (%1)").arg(QKeySequence(QKeySequence::Back).toString(QKeySequence::NativeText)));
    connect(m_backButton, &QToolButton::clicked, this, &RunbooksView::back);
    m_forwardButton = new QToolButton(this);
    m_forwardButton->setObjectName(QStringLiteral("runbookForward"));
    m_forwardButton->setText(tr("Forward →"));
    m_forwardButton->setShortcut(QKeySequence::Forward);
    m_forwardButton->setToolTip(tr("The runbook after (%1)").arg(QKeySequence(QKeySequence::Forward).toString(QKeySequence::NativeText)));
    connect(m_forwardButton, &QToolButton::clicked, this, &RunbooksView::forward);
    m_origin = new QLabel(this);
    m_origin->setObjectName(QStringLiteral("runbookOrigin"));
    m_origin->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_origin->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("runbookNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();

    m_browser = new RunbookBrowser(this);
    m_browser->setObjectName(QStringLiteral("runbookText"));
    connect(m_browser, &QTextBrowser::anchorClicked, this, &RunbooksView::onLink);
    connect(m_browser, &RunbookBrowser::resourceRefused, this, [this] {
        const auto n = int(m_browser->refusedResources().size());
        m_notice->setText(tr("Remote content was not loaded: runbooks never fetch it. Blocked: %n", nullptr, n));
        m_notice->show();
    });

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_list, 1);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_backButton);
    bar->addWidget(m_forwardButton);
    bar->addWidget(m_origin, 1);
    rightLayout->addLayout(bar);
    rightLayout->addWidget(m_notice);
    rightLayout->addWidget(m_browser, 1);
    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    m_confirm = [this](const QUrl &url) { return links::askToOpen(this, url); };
    connect(m_library, &RunbookLibrary::changed, this, &RunbooksView::onLibraryChanged);
    onLibraryChanged();
    // The index as wide as its longest title (within reason), the runbook the rest.
    split->setSizes({std::clamp(m_list->sizeHintForColumn(0) + 24, 220, 420), 900});
    if (!m_library->runbooks().isEmpty())
        openRunbook(m_library->runbooks().constFirst().slug);
    m_back.clear();
    updateNavigation();
}

bool RunbooksView::openRunbook(const QString &slug)
{
    if (!m_library->find(slug))
        return false;
    if (slug == m_current.slug)
        return true;
    if (!m_current.slug.isEmpty())
        m_back.append(m_current.slug);
    m_forward.clear();
    display(slug);
    return true;
}

void RunbooksView::back()
{
    if (m_back.isEmpty())
        return;
    m_forward.append(m_current.slug);
    display(m_back.takeLast());
}

void RunbooksView::forward()
{
    if (m_forward.isEmpty())
        return;
    m_back.append(m_current.slug);
    display(m_forward.takeLast());
}

void RunbooksView::display(const QString &slug)
{
    const auto book = m_library->find(slug);
    if (!book)
        return;
    for (const auto id : std::as_const(m_requests))
        if (m_prometheus)
            m_prometheus->cancel(id);
    m_requests.clear();
    m_outcomes.clear();
    m_current = *book;
    m_browser->clearRefused();
    m_notice->hide();
    const int row = m_index->rowOf(slug);
    const auto proxyIndex = m_proxy->mapFromSource(m_index->index(row));
    if (proxyIndex.isValid() && m_list->currentIndex() != proxyIndex) {
        QSignalBlocker block(m_list->selectionModel());
        m_list->setCurrentIndex(proxyIndex);
    }
    showOrigin(*book);
    render();
    m_browser->verticalScrollBar()->setValue(0);
    updateNavigation();
}

void RunbooksView::updateNavigation()
{
    m_backButton->setEnabled(!m_back.isEmpty());
    m_forwardButton->setEnabled(!m_forward.isEmpty());
}

void RunbooksView::search(const QString &words)
{
    if (m_search->text() != words)
        m_search->setText(words);
    m_proxy->setSearch(words);
    // The first match shows at once; the reader types until it is the one.
    if (!words.trimmed().isEmpty() && m_proxy->rowCount() > 0
        && !m_proxy->mapFromSource(m_index->index(m_index->rowOf(m_current.slug))).isValid())
        openRunbook(m_proxy->index(0, 0).data(RunbookIndexModel::SlugRole).toString());
    // The first place of the first word, selected and scrolled to.
    if (!words.trimmed().isEmpty()) {
        m_browser->moveCursor(QTextCursor::Start);
        m_browser->find(words.simplified().section(u' ', 0, 0));
    }
}

QStringList RunbooksView::visibleSlugs() const
{
    QStringList out;
    for (int i = 0; i < m_proxy->rowCount(); ++i)
        out.append(m_proxy->index(i, 0).data(RunbookIndexModel::SlugRole).toString());
    return out;
}

QString RunbooksView::augmentedMarkdown() const
{
    // The runbook as written, with each query's actions (and its result once run) after its block.
    auto lines = m_current.markdown.split(u'\n');
    for (auto q = m_current.queries.crbegin(); q != m_current.queries.crend(); ++q) {
        QStringList added{QString()};
        if (q->language == RunbookQuery::Language::LogQL) {
            added.append(QStringLiteral("[%1](wf:logs/%2)").arg(tr("Open in Logs"), QString::number(q->index)));
        } else {
            added.append(QStringLiteral("[▶ %1](wf:run/%3) · [%2](wf:explore/%3)")
                             .arg(tr("Run"), tr("Open in Explore"), QString::number(q->index)));
            if (const auto outcome = m_outcomes.constFind(q->index); outcome != m_outcomes.cend()) {
                added.append(QString());
                if (outcome->running)
                    added.append(u'_' + tr("Running…") + u'_');
                else if (!outcome->error.isEmpty())
                    added.append(QStringLiteral("**%1** %2").arg(tr("Error:"), codeSpan(outcome->error)));
                else
                    added.append(outcome->markdown.split(u'\n'));
                if (outcome->hasChart) {
                    added.append(QString());
                    added.append(QStringLiteral("![%1](%2)").arg(tr("chart"), chartUrl(q->index).toString()));
                }
            }
        }
        added.append(QString());
        for (auto &line : added)
            if (!line.isEmpty())
                line.prepend(q->indent);
        const int at = std::min(q->endLine + 1, int(lines.size()));
        for (int i = 0; i < added.size(); ++i)
            lines.insert(at + i, added.at(i));
    }
    return lines.join(u'\n');
}

void RunbooksView::render()
{
    const int scroll = m_browser->verticalScrollBar()->value();
    m_browser->document()->setMarkdown(augmentedMarkdown());
    // Code blocks on a tinted ground, as in any Markdown viewer.
    const auto tint = palette().color(QPalette::AlternateBase);
    for (auto block = m_browser->document()->begin(); block.isValid(); block = block.next()) {
        if (!block.blockFormat().hasProperty(QTextFormat::BlockCodeFence))
            continue;
        QTextCursor cursor(block);
        auto format = block.blockFormat();
        format.setBackground(tint);
        cursor.setBlockFormat(format);
    }
    m_browser->verticalScrollBar()->setValue(scroll);
}

QString RunbooksView::resultText(int index) const
{
    const auto outcome = m_outcomes.constFind(index);
    if (outcome == m_outcomes.cend())
        return {};
    if (outcome->running)
        return tr("Running…");
    return outcome->error.isEmpty() ? outcome->markdown : outcome->error;
}

void RunbooksView::runQuery(int index)
{
    if (index < 0 || index >= m_current.queries.size()
        || m_current.queries.at(index).language != RunbookQuery::Language::PromQL)
        return;
    if (!m_prometheus) {
        m_outcomes[index] = Outcome{false, tr("No Prometheus in this profile."), {}, false};
        render();
        return;
    }
    if (const auto old = m_requests.take(index))
        m_prometheus->cancel(old);
    m_outcomes[index] = Outcome{true, {}, {}, false};
    render();
    const auto slug = m_current.slug;
    m_requests[index] = m_prometheus->query(m_current.queries.at(index).text, {}, this,
                                            [this, index, slug](const Result<PromResult> &result) {
                                                if (slug == m_current.slug)
                                                    takeInstant(index, result);
                                            });
}

void RunbooksView::takeInstant(int index, const Result<PromResult> &result)
{
    m_requests.remove(index);
    auto &outcome = m_outcomes[index];
    outcome.running = false;
    if (!result.ok()) {
        const auto &e = result.error();
        outcome.error = e.apiError.isEmpty() ? e.message : e.apiError;
        render();
        emit queryAnswered(index);
        return;
    }
    const auto &value = result.value();
    QStringList md;
    switch (value.type) {
    case PromResult::Type::Scalar:
        md.append(QStringLiteral("**%1**").arg(dashboards::formatValue(value.scalar.value, Unit::None)));
        break;
    case PromResult::Type::String:
        md.append(codeSpan(value.text));
        break;
    case PromResult::Type::Vector:
    case PromResult::Type::Matrix:
        if (value.series.empty()) {
            md.append(u'_' + tr("No series: the expression has no value now.") + u'_');
            break;
        }
        md.append(QStringLiteral("| %1 | %2 |").arg(tr("Series"), tr("Value")));
        md.append(QStringLiteral("|---|---:|"));
        for (std::size_t i = 0; i < value.series.size() && i < kMaxRows; ++i) {
            const auto &s = value.series[i];
            const auto v = s.samples.empty() ? qQNaN() : s.samples.back().value;
            md.append(QStringLiteral("| %1 | %2 |")
                          .arg(codeSpan(dashboards::formatLegend({}, s.labels)), dashboards::formatValue(v, Unit::None)));
        }
        if (value.series.size() > kMaxRows)
            md.append(QString() + u'\n' + u'_' + tr("… and %n more series", nullptr, int(value.series.size() - kMaxRows)) + u'_');
        break;
    }
    for (const auto &w : value.warnings)
        md.append(QString() + u'\n' + u'_' + tr("Prometheus warns: %1").arg(w) + u'_');
    outcome.markdown = md.join(u'\n');
    render();
    emit queryAnswered(index);

    // The same expression over the app's time range, drawn small below its value.
    if (value.type != PromResult::Type::Vector || value.series.empty())
        return;
    const auto w = chartWindow(m_range, kChartSize.width() - 60, m_scrapeSeconds);
    const auto slug = m_current.slug;
    m_requests[index] = m_prometheus->queryRange(m_current.queries.at(index).text, w.from, w.to, double(w.stepSeconds),
                                                 this, [this, index, slug, w](const Result<PromResult> &r) {
                                                     if (slug == m_current.slug)
                                                         takeRange(index, r, w.fromMs(), w.toMs(), w.stepSeconds * 1000);
                                                 });
}

void RunbooksView::takeRange(int index, const Result<PromResult> &result, qint64 fromMs, qint64 toMs, qint64 stepMs)
{
    m_requests.remove(index);
    if (!result.ok() || result->series.empty())
        return; // the value above stands; a chart is a bonus
    m_browser->setImage(chartUrl(index), chartImage(chartLines(result.value()), fromMs, toMs, stepMs, kChartSize, m_utc));
    m_outcomes[index].hasChart = true;
    render();
}

void RunbooksView::onLink(const QUrl &url)
{
    if (url.scheme() == QLatin1String("wf")) {
        const auto action = url.path().section(u'/', 0, 0);
        bool ok = false;
        const int n = url.path().section(u'/', 1, 1).toInt(&ok);
        if (!ok || n < 0 || n >= m_current.queries.size())
            return;
        if (action == QLatin1String("run"))
            runQuery(n);
        else if (action == QLatin1String("explore"))
            emit exploreRequested(m_current.queries.at(n).text);
        else if (action == QLatin1String("logs"))
            emit logsRequested(m_current.queries.at(n).text);
        return;
    }
    if (const auto slug = runbooks::slugFromLink(url); !slug.isEmpty()) {
        if (!openRunbook(slug)) {
            m_notice->setText(tr("There is no runbook “%1”.").arg(slug));
            m_notice->show();
        }
        return;
    }
    if (url.scheme().isEmpty() && url.path().isEmpty() && url.hasFragment()) {
        m_browser->scrollToAnchor(url.fragment());
        return;
    }
    const auto scheme = url.scheme();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https") || scheme == QLatin1String("mailto")) {
        if (m_confirm && m_confirm(url)) {
            QDesktopServices::openUrl(url);
            emit externalLinkOpened(url);
        }
        return;
    }
    m_notice->setText(tr("Links of this kind are not opened: %1").arg(url.toDisplayString()));
    m_notice->show();
}

void RunbooksView::onLibraryChanged()
{
    m_index->setRunbooks(m_library->runbooks());
    if (!m_library->errors().isEmpty()) {
        m_notice->setText(m_library->errors().join(u'\n'));
        m_notice->show();
    }
    if (m_current.slug.isEmpty())
        return;
    const auto book = m_library->find(m_current.slug);
    if (!book) {
        // Its file went away and nothing embedded has that slug.
        m_current = {};
        m_browser->clear();
        m_origin->setText(tr("That runbook was removed from the folder."));
        return;
    }
    const bool sameQueries = book->queries.size() == m_current.queries.size();
    m_current = *book;
    if (!sameQueries)
        m_outcomes.clear();
    showOrigin(*book);
    render();
}

void RunbooksView::showOrigin(const Runbook &book)
{
    m_origin->setText(book.userProvided ? tr("From your runbook folder: %1").arg(book.origin)
                                        : tr("Embedded runbook “%1”").arg(book.slug));
}

QJsonObject RunbooksView::snapshot() const
{
    auto json = ViewBase::snapshot();
    json.insert(QStringLiteral("runbook"), m_current.slug);
    json.insert(QStringLiteral("runbooks"), int(m_library->runbooks().size()));
    json.insert(QStringLiteral("queries"), int(m_current.queries.size()));
    json.insert(QStringLiteral("refused"), int(m_browser->refusedResources().size()));
    return json;
}

} // namespace wf
