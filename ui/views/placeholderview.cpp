#include "placeholderview.h"

#include <QLabel>
#include <QVBoxLayout>

namespace wf {

PlaceholderView::PlaceholderView(ViewId id, QWidget *parent)
    : ViewBase(id, parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    auto *heading = new QLabel(title(id), this);
    auto font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    heading->setFont(font);
    auto *status = new QLabel(tr("This view is not built yet. It will show:"), this);
    auto *planned = new QLabel(plannedContent(id), this);
    planned->setObjectName(QStringLiteral("plannedContent"));
    planned->setWordWrap(true);
    planned->setTextFormat(Qt::PlainText);
    planned->setMaximumWidth(720);
    layout->addWidget(heading);
    layout->addSpacing(8);
    layout->addWidget(status);
    layout->addWidget(planned);
    layout->addStretch();
}

QString PlaceholderView::plannedContent(ViewId id)
{
    switch (id) {
    case ViewId::Operations:
        return tr("Tiles for the Alpaca connection, authentication, router state, subscribed symbols, messages per "
                  "second, error rate, health endpoint status and round-trip, and active alerts by severity; the "
                  "router state timeline; messages and errors by type; recent router transitions.");
    case ViewId::Performance:
        return tr("Latency P50/P95/P99 against the 2 s SLO, a latency heatmap, processing duration, throughput by "
                  "message type, the ten slowest symbols and the health endpoint's round-trip time.");
    case ViewId::Reliability:
        return tr("30-day availability against 99.5 % with the error budget left and burn rates, uptime, failovers "
                  "and recovery time, time in each router state, circuit breaker activations and validation "
                  "failures.");
    case ViewId::Business:
        return tr("The most active symbols, the Alpaca–Yahoo price delta per symbol (over 5 % highlighted), "
                  "subscribed symbols over time, circuit breaker trips and validation failures per thousand "
                  "messages.");
    case ViewId::Alerts:
        return tr("The alert inbox from Alertmanager, grouped by severity: acknowledge alerts as silences that are "
                  "never lost, silences, desktop notifications and alert history.");
    case ViewId::Logs:
        return tr("Loki log lines with structured fields, a log-volume histogram, filters, live tail and local log "
                  "files, one click away from the metrics of the same minute.");
    case ViewId::Runbooks:
        return tr("The runbook of every alert, rendered in place, with diagnosis queries that run against the live "
                  "service.");
    case ViewId::Explore:
        return tr("A PromQL editor with completion and highlighting; results as a table or a chart.");
    case ViewId::Environments:
        return tr("Every profile side by side: router state and its last hour, firing alerts, availability and "
                  "error budget, health and the endpoint lights.");
    }
    return {};
}

QJsonObject PlaceholderView::snapshot() const
{
    auto json = ViewBase::snapshot();
    json.insert(QStringLiteral("placeholder"), true);
    return json;
}

} // namespace wf
