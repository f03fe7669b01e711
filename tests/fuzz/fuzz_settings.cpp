// The settings file (~/.config/watchfloor/watchfloor.conf) as a hand edit may leave it: every
// profile and setting read from it. Secrets go to a file backend in the same scratch folder.
#include "fuzzsupport.h"
#include "store/settings.h"

#include <QFile>
#include <QTemporaryDir>

WF_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryDir dir;
    {
        QFile file(dir.filePath(QStringLiteral("watchfloor.conf")));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    wf::Settings settings(dir.path(), wf::SecretStore::Backend::File);
    for (const auto &name : settings.profileNames())
        (void)settings.profile(name);
    (void)settings.currentProfile();
    (void)settings.lastView();
    (void)settings.timeRange();
    (void)settings.windowGeometry();
    (void)settings.historyRetentionDays();
    (void)settings.logBufferLines();
    (void)settings.notifyFor(QStringLiteral("critical"));
    (void)settings.logQueryHistory(QStringLiteral("prod"));
    return 0;
}
