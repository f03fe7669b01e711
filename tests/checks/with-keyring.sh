#!/usr/bin/env bash
# Runs a command on a private D-Bus session with an unlocked gnome-keyring (Secret Service),
# in a throw-away home so that no real keyring is touched. The daemon ends with the bus.
set -uo pipefail
if [ -z "${WITH_KEYRING_HOME:-}" ]; then
    WITH_KEYRING_HOME=$(mktemp -d)
    export WITH_KEYRING_HOME
    dbus-run-session -- "$0" "$@"
    status=$?
    rm -rf "$WITH_KEYRING_HOME"
    exit $status
fi
export HOME="$WITH_KEYRING_HOME" XDG_DATA_HOME="$WITH_KEYRING_HOME/data" XDG_RUNTIME_DIR="$WITH_KEYRING_HOME/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
eval "$(printf 'watchfloor-test' | gnome-keyring-daemon --unlock --components=secrets)"
exec "$@"
