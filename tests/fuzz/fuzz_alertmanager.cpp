// Alertmanager v2's answers (apis.md §2): alerts, groups, silences, a created silence, status.
#include "fuzzsupport.h"
#include "sources/alertmanager/amtypes.h"

WF_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto body = fuzz::bytes(data, size);
    using namespace wf::am;
    (void)parseAlerts(body);
    (void)parseAlertGroups(body);
    (void)parseSilences(body);
    (void)parseSilence(body);
    (void)parseSilenceId(body);
    (void)parseStatus(body);
    return 0;
}
