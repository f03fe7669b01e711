#include "tablepanel.h"

#include "dashboards/panelformat.h"
#include "domain/querytext.h"
#include "domain/routertimeline.h"
#include "domain/timerange.h"
#include "panelframe.h"

#include <QHeaderView>
#include <QTableWidget>

#include <cmath>

namespace wf {
namespace {

// Sorts by the number behind the text ("9.5" before "10").
class NumberItem : public QTableWidgetItem
{
public:
    using QTableWidgetItem::QTableWidgetItem;
    bool operator<(const QTableWidgetItem &other) const override
    {
        return data(Qt::UserRole + 1).toDouble() < other.data(Qt::UserRole + 1).toDouble();
    }
};

constexpr int kPaintedRole = Qt::UserRole + 2; // a table row's snapshot entry

} // namespace

TablePanel::TablePanel(const Panel &panel, PanelFrame *frame, QObject *parent)
    : PanelKind(panel, frame, parent)
    , m_table(new QTableWidget)
{
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSortingEnabled(true);
    frame->setContent(m_table);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        const auto from = m_table->item(row, 0)->data(Qt::UserRole).toDateTime();
        const auto to = m_table->item(row, 1)->data(Qt::UserRole).toDateTime();
        if (from.isValid())
            emit windowClicked(from, to.isValid() ? to : QDateTime::currentDateTimeUtc());
    });
}

QWidget *TablePanel::widget() const
{
    return m_table;
}

void TablePanel::render()
{
    // One row per series: its labels (but the metric name and where it was scraped), then its
    // value; rows over highlightAbove (absolute) marked.
    static const QStringList kHiddenColumns{QStringLiteral("__name__"), QStringLiteral("instance"), QStringLiteral("job")};
    const auto all = series(Role::Now);
    QStringList columns;
    for (const auto &s : all)
        for (auto it = s.series->labels.cbegin(); it != s.series->labels.cend(); ++it)
            if (!kHiddenColumns.contains(it.key()) && !columns.contains(it.key()))
                columns.append(it.key());
    // A label with one value in every row (environment="demo") says nothing row by row.
    if (all.size() > 1)
        columns.removeIf([&](const QString &name) {
            const auto first = all.first().series->labels.value(name);
            return std::all_of(all.cbegin(), all.cend(), [&](const Shown &s) { return s.series->labels.value(name) == first; });
        });
    m_table->setSortingEnabled(false);
    m_table->clear();
    m_table->setColumnCount(int(columns.size()) + 1);
    auto headers = columns;
    headers.append(tr("Value"));
    m_table->setHorizontalHeaderLabels(headers);
    m_table->setRowCount(int(all.size()));
    const auto highlight = namedColor(QStringLiteral("amber"));
    for (int row = 0; row < all.size(); ++row) {
        const auto *series = all.at(row).series;
        const double value = series->samples.back().value;
        const bool marked = m_panel.highlightAbove && std::isfinite(value) && std::abs(value) > *m_panel.highlightAbove;
        QStringList cells;
        for (int c = 0; c < columns.size(); ++c) {
            auto *item = new QTableWidgetItem(series->labels.value(columns.at(c)));
            if (marked)
                item->setBackground(highlight);
            m_table->setItem(row, c, item);
            cells.append(item->text());
        }
        auto *item = new NumberItem(dashboards::formatValue(value, m_panel.unit, m_panel.decimals));
        // With a highlight, the largest deviations either way come first.
        const double key = m_panel.highlightAbove ? std::abs(value) : value;
        item->setData(Qt::UserRole + 1, std::isfinite(key) ? key : -1e300);
        cells.append(item->text());
        // What the row paints, for the snapshot (read back in the order the rows are shown).
        item->setData(kPaintedRole, paintedItem(cells.join(QLatin1Char(' ')), all.at(row), m_panel.source));
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        const auto color = namedColor(dashboards::thresholdColor(m_panel.thresholds, value));
        if (color.isValid())
            item->setForeground(color);
        if (marked)
            item->setBackground(highlight);
        m_table->setItem(row, int(columns.size()), item);
    }
    m_table->resizeColumnsToContents();
    m_table->setSortingEnabled(true);
    m_table->sortItems(int(columns.size()), Qt::DescendingOrder);
}

QJsonArray TablePanel::painted() const
{
    if (!usesQueries())
        return m_painted;
    QJsonArray rows;
    const int valueColumn = m_table->columnCount() - 1;
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (const auto *item = m_table->item(row, valueColumn))
            rows.append(item->data(kPaintedRole).toJsonObject());
    return rows;
}

