#!/usr/bin/env bash
# Sets up everything Cove needs on a fresh Debian/Ubuntu machine, then opens the app.
#   ./scripts/setup.sh            install what is missing, then open Cove (tauri dev)
#   ./scripts/setup.sh --no-open  install/check only (used by scripts/test.sh)
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

open_app=1
[ "${1:-}" = "--no-open" ] && open_app=0

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages: the WebKitGTK toolchain Tauri builds against, SQLCipher's C build needs,
# and the real parts the tests use (Xvfb, WebKitWebDriver, D-Bus + gnome-keyring, age, qrencode).
APT_PACKAGES=(
  build-essential pkg-config file curl libssl-dev
  libwebkit2gtk-4.1-dev libxdo-dev libayatana-appindicator3-dev librsvg2-dev libdbus-1-dev
  webkit2gtk-driver xvfb xauth dbus dbus-x11 gnome-keyring age qrencode imagemagick x11-utils xdotool
)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# Node.js 20.19+ for the front end (Vite 7).
node_ok() { command -v node >/dev/null && node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)'; }
if ! node_ok; then
  say "Installing Node.js and npm from Debian"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
  node_ok || { echo "Cove needs Node.js 20.19 or newer; this system has $(node --version 2>/dev/null || echo none)." >&2; exit 1; }
fi

# Rust (stable, via rustup) is needed to build the app.
if ! command -v cargo >/dev/null; then
  echo "Cove needs Rust: install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi
if ! cargo clippy --version >/dev/null 2>&1 || ! cargo fmt --version >/dev/null 2>&1; then
  rustup component add clippy rustfmt
fi

say "Installing the front end's npm packages (ui/)"
if [ -d ui/node_modules ] && [ ui/node_modules/.package-lock.json -nt ui/package-lock.json ]; then
  echo "up to date"
else
  npm ci --prefix ui --no-audit --no-fund
fi

# tauri-driver bridges WebDriver to the app for the end-to-end tests.
if ! command -v tauri-driver >/dev/null; then
  say "Installing tauri-driver"
  cargo install tauri-driver --locked --version '^2'
fi

if [ "$open_app" -eq 1 ]; then
  say "Opening Cove"
  exec ui/node_modules/.bin/tauri dev
fi
say "Setup complete"
