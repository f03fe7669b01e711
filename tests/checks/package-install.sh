#!/usr/bin/env bash
# The installed package is the tested path: the .deb that cpack builds is unpacked into a clean
# root (dpkg -x), apt says it can install it on this machine with its dependencies, and the
# unpacked watchfloor starts the demo — with the unpacked mytrader-sim, the real Prometheus and
# Alertmanager of its Recommends — and paints live values from Prometheus and the health endpoint.
set -euo pipefail
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) || { cat "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/*.deb)
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/watchfloor ./usr/bin/mytrader-sim; do
    grep -qF "$f" <<<"$contents" || { echo "package-install: $f missing from $(basename "$deb")"; exit 1; }
done
# apt would install it here, dependencies resolved (a dry run: nothing is changed).
if ! apt-get install --simulate --no-install-recommends "$deb" >"$out/apt.log" 2>&1; then
    echo "package-install: apt-get cannot install $(basename "$deb"):"; cat "$out/apt.log"; exit 1
fi
recommends=$(dpkg-deb -f "$deb" Recommends)
for r in prometheus prometheus-alertmanager; do
    grep -q "$r" <<<"$recommends" || { echo "package-install: Recommends lacks $r: $recommends"; exit 1; }
done

root=$out/root
dpkg -x "$deb" "$root"
# A user's first start: no settings, nothing of the build tree on PATH.
export HOME=$out/home XDG_CONFIG_HOME=$out/home/.config XDG_DATA_HOME=$out/home/.local/share \
    XDG_STATE_HOME=$out/home/.local/state TMPDIR=$out/tmp QT_QPA_PLATFORM=offscreen LANG=C.UTF-8
mkdir -p "$HOME" "$TMPDIR"
export PATH=/usr/local/bin:/usr/bin:/bin
start=$(date +%s%N)
if ! timeout 180 "$root/usr/bin/watchfloor" --demo --screenshot-dir "$out/shots" --view operations \
        >"$out/run.log" 2>&1; then
    echo "package-install: the unpacked watchfloor --demo failed:"; tail -40 "$out/run.log"; exit 1
fi
end=$(date +%s%N)
grep -q "started mytrader-sim .*program=$root/usr/bin/mytrader-sim" "$out/run.log" || {
    echo "package-install: the demo did not use the packaged mytrader-sim:"; grep "started" "$out/run.log"; exit 1; }
python3 - "$out/shots/operations.json" <<'PY'
import json, sys
view = json.load(open(sys.argv[1]))
sources = {}
for panel in view["panels"]:
    for v in panel.get("values", []):
        if isinstance(v.get("value"), (int, float)) or v.get("text"):
            sources.setdefault(v.get("source"), []).append(panel["title"])
for needed in ("prometheus", "health"):
    if needed not in sources:
        sys.exit(f"package-install: no live value from {needed} on Operations: {sources}")
print("package-install: live values on Operations from", ", ".join(f"{k} ({len(v)})" for k, v in sorted(sources.items())))
PY
ready=$(grep -o "demo stack ready in [0-9]* ms" "$out/run.log" || true)
echo "package-install: $(basename "$deb") ok; $ready; launch to screenshots $(( (end - start) / 1000000 )) ms"
