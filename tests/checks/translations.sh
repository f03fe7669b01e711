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
