// One log line as Loki or a file gives it: JSON (Serilog's compact and plain shapes) or plain text.
#include "domain/logrecord.h"
#include "fuzzsupport.h"

WF_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto line = fuzz::bytes(data, size);
    (void)wf::logs::parseLine(line, 1'795'000'000'000'000'000LL);
    (void)wf::logs::quickLevel(line);
    (void)wf::logs::quickTime(line, 0);
    (void)wf::logs::exactUtf8(QString::fromUtf8(line));
    return 0;
}
