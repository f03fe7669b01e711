#include "firstrundialog.h"

#include "settingsdialog.h"
#include "store/settings.h"

#include <QMessageBox>
#include <QPushButton>

namespace wf {

FirstRun::Choice FirstRun::run(Settings &settings, QWidget *parent)
{
    while (settings.profileNames().isEmpty()) {
        QMessageBox box(parent);
        box.setWindowTitle(tr("Welcome to Watchfloor"));
        box.setIcon(QMessageBox::Information);
        box.setText(tr("There is no profile yet."));
        box.setInformativeText(tr("A profile says where Prometheus, Alertmanager, Loki and the service's health "
                                  "endpoint are. Start the demo (a simulated service with its own Prometheus and "
                                  "Alertmanager, on this machine, stopped when you close the window), or describe "
                                  "your own environment."));
        auto *demo = box.addButton(tr("Start the &demo"), QMessageBox::AcceptRole);
        auto *create = box.addButton(tr("&Create a profile…"), QMessageBox::ActionRole);
        box.addButton(tr("&Quit"), QMessageBox::RejectRole);
        box.setDefaultButton(demo);
        box.exec();
        if (box.clickedButton() == demo) {
            return Choice::Demo;
        } else if (box.clickedButton() == create) {
            SettingsDialog dialog(settings, parent);
            auto p = demoProfile();
            p.name = tr("My environment");
            dialog.addProfile(p);
            if (dialog.exec() == QDialog::Accepted && !dialog.selectedProfile().isEmpty())
                settings.setCurrentProfile(dialog.selectedProfile());
        } else {
            return Choice::Quit;
        }
    }
    return Choice::Profile;
}

} // namespace wf
