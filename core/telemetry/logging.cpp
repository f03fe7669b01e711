#include "logging.h"

#include "redactingsink.h"

#include <QDir>
#include <QStandardPaths>
#include <QtGlobal>

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <mutex>

namespace wf::logging {
namespace {

constexpr std::string_view kAreas[] = {"app", "net", "sources", "ui", "store", "qt"};

std::mutex g_mutex;
std::shared_ptr<RedactingSink> g_sink;

void qtMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    auto level = spdlog::level::info;
    switch (type) {
    case QtDebugMsg: level = spdlog::level::debug; break;
    case QtInfoMsg: level = spdlog::level::info; break;
    case QtWarningMsg: level = spdlog::level::warn; break;
    case QtCriticalMsg: level = spdlog::level::err; break;
    case QtFatalMsg: level = spdlog::level::critical; break;
    }
    const auto category = context.category && qstrcmp(context.category, "default") != 0 ? context.category : "";
    get("qt")->log(level, "{}{}{}", category, *category ? ": " : "", message.toStdString());
    if (type == QtFatalMsg)
        std::abort();
}

} // namespace

QString defaultDirectory()
{
    auto state = qEnvironmentVariable("XDG_STATE_HOME");
    if (state.isEmpty())
        state = QDir::home().filePath(QStringLiteral(".local/state"));
    return QDir(state).filePath(QStringLiteral("watchfloor"));
}

QString logFilePath(const QString &directory)
{
    return QDir(directory).filePath(QStringLiteral("watchfloor.log"));
}

std::optional<spdlog::level::level_enum> levelFromName(const QString &name)
{
    static const std::pair<const char *, spdlog::level::level_enum> kLevels[] = {
        {"trace", spdlog::level::trace}, {"debug", spdlog::level::debug},   {"info", spdlog::level::info},
        {"warn", spdlog::level::warn},   {"warning", spdlog::level::warn},  {"error", spdlog::level::err},
        {"critical", spdlog::level::critical}, {"off", spdlog::level::off}};
    for (const auto &[key, level] : kLevels) {
        if (name.compare(QLatin1String(key), Qt::CaseInsensitive) == 0)
            return level;
    }
    return std::nullopt;
}

void setup(const Options &options)
{
    std::lock_guard lock(g_mutex);
    std::vector<spdlog::sink_ptr> sinks;
    if (options.toStderr)
        sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    if (options.toFile) {
        const auto dir = options.directory.isEmpty() ? defaultDirectory() : options.directory;
        if (QDir().mkpath(dir)) {
            try {
                sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                    logFilePath(dir).toStdString(), 5 * 1024 * 1024, 5));
            } catch (const spdlog::spdlog_ex &e) {
                // Logging to stderr alone is better than not starting.
                fprintf(stderr, "watchfloor: cannot open the log file in %s: %s\n", qPrintable(dir), e.what());
            }
        }
    }
    g_sink = std::make_shared<RedactingSink>(std::move(sinks));
    g_sink->set_formatter(std::make_unique<spdlog::pattern_formatter>("%Y-%m-%dT%H:%M:%S.%eZ %^%-5l%$ [%n] %v",
                                                                      spdlog::pattern_time_type::utc));
    for (const auto area : kAreas) {
        const std::string name(area);
        spdlog::drop(name);
        auto logger = std::make_shared<spdlog::logger>(name, g_sink);
        logger->set_level(options.level);
        logger->flush_on(spdlog::level::warn);
        spdlog::register_logger(logger);
    }
    qInstallMessageHandler(qtMessageHandler);
}

std::shared_ptr<spdlog::logger> get(std::string_view area)
{
    {
        std::lock_guard lock(g_mutex);
        if (g_sink) {
            if (auto logger = spdlog::get(std::string(area)))
                return logger;
        }
    }
    if (!g_sink) {
        Options defaults;
        defaults.toFile = false;
        setup(defaults);
    }
    if (auto logger = spdlog::get(std::string(area)))
        return logger;
    // An area not known in advance: give it a logger on the same sink.
    std::lock_guard lock(g_mutex);
    auto logger = std::make_shared<spdlog::logger>(std::string(area), g_sink);
    logger->set_level(spdlog::get("app")->level());
    spdlog::register_logger(logger);
    return logger;
}

} // namespace wf::logging
