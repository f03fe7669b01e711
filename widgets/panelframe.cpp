#include "panelframe.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace wf {

PanelFrame::PanelFrame(const QString &title, QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_badge(new QLabel(this))
    , m_message(new QLabel(this))
    , m_layout(new QVBoxLayout(this))
{
    setFrameShape(QFrame::StyledPanel);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    auto font = m_title->font();
    font.setBold(true);
    m_title->setFont(font);
    m_title->setTextInteractionFlags(Qt::NoTextInteraction);
    m_badge->setVisible(false);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(m_title, 1);
    header->addWidget(m_badge);
    m_layout->setContentsMargins(8, 6, 8, 6);
    m_layout->setSpacing(4);
    m_layout->addLayout(header);
    m_layout->addWidget(m_message, 1);
    setState(State::Loading);
}

void PanelFrame::setContent(QWidget *content)
{
    m_content = content;
    content->setParent(this);
    m_layout->insertWidget(1, content, 1);
    setState(m_state, m_stateText);
}

void PanelFrame::setDescription(const QString &text)
{
    m_description = text;
    setAnsweredBy(m_answeredBy, m_filledFrom, m_filledPoints, m_heldBackSeconds);
}

void PanelFrame::setAnsweredBy(const QString &replica, const QString &filledFrom, int filledPoints, int heldBackSeconds)
{
    m_answeredBy = replica;
    m_filledFrom = filledFrom;
    m_filledPoints = filledPoints;
    m_heldBackSeconds = heldBackSeconds;
    QStringList lines;
    if (!m_description.isEmpty())
        lines.append(m_description);
    if (!replica.isEmpty())
        lines.append(tr("Answered by the replica %1: the first did not answer.").arg(replica));
    if (filledPoints > 0 && !filledFrom.isEmpty())
        lines.append(tr("%n point(s) filled in from the replica %1: the one that answered has a hole there (it was down).",
                        nullptr, filledPoints)
                         .arg(filledFrom));
    if (heldBackSeconds > 0)
        lines.append(tr("The chart ends %n second(s) before now: VictoriaMetrics shows points that new later "
                        "(its -search.latencyOffset). The values shown as now are current.",
                        nullptr, heldBackSeconds));
    m_title->setToolTip(lines.join(u'\n'));
}

QString PanelFrame::titleToolTip() const
{
    return m_title->toolTip();
}

QString PanelFrame::title() const
{
    return m_title->text();
}

void PanelFrame::setState(State state, const QString &text, const QString &details)
{
    // Every refresh of every panel comes here: a style sheet set again repolishes the widget (its
    // rules worked out anew, the style's caches filled again), so only what changed is set.
    const auto style = [](QWidget *w, const QString &sheet) {
        if (w->styleSheet() != sheet)
            w->setStyleSheet(sheet);
    };
    const auto tip = [](QWidget *w, const QString &text) {
        if (w->toolTip() != text)
            w->setToolTip(text);
    };
    m_state = state;
    m_stateText = text;
    const bool showContent = state == State::Ready || state == State::Stale;
    if (m_content)
        m_content->setVisible(showContent);
    m_message->setVisible(!showContent);
    switch (state) {
    case State::Loading:
        m_message->setText(tr("Loading…"));
        style(m_message, QStringLiteral("color: palette(mid);"));
        break;
    case State::Empty:
        m_message->setText(text.isEmpty() ? tr("No data") : text);
        style(m_message, QStringLiteral("color: palette(mid);"));
        break;
    case State::Error:
        m_message->setText(text);
        style(m_message, QStringLiteral("color: #c62828;"));
        break;
    case State::Ready:
    case State::Stale:
        break;
    }
    m_badge->setVisible(state == State::Stale || state == State::Error);
    m_badge->setText(state == State::Stale ? tr("stale") : tr("error"));
    style(m_badge, state == State::Stale ? QStringLiteral("background: #f9a825; color: black; border-radius: 3px; padding: 0 4px;")
                                         : QStringLiteral("background: #c62828; color: white; border-radius: 3px; padding: 0 4px;"));
    tip(m_badge, details.isEmpty() ? text : details);
    tip(m_message, details);
}

} // namespace wf
