#include "grafanaimportflow.h"

#include "dashboards/dashboard.h"
#include "grafana/grafanaimport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QSaveFile>

namespace wf {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(wf::GrafanaImportFlow)
};

} // namespace

QString GrafanaImportFlow::run(QWidget *parent, QString *folder)
{
    const auto path = QFileDialog::getOpenFileName(parent, Text::tr("Import a Grafana dashboard"), QString(),
                                                   Text::tr("Grafana dashboards (*.json);;All files (*)"));
    if (path.isEmpty())
        return {};
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly) || in.size() > 32 * 1024 * 1024) {
        QMessageBox::warning(parent, Text::tr("Import a Grafana dashboard"),
                             Text::tr("“%1” cannot be read: %2").arg(path, in.isOpen() ? Text::tr("larger than 32 MB") : in.errorString()));
        return {};
    }
    const auto imported = grafana::importDashboard(in.readAll());
    if (!imported) {
        QMessageBox::warning(parent, Text::tr("Import a Grafana dashboard"),
                             Text::tr("“%1” was not imported: %2").arg(QDir::toNativeSeparators(path), imported.error().message));
        return {};
    }
    const auto &result = imported.value();
    if (folder->isEmpty()) {
        const auto chosen = QFileDialog::getExistingDirectory(parent, Text::tr("Choose a dashboard folder for this profile"));
        if (chosen.isEmpty())
            return {};
        *folder = chosen;
    }
    const auto target = QDir(*folder).filePath(result.dashboard.id + QStringLiteral(".json"));
    if (QFile::exists(target)
        && QMessageBox::question(parent, Text::tr("Import a Grafana dashboard"),
                                 Text::tr("“%1” is in the dashboard folder already. Replace it?").arg(result.dashboard.title))
               != QMessageBox::Yes)
        return {};
    const auto json = dashboards::toJson(result.dashboard);
    QSaveFile save(target);
    if (!QDir().mkpath(*folder) || !save.open(QIODevice::WriteOnly) || save.write(json) != json.size() || !save.commit()) {
        QMessageBox::warning(parent, Text::tr("Import a Grafana dashboard"),
                             Text::tr("Cannot write “%1”: %2").arg(QDir::toNativeSeparators(target), save.errorString()));
        return {};
    }
    QMessageBox report(QMessageBox::Information, Text::tr("Import a Grafana dashboard"),
                       Text::tr("“%1”: %2 of %3 panels mapped. It is listed under Dashboards.")
                           .arg(result.dashboard.title)
                           .arg(result.mapped)
                           .arg(result.panels),
                       QMessageBox::Ok, parent);
    report.setObjectName(QStringLiteral("grafanaImportReport"));
    report.setDetailedText(result.report());
    report.exec();
    return result.dashboard.id;
}

} // namespace wf
