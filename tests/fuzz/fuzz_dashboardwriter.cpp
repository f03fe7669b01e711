// A user's dashboard file and Explore's "Add to dashboard" (core/dashboards/dashboardwriter.cpp):
// what parses is written back as it was read (parse(toJson(d)) gives d, toJson of that the same
// bytes), and a panel added to it either lands, leaving a file that parses with the panel in it,
// or is refused with the file untouched. The input is the file, then after a NUL the panel's
// expression.
#include "dashboards/dashboard.h"
#include "dashboards/dashboardwriter.h"
#include "fuzzsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdlib>

WF_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace wf::dashboards;
    const auto raw = fuzz::bytes(data, size);
    const auto nul = raw.indexOf('\0');
    const auto file = nul < 0 ? raw : raw.left(nul);
    const auto expr = nul < 0 ? QStringLiteral("up") : QString::fromUtf8(raw.mid(nul + 1));

    const auto parsed = parse(file);
    if (parsed.ok()) {
        const auto json = toJson(parsed.value());
        const auto again = parse(json);
        if (!again.ok() || toJson(again.value()) != json)
            std::abort();
    }

    static QTemporaryDir dir;
    const auto path = QDir(dir.path()).filePath(QStringLiteral("operations.json"));
    {
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        out.write(file);
    }
    NewPanel panel;
    panel.title = expr.left(30);
    panel.expr = expr;
    panel.instant = (size % 2) == 1;
    const auto added = appendPanel(dir.path(), QStringLiteral("operations"), panel);
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        std::abort();
    const auto now = in.readAll();
    if (!added.ok()) {
        if (now != file)
            std::abort(); // refused: the file is as it was
        return 0;
    }
    if (!parsed.ok())
        std::abort(); // a file that does not parse is not written to
    const auto result = parse(now);
    if (!result.ok())
        std::abort();
    bool found = false;
    for (const auto *p : result.value().panels())
        found = found || (!p->queries.isEmpty() && p->queries.first().expr == expr && p->id.startsWith(QLatin1String("explore-")));
    if (!found)
        std::abort();
    return 0;
}
