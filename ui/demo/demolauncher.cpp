#include "demolauncher.h"

#include "telemetry/logging.h"
#include "telemetry/startuptrace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QMessageBox>
#include <QProgressDialog>
#include <QTimer>

#include <cstdio>

namespace wf {

DemoLauncher::DemoLauncher(QObject *parent, const QString &programsDir)
    : QObject(parent)
    , m_programsDir(programsDir.isEmpty() ? QCoreApplication::applicationDirPath() : programsDir)
{
}

DemoLauncher::~DemoLauncher() = default;

bool DemoLauncher::isRunning() const
{
    return m_stack && m_stack->isRunning();
}

std::optional<Profile> DemoLauncher::profile() const
{
    if (!isRunning())
        return std::nullopt;
    return m_stack->profile();
}

QList<Profile> DemoLauncher::profiles() const
{
    QList<Profile> all;
    if (!isRunning())
        return all;
    all.append(m_stack->profile());
    for (const auto &stack : m_more)
        if (stack->isRunning())
            all.append(stack->profile());
    return all;
}

void DemoLauncher::stop()
{
    m_more.clear();
    m_stack.reset();
    m_missing.clear();
}

std::optional<Profile> DemoLauncher::start(QWidget *parent, bool interactive)
{
    m_error.clear();
    if (isRunning())
        return m_stack->profile();
    const auto report = [&](const QString &message) {
        m_error = message;
        logging::get("demo")->error("{}", message.toStdString());
        std::fputs(qPrintable(message + u'\n'), stderr);
        if (interactive)
            QMessageBox::critical(parent, tr("Watchfloor demo"), message);
    };
    const auto programs = DemoStack::locate(m_programsDir);
    if (const auto *error = std::get_if<QString>(&programs)) {
        report(*error);
        return std::nullopt;
    }
    if (const auto why = DemoStack::cannotRun(std::get<DemoStack::Programs>(programs), m_metrics); !why.isEmpty()) {
        report(why);
        return std::nullopt;
    }
    m_stack = std::make_unique<DemoStack>(std::get<DemoStack::Programs>(programs));
    m_stack->setMetrics(m_metrics);
    m_more.clear();
    const auto seed = quint64(QDateTime::currentMSecsSinceEpoch() % 1000000 + 1);
    if (m_environments > 1) {
        m_stack->setName(QStringLiteral("demo-1"));
        m_stack->setSeed(seed);
        for (int i = 2; i <= m_environments; ++i) {
            auto stack = std::make_unique<DemoStack>(std::get<DemoStack::Programs>(programs));
            stack->setName(QStringLiteral("demo-%1").arg(i));
            stack->setSeed(seed + quint64(i) * 7919); // each environment lives its own days
            stack->setMetrics(m_metrics);
            m_more.push_back(std::move(stack));
        }
    }
    m_missing = DemoStack::missing(std::get<DemoStack::Programs>(programs), m_metrics);

    QProgressDialog dialog(tr("Starting the demo stack…"), tr("Cancel"), 0, DemoStack::kSteps, parent);
    dialog.setWindowTitle(tr("Watchfloor demo"));
    dialog.setMinimumDuration(0);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    QEventLoop loop;
    QString error;
    bool ok = false;
    connect(m_stack.get(), &DemoStack::progress, &dialog, [&dialog](int step, int, const QString &text) {
        dialog.setValue(step - 1);
        dialog.setLabelText(text);
    });
    int readyStacks = 0;
    const int stacks = 1 + int(m_more.size());
    std::vector<DemoStack *> all{m_stack.get()};
    for (const auto &stack : m_more)
        all.push_back(stack.get());
    for (auto *stack : all) {
        connect(stack, &DemoStack::ready, &loop, [&] {
            if (++readyStacks < stacks)
                return;
            ok = true;
            loop.quit();
        });
        connect(stack, &DemoStack::failed, &loop, [&](const QString &message) {
            error = message;
            loop.quit();
        });
    }
    connect(&dialog, &QProgressDialog::canceled, &loop, &QEventLoop::quit);
    if (interactive)
        dialog.show();
    for (auto *stack : all)
        QTimer::singleShot(0, stack, &DemoStack::start);
    loop.exec();
    dialog.hide();
    if (!ok) {
        m_more.clear();
        m_stack.reset();
        m_missing.clear();
        if (!error.isEmpty())
            report(error);
        return std::nullopt;
    }
    startup::mark("demo-ready");
    if (!m_missing.isEmpty()) {
        logging::get("demo")->warn("{}", m_missing.toStdString());
        std::fputs(qPrintable(m_missing + u'\n'), stderr);
        if (interactive)
            QMessageBox::information(parent, tr("Watchfloor demo"), m_missing);
    }
    return m_stack->profile();
}

} // namespace wf
