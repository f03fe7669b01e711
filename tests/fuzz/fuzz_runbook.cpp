// Runbook Markdown: the embedded ones and a team's own folder.
#include "fuzzsupport.h"
#include "runbooks/runbook.h"

WF_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)wf::runbooks::parse(QStringLiteral("fuzzed"), QString::fromUtf8(fuzz::bytes(data, size)));
    return 0;
}
