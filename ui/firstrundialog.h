#pragma once

#include <QCoreApplication>

class QWidget;

namespace wf {

class Settings;

// The first start, with no profile yet: offer the demo profile or a new one.
class FirstRun
{
    Q_DECLARE_TR_FUNCTIONS(wf::FirstRun)
public:
    // Leaves at least one profile in the settings and returns true, or false when the user quit.
    static bool run(Settings &settings, QWidget *parent = nullptr);
};

} // namespace wf
