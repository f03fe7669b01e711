// Prometheus' answers (apis.md §1): every parser the client runs on a body it received, and
// what tells VictoriaMetrics apart (its readiness answer, its /metrics).
#include "fuzzsupport.h"
#include "sources/prometheus/promresult.h"

WF_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto body = fuzz::bytes(data, size);
    using namespace wf::prom;
    (void)parseEnvelope(body, 200);
    (void)parseEnvelope(body, 422);
    (void)parseQueryResult(body);
    (void)parseStringList(body);
    (void)parseSeries(body);
    (void)parseRules(body);
    (void)parseAlerts(body);
    (void)parseTargets(body);
    (void)parseBuildInfo(body);
    // Which server it is: the readiness answer and VictoriaMetrics' own /metrics.
    (void)serverKindFromReady(body);
    (void)latencyOffsetFromMetrics(body);
    (void)parseFlagDurationMs(QString::fromUtf8(body));
    return 0;
}
