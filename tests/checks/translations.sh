#!/usr/bin/env bash
# translations/watchfloor_de.ts must be complete: lupdate over today's sources into a copy finds no
# new (unfinished) string, and no entry is left unfinished. translations/watchfloor_en.ts likewise
# for the strings with a plural (%n): their English one and many forms.
set -euo pipefail
lupdate=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# check FILE WHAT HOW [lupdate options…]: lupdate into a copy of translations/FILE; fails naming
# the strings left unfinished (WHAT they lack, HOW to fix it); prints how many entries there are.
check() {
    local file=$1 what=$2 how=$3
    shift 3
    cp "$root/translations/$file" "$work/$file"
    "$lupdate" -silent -no-obsolete -locations none "$@" "$root/core" "$root/models" "$root/widgets" "$root/ui" \
        "$root/app" -ts "$work/$file" >"$work/$file.log" 2>&1 || { cat "$work/$file.log"; exit 1; }
    local unfinished
    # Unfinished, or a plural form left empty.
    unfinished=$(grep -c -E 'type="unfinished"|<numerusform></numerusform>' "$work/$file" || true)
    if [ "$unfinished" -ne 0 ]; then
        {
            echo "translations: $unfinished string(s) without $what in translations/$file:"
            grep -B4 -E 'type="unfinished"|<numerusform></numerusform>' "$work/$file" | grep '<source>' | sort -u | sed 's/^ */  /'
            echo "Run: $how"
        } >&2
        exit 1
    fi
    grep -c '<message' "$work/$file"
}

total=$(check watchfloor_de.ts "a German translation" \
    "cmake --build build/dev --target update_translations, then translate them.")
echo "translations: all $total strings translated"
plurals=$(check watchfloor_en.ts "English plural forms" \
    "lupdate -pluralonly -target-language en … -ts translations/watchfloor_en.ts, then give the one and many forms." \
    -pluralonly -target-language en)
echo "translations: English forms of all $plurals plural strings"
