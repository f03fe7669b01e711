#pragma once

#include "dashboards/dashboard.h"
#include "dashboards/queryplan.h"
#include "domain/routerstate.h"
#include "net/result.h"
#include "sources/health/healthreport.h"
#include "sources/prometheus/promresult.h"
#include "timeserieschart.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>

#include <optional>

class QWidget;

namespace wf {

class PanelFrame;
class RouterTimeline;
struct HealthSample;

// One type of dashboard panel — stat, chart, state timeline, table, bars, gauge, heatmap — as one
// class: what it asks for (plan), what it keeps of the answers (deliver), how it draws them in its
// widget (render) and what it painted (painted, for the snapshot). DashboardPanel around it holds
// what every type shares: the frame and its menu, the state the frame shows (loading, stale, an
// error) and the scheduler's calls. A new type (text, logs, Loki) is a new subclass and a line
// in create().
class PanelKind : public QObject
{
    Q_OBJECT
public:
    // What one refresh asks for one of the panel's queries: a chart's range (Series), the value at
    // the panel's now (Now, an instant query) or a stat's recent history (Sparkline).
    enum class Role { Series, Now, Sparkline };
    struct Request
    {
        int query = 0;
        Role role = Role::Series;
        QueryKey key;                   // of the last plan
        std::optional<PromResult> data; // the last good answer
        qint64 dataEnd = 0;             // the time it was asked for (key.end then; s since the epoch)
        std::optional<Error> error;     // the last refresh's error
        bool answered = false;
    };
    // A series with data, the query it answers and that query as sent.
    struct Shown
    {
        int query = 0;
        const Series *series = nullptr;
        QString expr;
    };

    // The class of the panel's type, its widget put in the frame.
    static PanelKind *create(const Panel &panel, PanelFrame *frame, QObject *parent);
    ~PanelKind() override;

    const Panel &definition() const { return m_panel; }
    bool usesPrometheus() const { return m_panel.source == QLatin1String("prometheus"); }
    bool usesLoki() const { return m_panel.source == QLatin1String("loki"); }
    // Fed by queries (PromQL to Prometheus, or LogQL metric queries to Loki) through the scheduler.
    bool usesQueries() const { return usesPrometheus() || usesLoki(); }
    bool usesHealth() const { return m_panel.source == QLatin1String("health"); }
    virtual QWidget *widget() const = 0;

    // Plan: the queries of one refresh (none for a panel fed by the router or the health endpoint).
    virtual QList<QueryKey> plan(const QueryContext &context);
    // Deliver: keeps an answer (the last good one stays through errors); false when it was not one
    // of this panel's queries.
    virtual bool deliver(const QueryKey &key, const Result<PromResult> &result);
    // Render: draws what the answers hold; called when at least one series has data (or the health
    // endpoint's newer fact wins).
    virtual void render() = 0;
    // Every query answered, nothing in them: true when the type paints that itself (a stat's
    // "None firing") instead of the frame's empty state.
    virtual bool renderNoData() { return false; }
    // Painted: what it paints and only that, in the order shown (see DashboardPanel::snapshot).
    virtual QJsonArray painted() const { return m_painted; }
    // Every point shown, as CSV rows after a header row; just the header when there is nothing.
    virtual QStringList csvRows() const;

    // Fed by the router state or the health endpoint instead of Prometheus (source "router" or
    // "health"): the type sets the frame's state itself. The default shows nothing.
    virtual void showRouter(const RouterTimeline &timeline, const QDateTime &from, const QDateTime &to);
    virtual void showHealth(const HealthSample &sample);
    virtual void drawRoundTrips() {}
    virtual void setFailoverBands(const QList<TimeSeriesChart::Band> &) {}

    // Whether it paints the value at the panel's now (instant queries) rather than a range.
    virtual bool paintsNow() const { return false; }
    // The plot width in pixels: the step of its range queries follows it.
    virtual int plotWidth() const { return 120; } // a sparkline needs few points
    virtual void setUtc(bool utc) { m_utc = utc; }

    const QList<Request> &requests() const { return m_requests; }
    QList<Shown> series(Role role) const;
    QString queryAsSent(int query) const;
    QDateTime lastGood() const { return m_lastGood; }
    // A Prometheus panel whose fact the health endpoint reports too: the last good poll.
    void setHealth(const std::optional<HealthReport> &report) { m_health = report; }
    bool healthWins() const;

    // Before the frame shows a message instead of the content.
    void forgetPainted() { m_painted = {}; }

    static QColor namedColor(const QString &name);
    static QColor routerColor(RouterState state, bool ambiguous);
    static QString timeText(const QDateTime &t, bool utc);

signals:
    void rangeSelected(const QDateTime &from, const QDateTime &to);
    void zoomOutRequested();
    void windowClicked(const QDateTime &from, const QDateTime &to); // a router segment or failover

protected:
    PanelKind(const Panel &panel, PanelFrame *frame, QObject *parent);
    // The roles one query is asked in (plan): a range by default.
    virtual QList<Role> roles(const PanelQuery &query) const;
    virtual void setRange(qint64 fromMs, qint64 toMs);
    QString legend(const Shown &shown) const;
    // The first of the panel's overrides that matches a series' legend, if any.
    const SeriesOverride *overrideFor(const QString &legend) const;
    QJsonObject paintedItem(const QString &text, const Shown &shown, const QString &source) const;
    QString title() const;

    Panel m_panel;
    PanelFrame *m_frame;
    QList<Request> m_requests;
    std::optional<HealthReport> m_health;
    QJsonArray m_painted; // what a type that paints no series of its own painted last
    qint64 m_scrapeSeconds = 15;
    qint64 m_stepMs = 0;
    QDateTime m_lastGood;
    QDateTime m_from;
    QDateTime m_to;
    bool m_utc = false;

private:
    void buildRequests(); // by create(), once the type's roles() can be asked
};

} // namespace wf
