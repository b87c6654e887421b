#!/usr/bin/env bash
# Runs every test suite Cove has, and exits non-zero on the first failure:
# formatting and lints, the UI's type check / lint / unit tests, the Rust domain and command
# tests (with the real Secret Service), then the app built and driven in its real window.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# A full run builds Cove several ways (tests, benchmark, the app for the window tests); without
# incremental caches it needs about half the disk, and a cold build is no slower.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# A cold run writes about 4 GB under target/ and 1 GB of crates: say so before a build dies of it.
free_mb=$(df -Pm . | awk 'NR == 2 { print $4 }')
if [ "${free_mb:-0}" -lt 6000 ]; then
  printf '\033[1mNote: %s MB of disk is free here; a run from a clean clone needs about 6 GB.\033[0m\n' "$free_mb"
fi

say "Setup (installs anything missing)"
./scripts/setup.sh --no-open

say "Formatting and lints"
cargo fmt --all --check
npm --prefix ui run --silent typecheck
npm --prefix ui run --silent lint

say "UI unit tests (Vitest + Testing Library + axe-core)"
npm --prefix ui run --silent test

say "Building the front end"
npm --prefix ui run --silent build

say "Clippy"
cargo clippy --workspace --all-targets -- -D warnings

say "Rust tests (domain, commands on the mock runtime, keychain, crash safety)"
./scripts/with-keyring.sh cargo test -p cove

say "Benchmark smoke run (quick mode: 1k entries; the numbers are not judged here)"
cargo run -p cove-bench -- --quick

say "End-to-end tests in the real window (tauri-driver + WebKitWebDriver under Xvfb)"
./scripts/e2e.sh

say "All tests passed"
