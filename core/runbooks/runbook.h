#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace wf {

// A diagnosis step a runbook lets the reader run: a fenced ```promql or ```logql block.
struct RunbookQuery
{
    enum class Language { PromQL, LogQL };
    Language language = Language::PromQL;
    QString text;  // the block's content, without the fences, trimmed
    int index = 0; // the block's place among the runbook's queries, from 0
    int endLine = 0; // the line (from 0) of its closing fence: what a viewer adds goes after it
    QString indent;  // the fence's indentation: a block inside a list item, and what follows it, stay in the item
};

// One runbook: Markdown with a title (its first "# " heading), the six sections every runbook has,
// and its runnable queries.
struct Runbook
{
    QString slug;     // file name without ".md": what an alert's runbook_url ends with
    QString title;    // the first level-one heading; the slug when there is none
    QString markdown; // the whole text as written
    QString origin;   // ":/runbooks/x.md" for an embedded one, the file path for the user's own
    bool userProvided = false;
    QList<RunbookQuery> queries;

    // The "## " headings in order.
    QStringList sections() const;
    bool contains(const QString &words) const; // every word, case-insensitive, in the title or text
};

namespace runbooks {

// The sections every runbook has, in this order (the issue and the team's template).
QStringList requiredSections();
Runbook parse(const QString &slug, const QString &markdown);
// An alert's runbook_url → the slug: its last path segment without ".md"; empty when it has none.
QString slugFromUrl(const QUrl &url);
// A link inside a runbook that names another runbook ("failover-procedure.md", "escalation.md#x",
// "runbook:escalation") → its slug; empty for anything else (web links, anchors).
QString slugFromLink(const QUrl &link);
// True for a valid slug: lower-case letters, digits and dashes (file names we accept from a folder).
bool isValidSlug(const QString &slug);

} // namespace runbooks
} // namespace wf
