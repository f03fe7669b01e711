#include "environmentmonitor.h"

#include "dashboards/dashboard.h"
#include "net/httpclient.h"
#include "sources/alertmanager/alertmanagerclient.h"
#include "sources/health/healthclient.h"
#include "sources/prometheus/prometheusclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>

#include <cmath>

namespace wf {
namespace {

constexpr auto kRouterStates = "datasource_router_state";
constexpr auto kRouterDurations = "datasource_router_state_duration_seconds";
constexpr int kHealthMs = 1000;

// The Reliability view's query for a panel: one source of truth for what "availability" means.
QString reliabilityQuery(const QString &panelId)
{
    static const auto reliability = dashboards::builtIn(QStringLiteral("reliability"));
    if (!reliability)
        return {};
    for (const auto *panel : reliability->panels())
        if (panel->id == panelId && !panel->queries.isEmpty())
            return panel->queries.constFirst().expr;
    return {};
}

std::optional<double> scalarOf(const Result<PromResult> &r)
{
    if (!r || r->series.empty() || r->series.front().samples.empty())
        return std::nullopt;
    const double v = r->series.front().samples.back().value;
    return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

QString lightName(ProbeResult::State state)
{
    switch (state) {
    case ProbeResult::State::Ready: return QStringLiteral("ready");
    case ProbeResult::State::Degraded: return QStringLiteral("degraded");
    case ProbeResult::State::Down: return QStringLiteral("down");
    case ProbeResult::State::NotConfigured: return QStringLiteral("not configured");
    case ProbeResult::State::Unknown: break;
    }
    return QStringLiteral("unknown");
}

} // namespace

EnvironmentMonitor::EnvironmentMonitor(QNetworkAccessManager *network, const Profile &profile, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_promHttp(new HttpClient(network, Endpoint::Prometheus, this))
    , m_amHttp(new HttpClient(network, Endpoint::Alertmanager, this))
    , m_healthHttp(new HttpClient(network, Endpoint::Health, this))
    , m_prometheus(new PrometheusClient(m_promHttp, this))
    , m_alertmanager(new AlertmanagerClient(m_amHttp, this))
    , m_health(new HealthClient(m_healthHttp, this))
    , m_probe(new EndpointProbe(network, this))
    , m_refresh(new QTimer(this))
{
    for (auto *http : {m_promHttp, m_amHttp, m_healthHttp}) {
        auto options = http->options();
        options.maxRetries = 0; // the next refresh is the retry: a dead environment costs little
        options.totalTimeoutMs = 10'000;
        http->setOptions(options);
        http->setProfile(profile);
    }
    m_health->setIntervalMs(kHealthMs);
    m_probe->setProfile(profile);
    connect(m_health, &HealthClient::sampled, this, &EnvironmentMonitor::onHealth);
    connect(m_probe, &EndpointProbe::probed, this, [this](Endpoint endpoint, const ProbeResult &result) {
        if (endpoint == Endpoint::Health && m_healthAnswered)
            return; // the polls, every second, say more than a probe every refresh
        m_lights[std::size_t(endpoint)] = result;
        if (endpoint == Endpoint::Prometheus && result.state == ProbeResult::State::Ready)
            m_prometheus->detectServer();
        emit changed();
    });
    connect(m_refresh, &QTimer::timeout, this, &EnvironmentMonitor::refresh);
}

EnvironmentMonitor::~EnvironmentMonitor() = default;

void EnvironmentMonitor::start(int refreshMs)
{
    m_refresh->start(std::max(1000, refreshMs));
    if (!m_profile.endpoint(Endpoint::Health).url.isEmpty())
        m_health->start();
    refresh();
}

void EnvironmentMonitor::stop()
{
    m_refresh->stop();
    m_health->stop();
}

bool EnvironmentMonitor::isRunning() const
{
    return m_refresh->isActive();
}

void EnvironmentMonitor::refresh()
{
    m_probe->probeAll();
    askPrometheus();
    askAlertmanager();
}

bool EnvironmentMonitor::isSettled() const
{
    const bool health = m_healthAnswered || m_profile.endpoint(Endpoint::Health).url.isEmpty();
    const bool prometheus = m_prometheusAnswered || m_profile.endpoint(Endpoint::Prometheus).url.isEmpty();
    const bool alerts = m_alertsAnswered || m_profile.endpoint(Endpoint::Alertmanager).url.isEmpty();
    return health && prometheus && alerts;
}

EnvironmentMonitor::Severity EnvironmentMonitor::severityOf(const QString &label)
{
    if (label.compare(QLatin1String("critical"), Qt::CaseInsensitive) == 0)
        return Critical;
    if (label.compare(QLatin1String("warning"), Qt::CaseInsensitive) == 0)
        return Warning;
    return Info;
}

void EnvironmentMonitor::onHealth(const HealthSample &sample)
{
    m_healthAnswered = true;
    if (sample.report) {
        const auto &r = sample.report->router;
        m_timeline.addLive(sample.receivedAt, routerStateFromName(r.currentState), r.lastTransitionAt,
                           r.lastTransitionReason);
        m_timeline.prune(sample.receivedAt.addSecs(-2 * kTimelineSeconds));
        m_healthStatus = sample.report->status;
        m_healthError.clear();
        m_lights[std::size_t(Endpoint::Health)] = EndpointProbe::healthReported(
            sample.report->status, sample.httpStatus, sample.roundTripMs, sample.receivedAt);
    } else {
        m_healthStatus.clear();
        m_healthError = sample.report.error().message;
        ProbeResult down;
        down.state = ProbeResult::State::Down;
        down.message = m_healthError;
        down.checkedAt = sample.receivedAt;
        m_lights[std::size_t(Endpoint::Health)] = down;
    }
    emit changed();
}

void EnvironmentMonitor::askPrometheus()
{
    if (m_profile.endpoint(Endpoint::Prometheus).url.isEmpty())
        return;
    const auto now = QDateTime::currentDateTimeUtc();
    const auto from = now.addSecs(-kTimelineSeconds);
    // The router's last hour: both range queries, then the timeline resolves stale series as the
    // dashboards do.
    auto timelineAnswer = [this](bool states) {
        return [this, states](const Result<PromResult> &r) {
            m_prometheusAnswered = true;
            if (!r) {
                m_prometheusError = r.error().message;
                emit changed();
                return;
            }
            m_prometheusError.clear();
            (states ? m_states : m_durations) = r.value();
            if (m_states && m_durations) {
                m_timeline.setHistory(*m_states, *m_durations, kTimelineStepSeconds);
                m_states.reset();
                m_durations.reset();
            }
            emit changed();
        };
    };
    m_prometheus->queryRange(QString::fromLatin1(kRouterStates), from, now, kTimelineStepSeconds, this, timelineAnswer(true));
    m_prometheus->queryRange(QString::fromLatin1(kRouterDurations), from, now, kTimelineStepSeconds, this, timelineAnswer(false));
    const auto instant = [this](std::optional<double> &into) {
        return [this, &into](const Result<PromResult> &r) {
            m_prometheusAnswered = true;
            if (!r)
                m_prometheusError = r.error().message;
            into = scalarOf(r);
            emit changed();
        };
    };
    static const auto availability = reliabilityQuery(QStringLiteral("availability"));
    static const auto budget = reliabilityQuery(QStringLiteral("budget"));
    m_prometheus->query(availability, {}, this, instant(m_availability));
    m_prometheus->query(budget, {}, this, instant(m_budgetLeft));
}

void EnvironmentMonitor::askAlertmanager()
{
    if (m_profile.endpoint(Endpoint::Alertmanager).url.isEmpty())
        return;
    AlertFilter filter;
    filter.silenced = false;
    filter.inhibited = false;
    filter.unprocessed = false;
    m_alertmanager->alerts(filter, this, [this](const Result<QList<AmAlert>> &r) {
        m_alertsAnswered = true;
        if (!r) {
            m_alertsError = r.error().message;
            emit changed();
            return;
        }
        m_alertsError.clear();
        std::array<int, kSeverities> counts{};
        for (const auto &alert : r.value())
            if (alert.state == u"active")
                ++counts[std::size_t(severityOf(alert.labels.value(QStringLiteral("severity"))))];
        m_firing = counts;
        emit changed();
    });
}

QJsonObject EnvironmentMonitor::snapshot() const
{
    QJsonObject o{{QStringLiteral("profile"), m_profile.name}};
    o.insert(QStringLiteral("state"), m_timeline.hasData()
                                          ? (m_timeline.currentAmbiguous() ? QStringLiteral("AMBIGUOUS")
                                                                           : routerStateName(m_timeline.current()))
                                          : QJsonValue());
    o.insert(QStringLiteral("health"), m_healthStatus.isEmpty() ? QJsonValue() : QJsonValue(m_healthStatus));
    if (m_firing)
        o.insert(QStringLiteral("alerts"), QJsonObject{{QStringLiteral("critical"), (*m_firing)[Critical]},
                                                       {QStringLiteral("warning"), (*m_firing)[Warning]},
                                                       {QStringLiteral("info"), (*m_firing)[Info]}});
    o.insert(QStringLiteral("availability"), m_availability ? QJsonValue(*m_availability) : QJsonValue());
    o.insert(QStringLiteral("budgetLeft"), m_budgetLeft ? QJsonValue(*m_budgetLeft) : QJsonValue());
    QJsonObject lights;
    for (const auto e : kAllEndpoints)
        lights.insert(endpointKey(e), lightName(m_lights[std::size_t(e)].state));
    o.insert(QStringLiteral("lights"), lights);
    QJsonArray timeline;
    const auto now = QDateTime::currentDateTimeUtc();
    for (const auto &s : m_timeline.segments(now.addSecs(-kTimelineSeconds), now))
        timeline.append(QJsonObject{{QStringLiteral("state"), s.ambiguous ? QStringLiteral("AMBIGUOUS") : routerStateName(s.state)},
                                    {QStringLiteral("from"), s.start.toString(Qt::ISODateWithMs)},
                                    {QStringLiteral("to"), s.end.toString(Qt::ISODateWithMs)}});
    o.insert(QStringLiteral("timeline"), timeline);
    QJsonArray errors;
    for (const auto &e : {m_healthError, m_prometheusError, m_alertsError})
        if (!e.isEmpty())
            errors.append(e);
    o.insert(QStringLiteral("errors"), errors);
    return o;
}

} // namespace wf