QStringList TablePanel::csvRows() const
{
    if (usesQueries())
        return PanelKind::csvRows();
    QStringList rows;
    QStringList header;
    for (int c = 0; c < m_table->columnCount(); ++c)
        header.append(csvField(m_table->horizontalHeaderItem(c)->text()));
    rows.append(header.join(QLatin1Char(',')));
    for (int r = 0; r < m_table->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m_table->columnCount(); ++c) {
            const auto *item = m_table->item(r, c);
            const auto when = item ? item->data(Qt::UserRole).toDateTime() : QDateTime();
            cells.append(csvField(when.isValid() ? when.toUTC().toString(Qt::ISODateWithMs) : item ? item->text() : QString()));
        }
        rows.append(cells.join(QLatin1Char(',')));
    }
    return rows;
}

void TablePanel::showRouter(const RouterTimeline &timeline, const QDateTime &from, const QDateTime &to)
{
    const auto events = timeline.failovers(from, to);
    const auto now = QDateTime::currentDateTimeUtc();
    // Redrawn only when the list changed: a poll a second must not take the user's selection
    // or a click away. An ongoing failover's duration is brought up to date in place.
    QString signature;
    for (const auto &e : events)
        signature += QStringLiteral("%1|%2|%3|%4|%5;")
                         .arg(e.start.toMSecsSinceEpoch())
                         .arg(e.ongoing() ? -1 : e.end.toMSecsSinceEpoch())
                         .arg(int(e.worst))
                         .arg(e.reason)
                         .arg(e.recoverySeconds.value_or(-1));
    m_painted = {};
    for (auto it = events.crbegin(); it != events.crend(); ++it) // newest first, as the rows
        m_painted.append(QJsonObject{{QStringLiteral("text"), timeText(it->start, m_utc)},
                                     {QStringLiteral("start"), it->start.toString(Qt::ISODateWithMs)},
                                     {QStringLiteral("end"), it->ongoing() ? QJsonValue() : QJsonValue(it->end.toString(Qt::ISODateWithMs))},
                                     {QStringLiteral("worst"), routerStateName(it->worst)},
                                     {QStringLiteral("reason"), it->reason}});
    if (signature == m_signature && m_table->rowCount() == events.size()) {
        for (int row = 0; row < events.size(); ++row) {
            const auto &e = events.at(int(events.size()) - 1 - row);
            if (e.ongoing())
                if (auto *item = m_table->item(row, 2))
                    item->setText(formatDuration(std::chrono::seconds(e.start.secsTo(now))));
        }
        return;
    }
    m_signature = signature;
    m_table->setSortingEnabled(false);
    m_table->clear();
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels({tr("Start"), tr("End"), tr("Duration"), tr("Worst state"), tr("Reason"), tr("Recovery time")});
    m_table->setRowCount(int(events.size()));
    for (int row = 0; row < events.size(); ++row) {
        const auto &e = events.at(int(events.size()) - 1 - row); // newest first
        auto *start = new QTableWidgetItem(timeText(e.start, m_utc));
        start->setData(Qt::UserRole, e.start);
        auto *end = new QTableWidgetItem(e.ongoing() ? tr("ongoing") : timeText(e.end, m_utc));
        end->setData(Qt::UserRole, e.end);
        const auto seconds = e.start.secsTo(e.ongoing() ? now : e.end);
        m_table->setItem(row, 0, start);
        m_table->setItem(row, 1, end);
        m_table->setItem(row, 2, new QTableWidgetItem(formatDuration(std::chrono::seconds(seconds))));
        auto *worst = new QTableWidgetItem(routerStateLabel(e.worst));
        worst->setForeground(routerColor(e.worst, false));
        m_table->setItem(row, 3, worst);
        m_table->setItem(row, 4, new QTableWidgetItem(e.reason.isEmpty() ? tr("not reported") : e.reason));
        m_table->setItem(row, 5, new QTableWidgetItem(e.recoverySeconds ? tr("%n s", nullptr, int(*e.recoverySeconds)) : tr("not known")));
    }
    m_table->resizeColumnsToContents();
    m_table->setSortingEnabled(true);
    if (events.isEmpty())
        m_frame->setState(PanelFrame::State::Empty, tr("No failover in this time range."));
    else
        m_frame->setState(PanelFrame::State::Ready);
}

} // namespace wf
