#include "dashboardlibrary.h"

#include "views/dashboardview.h"

#include <QListWidget>
#include <QStackedWidget>

#include <utility>

namespace wf {

DashboardLibrary::DashboardLibrary(QListWidget *navigation, QStackedWidget *stack, QueryScheduler *scheduler,
                                   RouterTimeline *timeline, QObject *parent)
    : QObject(parent)
    , m_navigation(navigation)
    , m_stack(stack)
    , m_scheduler(scheduler)
    , m_timeline(timeline)
    , m_firstRow(navigation->count())
{
}

DashboardLibrary::~DashboardLibrary()
{
    qDeleteAll(m_views); // before the scheduler they hand their requests back to
}

void DashboardLibrary::clear()
{
    while (m_navigation->count() > m_firstRow)
        delete m_navigation->takeItem(m_navigation->count() - 1);
    for (auto *view : std::as_const(m_views)) {
        m_stack->removeWidget(view);
        delete view;
    }
    m_views.clear();
}

void DashboardLibrary::setDashboards(const QList<Dashboard> &dashboards)
{
    QString shownId;
    if (auto *current = qobject_cast<DashboardView *>(m_stack->currentWidget()); current && m_views.contains(current))
        shownId = current->dashboard().id;
    clear();
    if (dashboards.isEmpty())
        return;
    const int rowHeight = m_navigation->fontMetrics().height() * 2;
    auto *heading = new QListWidgetItem(tr("Dashboards"), m_navigation);
    heading->setFlags(Qt::ItemIsEnabled); // a heading: not a place to go, drawn as text (not greyed)
    auto font = heading->font();
    font.setBold(true);
    heading->setFont(font);
    heading->setSizeHint(QSize(0, rowHeight));
    for (const auto &dashboard : dashboards) {
        auto *view = new DashboardView(ViewId::Operations, dashboard, m_scheduler, m_timeline, m_stack);
        view->setObjectName(QStringLiteral("dashboard-") + dashboard.id);
        view->setPrometheus(m_prometheus);
        view->setUtc(m_utc);
        view->setScrapeSeconds(m_scrapeSeconds);
        view->setTimeRange(m_range);
        connect(view, &DashboardView::rangeRequested, this, &DashboardLibrary::rangeRequested);
        connect(view, &DashboardView::logsRequested, this, &DashboardLibrary::logsRequested);
        connect(view, &DashboardView::zoomOutRequested, this, &DashboardLibrary::zoomOutRequested);
        connect(view, &DashboardView::exploreRequested, this, &DashboardLibrary::exploreRequested);
        m_stack->addWidget(view);
        m_views.append(view);
        auto *item = new QListWidgetItem(QStringLiteral("  ") + dashboard.title, m_navigation);
        item->setData(Qt::UserRole, dashboard.id);
        item->setToolTip(tr("%1 (%2.json in the dashboard folder)").arg(dashboard.title, dashboard.id));
        item->setSizeHint(QSize(0, rowHeight));
    }
    if (!shownId.isEmpty() && view(shownId))
        show(shownId);
}

void DashboardLibrary::configure(PrometheusClient *prometheus, bool utc, qint64 scrapeSeconds)
{
    m_prometheus = prometheus;
    m_utc = utc;
    m_scrapeSeconds = scrapeSeconds;
    for (auto *view : std::as_const(m_views)) {
        view->setPrometheus(prometheus);
        view->setUtc(utc);
        view->setScrapeSeconds(scrapeSeconds);
    }
}

void DashboardLibrary::setTimeRange(const TimeRange &range)
{
    m_range = range;
    for (auto *view : std::as_const(m_views))
        view->setTimeRange(range);
}

DashboardView *DashboardLibrary::view(const QString &id) const
{
    for (auto *view : m_views)
        if (view->dashboard().id == id)
            return view;
    return nullptr;
}

int DashboardLibrary::rowOf(const QString &id) const
{
    for (int i = 0; i < m_views.size(); ++i)
        if (m_views.at(i)->dashboard().id == id)
            return m_firstRow + 1 + i;
    return -1;
}

bool DashboardLibrary::showRow(int row)
{
    const int last = std::exchange(m_lastRow, row);
    if (row < m_firstRow)
        return false;
    if (row == m_firstRow) { // the heading, reached with the arrow keys: on to the next place that way
        m_navigation->setCurrentRow(last > row ? row - 1 : row + 1);
        return true;
    }
    const int index = row - m_firstRow - 1;
    if (index >= 0 && index < m_views.size())
        show(m_views.at(index)->dashboard().id);
    return true;
}

void DashboardLibrary::show(const QString &id)
{
    auto *v = view(id);
    if (!v)
        return;
    if (m_stack->currentWidget() != v) {
        m_stack->setCurrentWidget(v);
        v->refresh();
    }
    if (const int row = rowOf(id); m_navigation->currentRow() != row)
        m_navigation->setCurrentRow(row);
    emit shown(v->dashboard().title);
    applyDefaults(v->dashboard());
}

void DashboardLibrary::applyDefaults(const Dashboard &dashboard)
{
    // As Grafana opens a dashboard on its saved range and refresh, once: after that the window's
    // range is the user's, and coming back to the dashboard does not take it away.
    const auto key = (dashboard.time ? dashboard.time->toString() : QString()) + u'|' + QString::number(dashboard.refreshSeconds);
    if (m_defaultsApplied.value(dashboard.id) == key)
        return;
    m_defaultsApplied.insert(dashboard.id, key);
    if (dashboard.time && !(*dashboard.time == m_range))
        emit rangeDefault(*dashboard.time);
    if (dashboard.refreshSeconds > 0)
        emit refreshDefault(dashboard.refreshSeconds);
}

} // namespace wf
