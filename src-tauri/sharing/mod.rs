//! Sharing with a counselor: this journal's age key pair and its paired contacts, the share
//! file (an age-encrypted, versioned JSON payload — `docs/share-format.md`) built from exactly
//! what the person picked, the share log, importing share files (a counselor's inbox; a
//! client's suggestions, which become goals proposals) and nothing partially imported; public
//! keys handed over as a QR code or a small key file.
//!
//! Plain Rust on a `rusqlite::Connection` to the unlocked vault, no Tauri (see
//! `ARCHITECTURE.md`). Nothing here logs, and no error message quotes what anyone wrote.

mod model;

pub use model::*;
mod error;

pub use error::{Result, SharingError};
mod log;
mod payload;

pub use log::{list_share_log, log_items, record_share};
pub use payload::{
    build_payload, build_suggestions, validate_payload, ITEMS_MAX, LIST_MAX, NAME_MAX_CHARS,
    PAYLOAD_MAX_BYTES, SAFETY_PLAN_SECTIONS, SUGGESTIONS_MAX, TEXT_MAX_CHARS, TOP_FEELINGS_SHARED,
};
mod contacts;
mod crypto;
mod keys;

pub use contacts::{
    contact_by_recipient, delete_contact, get_contact, list_contacts, save_contact,
    CONTACT_NAME_MAX_CHARS,
};
pub use crypto::{
    seal, unseal, Sealing, FILE_MAX_BYTES, HEADER_MAX_BYTES, SCRYPT_MAX_WORK_FACTOR,
    SCRYPT_WORK_FACTOR,
};
#[allow(unused_imports)]
pub(crate) use keys::identity;
pub use keys::{fingerprint, my_key, FINGERPRINT_WORDS};
mod import;
mod inbox;
mod key_file;
mod qr;

pub(crate) use contacts::parse_key;
pub use import::import_share;
pub use inbox::{
    delete_inbox_share, get_inbox_share, list_inbox, save_inbox_notes, INBOX_NOTES_MAX_CHARS,
};
pub(crate) use key_file::key_file_too_large;
pub use key_file::{key_file_text, key_from_key_file, KEY_FILE_COMMENT, KEY_FILE_MAX_BYTES};
#[cfg(test)]
pub(crate) use qr::picture_of;
pub(crate) use qr::picture_too_large;
pub use qr::{key_from_picture, key_qr, KeyQr, PICTURE_MAX_BYTES};
