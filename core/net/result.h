#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace wf {

// Why a call to a server failed, in words a person can act on. Never contains a secret.
struct Error
{
    enum class Kind {
        Network,    // refused, reset, host not found, truncated
        Timeout,    // no answer in time
        Tls,        // certificate or handshake
        HttpStatus, // an HTTP error status without an API error body
        Api,        // the server's own error (Prometheus errorType + error, Alertmanager message)
        Parse,      // the answer is not what the API promises
        TooLarge,   // the answer is bigger than the client accepts
        Canceled,   // superseded or canceled by the caller
        NotConfigured, // the profile has no URL for the endpoint: nothing was asked
    };

    Kind kind = Kind::Network;
    QString message;  // one or two sentences for the UI
    int httpStatus = 0;
    QString apiType;  // e.g. "bad_data", "execution"
    QString apiError; // the server's error text as it sent it
    QByteArray body;  // the start of the body, for clients that read their API's error shape

    static QString kindName(Kind kind);
    static Error make(Kind kind, const QString &message)
    {
        Error e;
        e.kind = kind;
        e.message = message;
        return e;
    }
};

// A value or the Error that prevented it.
template <typename T>
class Result
{
public:
    Result(T value)
        : m_v(std::in_place_index<0>, std::move(value))
    {
    }
    Result(Error error)
        : m_v(std::in_place_index<1>, std::move(error))
    {
    }

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<0>(m_v); }
    T &value() & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    const T *operator->() const { return &value(); }
    const T &operator*() const { return value(); }
    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

// For calls that answer with nothing but success.
struct Done
{
};

} // namespace wf
