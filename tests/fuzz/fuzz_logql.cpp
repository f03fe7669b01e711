// The simulator's LogQL (sim/logql.cpp), as any client of its Loki API may send it: a log or
// metric query parsed, and what parses evaluated over a few lines, JSON and plain. The input is
// the query, then after a NUL a log line that `| json` and the filters read.
#include "fuzzsupport.h"
#include "logql.h"

#include <cstdlib>

WF_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace sim::logql;
    const auto [query, extra] = fuzz::twoTexts(data, size);
    (void)durationNs(query);
    const Labels stream{{QStringLiteral("job"), QStringLiteral("mytrader")}, {QStringLiteral("level"), QStringLiteral("error")},
                        {QStringLiteral("source"), QStringLiteral("alpaca")}};
    const QString lines[] = {
        QStringLiteral(R"({"@t":"2026-12-07T10:00:00Z","@l":"Error","@m":"Alpaca disconnected","latency_ms":12.5,"ctx":{"symbol":"AAPL"}})"),
        QStringLiteral("2026-12-07 10:00:01.123 +00:00 [WRN] Router on fallback"),
        extra,
    };
    Labels extracted;
    extractJson(extra, stream, &extracted);

    auto parsed = parseQuery(query);
    if (auto *log = std::get_if<LogQuery>(&parsed)) {
        (void)log->selects(stream);
        for (const auto &line : lines) {
            Labels out;
            (void)log->evaluate(stream, line, &out);
        }
        // parse() takes what parseQuery() takes as a log query, and says no to nothing else of it.
        if (std::holds_alternative<ParseError>(parse(query)))
            std::abort();
    } else if (auto *metric = std::get_if<MetricQuery>(&parsed)) {
        std::vector<LogLine> input;
        const qint64 second = 1'000'000'000;
        for (int i = 0; i < 3; ++i)
            input.push_back(LogLine{&stream, (i + 1) * second, &lines[i]});
        // A bounded number of steps, whatever range the query asks for.
        (void)evaluate(*metric, input, 0, 4 * second, second);
        if (!std::holds_alternative<ParseError>(parse(query)))
            std::abort(); // a metric query is not a log query
    } else if (std::get<ParseError>(parsed).message.isEmpty()) {
        std::abort(); // an error says what is wrong
    }
    return 0;
}
