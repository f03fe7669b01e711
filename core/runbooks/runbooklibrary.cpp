#include "runbooklibrary.h"

#include "telemetry/logging.h"

#include <QDir>
#include <QFile>
#include <QFileSystemWatcher>
#include <QTimer>

namespace wf {
namespace {

constexpr qint64 kMaxRunbookBytes = 1024 * 1024;

std::optional<QString> readText(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = RunbookLibrary::tr("%1: cannot be read (%2)").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxRunbookBytes) {
        *error = RunbookLibrary::tr("%1: larger than 1 MB, not a runbook").arg(path);
        return std::nullopt;
    }
    return QString::fromUtf8(file.readAll());
}

} // namespace

RunbookLibrary::RunbookLibrary(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFileSystemWatcher(this))
    , m_debounce(new QTimer(this))
{
    // An editor's save is a burst of events (write, rename, chmod): one reload after it settles.
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_debounce, &QTimer::timeout, this, &RunbookLibrary::reload);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_debounce, qOverload<>(&QTimer::start));
    reload();
}

QList<Runbook> RunbookLibrary::embedded()
{
    QList<Runbook> out;
    const QDir dir(QStringLiteral(":/runbooks"));
    for (const auto &name : dir.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name)) {
        QString error;
        if (auto text = readText(dir.filePath(name), &error)) {
            auto book = runbooks::parse(name.chopped(3), *text);
            book.origin = dir.filePath(name);
            out.append(book);
        }
    }
    return out;
}

void RunbookLibrary::setFolder(const QString &path)
{
    if (path == m_folder)
        return;
    m_folder = path;
    reload();
}

std::optional<Runbook> RunbookLibrary::find(const QString &slug) const
{
    for (const auto &book : m_runbooks)
        if (book.slug == slug)
            return book;
    return std::nullopt;
}

void RunbookLibrary::reload()
{
    auto books = embedded();
    m_errors.clear();
    if (!m_folder.isEmpty()) {
        const QDir dir(m_folder);
        if (!dir.exists())
            m_errors.append(tr("%1: the runbook folder does not exist").arg(m_folder));
        for (const auto &info : dir.entryInfoList({QStringLiteral("*.md")}, QDir::Files | QDir::Readable, QDir::Name)) {
            const auto slug = info.completeBaseName();
            if (!runbooks::isValidSlug(slug)) {
                m_errors.append(tr("%1: a runbook's name is its slug: lower-case letters, digits and dashes")
                                    .arg(info.filePath()));
                continue;
            }
            QString error;
            const auto text = readText(info.filePath(), &error);
            if (!text) {
                m_errors.append(error);
                continue;
            }
            auto book = runbooks::parse(slug, *text);
            book.origin = info.filePath();
            book.userProvided = true;
            const auto same = std::find_if(books.begin(), books.end(), [&](const Runbook &b) { return b.slug == slug; });
            if (same != books.end())
                *same = book;
            else
                books.append(book);
        }
    }
    std::sort(books.begin(), books.end(), [](const Runbook &a, const Runbook &b) {
        return QString::localeAwareCompare(a.title, b.title) < 0;
    });
    m_runbooks = books;
    for (const auto &e : std::as_const(m_errors))
        logging::get("ui")->warn("runbook folder: {}", e.toStdString());
    watch();
    emit changed();
}

void RunbookLibrary::watch()
{
    // Editors save by replacing the file, which drops it from the watcher: watch afresh each time.
    if (const auto watched = m_watcher->files() + m_watcher->directories(); !watched.isEmpty())
        m_watcher->removePaths(watched);
    if (m_folder.isEmpty() || !QDir(m_folder).exists())
        return;
    QStringList paths{m_folder};
    for (const auto &book : std::as_const(m_runbooks))
        if (book.userProvided)
            paths.append(book.origin);
    m_watcher->addPaths(paths);
}

} // namespace wf
