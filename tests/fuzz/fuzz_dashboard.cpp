// A dashboard definition (resources/dashboards/README.md), as a user's folder may hold it.
#include "dashboards/dashboard.h"
#include "fuzzsupport.h"

WF_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)wf::dashboards::parse(fuzz::bytes(data, size));
    return 0;
}
