#include "logfilterproxy.h"

#include "logmodel.h"

#include <QStringDecoder>
#include <QtConcurrent>

#include <algorithm>

namespace wf {

LogFilterProxy::LogFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    m_coordinator.setMaxThreadCount(1);
    connect(&m_watcher, &QFutureWatcher<std::shared_ptr<const Matches>>::finished, this, [this] {
        if (m_watcher.isCanceled())
            return;
        apply(m_pendingPattern, m_pendingMatcher, m_pendingPrefilter, m_watcher.result());
    });
}

LogFilterProxy::~LogFilterProxy()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

bool LogFilterProxy::setPattern(const QString &pattern, bool regex, bool caseSensitive, QString *error)
{
    QRegularExpression matcher;
    if (!pattern.isEmpty()) {
        matcher.setPattern(regex ? pattern : QRegularExpression::escape(pattern));
        matcher.setPatternOptions(caseSensitive ? QRegularExpression::NoPatternOption
                                                : QRegularExpression::CaseInsensitiveOption);
        if (!matcher.isValid()) {
            if (error)
                *error = tr("Not a valid regular expression: %1 (at character %2).")
                             .arg(matcher.errorString())
                             .arg(matcher.patternErrorOffset() + 1);
            return false;
        }
        matcher.optimize();
    }
    m_watcher.cancel(); // a newer pattern: the older match is of no use
    const auto *model = qobject_cast<const LogModel *>(sourceModel());
    if (pattern.isEmpty() || !model || model->rowCount() <= kSynchronousLines) {
        apply(pattern, matcher, TextPrefilter(pattern, regex, caseSensitive), nullptr);
        return true;
    }

    // A snapshot of the lines (shared, not copied) for the worker; ids tie its answer to lines.
    auto lines = std::make_shared<std::vector<std::pair<quint64, QByteArray>>>();
    lines->reserve(std::size_t(model->rowCount()));
    for (int row = 0; row < model->rowCount(); ++row)
        lines->emplace_back(model->line(row).id, model->text(row));
    m_pendingPattern = pattern;
    m_pendingMatcher = matcher;
    m_pendingPrefilter = TextPrefilter(pattern, regex, caseSensitive);
    m_watcher.setFuture(QtConcurrent::run(&m_coordinator, [lines, matcher, prefilter = m_pendingPrefilter](QPromise<std::shared_ptr<const Matches>> &promise) {
        auto matches = std::make_shared<Matches>();
        const auto [lo, hi] = std::minmax_element(lines->cbegin(), lines->cend(),
                                                  [](const auto &a, const auto &b) { return a.first < b.first; });
        matches->firstId = lo->first;
        matches->lastId = hi->first;
        matches->byId.assign(std::size_t(matches->lastId - matches->firstId + 1), 0);
        // Chunks over every core; each writes its own bytes, so no locks.
        constexpr std::size_t kChunk = 16'384;
        std::vector<std::size_t> starts;
        for (std::size_t at = 0; at < lines->size(); at += kChunk)
            starts.push_back(at);
        QtConcurrent::blockingMap(starts, [&](std::size_t start) {
            if (promise.isCanceled())
                return;
            const auto end = std::min(start + kChunk, lines->size());
            // Each line decoded into one buffer per chunk: a million allocations fewer.
            QString buffer;
            QStringDecoder utf8Decoder(QStringDecoder::Utf8);
            for (auto i = start; i < end; ++i) {
                const auto &[id, utf8] = (*lines)[i];
                if (!prefilter.mayMatch(utf8))
                    continue; // cannot match: stays 0
                if (buffer.size() < utf8.size())
                    buffer.resize(utf8.size()); // UTF-16 never needs more units than UTF-8 has bytes
                utf8Decoder.resetState();
                const QChar *text = buffer.data();
                const QChar *textEnd = utf8Decoder.appendToBuffer(buffer.data(), utf8);
                // The decoder writes valid UTF-16 (U+FFFD for broken bytes): no need to check it again.
                matches->byId[std::size_t(id - matches->firstId)] =
                    matcher.match(QStringView(text, textEnd - text), 0, QRegularExpression::NormalMatch,
                                  QRegularExpression::DontCheckSubjectStringMatchOption)
                        .hasMatch();
            }
        });
        promise.addResult(std::shared_ptr<const Matches>(matches));
    }));
    return true;
}

void LogFilterProxy::apply(const QString &pattern, const QRegularExpression &matcher, const TextPrefilter &prefilter,
                           std::shared_ptr<const Matches> matches)
{
    m_pattern = pattern;
    m_matcher = matcher;
    m_prefilter = prefilter;
    m_matches = std::move(matches);
    // One layout change, not a removal per run of rows: scattered matches among a million lines
    // would otherwise cost minutes.
    invalidate();
    emit filtered();
}

void LogFilterProxy::setLevelShown(LogLevel level, bool shown)
{
    if (shown == isLevelShown(level))
        return;
    if (shown)
        m_hiddenLevels.remove(level);
    else
        m_hiddenLevels.insert(level);
    invalidate();
}

bool LogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *model = qobject_cast<const LogModel *>(sourceModel());
    if (!model)
        return true;
    const auto &line = model->line(sourceRow);
    if (line.gap > 0)
        return true;
    if (m_hiddenLevels.contains(line.level))
        return false;
    if (m_pattern.isEmpty())
        return true;
    if (m_matches && line.id >= m_matches->firstId && line.id <= m_matches->lastId)
        return m_matches->byId[std::size_t(line.id - m_matches->firstId)] != 0;
    const auto text = model->text(sourceRow);
    return m_prefilter.mayMatch(text) && m_matcher.match(QString::fromUtf8(text)).hasMatch();
}

} // namespace wf
