#include "startuptrace.h"

#include "telemetry/logging.h"

#include <QFile>
#include <QMutex>
#include <QSet>
#include <QString>

#include <unistd.h>

namespace wf::startup {

long long sinceProcessStartMs()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return -1;
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const auto line = stat.readAll();
    const auto fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    bool ok = false;
    const auto startTicks = fields.value(19).toLongLong(&ok); // field 22, starttime
    const auto upSeconds = uptime.readAll().split(' ').value(0).toDouble();
    const long ticksPerSecond = ::sysconf(_SC_CLK_TCK);
    if (!ok || ticksPerSecond <= 0)
        return -1;
    return static_cast<long long>(upSeconds * 1000.0) - startTicks * 1000 / ticksPerSecond;
}

void mark(std::string_view phase)
{
    static QMutex mutex;
    static QSet<QString> seen;
    {
        QMutexLocker lock(&mutex);
        const auto key = QString::fromUtf8(phase.data(), qsizetype(phase.size()));
        if (seen.contains(key))
            return;
        seen.insert(key);
    }
    logging::get("app")->info("startup phase={} ms={}", phase, sinceProcessStartMs());
}

} // namespace wf::startup
