#include "drillmenu.h"

#include "telemetry/logging.h"

#include <QLabel>
#include <QTimer>

namespace wf {
namespace {

constexpr int kDurations[] = {30, 60, 300, 900};

QString durationText(int seconds)
{
    switch (seconds) {
    case 30: return DrillMenu::tr("For 30 seconds");
    case 60: return DrillMenu::tr("For 1 minute");
    case 300: return DrillMenu::tr("For 5 minutes");
    case 900: return DrillMenu::tr("For 15 minutes");
    }
    return DrillMenu::tr("For %1 s").arg(seconds);
}

} // namespace

DrillMenu::~DrillMenu()
{
    // Found by LeakSanitizer: a menu never added to a window left its label behind.
    if (m_label && !m_label->parent())
        delete m_label;
}

DrillMenu::DrillMenu(QNetworkAccessManager *network, QWidget *parent)
    : QMenu(tr("&Drill"), parent)
    , m_client(network)
    , m_label(new QLabel)
    , m_poll(new QTimer(this))
{
    setObjectName(QStringLiteral("drillMenu"));
    setToolTipsVisible(true);
    for (const auto &kind : DrillClient::knownKinds()) {
        auto *sub = addMenu(DrillClient::kindLabel(kind));
        for (const int seconds : kDurations) {
            auto *action = sub->addAction(durationText(seconds));
            action->setObjectName(QStringLiteral("drill_%1_%2").arg(kind).arg(seconds));
            connect(action, &QAction::triggered, this, [this, kind, seconds] {
                logging::get("ui")->info("drill requested kind={} seconds={}", kind.toStdString(), seconds);
                m_client.inject(kind, seconds, this, [this](const Result<DrillStatus> &status) { showStatus(status); });
            });
        }
    }
    // Loki's routine restart: every live tail is closed as Loki closes them, then Loki is away
    // for a few seconds (the Logs view's tail reconnects by itself).
    auto *loki = addAction(tr("Restart &Loki (away 5 s)"), this, [this] {
        logging::get("ui")->info("drill requested kind=loki_restart seconds=5");
        m_client.restartLoki(5, this, [this](const Result<int> &closed) {
            if (!closed)
                showStatus(closed.error());
        });
    });
    loki->setObjectName(QStringLiteral("drill_loki_restart"));
    loki->setToolTip(tr("Closes every live tail with code 1011, as Loki does when it shuts down, and answers "
                        "“not ready” for five seconds."));
    addSeparator();
    m_clear = addAction(tr("&End all drills"), this, [this] {
        m_client.clear(this, [this](const Result<int> &cleared) {
            if (!cleared) {
                showStatus(cleared.error());
                return;
            }
            refresh();
        });
    });
    m_clear->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    addSeparator();
    m_activeHeader = addSection(tr("Drills in force"));

    m_label->setObjectName(QStringLiteral("drillStatus"));
    connect(this, &QMenu::aboutToShow, this, &DrillMenu::refresh);
    // While drills run, their time left counts down on the status bar.
    m_poll->setInterval(2000);
    connect(m_poll, &QTimer::timeout, this, &DrillMenu::refresh);
    rebuildActive();
}

void DrillMenu::setProfile(const Profile &profile)
{
    m_client.setProfile(profile);
    m_status = {};
    m_error.clear();
    refresh();
    m_poll->start();
}

QAction *DrillMenu::injectAction(const QString &kind, int seconds) const
{
    return findChild<QAction *>(QStringLiteral("drill_%1_%2").arg(kind).arg(seconds));
}

void DrillMenu::refresh()
{
    m_client.status(this, [this](const Result<DrillStatus> &status) { showStatus(status); });
}

void DrillMenu::showStatus(const Result<DrillStatus> &status)
{
    if (status) {
        m_status.active = status->active;
        if (!status->routerState.isEmpty())
            m_status.routerState = status->routerState;
        m_error.clear();
    } else {
        m_error = status.error().message;
    }
    rebuildActive();
    emit statusChanged();
}

void DrillMenu::rebuildActive()
{
    for (auto *a : std::as_const(m_activeItems)) {
        removeAction(a);
        a->deleteLater();
    }
    m_activeItems.clear();
    QStringList running;
    if (!m_error.isEmpty()) {
        auto *a = addAction(tr("Simulator not reachable at %1").arg(m_client.simulatorUrl().toString()));
        a->setToolTip(m_error);
        a->setEnabled(false);
        m_activeItems << a;
    } else if (m_status.active.isEmpty()) {
        auto *a = addAction(tr("None"));
        a->setEnabled(false);
        m_activeItems << a;
    }
    for (const auto &d : std::as_const(m_status.active)) {
        const auto text = tr("%1 — %2 s left").arg(DrillClient::kindLabel(d.kind)).arg(qRound(d.secondsLeft));
        auto *a = addAction(text);
        a->setEnabled(false);
        m_activeItems << a;
        running << text;
    }
    m_clear->setEnabled(!m_status.active.isEmpty());
    m_label->setText(running.isEmpty() ? QString() : tr("Drill: %1").arg(running.join(QStringLiteral("; "))));
    m_label->setVisible(!running.isEmpty());
}

} // namespace wf
