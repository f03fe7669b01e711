#pragma once

#include "domain/promqlsyntax.h"

#include <QPlainTextEdit>

#include <functional>
#include <optional>

class QCompleter;
class QStringListModel;

namespace wf {

class PromqlHighlighter;

// A PromQL editor: highlighting, completion of names, label names and label values (from whatever
// the provider knows, asked as the user types or on Ctrl+Space), the server's error marked where
// it points. Ctrl+Enter asks to run the query.
class QueryEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    // Answers the candidates for a completion (at once or later); a later answer for an older
    // question is dropped.
    using Provider = std::function<void(const promql::Completion &, std::function<void(const QStringList &)>)>;

    explicit QueryEditor(QWidget *parent = nullptr);

    void setCompletionProvider(Provider provider) { m_provider = std::move(provider); }
    QString query() const { return toPlainText(); }
    void setQuery(const QString &query);

    // Marks the character at offset (the end: the last character) with a wavy underline and the
    // message as its tooltip, until the text changes.
    void showError(int offset, const QString &message);
    void clearError();
    std::optional<int> errorOffset() const { return m_errorOffset; }

    // Function names coloured besides PromQL's (MetricsQL's on VictoriaMetrics).
    void setExtraFunctions(const QStringList &names);

    QCompleter *completer() const { return m_completer; }
    QStringList completions() const; // what the popup offers now
    // Completion at the cursor; explicit (Ctrl+Space): even with nothing typed.
    void complete(bool explicitRequest = true);

    QSize sizeHint() const override;

signals:
    void runRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    void insertCompletion(const QString &text);
    void showCandidates(const QStringList &candidates);

    PromqlHighlighter *m_highlighter;
    QCompleter *m_completer;
    QStringListModel *m_candidates;
    Provider m_provider;
    promql::Completion m_context;
    int m_generation = 0;
    std::optional<int> m_errorOffset;
    QString m_errorMessage;
};

} // namespace wf
