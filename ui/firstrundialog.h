#pragma once

#include <QCoreApplication>

class QWidget;

namespace wf {

class Settings;

// The first start, with no profile yet: offer the demo (the stack `--demo` starts, on this machine)
// or a profile of one's own.
class FirstRun
{
    Q_DECLARE_TR_FUNCTIONS(wf::FirstRun)
public:
    enum class Choice { Quit, Demo, Profile };
    // Profile: at least one profile is in the settings. Demo: the caller starts the demo stack
    // (nothing is stored; the next start asks again).
    static Choice run(Settings &settings, QWidget *parent = nullptr);
};

} // namespace wf
