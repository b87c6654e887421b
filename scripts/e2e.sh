#!/usr/bin/env bash
# Builds the app with its front end embedded and drives the real window through WebDriver:
# tauri-driver + Debian's WebKitWebDriver, under Xvfb, inside a private D-Bus session with a
# fresh unlocked gnome-keyring. Screenshots land in target/e2e/screens/, the data folders the
# run used in target/e2e/data/. Extra arguments go to the test binary (e.g. a test name).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

ui/node_modules/.bin/tauri build --debug --no-bundle
# `cargo test -p cove` rebuilds target/debug/cove without the embedded front end, so the
# suite drives its own copy of the binary `tauri build` made.
mkdir -p target/e2e-bin
cp target/debug/cove target/e2e-bin/cove

rm -rf target/e2e
exec ./scripts/with-keyring.sh env NO_AT_BRIDGE=1 WEBKIT_DISABLE_DMABUF_RENDERER=1 \
  COVE_E2E_APP="$PWD/target/e2e-bin/cove" \
  xvfb-run -a -s "-screen 0 1280x900x24" cargo test -p cove-e2e -- --test-threads=1 "$@"
