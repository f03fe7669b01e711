#!/usr/bin/env bash
# The architecture's arrows point one way: core/ and models/ never include a widget,
# widgets/ never knows a data source, lower layers never include higher ones.
set -u
root=$1
fail=0
check() { # folder, pattern, why
    local hits
    hits=$(grep -rnE "$2" "$root/$1" --include='*.h' --include='*.cpp' || true)
    if [ -n "$hits" ]; then
        echo "layering: $1/ $3:"; echo "$hits"; fail=1
    fi
}
check core 'QtWidgets|#include <Q(Widget|MainWindow|Dialog|Label|PushButton|Application)>' "must not use Qt Widgets"
check models 'QtWidgets|#include <Q(Widget|MainWindow|Dialog|Label|PushButton|Application)>' "must not use Qt Widgets"
check core '#include "(models|widgets|ui)/|#include "[a-z]*(model|view|window|dialog)\.h"' "must not include a higher layer"
check models '#include "(widgets|ui)/|#include "(mainwindow|settingsdialog|statuslight|timerangepicker)\.h"' "must not include widgets or ui"
check widgets '#include "(ui/|net/|sources/|mainwindow|settingsdialog)' "must not know data sources or views"
[ $fail -eq 0 ] && echo "layering: ok"
exit $fail
