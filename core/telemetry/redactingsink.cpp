#include "redactingsink.h"

#include "domain/redactor.h"

namespace wf::logging {

RedactingSink::RedactingSink(std::vector<spdlog::sink_ptr> sinks)
    : m_sinks(std::move(sinks))
{
}

void RedactingSink::sink_it_(const spdlog::details::log_msg &msg)
{
    const std::string clean = wf::redact(std::string_view(msg.payload.data(), msg.payload.size()));
    spdlog::details::log_msg copy = msg;
    copy.payload = spdlog::string_view_t(clean.data(), clean.size());
    for (const auto &sink : m_sinks) {
        if (sink->should_log(copy.level))
            sink->log(copy);
    }
}

void RedactingSink::flush_()
{
    for (const auto &sink : m_sinks)
        sink->flush();
}

void RedactingSink::set_pattern_(const std::string &pattern)
{
    for (const auto &sink : m_sinks)
        sink->set_pattern(pattern);
}

void RedactingSink::set_formatter_(std::unique_ptr<spdlog::formatter> formatter)
{
    for (const auto &sink : m_sinks)
        sink->set_formatter(formatter->clone());
}

} // namespace wf::logging
