#include "logspanel.h"

#include "domain/logrecord.h"
#include "domain/querytext.h"
#include "panelframe.h"
#include "statecolors.h"

#include <QHash>
#include <QListWidget>

#include <algorithm>

namespace wf {

LogsPanel::LogsPanel(const Panel &panel, PanelFrame *frame, QObject *parent)
    : PanelKind(panel, frame, parent)
    , m_list(new QListWidget)
{
    m_list->setObjectName(QStringLiteral("logLines"));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideRight);
    frame->setContent(m_list);
}

QWidget *LogsPanel::widget() const
{
    return m_list;
}

QList<QueryKey> LogsPanel::plan(const QueryContext &context)
{
    // The whole range up to now (not aligned to a step: the newest line is the point), at most
    // kLines lines, newest first.
    m_from = context.from;
    m_to = context.to;
    m_scrapeSeconds = context.scrapeSeconds;
    QList<QueryKey> keys;
    const auto step = std::max<qint64>(context.from.secsTo(context.to) / std::max(plotWidth(), 1), 1);
    for (auto &r : m_requests) {
        QueryKey key;
        key.loki = true;
        key.limit = kLines;
        key.expr = queryplan::expand(m_panel.queries.at(r.query).expr, context, step);
        key.start = context.from.toSecsSinceEpoch();
        key.end = context.to.toSecsSinceEpoch() + 1; // Loki's end is exclusive: this second's lines too
        r.key = key;
        r.answered = false;
        keys.append(key);
    }
    return keys;
}

bool LogsPanel::renderNoData()
{
    m_lines.clear();
    for (const auto &r : std::as_const(m_requests))
        if (r.data)
            m_lines.insert(m_lines.end(), r.data->lines.begin(), r.data->lines.end());
    std::stable_sort(m_lines.begin(), m_lines.end(), [](const auto &a, const auto &b) { return a.ns > b.ns; });
    if (m_lines.size() > std::size_t(kLines))
        m_lines.resize(std::size_t(kLines));
    if (m_lines.empty())
        return false; // the frame says "No data"
    m_list->clear();
    m_painted = {};
    for (const auto &l : m_lines) {
        const auto record = logs::parseLine(logs::exactUtf8(l.line), l.ns);
        const auto time = timeText(QDateTime::fromMSecsSinceEpoch(l.ns / 1'000'000, Qt::UTC), m_utc);
        const auto level = record.level != LogLevel::Unknown ? logs::levelName(record.level) : l.labels.value(QStringLiteral("level"));
        const auto message = record.message.isEmpty() ? record.raw : record.message;
        // Serilog's three letters, as the service's own file sink writes them.
        static const QHash<LogLevel, QString> kShort{{LogLevel::Verbose, QStringLiteral("VRB")}, {LogLevel::Debug, QStringLiteral("DBG")},
                                                     {LogLevel::Information, QStringLiteral("INF")}, {LogLevel::Warning, QStringLiteral("WRN")},
                                                     {LogLevel::Error, QStringLiteral("ERR")}, {LogLevel::Fatal, QStringLiteral("FTL")}};
        const auto shortLevel = kShort.value(record.level, level.left(3).toUpper());
        auto *item = new QListWidgetItem(QStringLiteral("%1  %2  %3").arg(time, shortLevel.leftJustified(3), message), m_list);
        item->setToolTip(record.raw.left(2000));
        if (record.level == LogLevel::Error || record.level == LogLevel::Fatal)
            item->setForeground(healthColor(Health::Bad));
        else if (record.level == LogLevel::Warning)
            item->setForeground(healthColor(Health::Warning));
        QJsonObject labels;
        for (auto it = l.labels.begin(); it != l.labels.end(); ++it)
            labels.insert(it.key(), it.value());
        m_painted.append(QJsonObject{{QStringLiteral("text"), item->text()},
                                     {QStringLiteral("level"), level},
                                     {QStringLiteral("message"), message},
                                     {QStringLiteral("labels"), labels},
                                     {QStringLiteral("ns"), QString::number(l.ns)},
                                     {QStringLiteral("time"), double(l.ns / 1'000'000) / 1000},
                                     {QStringLiteral("query"), m_requests.isEmpty() ? QString() : m_requests.first().key.expr},
                                     {QStringLiteral("source"), QStringLiteral("loki")}});
    }
    m_lastGood = QDateTime::currentDateTimeUtc();
    return true;
}

QStringList LogsPanel::csvRows() const
{
    QStringList rows{QStringLiteral("time,level,message")};
    for (const auto &item : m_painted) {
        const auto o = item.toObject();
        rows.append(QStringLiteral("%1,%2,%3")
                        .arg(QDateTime::fromMSecsSinceEpoch(qint64(o.value(QStringLiteral("time")).toDouble() * 1000), Qt::UTC)
                                 .toString(Qt::ISODateWithMs),
                             csvField(o.value(QStringLiteral("level")).toString()),
                             csvField(o.value(QStringLiteral("message")).toString())));
    }
    return rows;
}

} // namespace wf
