#pragma once

#include <QString>

#include <string>
#include <string_view>

namespace wf {

// The text every log line, error message and displayed log line passes through:
// API keys, secrets, passwords, tokens (the design document's §3.3 rules), Authorization
// headers, bearer tokens and credentials in URLs become [REDACTED].
QString redact(const QString &text);
std::string redact(std::string_view utf8);

inline constexpr auto kRedacted = "[REDACTED]";

} // namespace wf
