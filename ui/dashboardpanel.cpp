#include "dashboardpanel.h"

#include "domain/routertimeline.h"
#include "panelframe.h"
#include "panels/panelkind.h"
#include "sources/health/healthclient.h"
#include "telemetry/startuptrace.h"

#include <QAction>
#include <QClipboard>
#include <QCoreApplication>
#include <QEvent>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QTimer>

#include <algorithm>

namespace wf {

DashboardPanel::DashboardPanel(const Panel &panel, QWidget *parent)
    : QObject(parent)
    , m_panel(panel)
    , m_frame(new PanelFrame(title(), parent))
{
    m_frame->setObjectName(QStringLiteral("panel-") + panel.id);
    if (!panel.description.isEmpty())
        m_frame->setDescription(QCoreApplication::translate("Dashboard", panel.description.toUtf8().constData()));
    m_kind = PanelKind::create(panel, m_frame, this);
    connect(m_kind, &PanelKind::rangeSelected, this, &DashboardPanel::rangeSelected);
    connect(m_kind, &PanelKind::zoomOutRequested, this, &DashboardPanel::zoomOutRequested);
    connect(m_kind, &PanelKind::windowClicked, this, &DashboardPanel::windowClicked);
    createActions();
}

void DashboardPanel::createActions()
{
    // Right-click on a panel (its frame shows its actions as the context menu).
    if (usesPrometheus()) {
        auto *copy = new QAction(tr("Copy query"), m_frame);
        copy->setObjectName(QStringLiteral("copyQuery"));
        connect(copy, &QAction::triggered, this, [this] { QGuiApplication::clipboard()->setText(queryText()); });
        m_frame->addAction(copy);
        // Each query as the panel ran it (variables filled in), in the Explore view.
        auto *explore = new QAction(tr("Open in Explore"), m_frame);
        explore->setObjectName(QStringLiteral("openInExplore"));
        if (m_panel.queries.size() == 1) {
            connect(explore, &QAction::triggered, this, [this] { emit exploreRequested(queryText()); });
        } else {
            auto *menu = new QMenu(m_frame);
            for (int i = 0; i < m_panel.queries.size(); ++i) {
                const auto &q = m_panel.queries.at(i);
                menu->addAction(q.legend.isEmpty() ? q.expr.left(60) : q.legend, this, [this, i] {
                    emit exploreRequested(m_kind->queryAsSent(i));
                });
            }
            explore->setMenu(menu);
        }
        m_frame->addAction(explore);
    }
    // Export: ask where, write, say so when it fails.
    const auto addExport = [this](const QString &name, const QString &text, const QString &caption,
                                  const QString &suffix, const QString &filter,
                                  bool (DashboardPanel::*write)(const QString &, QString *) const) {
        auto *action = new QAction(text, m_frame);
        action->setObjectName(name);
        connect(action, &QAction::triggered, this, [this, caption, suffix, filter, write, text] {
            const auto path = QFileDialog::getSaveFileName(m_frame, caption.arg(title()), m_panel.id + suffix, filter);
            QString error;
            if (!path.isEmpty() && !(this->*write)(path, &error))
                QMessageBox::warning(m_frame, QString(text).remove(QChar(u'…')), error);
        });
        m_frame->addAction(action);
    };
    addExport(QStringLiteral("exportCsv"), tr("Export CSV…"), tr("Export “%1” as CSV"), QStringLiteral(".csv"),
              tr("CSV files (*.csv)"), &DashboardPanel::exportCsv);
    addExport(QStringLiteral("exportPng"), tr("Export PNG…"), tr("Export “%1” as PNG"), QStringLiteral(".png"),
              tr("PNG images (*.png)"), &DashboardPanel::exportPng);
    auto *grafana = new QAction(tr("Export dashboard for Grafana…"), m_frame);
    grafana->setObjectName(QStringLiteral("exportGrafana"));
    grafana->setToolTip(tr("The whole dashboard as Grafana JSON (Grafana 9 to 11)"));
    connect(grafana, &QAction::triggered, this, &DashboardPanel::grafanaExportRequested);
    m_frame->addAction(grafana);
}

QString DashboardPanel::queryText() const
{
    QStringList lines;
    for (int i = 0; i < m_panel.queries.size(); ++i)
        lines.append(m_kind->queryAsSent(i));
    return lines.join(QLatin1Char('\n'));
}

QString DashboardPanel::csv() const
{
    const auto rows = m_kind->csvRows();
    if (rows.size() <= 1)
        return {};
    return rows.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

bool DashboardPanel::exportCsv(const QString &path, QString *error) const
{
    const auto text = csv();
    if (text.isEmpty()) {
        if (error)
            *error = tr("“%1” has no data to export yet.").arg(title());
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = tr("Cannot write “%1”: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool DashboardPanel::exportPng(const QString &path, QString *error) const
{
    if (!m_frame->grab().save(path, "PNG")) {
        if (error)
            *error = tr("Cannot write the image “%1”.").arg(path);
        return false;
    }
    return true;
}

QString DashboardPanel::title() const
{
    return QCoreApplication::translate("Dashboard", m_panel.title.toUtf8().constData());
}

QColor DashboardPanel::namedColor(const QString &name)
{
    return PanelKind::namedColor(name);
}

int DashboardPanel::plotWidth() const
{
    return m_kind->plotWidth();
}

void DashboardPanel::setUtc(bool utc)
{
    m_utc = utc;
    m_kind->setUtc(utc);
}

QList<QueryKey> DashboardPanel::plan(const QueryContext &context)
{
    return m_kind->plan(context);
}

void DashboardPanel::deliver(const QueryKey &key, const Result<PromResult> &result)
{
    if (!m_kind->deliver(key, result))
        return;
    // An HA pair: say which replica answered when it was not the first.
    QString replica, filledFrom;
    int filled = 0;
    int heldBack = 0;
    for (const auto &r : m_kind->requests()) {
        if (r.data)
            heldBack = std::max(heldBack, r.data->heldBackSeconds);
        if (r.data && !r.data->servedBy.isEmpty())
            replica = r.data->servedBy.toDisplayString();
        if (r.data && r.data->filledPoints > 0) {
            filledFrom = r.data->filledFrom.toDisplayString();
            filled += r.data->filledPoints;
        }
    }
    m_frame->setAnsweredBy(replica, filledFrom, filled, heldBack);
    render();
}

void DashboardPanel::markFirstPaint(bool fromPrometheus)
{
    // The cold-start trace: the first frames of the process that show data, any (the health
    // endpoint's may come first) and Prometheus'; once per process each.
    static bool markedAny = false, markedPrometheus = false;
    if (!m_frame->isVisible())
        return;
    if (!markedAny) {
        markedAny = true;
        m_firstPaintPhases << "first-data-painted";
    }
    if (fromPrometheus && !markedPrometheus) {
        markedPrometheus = true;
        m_firstPaintPhases << "first-prometheus-data-painted";
    }
    if (!m_firstPaintPhases.isEmpty())
        m_frame->installEventFilter(this);
}

bool DashboardPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_frame && event->type() == QEvent::Paint && !m_firstPaintPhases.isEmpty()) {
        m_frame->removeEventFilter(this);
        // After the frame's own painting.
        QTimer::singleShot(0, [phases = std::exchange(m_firstPaintPhases, {})] {
            for (const char *phase : phases)
                startup::mark(phase);
        });
    }
    return QObject::eventFilter(watched, event);
}

void DashboardPanel::render()
{
    // The frame's state from the answers (the same for every type); the type draws the data.
    QString error, notConfigured;
    bool unreachable = false;
    bool hadData = false;
    const auto &requests = m_kind->requests();
    for (const auto &r : requests) {
        if (r.error && r.error->kind == Error::Kind::NotConfigured) {
            notConfigured = r.error->message; // not an error: nothing to ask (the health may still paint)
        } else if (r.error) {
            error = r.error->message;
            // Said once for the whole view (its bar); a panel says it in a few words.
            unreachable = r.error->kind == Error::Kind::Network || r.error->kind == Error::Kind::Timeout
                || r.error->kind == Error::Kind::Tls || r.error->httpStatus >= 500;
        }
        hadData = hadData || r.data.has_value();
    }
    const auto painted = m_kind->paintsNow() ? PanelKind::Role::Now : PanelKind::Role::Series;
    // The value is the health endpoint's, polled just now and newer than anything Prometheus
    // answered: current whatever Prometheus says (only a sparkline is its last answer).
    const bool healthCurrent = m_kind->healthWins();
    const bool anyData = !m_kind->series(painted).isEmpty() || healthCurrent;
    if (!error.isEmpty() && !healthCurrent) {
        if (hadData)
            m_frame->setState(PanelFrame::State::Stale, tr("%1\nShowing the data of %2.")
                                                            .arg(error, PanelKind::timeText(m_kind->lastGood(), m_utc)));
        else if (unreachable)
            m_frame->setState(PanelFrame::State::Error, usesLoki() ? tr("No data: Loki unreachable") : tr("No data: Prometheus unreachable"), error);
        else
            m_frame->setState(PanelFrame::State::Error, error);
    } else if (!anyData) {
        const bool done = std::all_of(requests.cbegin(), requests.cend(), [](const auto &r) { return r.answered; });
        m_kind->forgetPainted();
        if (done && notConfigured.isEmpty() && m_kind->renderNoData()) {
            m_frame->setState(PanelFrame::State::Ready);
            return;
        }
        const auto noData = m_panel.noData.isEmpty()
            ? QString()
            : QCoreApplication::translate("Dashboard", m_panel.noData.toUtf8().constData());
        m_frame->setState(done ? PanelFrame::State::Empty : PanelFrame::State::Loading,
                          notConfigured.isEmpty() ? noData : notConfigured);
        return;
    } else {
        m_frame->setState(PanelFrame::State::Ready);
    }
    if (!anyData)
        return; // an error with nothing to show under it
    markFirstPaint(!m_kind->series(painted).isEmpty());
    m_kind->render();
}

void DashboardPanel::setFailoverBands(const QList<TimeSeriesChart::Band> &bands)
{
    m_kind->setFailoverBands(bands);
}

void DashboardPanel::showRouter(const RouterTimeline &timeline, const QDateTime &from, const QDateTime &to)
{
    m_kind->forgetPainted();
    if (!timeline.hasData()) {
        m_frame->setState(PanelFrame::State::Empty, tr("No router state yet: neither the health endpoint nor "
                                                       "Prometheus has answered."));
        return;
    }
    m_kind->showRouter(timeline, from, to);
}

void DashboardPanel::markOverdue(const QString &text)
{
    // A stale one already says why; a value the health endpoint gave just now is not late.
    if (m_frame->state() == PanelFrame::State::Ready && !m_kind->healthWins())
        m_frame->setState(PanelFrame::State::Stale, text);
}

void DashboardPanel::showHealth(const HealthSample &sample)
{
    if (m_panel.healthFact) {
        // A failed poll says nothing about the fact: Prometheus' value stands alone until the next.
        m_kind->setHealth(sample.report ? std::optional<HealthReport>(*sample.report) : std::nullopt);
        if (m_frame->isVisible())
            render();
        return;
    }
    m_kind->showHealth(sample);
}

void DashboardPanel::drawRoundTrips()
{
    m_kind->drawRoundTrips();
}

QJsonArray DashboardPanel::painted() const
{
    const auto state = m_frame->state();
    if (state != PanelFrame::State::Ready && state != PanelFrame::State::Stale)
        return {}; // a message is shown, not the content
    return m_kind->painted();
}

QJsonObject DashboardPanel::snapshot() const
{
    QJsonArray queries;
    for (int i = 0; i < m_panel.queries.size(); ++i)
        queries.append(m_kind->queryAsSent(i));
    const auto values = painted();
    QString state;
    switch (m_frame->state()) {
    case PanelFrame::State::Loading: state = QStringLiteral("loading"); break;
    case PanelFrame::State::Ready: state = QStringLiteral("ready"); break;
    case PanelFrame::State::Empty: state = QStringLiteral("empty"); break;
    case PanelFrame::State::Error: state = QStringLiteral("error"); break;
    case PanelFrame::State::Stale: state = QStringLiteral("stale"); break;
    }
    QJsonObject o{{QStringLiteral("id"), m_panel.id},
                  {QStringLiteral("title"), m_panel.title},
                  {QStringLiteral("type"), dashboards::panelTypeName(m_panel.type)},
                  {QStringLiteral("source"), m_panel.source},
                  {QStringLiteral("state"), state},
                  {QStringLiteral("queries"), queries},
                  {QStringLiteral("values"), values}};
    if (!m_frame->stateText().isEmpty())
        o.insert(QStringLiteral("error"), m_frame->stateText());
    return o;
}

} // namespace wf
