//! TypeScript types for every value that crosses the IPC boundary, generated from the Rust
//! types with ts-rs into one file, `ui/src/api/bindings.ts`.
//!
//! `cargo test bindings_are_current` fails when the committed file differs from what the Rust
//! types say; `UPDATE_BINDINGS=1 cargo test bindings_are_current` rewrites it.

use ts_rs::{Config, TS};

use super::app::AppStatus;
use super::error::{CommandError, ErrorCode};
use super::vault::{CreateVaultInput, CreatedVault};
use crate::prefs::{Accent, Language, Mode, Prefs, Theme};
use crate::safety::{SafetyContact, SafetyPlan};
use crate::vault::{KeychainStatus, Profile};

/// Where the generated file lives, relative to the repository root.
pub const BINDINGS_PATH: &str = "ui/src/api/bindings.ts";

fn declare<T: TS>(cfg: &Config, out: &mut String) {
    out.push_str("export ");
    out.push_str(&T::decl(cfg));
    out.push_str("\n\n");
}

/// The whole generated file.
pub fn typescript_bindings() -> String {
    let cfg = Config::new();
    let mut out = String::from(
        "// Generated from the Rust types by `UPDATE_BINDINGS=1 cargo test bindings_are_current`.\n\
         // Do not edit by hand: change the Rust type, then regenerate.\n\n",
    );
    declare::<ErrorCode>(&cfg, &mut out);
    declare::<CommandError>(&cfg, &mut out);
    declare::<Mode>(&cfg, &mut out);
    declare::<Language>(&cfg, &mut out);
    declare::<Theme>(&cfg, &mut out);
    declare::<Accent>(&cfg, &mut out);
    declare::<Prefs>(&cfg, &mut out);
    declare::<KeychainStatus>(&cfg, &mut out);
    declare::<AppStatus>(&cfg, &mut out);
    declare::<Profile>(&cfg, &mut out);
    declare::<CreateVaultInput>(&cfg, &mut out);
    declare::<CreatedVault>(&cfg, &mut out);
    declare::<SafetyContact>(&cfg, &mut out);
    declare::<SafetyPlan>(&cfg, &mut out);
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
