// The service's health JSON (METRICS.md), as the poller reads it at 4 Hz.
#include "fuzzsupport.h"
#include "sources/health/healthreport.h"

WF_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)wf::healthapi::parse(fuzz::bytes(data, size));
    return 0;
}
