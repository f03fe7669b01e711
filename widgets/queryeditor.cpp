#include "queryeditor.h"

#include "domain/querytext.h"
#include "promqlhighlighter.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QScrollBar>
#include <QStringListModel>
#include <QToolTip>

namespace wf {

QueryEditor::QueryEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new PromqlHighlighter(document()))
    , m_completer(new QCompleter(this))
    , m_candidates(new QStringListModel(this))
{
    setObjectName(QStringLiteral("queryEditor"));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    setFont(mono);
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_completer->setModel(m_candidates);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setMaxVisibleItems(12);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &QueryEditor::insertCompletion);
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (m_errorOffset)
            clearError();
    });
}

void QueryEditor::setExtraFunctions(const QStringList &names)
{
    m_highlighter->setExtraFunctions(names);
}

void QueryEditor::setQuery(const QString &query)
{
    setPlainText(query);
    moveCursor(QTextCursor::End);
}

QSize QueryEditor::sizeHint() const
{
    return {600, fontMetrics().lineSpacing() * 4 + 12};
}

void QueryEditor::showError(int offset, const QString &message)
{
    offset = std::clamp(offset, 0, std::max(0, int(document()->characterCount()) - 2));
    m_errorOffset = offset;
    m_errorMessage = message;
    QTextEdit::ExtraSelection mark;
    mark.cursor = QTextCursor(document());
    mark.cursor.setPosition(offset);
    mark.cursor.movePosition(QTextCursor::NextCharacter, QTextCursor::KeepAnchor);
    mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    mark.format.setUnderlineColor(QColor(0xd0, 0x36, 0x2c));
    mark.format.setBackground(QColor(0xd0, 0x36, 0x2c, 40));
    mark.format.setToolTip(message);
    setExtraSelections({mark});
}

void QueryEditor::clearError()
{
    m_errorOffset.reset();
    m_errorMessage.clear();
    setExtraSelections({});
}

QStringList QueryEditor::completions() const
{
    QStringList out;
    auto *model = m_completer->completionModel();
    for (int i = 0; i < model->rowCount(); ++i)
        out.append(model->index(i, 0).data().toString());
    return out;
}

void QueryEditor::complete(bool explicitRequest)
{
    const auto context = promql::completionAt(toPlainText(), textCursor().position());
    const bool worthAsking = context.kind != promql::Completion::Kind::None
        && (explicitRequest || !context.prefix.isEmpty() || context.kind != promql::Completion::Kind::Name);
    if (!worthAsking || !m_provider) {
        m_completer->popup()->hide();
        return;
    }
    m_context = context;
    const int generation = ++m_generation;
    m_provider(context, [this, generation](const QStringList &candidates) {
        if (generation == m_generation)
            showCandidates(candidates);
    });
}

void QueryEditor::showCandidates(const QStringList &candidates)
{
    m_candidates->setStringList(candidates);
    m_completer->setCompletionPrefix(m_context.prefix);
    const bool exact = m_completer->completionCount() == 1 && m_completer->currentCompletion() == m_context.prefix;
    if (m_completer->completionCount() == 0 || exact) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    QRect rect = cursorRect();
    rect.setWidth(std::max(240, m_completer->popup()->sizeHintForColumn(0)
                                    + m_completer->popup()->verticalScrollBar()->sizeHint().width()));
    m_completer->complete(rect);
}

void QueryEditor::insertCompletion(const QString &text)
{
    auto cursor = textCursor();
    const int end = cursor.position();
    cursor.setPosition(std::min(m_context.start, end));
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    QString insert = text;
    if (m_context.kind == promql::Completion::Kind::LabelValue) {
        // Inside the quotes: the value as a string literal's content.
        insert = quoteString(text).mid(1).chopped(1);
    }
    cursor.insertText(insert);
    setTextCursor(cursor);
}

void QueryEditor::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore(); // the completer's popup takes them
            return;
        default:
            break;
        }
    }
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    if (ctrl && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        m_completer->popup()->hide();
        emit runRequested();
        return;
    }
    if (ctrl && event->key() == Qt::Key_Space) {
        complete(true);
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
    const auto typed = event->text();
    if (typed.isEmpty() || ctrl) {
        if (event->key() != Qt::Key_Backspace)
            return;
    }
    const QChar c = typed.isEmpty() ? QChar() : typed.back();
    if (c.isLetterOrNumber() || c == u'_' || c == u':' || c == u'{' || c == u',' || c == u'"'
        || event->key() == Qt::Key_Backspace)
        complete(false);
    else
        m_completer->popup()->hide();
}

bool QueryEditor::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_errorOffset) {
        auto *help = static_cast<QHelpEvent *>(event);
        QToolTip::showText(help->globalPos(), m_errorMessage, this);
        return true;
    }
    return QPlainTextEdit::event(event);
}

} // namespace wf
