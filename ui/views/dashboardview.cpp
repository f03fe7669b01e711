#include "dashboardview.h"

#include "dashboardpanel.h"
#include "dashboards/grafanaexportflow.h"
#include "dashboards/queryplan.h"
#include "dashboards/queryscheduler.h"
#include "domain/routertimeline.h"
#include "sources/health/healthclient.h"
#include "sources/prometheus/prometheusclient.h"
#include "messagebar.h"
#include "panelframe.h"

#include <QAction>
#include <QCoreApplication>
#include <QGridLayout>
#include <QJsonArray>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QToolButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace wf {
namespace {

constexpr int kRowUnitPx = 96; // a stat tile; charts take two or more
constexpr int kGrafanaUnitPx = 30; // a unit of Grafana's gridPos height
constexpr auto kRouterStates = "datasource_router_state";
constexpr auto kRouterDurations = "datasource_router_state_duration_seconds";

} // namespace

DashboardView::DashboardView(ViewId id, const Dashboard &dashboard, QueryScheduler *scheduler,
                             RouterTimeline *timeline, QWidget *parent)
    : ViewBase(id, parent)
    , m_dashboard(dashboard)
    , m_scheduler(scheduler)
    , m_timeline(timeline)
{
    m_scheduler->setActive(this, false); // until shown
    connect(m_scheduler, &QueryScheduler::finished, this, [this](QObject *owner) {
        if (owner != this || m_settled)
            return;
        m_settled = true;
        emit settled();
        warmUp();
    });
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_outage = new MessageBar(tr("&Retry now"), this);
    m_outage->hide();
    outer->addWidget(m_outage);
    connect(m_outage, &MessageBar::actionTriggered, this, [this] {
        m_scheduler->retryNow();
        refresh();
    });
    m_overdue = new QTimer(this);
    m_overdue->setSingleShot(true);
    m_overdue->setTimerType(Qt::PreciseTimer);
    connect(m_overdue, &QTimer::timeout, this, &DashboardView::markOverdue);
    m_outageClock = new QTimer(this);
    m_outageClock->setInterval(1000);
    connect(m_outageClock, &QTimer::timeout, this, &DashboardView::updateOutage);
    connect(m_scheduler, &QueryScheduler::outageChanged, this, &DashboardView::updateOutage);
    build();
}

void DashboardView::updateOutage()
{
    const auto outage = m_scheduler->outage();
    m_outage->setVisible(outage.has_value());
    if (!outage) {
        m_outageClock->stop();
        return;
    }
    // What the panels still wait for will not come soon: what they show is marked stale now.
    for (auto *p : std::as_const(m_panels))
        if (p->usesPrometheus())
            p->markOverdue(tr("Prometheus is not answering"));
    const int seconds = int((m_scheduler->nextTryInMs() + 999) / 1000);
    m_outage->setText(seconds > 0 ? tr("Prometheus is not answering: %1 Next try in %n s.", nullptr, seconds).arg(outage->message)
                                  : tr("Prometheus is not answering: %1 Trying again…").arg(outage->message));
    if (!m_outageClock->isActive())
        m_outageClock->start();
}

void DashboardView::setDashboard(const Dashboard &dashboard)
{
    m_scheduler->forget(this);
    delete m_content; // the panels with it
    m_panels.clear();
    m_variableButtons.clear();
    m_bands.clear();
    m_dashboard = dashboard;
    build();
    refresh();
}

void DashboardView::addHeaderAction(QAction *action)
{
    m_headerActions.append(action);
    setDashboard(m_dashboard); // the top bar again, with its button
}

DashboardPanel *DashboardView::panel(const QString &id) const
{
    for (auto *p : m_panels)
        if (p->definition().id == id)
            return p;
    return nullptr;
}

