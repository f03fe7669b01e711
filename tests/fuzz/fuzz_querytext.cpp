// The text tools over what a user types: PromQL completion and the position of a server's error in
// the query, LogQL stream matchers, the alert filter's matchers.
#include "alerts/inboxfilter.h"
#include "domain/promqlsyntax.h"
#include "domain/querytext.h"
#include "fuzzsupport.h"

WF_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto [first, second] = fuzz::twoTexts(data, size);
    for (int cursor : {0, int(first.size() / 2), int(first.size()), int(first.size()) + 3, -1})
        (void)wf::promql::completionAt(first, cursor);
    (void)wf::promql::errorPosition(second, first);
    (void)wf::promql::errorText(second);
    (void)wf::withStreamMatcher(first, QStringLiteral("level"), second);
    (void)wf::labelMatcher(first, QStringLiteral("=~"), second);
    (void)wf::InboxFilter::parse(first);
    return 0;
}
