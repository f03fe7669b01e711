// The service's log file as the follower reads it (core/sources/files/logfile.cpp): bytes that
// arrive a piece at a time. The records are the same however the file was cut into reads — the
// follower must not show another record split because a poll came in the middle of a line. The
// input's first byte chooses the cut points; the rest is the file.
#include "fuzzsupport.h"
#include "sources/files/logfile.h"

#include <cstdlib>

WF_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const unsigned seed = data[0];
    const auto file = fuzz::bytes(data + 1, size - 1);

    QByteArray whole = file;
    const auto once = wf::logfile::takeRecords(whole, true);
    if (!whole.isEmpty())
        std::abort(); // final takes everything

    std::vector<QByteArray> pieces;
    QByteArray pending;
    qsizetype at = 0;
    unsigned step = seed | 1u;
    while (at < file.size()) {
        const qsizetype n = std::min<qsizetype>(file.size() - at, qsizetype(step % 37u) + 1);
        pending += file.mid(at, n);
        at += n;
        step = step * 1103515245u + 12345u;
        auto got = wf::logfile::takeRecords(pending, false);
        pieces.insert(pieces.end(), got.begin(), got.end());
    }
    auto rest = wf::logfile::takeRecords(pending, true);
    pieces.insert(pieces.end(), rest.begin(), rest.end());
    if (pieces != once)
        std::abort();
    for (const auto &record : once)
        if (record.trimmed().isEmpty() || record.endsWith('\n'))
            std::abort(); // no empty record, none with its line end
    return 0;
}
