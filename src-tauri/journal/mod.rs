//! The journal: entries of every kind on one timeline, the trash, full-text search, the
//! calendar and insights, and the person's own feelings words and prompts.
//!
//! Plain Rust on a `rusqlite::Connection` to the unlocked vault; no Tauri here.

mod model;

pub use model::*;
