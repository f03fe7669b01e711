#include "grafanaexportflow.h"

#include "dashboards/dashboard.h"
#include "grafana/grafanaexport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QSaveFile>

namespace wf {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(wf::GrafanaExportFlow)
};

} // namespace

bool GrafanaExportFlow::write(const Dashboard &dashboard, const QString &path, QStringList *notes, QString *error)
{
    const auto json = grafana::exportDashboard(dashboard, notes);
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(json) != json.size() || !out.commit()) {
        *error = out.errorString();
        return false;
    }
    return true;
}

QString GrafanaExportFlow::run(QWidget *parent, const Dashboard &dashboard)
{
    const auto title = Text::tr("Export “%1” as a Grafana dashboard").arg(QCoreApplication::translate("Dashboard", dashboard.title.toUtf8().constData()));
    const auto path = QFileDialog::getSaveFileName(parent, title, dashboard.id + QStringLiteral("-grafana.json"),
                                                   Text::tr("Grafana dashboards (*.json)"));
    if (path.isEmpty())
        return {};
    QStringList notes;
    QString error;
    if (!write(dashboard, path, &notes, &error)) {
        QMessageBox::warning(parent, title, Text::tr("“%1” could not be written: %2").arg(QDir::toNativeSeparators(path), error));
        return {};
    }
    QMessageBox box(QMessageBox::Information, title,
                    Text::tr("Written: %1\n\nFor Grafana 9 to 11: Dashboards → New → Import, then choose its Prometheus%2.")
                        .arg(QDir::toNativeSeparators(path),
                             notes.isEmpty() ? QString() : Text::tr(" (what Grafana shows differently: see the details)")),
                    QMessageBox::Ok, parent);
    box.setObjectName(QStringLiteral("grafanaExportReport"));
    if (!notes.isEmpty())
        box.setDetailedText(notes.join(u'\n'));
    box.exec();
    return path;
}

} // namespace wf
