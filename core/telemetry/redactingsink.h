#pragma once

#include <spdlog/sinks/base_sink.h>

#include <mutex>
#include <vector>

namespace wf::logging {

// Redacts every message (wf::redact) before it reaches the wrapped sinks, so no
// sink can ever write a secret, whoever logged it.
class RedactingSink final : public spdlog::sinks::base_sink<std::mutex>
{
public:
    explicit RedactingSink(std::vector<spdlog::sink_ptr> sinks);

protected:
    void sink_it_(const spdlog::details::log_msg &msg) override;
    void flush_() override;
    void set_pattern_(const std::string &pattern) override;
    void set_formatter_(std::unique_ptr<spdlog::formatter> formatter) override;

private:
    std::vector<spdlog::sink_ptr> m_sinks;
};

} // namespace wf::logging
