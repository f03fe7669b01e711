#!/bin/sh
# The demo stack's configs (resources/demo/) are valid for the real promtool and amtool, with the
# ports filled in as `watchfloor --demo` does.
set -eu
root=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sed -e 's/@ALERTMANAGER_PORT@/19093/' -e 's/@SIMULATOR_PORT@/15002/' -e 's/@PROMETHEUS_PORT@/19090/' \
    "$root/resources/demo/prometheus.yml" > "$dir/prometheus.yml"
if grep -q '@[A-Z_]*@' "$dir/prometheus.yml"; then
    echo "unfilled placeholder in resources/demo/prometheus.yml" >&2
    exit 1
fi
cp "$root/resources/alerts/alpaca-alerts.yml" "$dir/"
promtool check config "$dir/prometheus.yml"
amtool check-config "$root/resources/demo/alertmanager.yml"
