#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a fresh, unlocked gnome-keyring: the
# real Secret Service, as on a desktop. The keyring files live in a throw-away XDG_DATA_HOME so
# a keyring left by an earlier run (with another password) can never make it prompt.
#   scripts/with-keyring.sh COMMAND [ARGS…]
set -euo pipefail
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
XDG_DATA_HOME="$keyring_home" dbus-run-session -- sh -c '
  printf "cove-test-keyring" | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
  exec "$@"' sh "$@"
