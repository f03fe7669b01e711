#include "environmentsview.h"

#include "environmentcard.h"
#include "environments/environmentmonitor.h"

#include <QEvent>
#include <QGridLayout>
#include <QJsonArray>
#include <QLabel>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace wf {
EnvironmentsView::EnvironmentsView(QNetworkAccessManager *network, QWidget *parent)
    : ViewBase(ViewId::Environments, parent)
    , m_network(network)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = m_scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *contentLayout = new QVBoxLayout(content);
    m_empty = new QLabel(tr("No profiles yet. Add one in Settings (Ctrl+,), or start demo environments with "
                            "“watchfloor --demo --environments 3”."),
                         content);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    contentLayout->addWidget(m_empty);
    m_grid = new QGridLayout;
    contentLayout->addLayout(m_grid);
    contentLayout->addStretch(1);
    scroll->setWidget(content);
    scroll->viewport()->installEventFilter(this); // the columns follow the width there is
    outer->addWidget(scroll);
}

EnvironmentsView::~EnvironmentsView() = default;

void EnvironmentsView::setProfiles(const QList<Profile> &profiles)
{
    // Unchanged: keep the monitors (and what they have learnt).
    if (profiles == this->profiles())
        return;
    qDeleteAll(m_cards);
    m_cards.clear();
    qDeleteAll(m_monitors);
    m_monitors.clear();
    for (const auto &profile : profiles) {
        auto *monitor = new EnvironmentMonitor(m_network, profile, this);
        auto *card = new EnvironmentCard(monitor, this);
        card->setUtc(m_utc);
        connect(monitor, &EnvironmentMonitor::changed, card, [this, card] {
            card->render();
            if (isSettled())
                emit settled();
        });
        connect(card, &EnvironmentCard::openRequested, this, [this, profile] { emit profileRequested(profile); });
        m_monitors.append(monitor);
        m_cards.append(card);
        if (isVisible())
            monitor->start(m_refreshMs);
    }
    m_empty->setVisible(profiles.isEmpty());
    m_columns = 0;
    layOut();
}

QList<Profile> EnvironmentsView::profiles() const
{
    QList<Profile> all;
    for (const auto *m : m_monitors)
        all.append(m->profile());
    return all;
}

void EnvironmentsView::setRefreshMs(int ms)
{
    if (ms == m_refreshMs)
        return;
    m_refreshMs = ms;
    if (isVisible())
        for (auto *m : m_monitors)
            m->start(m_refreshMs);
}

void EnvironmentsView::setUtc(bool utc)
{
    m_utc = utc;
    for (auto *card : m_cards)
        card->setUtc(utc);
}

void EnvironmentsView::refresh()
{
    for (auto *m : m_monitors)
        m->refresh();
}

bool EnvironmentsView::isSettled() const
{
    return std::all_of(m_monitors.cbegin(), m_monitors.cend(), [](const auto *m) { return m->isSettled(); });
}

bool EnvironmentsView::isComplete() const
{
    // Every environment with its state, alerts and availability (an error is settled, not complete).
    return std::all_of(m_monitors.cbegin(), m_monitors.cend(), [](const auto *m) {
        return m->timeline().hasData() && m->firing() && m->availability() && m->budgetLeft();
    });
}

QJsonObject EnvironmentsView::snapshot() const
{
    auto json = ViewBase::snapshot();
    QJsonArray environments;
    for (int i = 0; i < m_monitors.size(); ++i) {
        auto o = m_monitors[i]->snapshot();
        // As shown: what the card says, beside the data it was said from.
        o.insert(QStringLiteral("shown"), QJsonObject{{QStringLiteral("state"), m_cards[i]->stateText()},
                                                      {QStringLiteral("alerts"), m_cards[i]->alertsText()},
                                                      {QStringLiteral("availability"), m_cards[i]->availabilityText()}});
        environments.append(o);
    }
    json.insert(QStringLiteral("environments"), environments);
    return json;
}

void EnvironmentsView::showEvent(QShowEvent *event)
{
    ViewBase::showEvent(event);
    for (auto *m : m_monitors)
        if (!m->isRunning())
            m->start(m_refreshMs);
}

void EnvironmentsView::hideEvent(QHideEvent *event)
{
    ViewBase::hideEvent(event);
    for (auto *m : m_monitors) // nobody looks: nothing asked
        m->stop();
}

bool EnvironmentsView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize)
        layOut();
    return ViewBase::eventFilter(watched, event);
}

void EnvironmentsView::layOut()
{
    // As many columns as cards fit whole (a card narrower than its lights would clip them).
    int cardWidth = 1;
    for (const auto *card : m_cards)
        cardWidth = std::max(cardWidth, card->minimumSizeHint().width());
    const int spacing = std::max(0, m_grid->horizontalSpacing());
    const auto margins = m_grid->parentWidget() ? m_grid->parentWidget()->layout()->contentsMargins() : QMargins();
    const int available = m_scroll->viewport()->width() - margins.left() - margins.right();
    const int columns = std::clamp((available + spacing) / (cardWidth + spacing), 1, 4);
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (auto *card : m_cards)
        m_grid->removeWidget(card);
    for (int i = 0; i < m_cards.size(); ++i)
        m_grid->addWidget(m_cards[i], i / columns, i % columns);
    for (int c = 0; c < 4; ++c)
        m_grid->setColumnStretch(c, c < columns ? 1 : 0);
}

} // namespace wf
