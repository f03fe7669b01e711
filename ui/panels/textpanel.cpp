#include "textpanel.h"

#include "panelframe.h"

#include <QLabel>
#include <QTextBrowser>

namespace wf {

TextPanel::TextPanel(const Panel &panel, PanelFrame *frame, QObject *parent)
    : PanelKind(panel, frame, parent)
    , m_text(new QTextBrowser)
{
    m_text->setOpenExternalLinks(true);
    m_text->setFrameShape(QFrame::NoFrame);
    m_text->setMarkdown(panel.text);
    frame->setContent(m_text);
    frame->setState(PanelFrame::State::Ready);
}

QWidget *TextPanel::widget() const
{
    return m_text;
}

QJsonArray TextPanel::painted() const
{
    return {QJsonObject{{QStringLiteral("text"), m_text->toPlainText()}, {QStringLiteral("source"), QStringLiteral("none")}}};
}

UnsupportedPanel::UnsupportedPanel(const Panel &panel, PanelFrame *frame, QObject *parent)
    : PanelKind(panel, frame, parent)
    , m_label(new QLabel)
{
    m_label->setText(tr("Not shown: %1").arg(panel.text));
    m_label->setWordWrap(true);
    m_label->setAlignment(Qt::AlignCenter);
    m_label->setForegroundRole(QPalette::PlaceholderText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    frame->setContent(m_label);
    frame->setState(PanelFrame::State::Ready);
}

QWidget *UnsupportedPanel::widget() const
{
    return m_label;
}

QJsonArray UnsupportedPanel::painted() const
{
    return {QJsonObject{{QStringLiteral("text"), m_label->text()}, {QStringLiteral("unsupported"), true},
                        {QStringLiteral("source"), QStringLiteral("none")}}};
}

} // namespace wf
