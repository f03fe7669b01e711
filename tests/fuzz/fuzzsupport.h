#pragma once

// What every fuzz target shares: quiet logging (no files, no stderr), and the input as Qt types.

#include "telemetry/logging.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace fuzz {

inline void quiet()
{
    wf::logging::Options options;
    options.level = spdlog::level::off;
    options.toStderr = false;
    options.toFile = false;
    wf::logging::setup(options);
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// The input split at its first NUL into two texts (the second empty when there is none).
inline std::pair<QString, QString> twoTexts(const uint8_t *data, size_t size)
{
    const auto all = bytes(data, size);
    const auto nul = all.indexOf('\0');
    if (nul < 0)
        return {QString::fromUtf8(all), {}};
    return {QString::fromUtf8(all.left(nul)), QString::fromUtf8(all.mid(nul + 1))};
}

} // namespace fuzz

#define WF_FUZZ_INIT                                                                                                   \
    extern "C" int LLVMFuzzerInitialize(int *, char ***)                                                               \
    {                                                                                                                  \
        fuzz::quiet();                                                                                                 \
        return 0;                                                                                                      \
    }
