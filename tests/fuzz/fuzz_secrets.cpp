// The secret store's file (secrets.json beside the settings when no keyring answers), as a hand
// edit or a crash may leave it: read, written and removed without a crash, and what was written
// is what is read back, whatever else the file held; a file that is not a secrets file is set
// aside byte for byte, never overwritten.
#include "fuzzsupport.h"
#include "store/secretstore.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstdlib>

WF_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryDir dir;
    const auto path = dir.filePath(QStringLiteral("secrets.json"));
    const auto [content, secret] = fuzz::twoTexts(data, size);
    const auto raw = fuzz::bytes(data, size);
    const auto written = raw.left(raw.indexOf('\0') < 0 ? raw.size() : raw.indexOf('\0'));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(written);
    }
    wf::FileSecretStore store(path);
    (void)store.read(QStringLiteral("prod/prometheus"));
    (void)store.read(content.left(40));
    if (!store.write(QStringLiteral("prod/alertmanager"), secret))
        std::abort();
    if (store.read(QStringLiteral("prod/alertmanager")) != std::optional<QString>(secret))
        std::abort();
    if (!store.remove(QStringLiteral("prod/alertmanager")) || store.read(QStringLiteral("prod/alertmanager")).has_value())
        std::abort();
    if (const auto aside = store.setAsidePath(); !aside.isEmpty()) {
        QFile kept(aside);
        if (!kept.open(QIODevice::ReadOnly) || kept.readAll() != written)
            std::abort(); // what was there is lost
        kept.remove();
    }
    return 0;
}
