#include "runbook.h"

#include <QRegularExpression>

#include <algorithm>

namespace wf {

QStringList Runbook::sections() const
{
    QStringList out;
    bool inFence = false;
    for (const auto &line : QStringView(markdown).split(u'\n')) {
        if (line.trimmed().startsWith(u"```"))
            inFence = !inFence;
        else if (!inFence && line.startsWith(u"## "))
            out.append(line.mid(3).trimmed().toString());
    }
    return out;
}

bool Runbook::contains(const QString &words) const
{
    const auto parts = words.simplified().split(u' ', Qt::SkipEmptyParts);
    return std::all_of(parts.cbegin(), parts.cend(), [this](const QString &w) {
        return title.contains(w, Qt::CaseInsensitive) || markdown.contains(w, Qt::CaseInsensitive)
            || slug.contains(w, Qt::CaseInsensitive);
    });
}

namespace runbooks {

QStringList requiredSections()
{
    return {QStringLiteral("Symptoms"),   QStringLiteral("Impact"),     QStringLiteral("Diagnosis"),
            QStringLiteral("Mitigation"), QStringLiteral("Escalation"), QStringLiteral("Verification")};
}

Runbook parse(const QString &slug, const QString &markdown)
{
    Runbook book;
    book.slug = slug;
    book.markdown = markdown;
    // CommonMark fences: ``` or ~~~ with an info string; the block ends at the same fence.
    QString fence;
    QString indent;
    // The open block's language when it is one a reader can run (a plain optional trips GCC 12's
    // maybe-uninitialized warning at -O2).
    RunbookQuery::Language language = RunbookQuery::Language::PromQL;
    bool runnable = false;
    QStringList body;
    const auto lines = markdown.split(u'\n');
    for (int n = 0; n < lines.size(); ++n) {
        const auto &raw = lines.at(n);
        const auto line = raw.trimmed();
        if (fence.isEmpty()) {
            if (line.startsWith(QLatin1String("```")) || line.startsWith(QLatin1String("~~~"))) {
                fence = line.left(3);
                indent = raw.left(raw.indexOf(fence));
                const auto info = line.mid(3).trimmed().section(u' ', 0, 0).toLower();
                runnable = info == QLatin1String("promql") || info == QLatin1String("logql");
                language = info == QLatin1String("logql") ? RunbookQuery::Language::LogQL : RunbookQuery::Language::PromQL;
                body.clear();
            } else if (book.title.isEmpty() && raw.startsWith(QLatin1String("# "))) {
                book.title = raw.mid(2).trimmed();
            }
            continue;
        }
        if (line == fence) {
            if (runnable) {
                const auto text = body.join(u'\n').trimmed();
                if (!text.isEmpty())
                    book.queries.append({language, text, int(book.queries.size()), n, indent});
            }
            fence.clear();
            continue;
        }
        body.append(raw);
    }
    if (book.title.isEmpty())
        book.title = slug;
    return book;
}

QString slugFromUrl(const QUrl &url)
{
    auto path = url.path(QUrl::FullyDecoded);
    while (path.endsWith(u'/'))
        path.chop(1);
    auto slug = path.section(u'/', -1);
    if (slug.endsWith(QLatin1String(".md"), Qt::CaseInsensitive))
        slug.chop(3);
    return slug;
}

QString slugFromLink(const QUrl &link)
{
    if (link.scheme() == QLatin1String("runbook"))
        return link.path();
    if (!link.scheme().isEmpty() || !link.host().isEmpty())
        return {};
    const auto path = link.path(QUrl::FullyDecoded);
    if (!path.endsWith(QLatin1String(".md"), Qt::CaseInsensitive))
        return {};
    return slugFromUrl(link);
}

bool isValidSlug(const QString &slug)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
    return valid.match(slug).hasMatch();
}

} // namespace runbooks
} // namespace wf
