#pragma once

#include <QByteArray>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

// Reads one sample out of Prometheus' text format: name plus the exact label text as exposed,
// e.g. sampleValue(text, "alpaca_connection_status", R"(state="Connected")"). Empty labels: none.
inline std::optional<double> sampleValue(const QByteArray &text, const QString &name, const QString &labels = {})
{
    const auto head = labels.isEmpty() ? name + u' ' : name + u'{' + labels + QStringLiteral("} ");
    for (const auto &line : QString::fromUtf8(text).split(u'\n')) {
        if (line.startsWith(head))
            return line.mid(head.size()).toDouble();
    }
    return std::nullopt;
}

// How many series of a metric the text exposes.
inline int seriesCount(const QByteArray &text, const QString &name)
{
    int n = 0;
    for (const auto &line : QString::fromUtf8(text).split(u'\n'))
        if (line.startsWith(name + u'{') || line.startsWith(name + u' '))
            ++n;
    return n;
}

// The sum of every sample of a metric whose line contains `filter` (e.g. R"(le="2")").
inline double sumOf(const QByteArray &text, const QString &name, const QString &filter = {})
{
    double sum = 0;
    for (const auto &line : QString::fromUtf8(text).split(u'\n')) {
        if (!(line.startsWith(name + u'{') || line.startsWith(name + u' ')) || !line.contains(filter))
            continue;
        sum += line.section(u' ', -1).toDouble();
    }
    return sum;
}

// Every metric of shared/design/METRICS.md, as series names (histograms by their _bucket series).
inline QStringList contractMetricNames()
{
    return {QStringLiteral("alpaca_connection_status"), QStringLiteral("alpaca_authentication_status"),
            QStringLiteral("alpaca_messages_received_total"), QStringLiteral("alpaca_errors_total"),
            QStringLiteral("alpaca_message_latency_seconds_bucket"),
            QStringLiteral("alpaca_streaming_processing_duration_ms_bucket"), QStringLiteral("datasource_router_state"),
            QStringLiteral("datasource_router_state_duration_seconds"), QStringLiteral("datasource_router_failover_total"),
            QStringLiteral("datasource_router_recovery_time_seconds_bucket"),
            QStringLiteral("datasource_router_uptime_percent"), QStringLiteral("alpaca_subscribed_symbols_count"),
            QStringLiteral("datasource_router_validation_failures_total"),
            QStringLiteral("datasource_router_price_delta_percent"),
            QStringLiteral("datasource_router_circuit_breaker_total")};
}
