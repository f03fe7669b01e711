#!/usr/bin/env bash
# cpack -G DEB builds an installable package: the binary, the .desktop entry, metainfo that
# appstreamcli accepts, a scalable icon, and dependencies worked out from the binary.
set -euo pipefail
build=$1
root=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) || { cat "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/*.deb)
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/watchfloor ./usr/share/applications/com.mytrader.Watchfloor.desktop \
         ./usr/share/metainfo/com.mytrader.Watchfloor.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/com.mytrader.Watchfloor.svg \
         ./usr/lib/systemd/user/watchfloor-report.service ./usr/lib/systemd/user/watchfloor-report.timer; do
    grep -qF "$f" <<<"$contents" || { echo "package: $f missing from $(basename "$deb")"; exit 1; }
done
depends=$(dpkg-deb -f "$deb" Depends)
for d in libqt6widgets6 libqt6network6 qt6-qpa-plugins; do
    grep -q "$d" <<<"$depends" || { echo "package: Depends lacks $d: $depends"; exit 1; }
done
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$root/packaging/com.mytrader.Watchfloor.desktop"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$root/packaging/com.mytrader.Watchfloor.metainfo.xml"
fi
# The Monday report: the timer starts the service, which runs the packaged binary's scheduled report.
grep -qx 'ExecStart=/usr/bin/watchfloor report --scheduled' "$root/packaging/watchfloor-report.service" \
    || { echo "package: watchfloor-report.service does not run /usr/bin/watchfloor report --scheduled"; exit 1; }
grep -qx 'OnCalendar=Mon \*-\*-\* 07:00:00' "$root/packaging/watchfloor-report.timer" \
    || { echo "package: watchfloor-report.timer is not Mondays at 07:00"; exit 1; }
if command -v systemd-analyze >/dev/null; then
    systemd-analyze calendar 'Mon *-*-* 07:00:00' >/dev/null
fi
echo "package: $(basename "$deb") ok; Depends: $depends"