void DashboardView::build()
{
    m_content = new QWidget(this);
    static_cast<QVBoxLayout *>(layout())->addWidget(m_content);
    auto *outer = new QVBoxLayout(m_content);
    outer->setContentsMargins(0, 0, 0, 0);
    if (!m_dashboard.variables.isEmpty() || !m_headerActions.isEmpty()) {
        auto *bar = new QHBoxLayout;
        bar->setContentsMargins(8, 6, 8, 0);
        for (const auto &variable : m_dashboard.variables) {
            const auto label = variable.label.isEmpty() ? variable.name
                                                        : QCoreApplication::translate("Dashboard", variable.label.toUtf8().constData());
            bar->addWidget(new QLabel(label + QLatin1Char(':'), m_content));
            auto *button = new QToolButton(m_content);
            button->setObjectName(QStringLiteral("variable-") + variable.name);
            button->setPopupMode(QToolButton::InstantPopup);
            button->setToolButtonStyle(Qt::ToolButtonTextOnly);
            button->setMinimumWidth(button->fontMetrics().horizontalAdvance(QStringLiteral("MMMMMMMM")));
            button->setMenu(new QMenu(button));
            button->setToolTip(tr("Choose the values the panels show; none chosen shows all."));
            m_variableButtons.insert(variable.name, button);
            bar->addWidget(button);
            updateVariableButton(variable.name);
        }
        bar->addStretch(1);
        for (auto *action : std::as_const(m_headerActions)) {
            auto *button = new QToolButton(m_content);
            button->setObjectName(QStringLiteral("header-") + action->objectName());
            button->setDefaultAction(action);
            button->setToolButtonStyle(Qt::ToolButtonTextOnly);
            button->setAutoRaise(true);
            bar->addWidget(button);
        }
        outer->addLayout(bar);
    }
    auto *scroll = new QScrollArea(m_content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *page = new QWidget(scroll);
    auto *grid = new QGridLayout(page);
    grid->setContentsMargins(8, 8, 8, 8);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(6);
    // 24 columns: a panel of our 12-column schema spans two; an imported one where Grafana had it.
    for (int c = 0; c < 24; ++c)
        grid->setColumnStretch(c, 1);

    int gridRow = 0;
    const auto add = [&](const Panel &definition, int row, int column, int rowSpan, int columnSpan, int minimumHeight) {
        auto *panel = new DashboardPanel(definition, page);
        panel->frame()->setMinimumHeight(minimumHeight);
        grid->addWidget(panel->frame(), row, column, rowSpan, columnSpan);
        m_panels.append(panel);
        connect(panel, &DashboardPanel::rangeSelected, this, &DashboardView::rangeRequested);
        connect(panel, &DashboardPanel::windowClicked, this, &DashboardView::logsRequested);
        connect(panel, &DashboardPanel::exploreRequested, this, &DashboardView::exploreRequested);
        connect(panel, &DashboardPanel::grafanaExportRequested, this, &DashboardView::exportForGrafana);
        connect(panel, &DashboardPanel::zoomOutRequested, this, &DashboardView::zoomOutRequested);
    };
    for (const auto &row : m_dashboard.rows) {
        if (!row.title.isEmpty()) {
            auto *heading = new QLabel(QCoreApplication::translate("Dashboard", row.title.toUtf8().constData()), page);
            auto font = heading->font();
            font.setBold(true); // bold only: the size follows the window's (wall mode's large type)
            heading->setFont(font);
            grid->addWidget(heading, gridRow++, 0, 1, 24);
        }
        const bool placed = !row.panels.isEmpty()
            && std::all_of(row.panels.cbegin(), row.panels.cend(), [](const Panel &p) { return p.grid.has_value(); });
        if (placed) {
            // Grafana's gridPos: one grid row per unit of 30 px (a panel's height includes the gaps).
            int bottom = 0;
            for (const auto &definition : row.panels) {
                const auto &g = *definition.grid;
                add(definition, gridRow + g.y, g.x, g.h, g.w, g.h * kGrafanaUnitPx - 6);
                bottom = std::max(bottom, g.y + g.h);
            }
            gridRow += bottom;
            continue;
        }
        int column = 0;
        int rowHeight = 1;
        for (const auto &definition : row.panels) {
            if (column + definition.width > 12) { // wrap
                gridRow += rowHeight;
                column = 0;
                rowHeight = 1;
            }
            add(definition, gridRow, column * 2, definition.height, definition.width * 2, definition.height * kRowUnitPx);
            column += definition.width;
            rowHeight = std::max(rowHeight, definition.height);
        }
        gridRow += rowHeight;
    }
    grid->setRowStretch(gridRow, 1);
    scroll->setWidget(page);
}

void DashboardView::setPrometheus(PrometheusClient *client)
{
    m_prometheus = client;
    m_valuesLoaded = {};
}

void DashboardView::setSelection(const QString &variable, const QStringList &values)
{
    m_selection.insert(variable, values);
    updateVariableButton(variable);
    m_valuesLoaded = {}; // the variables that follow this one are asked again
    refresh();
}

void DashboardView::loadVariableValues()
{
    if (!m_prometheus || m_dashboard.variables.isEmpty())
        return;
    const auto now = QDateTime::currentDateTimeUtc();
    if (m_valuesLoaded.isValid() && m_valuesLoaded.secsTo(now) < 300)
        return;
    m_valuesLoaded = now;
    // A variable's selector may name another (label_values(up{job=~"$job"}, instance)): asked
    // with that one's choice filled in, and again when it changes.
    QueryContext context;
    context.from = now.addSecs(-3600);
    context.to = now;
    context.scrapeSeconds = m_scrapeSeconds;
    for (const auto &variable : m_dashboard.variables)
        context.variables.insert(variable.name, m_selection.value(variable.name));
    for (const auto &variable : m_dashboard.variables) {
        const auto name = variable.name;
        if (!variable.values.isEmpty()) {
            m_values.insert(name, variable.values);
            updateVariableButton(name);
            continue;
        }
        const auto match = variable.metric.isEmpty() ? QStringList{}
                                                     : QStringList{queryplan::expand(variable.metric, context, m_scrapeSeconds)};
        m_prometheus->labelValues(variable.labelName, match, this,
                                  [this, name](const Result<QStringList> &values) {
                                      if (!values) {
                                          m_valuesLoaded = {}; // ask again next refresh
                                          return;
                                      }
                                      auto list = values.value();
                                      list.removeAll(QString());
                                      m_values.insert(name, list);
                                      updateVariableButton(name);
                                  });
    }
}

void DashboardView::updateVariableButton(const QString &variable)
{
    auto *button = m_variableButtons.value(variable);
    if (!button)
        return;
    const auto selected = m_selection.value(variable);
    button->setText(selected.isEmpty() ? tr("All") : selected.size() <= 3 ? selected.join(QStringLiteral(", "))
                                                                          : tr("%n selected", nullptr, int(selected.size())));
    auto *menu = button->menu();
    menu->clear();
    auto *all = menu->addAction(tr("All"));
    all->setCheckable(true);
    all->setChecked(selected.isEmpty());
    connect(all, &QAction::triggered, this, [this, variable] { setSelection(variable, {}); });
    menu->addSeparator();
    for (const auto &value : m_values.value(variable)) {
        auto *action = menu->addAction(value);
        action->setCheckable(true);
        action->setChecked(selected.contains(value));
        connect(action, &QAction::triggered, this, [this, variable, value](bool checked) {
            auto now = m_selection.value(variable);
            if (checked && !now.contains(value))
                now.append(value);
            else if (!checked)
                now.removeAll(value);
            setSelection(variable, now);
        });
    }
}

void DashboardView::setUtc(bool utc)
{
    for (auto *p : m_panels)
        p->setUtc(utc);
}

void DashboardView::setMarker(const QDateTime &at)
{
    m_marker = at;
    updateRouterPanels();
}

void DashboardView::setTimeRange(const TimeRange &range)
{
    m_range = range;
    refresh();
}

void DashboardView::refresh()
{
    const auto now = QDateTime::currentDateTimeUtc();
    m_from = m_range.from(now);
    m_to = m_range.to(now);
    QueryContext context;
    context.from = m_from;
    context.to = m_to;
    context.scrapeSeconds = m_scrapeSeconds;
    for (const auto &variable : m_dashboard.variables)
        context.variables.insert(variable.name, m_selection.value(variable.name));
    if (isVisible())
        loadVariableValues();

    QList<QueryKey> keys;
    for (auto *p : m_panels)
        keys += p->plan(context);
    {
        // Every view fetches the router's history: failovers are marked on all its charts.
        context.widthPx = 600;
        m_routerStateKey = queryplan::rangeKey(QString::fromLatin1(kRouterStates), context);
        m_routerDurationKey = queryplan::rangeKey(QString::fromLatin1(kRouterDurations), context);
        m_routerStep = m_routerStateKey.step;
        m_routerStates.reset();
        m_routerDurations.reset();
        keys << m_routerStateKey << m_routerDurationKey;
        updateRouterPanels();
    }
    m_settled = false;
    m_roundStarted.start();
    m_overdue->start(int(kRequestOverdueMs)); // said the moment the round has waited that long
    m_scheduler->refresh(this, keys, [this](const QueryKey &key, const Result<PromResult> &result) {
        deliver(key, result);
    });
}

void DashboardView::warmUp()
{
    // A Prometheus that has just started (its first scrape comes about 5 s after its start) or a
    // series that has just appeared answers empty: ask again a second later, not a refresh period
    // later, until every panel has its data once (for at most kWarmUps seconds).
    if (m_warmedUp || isComplete()) {
        m_warmedUp = true;
        return;
    }
    if (m_warmUps >= kWarmUps || m_scheduler->outage() || !isVisible())
        return;
    ++m_warmUps;
    QTimer::singleShot(1000, this, [this] {
        if (isVisible() && m_settled && !isComplete())
            refresh();
    });
}

void DashboardView::deliver(const QueryKey &key, const Result<PromResult> &result)
{
    if (key == m_routerStateKey || key == m_routerDurationKey) {
        if (result)
            (key == m_routerStateKey ? m_routerStates : m_routerDurations) = result.value();
        if (m_routerStates && m_routerDurations) {
            m_timeline->setHistory(*m_routerStates, *m_routerDurations, m_routerStep);
            updateRouterPanels();
        }
    }
    for (auto *p : m_panels)
        if (p->usesQueries())
            p->deliver(key, result);
}

void DashboardView::updateRouterPanels()
{
    if (!isVisible()) {
        m_routerDirty = true;
        return;
    }
    m_routerDirty = false;
    const auto now = QDateTime::currentDateTimeUtc();
    // A sliding range follows the clock between refreshes, so a new state shows at its true end.
    const auto to = m_range.isRelative() ? now : m_to;
    const auto from = m_range.isRelative() ? now.addSecs(-m_range.span().count()) : m_from;
    for (auto *p : m_panels)
        if (p->usesRouter())
            p->showRouter(*m_timeline, from, to);
    QList<TimeSeriesChart::Band> bands;
    for (const auto &f : m_timeline->failovers(from, to)) {
        TimeSeriesChart::Band band;
        band.fromMs = f.start.toMSecsSinceEpoch();
        band.toMs = (f.ongoing() ? now : f.end).toMSecsSinceEpoch();
        band.color = f.worst == RouterState::BothUnavailable ? DashboardPanel::namedColor(QStringLiteral("red"))
                                                             : DashboardPanel::namedColor(QStringLiteral("amber"));
        band.label = f.reason.isEmpty() ? tr("Failover") : tr("Failover: %1").arg(f.reason);
        bands.append(band);
    }
    if (m_marker.isValid()) {
        TimeSeriesChart::Band marker;
        marker.fromMs = marker.toMs = m_marker.toMSecsSinceEpoch();
        marker.color = DashboardPanel::namedColor(QStringLiteral("blue"));
        marker.label = tr("The log line's time");
        bands.append(marker);
    }
    if (bands == m_bands)
        return; // nothing new to mark: no repaint
    m_bands = bands;
    for (auto *p : m_panels)
        p->setFailoverBands(bands);
}

void DashboardView::refreshOnTimer()
{
    if (m_scheduler->waiting(this) > 0 && m_roundStarted.isValid()) {
        markOverdue();
        return;
    }
    refresh();
}

void DashboardView::markOverdue()
{
    if (m_scheduler->waiting(this) == 0 || !m_roundStarted.isValid())
        return;
    if (const auto waited = m_roundStarted.elapsed(); waited + kTimerSlackMs >= kRequestOverdueMs)
        for (auto *p : std::as_const(m_panels))
            if (p->usesQueries())
                p->markOverdue(p->usesLoki() ? tr("No answer from Loki for %n s", nullptr, int(waited / 1000))
                                             : tr("No answer from Prometheus for %n s", nullptr, int(waited / 1000)));
}

void DashboardView::showHealthSample(const HealthSample &sample)
{
    for (auto *p : m_panels)
        if (p->usesHealth() || p->showsHealthFact())
            p->showHealth(sample);
    updateRouterPanels();
}

void DashboardView::showEvent(QShowEvent *event)
{
    ViewBase::showEvent(event);
    m_scheduler->setActive(this, true);
    for (auto *p : m_panels)
        p->drawRoundTrips();
    loadVariableValues();
    if (m_routerDirty)
        updateRouterPanels();
}

void DashboardView::hideEvent(QHideEvent *event)
{
    ViewBase::hideEvent(event);
    m_scheduler->setActive(this, false);
}

bool DashboardView::isComplete() const
{
    return std::all_of(m_panels.cbegin(), m_panels.cend(), [](auto *p) {
        const auto state = p->frame()->state();
        // "No failover in this time range" is an answer; a bare "No data" is not (yet).
        return state == PanelFrame::State::Ready ||
               (state == PanelFrame::State::Empty && !p->frame()->stateText().isEmpty());
    });
}

void DashboardView::exportForGrafana()
{
    GrafanaExportFlow::run(this, m_dashboard);
}

QJsonObject DashboardView::snapshot() const
{
    auto json = ViewBase::snapshot();
    QJsonArray panels;
    for (auto *p : m_panels)
        panels.append(p->snapshot());
    json.insert(QStringLiteral("panels"), panels);
    json.insert(QStringLiteral("from"), m_from.toString(Qt::ISODate));
    json.insert(QStringLiteral("to"), m_to.toString(Qt::ISODate));
    json.insert(QStringLiteral("dashboard"), m_dashboard.id);
    if (m_dashboard.id != viewName(id())) { // a dashboard of its own (imported), not a view's
        json.insert(QStringLiteral("view"), m_dashboard.id);
        json.insert(QStringLiteral("title"), m_dashboard.title);
    }
    return json;
}

} // namespace wf
