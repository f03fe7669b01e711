#!/usr/bin/env bash
# translations/watchfloor_de.ts must be complete: lupdate over today's sources into a copy finds no
# new (unfinished) string, and no entry is left unfinished.
set -euo pipefail
lupdate=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/translations/watchfloor_de.ts" "$work/check.ts"
"$lupdate" -silent -no-obsolete -locations none "$root/core" "$root/models" "$root/widgets" "$root/ui" "$root/app" \
    -ts "$work/check.ts" >"$work/lupdate.log" 2>&1 || { cat "$work/lupdate.log"; exit 1; }
unfinished=$(grep -c 'type="unfinished"' "$work/check.ts" || true)
if [ "$unfinished" -ne 0 ]; then
    echo "translations: $unfinished string(s) without a German translation:"
    grep -B3 'type="unfinished"' "$work/check.ts" | grep '<source>' | sed 's/^ */  /'
    echo "Run: cmake --build build/dev --target update_translations, then translate them."
    exit 1
fi
total=$(grep -c '<message' "$work/check.ts")
echo "translations: all $total strings translated"
# translations/watchfloor_en.ts: every string with a plural (%n) has its English forms.
cp "$root/translations/watchfloor_en.ts" "$work/en.ts"
"$lupdate" -silent -no-obsolete -locations none -pluralonly -target-language en "$root/core" "$root/models" \
    "$root/widgets" "$root/ui" "$root/app" -ts "$work/en.ts" >"$work/lupdate-en.log" 2>&1 || { cat "$work/lupdate-en.log"; exit 1; }
unfinished=$(grep -c 'type="unfinished"' "$work/en.ts" || true)
if [ "$unfinished" -ne 0 ]; then
    echo "translations: $unfinished plural string(s) without English forms in translations/watchfloor_en.ts:"
    grep -B3 'type="unfinished"' "$work/en.ts" | grep '<source>' | sed 's/^ */  /'
    echo "Run: lupdate -pluralonly -target-language en … -ts translations/watchfloor_en.ts, then give the one and many forms."
    exit 1
fi
echo "translations: English forms of all $(grep -c '<message' "$work/en.ts") plural strings"
