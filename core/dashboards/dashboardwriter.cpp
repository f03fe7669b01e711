#include "dashboardwriter.h"

#include "dashboard.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace wf::dashboards {
namespace {

const QString kRowTitle = QStringLiteral("Explore");

Error writeError(const QString &message)
{
    return Error{Error::Kind::Parse, message, 0, {}, {}, {}};
}

} // namespace

Result<QString> appendPanel(const QString &folder, const QString &id, const NewPanel &panel)
{
    if (folder.isEmpty())
        return writeError(QStringLiteral("no dashboard folder is set for this profile"));
    if (!builtInIds().contains(id))
        return writeError(QStringLiteral("no view is called '%1'").arg(id));
    if (!QDir().mkpath(folder))
        return writeError(QStringLiteral("%1 cannot be created").arg(folder));
    const auto path = QDir(folder).filePath(id + QStringLiteral(".json"));
    QFile existing(QFile::exists(path) ? path : QStringLiteral(":/dashboards/%1.json").arg(id));
    if (!existing.open(QIODevice::ReadOnly))
        return writeError(QStringLiteral("%1 cannot be read: %2").arg(existing.fileName(), existing.errorString()));
    const auto before = existing.readAll();
    if (auto check = parse(before); !check.ok())
        return writeError(QStringLiteral("%1 is not a valid dashboard (%2); fix it first").arg(path, check.error().message));
    auto root = QJsonDocument::fromJson(before).object();

    auto rows = root.value(QStringLiteral("rows")).toArray();
    int rowIndex = -1;
    for (int i = 0; i < rows.size(); ++i)
        if (rows.at(i).toObject().value(QStringLiteral("title")).toString() == kRowTitle)
            rowIndex = i;
    if (rowIndex < 0) {
        rows.append(QJsonObject{{QStringLiteral("title"), kRowTitle}, {QStringLiteral("panels"), QJsonArray()}});
        rowIndex = int(rows.size()) - 1;
    }
    auto row = rows.at(rowIndex).toObject();
    auto panels = row.value(QStringLiteral("panels")).toArray();
    // A stable id that no panel of this dashboard has yet.
    QStringList ids;
    for (const auto &r : std::as_const(rows))
        for (const auto &p : r.toObject().value(QStringLiteral("panels")).toArray())
            ids.append(p.toObject().value(QStringLiteral("id")).toString());
    int n = 1;
    while (ids.contains(QStringLiteral("explore-%1").arg(n)))
        ++n;
    QJsonObject query{{QStringLiteral("expr"), panel.expr}};
    if (panel.instant)
        query.insert(QStringLiteral("instant"), true);
    panels.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("explore-%1").arg(n)},
                              {QStringLiteral("type"), panel.instant ? QStringLiteral("table") : QStringLiteral("timeseries")},
                              {QStringLiteral("title"), panel.title.trimmed().isEmpty() ? panel.expr.left(60) : panel.title.trimmed()},
                              {QStringLiteral("width"), 6},
                              {QStringLiteral("queries"), QJsonArray{query}}});
    row.insert(QStringLiteral("panels"), panels);
    rows.replace(rowIndex, row);
    root.insert(QStringLiteral("rows"), rows);

    const auto after = QJsonDocument(root).toJson(QJsonDocument::Indented);
    if (auto check = parse(after); !check.ok())
        return writeError(QStringLiteral("the panel would make the dashboard invalid: %1").arg(check.error().message));
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(after) != after.size() || !out.commit())
        return writeError(QStringLiteral("%1 cannot be written: %2").arg(path, out.errorString()));
    return path;
}

} // namespace wf::dashboards
