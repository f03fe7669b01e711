#include "demolauncher.h"

#include "telemetry/logging.h"
#include "telemetry/startuptrace.h"

#include <QCoreApplication>
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

void DemoLauncher::stop()
{
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
    m_stack = std::make_unique<DemoStack>(std::get<DemoStack::Programs>(programs));
    m_missing = DemoStack::missing(std::get<DemoStack::Programs>(programs));

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
    connect(m_stack.get(), &DemoStack::ready, &loop, [&] {
        ok = true;
        loop.quit();
    });
    connect(m_stack.get(), &DemoStack::failed, &loop, [&](const QString &message) {
        error = message;
        loop.quit();
    });
    connect(&dialog, &QProgressDialog::canceled, &loop, &QEventLoop::quit);
    if (interactive)
        dialog.show();
    QTimer::singleShot(0, m_stack.get(), &DemoStack::start);
    loop.exec();
    dialog.hide();
    if (!ok) {
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
