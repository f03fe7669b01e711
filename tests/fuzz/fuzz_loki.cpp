// Loki's answers (apis.md §3): query results, label lists, series, and the tail's WebSocket frames.
#include "fuzzsupport.h"
#include "sources/loki/lokiresult.h"

WF_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto body = fuzz::bytes(data, size);
    using namespace wf::loki;
    (void)parseQueryResult(body);
    (void)parseStringList(body);
    (void)parseSeries(body);
    (void)parseTailMessage(body);
    return 0;
}
