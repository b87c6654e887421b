//! Cove: a private, offline journal.
//!
//! The crate is split in two layers (see `ARCHITECTURE.md`):
//! - domain modules (`vault`, `prefs`, `safety`, …) are plain Rust and never import `tauri`;
//! - `commands` is the only module that knows about Tauri: it wires the domain to the window.

pub mod backup;
pub mod commands;
pub mod goals;
pub mod identity;
pub mod journal;
pub mod prefs;
pub mod safety;
pub mod sharing;
pub mod vault;

#[cfg(test)]
mod test_support;

/// Starts the desktop app.
pub fn run() {
    commands::run();
}
