#include "silencemodel.h"

#include "statecolors.h"

#include <QColor>
#include <QPalette>

namespace wf {

namespace {

int stateRank(const QString &state)
{
    if (state == u"active")
        return 0;
    if (state == u"pending")
        return 1;
    return 2;
}

} // namespace

SilenceModel::SilenceModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SilenceModel::setSilences(const QList<Silence> &silences, const QList<AckRecord> &pendingAcks)
{
    beginResetModel();
    m_all = silences;
    m_pending = pendingAcks;
    rebuild();
    endResetModel();
}

void SilenceModel::setShowExpired(bool show)
{
    if (show == m_showExpired)
        return;
    beginResetModel();
    m_showExpired = show;
    rebuild();
    endResetModel();
}

void SilenceModel::setUtc(bool utc)
{
    m_utc = utc;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Starts), index(rowCount() - 1, Ends));
}

void SilenceModel::rebuild()
{
    m_rows.clear();
    for (const auto &record : std::as_const(m_pending)) {
        Row row;
        row.notSent = true;
        row.silence.state = QStringLiteral("pending");
        row.silence.matchers = AlertInbox::matchersFor(record.labels);
        row.silence.startsAt = record.startsAt;
        row.silence.endsAt = record.endsAt;
        row.silence.createdBy = record.author;
        row.silence.comment = AlertInbox::silenceComment(record);
        m_rows << row;
    }
    QList<Row> rows;
    for (const auto &s : std::as_const(m_all))
        if (m_showExpired || s.state != u"expired")
            rows << Row{s, false};
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        const auto ra = stateRank(a.silence.state), rb = stateRank(b.silence.state);
        if (ra != rb)
            return ra < rb;
        // Expired: the most recently ended first; otherwise the soonest to end first.
        return ra == 2 ? a.silence.endsAt > b.silence.endsAt : a.silence.endsAt < b.silence.endsAt;
    });
    m_rows << rows;
}

const Silence *SilenceModel::silenceAt(int row) const
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).notSent)
        return nullptr;
    return &m_rows.at(row).silence;
}

int SilenceModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (!m_rows.at(i).notSent && m_rows.at(i).silence.id == id)
            return i;
    return -1;
}

int SilenceModel::count(const QString &state) const
{
    return int(std::count_if(m_all.begin(), m_all.end(), [&](const Silence &s) { return s.state == state; }));
}

QString SilenceModel::matchersText(const QList<Matcher> &matchers)
{
    QStringList parts;
    for (const auto &m : matchers) {
        const auto op = m.isRegex ? (m.isEqual ? QStringLiteral("=~") : QStringLiteral("!~"))
                                  : (m.isEqual ? QStringLiteral("=") : QStringLiteral("!="));
        auto value = m.value;
        value.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
        parts << m.name + op + u'"' + value + u'"';
    }
    return parts.join(QStringLiteral(", "));
}

QString SilenceModel::timeText(const QDateTime &t) const
{
    if (!t.isValid())
        return {};
    return (m_utc ? t.toUTC() : t.toLocalTime()).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

int SilenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SilenceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SilenceModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const auto &row = m_rows.at(index.row());
    const auto &s = row.silence;
    const auto marker = AlertInbox::parseComment(s.comment);
    if (role == IdRole)
        return s.id;
    if (role == StateRole)
        return row.notSent ? QStringLiteral("not-sent") : s.state;
    if (role == Qt::ForegroundRole && s.state == u"expired")
        return QPalette().color(QPalette::Disabled, QPalette::Text);
    if (role == Qt::DecorationRole && index.column() == State)
        return healthColor(row.notSent ? Health::Warning : s.state == u"active" ? Health::Good : Health::Unknown);
    if (role == Qt::ToolTipRole && index.column() == Comment)
        return s.comment;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case State:
        if (row.notSent)
            return tr("not sent yet");
        if (s.state == u"active")
            return tr("active");
        if (s.state == u"pending")
            return tr("pending");
        return tr("expired");
    case Matchers:
        return matchersText(s.matchers);
    case Starts:
        return timeText(s.startsAt);
    case Ends:
        return marker && marker->mode == AckRecord::Mode::UntilResolved && s.state != u"expired"
            ? tr("until resolved (at most %1)").arg(timeText(s.endsAt))
            : timeText(s.endsAt);
    case CreatedBy:
        return s.createdBy;
    case Comment:
        return marker ? marker->note : s.comment;
    case Acknowledgement:
        if (!marker)
            return QString();
        return marker->mode == AckRecord::Mode::UntilResolved ? tr("until resolved") : tr("timed");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SilenceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case State:
        return tr("State");
    case Matchers:
        return tr("Matchers");
    case Starts:
        return tr("Starts");
    case Ends:
        return tr("Ends");
    case CreatedBy:
        return tr("Created by");
    case Comment:
        return tr("Comment");
    case Acknowledgement:
        return tr("Acknowledgement");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace wf
