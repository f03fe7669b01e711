#include "wallbanner.h"

#include "alerts/alertinbox.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include <algorithm>

namespace wf {

WallBanner::WallBanner(AlertInbox *inbox, QWidget *parent)
    : QFrame(parent)
    , m_inbox(inbox)
    , m_label(new QLabel(this))
    , m_ack(new QPushButton(tr("&Acknowledge…"), this))
{
    setObjectName(QStringLiteral("wallBanner"));
    setAutoFillBackground(true);
    auto pal = palette();
    pal.setColor(QPalette::Window, QColor(190, 30, 30));
    pal.setColor(QPalette::WindowText, Qt::white);
    setPalette(pal);
    auto font = m_label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.4);
    m_label->setFont(font);
    m_label->setWordWrap(true);
    // The alert's name and summary are the sender's text: plain, never rich (rich text would load
    // an <img> from anywhere — /dev/zero took the console to 10 GB — and style the banner).
    m_label->setTextFormat(Qt::PlainText);
    m_ack->setToolTip(tr("Acknowledge this alert (a silence in Alertmanager)"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 10, 16, 10);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_ack);
    connect(m_ack, &QPushButton::clicked, this, [this] {
        if (!m_fingerprint.isEmpty())
            emit acknowledgeRequested(m_fingerprint);
    });
    connect(m_inbox, &AlertInbox::updated, this, &WallBanner::showCritical);
    connect(m_inbox, &AlertInbox::ackChanged, this, &WallBanner::showCritical);
    hide();
}

void WallBanner::setOnWall(bool on)
{
    m_on = on;
    showCritical();
}

void WallBanner::showCritical()
{
    QList<const InboxAlert *> critical;
    for (const auto &a : m_inbox->alerts())
        if (a.state == InboxAlert::State::Firing && a.alert.labels.value(QStringLiteral("severity")) == u"critical")
            critical.append(&a);
    std::sort(critical.begin(), critical.end(),
              [](const InboxAlert *a, const InboxAlert *b) { return a->alert.startsAt < b->alert.startsAt; });
    m_fingerprint = critical.isEmpty() ? QString() : critical.first()->alert.fingerprint;
    if (!critical.isEmpty()) {
        const auto &alert = critical.first()->alert;
        const auto name = alert.labels.value(QStringLiteral("alertname"));
        const auto summary = alert.annotations.value(QStringLiteral("summary"));
        auto line = summary.isEmpty() ? tr("Critical: %1 since %2").arg(name, alert.startsAt.toLocalTime().toString(QStringLiteral("HH:mm")))
                                      : tr("Critical: %1 — %2 (since %3)")
                                            .arg(name, summary, alert.startsAt.toLocalTime().toString(QStringLiteral("HH:mm")));
        if (critical.size() > 1)
            line += u' ' + tr("and %n more", nullptr, int(critical.size() - 1));
        m_label->setText(line);
    } else {
        m_label->clear();
    }
    setVisible(m_on && !critical.isEmpty());
}

} // namespace wf
