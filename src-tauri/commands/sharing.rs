//! Sharing with a counselor (issue 7): this journal's key, paired contacts, share files (written
//! where the person chose, or as armored text), the share log, importing share files into the
//! counselor's inbox or as the client's goals proposals. See `docs/api-contract.md` ("Sharing")
//! and `docs/share-format.md`.
//!
//! Every command needs the vault unlocked (`locked` otherwise). Passphrases are wrapped in
//! `SecretString` as they arrive. Nothing here logs, and no error quotes what anyone wrote, a
//! name, a key or a path.
//!
//! Files: a share file is written to a new temporary file in the folder the person chose,
//! synced, then published under the chosen name without ever replacing a file that is there
//! (an existing file is `invalid_input`), and the share log line is committed only once the
//! file is complete. A path inside Cove's own data folder is refused.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use rand::RngCore;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use tauri::State;
use ts_rs::TS;
use zeroize::Zeroizing;

use super::error::{CommandError, CommandResult, ErrorCode};
use super::state::AppState;
use crate::journal;
use crate::prefs::{Mode, Prefs};
use crate::sharing::{
    self, Contact, ContactDraft, ImportOutcome, InboxShare, MyKey, PayloadKind, Sealing, ShareLock,
    ShareLogEntry, ShareMethod, SharePayload, ShareSelection, Suggestion, FILE_MAX_BYTES,
};
use crate::vault::fsutil::{fsync_dir, is_storage_full};
use crate::vault::Vault;

/// What `write_share` writes: the picked parts, locked to a contact's key or a passphrase, as a
/// binary age file or armored text, at `path`.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WriteShareInput {
    pub selection: ShareSelection,
    pub lock: ShareLock,
    /// ASCII-armored text instead of a binary file.
    pub armor: bool,
    /// The absolute path of the new file, from the system's save dialog. Never replaced.
    pub path: String,
}

/// What `write_suggestions` writes: a counselor's ideas for a paired client, locked to the
/// client's key, at `path`.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WriteSuggestionsInput {
    #[ts(type = "number")]
    pub contact_id: i64,
    pub suggestions: Vec<Suggestion>,
    /// A short note to the client.
    pub note: Option<String>,
    pub armor: bool,
    /// The absolute path of the new file, from the system's save dialog. Never replaced.
    pub path: String,
}

/// A share file written: where, and the share log's new line.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WriteShareResult {
    pub path: String,
    pub logged: ShareLogEntry,
}

// ── Keys and contacts ─────────────────────────────────────────────────────────────────────────

/// This journal's public key and fingerprint words (the key pair is made on the first call).
#[tauri::command(async)]
pub fn my_share_key(state: State<'_, AppState>) -> CommandResult<MyKey> {
    state.with_vault(|vault| Ok(sharing::my_key(vault.conn(), journal::local_now())?))
}

/// The fingerprint words of a pasted public key, to compare aloud before pairing. A text that is
/// not a public key is `invalid_input`.
#[tauri::command(async)]
pub fn share_key_fingerprint(
    state: State<'_, AppState>,
    recipient: String,
) -> CommandResult<Vec<String>> {
    state.with_vault(|_| {
        let key = sharing::parse_key(&recipient)?;
        Ok(sharing::fingerprint(&key))
    })
}

#[tauri::command(async)]
pub fn list_contacts(state: State<'_, AppState>) -> CommandResult<Vec<Contact>> {
    state.with_vault(|vault| Ok(sharing::list_contacts(vault.conn())?))
}

/// Adds (`draft.id` null) or changes a contact; a new key replaces the old one.
#[tauri::command(async)]
pub fn save_contact(state: State<'_, AppState>, draft: ContactDraft) -> CommandResult<Contact> {
    state.with_vault(|vault| {
        Ok(sharing::save_contact(
            vault.conn(),
            &draft,
            journal::local_now(),
        )?)
    })
}

#[tauri::command(async)]
pub fn delete_contact(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    state.with_vault(|vault| Ok(sharing::delete_contact(vault.conn(), id)?))
}

// ── Sharing ───────────────────────────────────────────────────────────────────────────────────

/// Exactly what the counselor would see, in order. Makes no key and writes nothing.
#[tauri::command(async)]
pub fn preview_share(
    state: State<'_, AppState>,
    selection: ShareSelection,
) -> CommandResult<SharePayload> {
    state.with_vault(|vault| {
        Ok(sharing::build_payload(
            vault.conn(),
            &selection,
            ShareMethod::Print,
            journal::local_now(),
        )?)
    })
}

/// Writes an encrypted share file at `input.path` and records it in the share log.
#[tauri::command(async)]
pub fn write_share(
    state: State<'_, AppState>,
    input: WriteShareInput,
) -> CommandResult<WriteShareResult> {
    state.with_vault(|vault| {
        let target = new_file_path(&state, &input.path)?;
        let now = journal::local_now();
        let lock = Lock::of(vault, input.lock)?;
        let payload =
            sharing::build_payload(vault.conn(), &input.selection, lock.file_method(), now)?;
        let sealed = seal_payload(&payload, &lock.sealing, input.armor)?;
        let logged = write_and_log(
            vault,
            &target,
            &sealed,
            &payload,
            lock.file_method(),
            lock.contact_id,
            now,
        )?;
        Ok(WriteShareResult {
            path: input.path,
            logged,
        })
    })
}

/// The share as armored text to paste (age's ASCII armor), recorded in the share log.
#[tauri::command(async)]
pub fn armored_share(
    state: State<'_, AppState>,
    selection: ShareSelection,
    lock: ShareLock,
) -> CommandResult<String> {
    state.with_vault(|vault| {
        let now = journal::local_now();
        let lock = Lock::of(vault, lock)?;
        // Locked to a key, the text carries this journal's key for answers; with a passphrase
        // it does not (like a passphrase file).
        let build_method = match lock.contact_id {
            Some(_) => ShareMethod::ArmoredText,
            None => ShareMethod::PassphraseFile,
        };
        let payload = sharing::build_payload(vault.conn(), &selection, build_method, now)?;
        let sealed = seal_payload(&payload, &lock.sealing, true)?;
        let text = String::from_utf8(sealed)
            .map_err(|_| CommandError::new(ErrorCode::Internal, INTERNAL))?;
        sharing::record_share(
            vault.conn(),
            &payload,
            ShareMethod::ArmoredText,
            lock.contact_id,
            now,
        )?;
        Ok(text)
    })
}

/// Records a printed summary or a "show in session" (nothing is written anywhere else).
#[tauri::command(async)]
pub fn log_shown_share(
    state: State<'_, AppState>,
    selection: ShareSelection,
    method: ShareMethod,
) -> CommandResult<ShareLogEntry> {
    state.with_vault(|vault| {
        if !matches!(method, ShareMethod::Print | ShareMethod::ShowInSession) {
            return Err(CommandError::new(
                ErrorCode::InvalidInput,
                "Only a printed summary or one shown in a session is recorded this way.",
            ));
        }
        let now = journal::local_now();
        let payload = sharing::build_payload(vault.conn(), &selection, method, now)?;
        Ok(sharing::record_share(
            vault.conn(),
            &payload,
            method,
            None,
            now,
        )?)
    })
}

/// Every share that went out, newest first.
#[tauri::command(async)]
pub fn list_share_log(state: State<'_, AppState>) -> CommandResult<Vec<ShareLogEntry>> {
    state.with_vault(|vault| Ok(sharing::list_share_log(vault.conn())?))
}

/// A counselor's ideas for a paired client, written as a file locked to the client's key.
#[tauri::command(async)]
pub fn write_suggestions(
    state: State<'_, AppState>,
    input: WriteSuggestionsInput,
) -> CommandResult<WriteShareResult> {
    state.with_vault(|vault| {
        let target = new_file_path(&state, &input.path)?;
        let now = journal::local_now();
        let contact = sharing::get_contact(vault.conn(), input.contact_id)?;
        let payload = sharing::build_suggestions(
            vault.conn(),
            &input.suggestions,
            input.note.as_deref(),
            now,
        )?;
        let sealed = seal_payload(
            &payload,
            &Sealing::Recipient(contact.recipient),
            input.armor,
        )?;
        let logged = write_and_log(
            vault,
            &target,
            &sealed,
            &payload,
            ShareMethod::File,
            Some(contact.id),
            now,
        )?;
        Ok(WriteShareResult {
            path: input.path,
            logged,
        })
    })
}

// ── Importing and the inbox ───────────────────────────────────────────────────────────────────

/// Imports a share file the person picked (a counselor's journal takes shares, a client's
/// suggestions). Reads at most 32 MiB and one byte: anything larger is `share_too_large`.
#[tauri::command(async)]
pub fn import_share_file(
    state: State<'_, AppState>,
    path: String,
    passphrase: Option<SecretString>,
) -> CommandResult<ImportOutcome> {
    state.with_vault(|vault| {
        let expected = expected_kind(&state)?;
        let bytes = read_share_file(&path)?;
        Ok(sharing::import_share(
            vault.conn(),
            &bytes,
            passphrase.as_ref(),
            Some(expected),
            journal::local_now(),
        )?)
    })
}

/// Imports a share pasted as armored text.
#[tauri::command(async)]
pub fn import_share_text(
    state: State<'_, AppState>,
    text: String,
    passphrase: Option<SecretString>,
) -> CommandResult<ImportOutcome> {
    state.with_vault(|vault| {
        let expected = expected_kind(&state)?;
        Ok(sharing::import_share(
            vault.conn(),
            text.as_bytes(),
            passphrase.as_ref(),
            Some(expected),
            journal::local_now(),
        )?)
    })
}

/// The counselor's inbox, newest import first.
#[tauri::command(async)]
pub fn list_inbox(state: State<'_, AppState>) -> CommandResult<Vec<InboxShare>> {
    state.with_vault(|vault| Ok(sharing::list_inbox(vault.conn())?))
}

#[tauri::command(async)]
pub fn get_inbox_share(state: State<'_, AppState>, id: i64) -> CommandResult<InboxShare> {
    state.with_vault(|vault| Ok(sharing::get_inbox_share(vault.conn(), id)?))
}

/// The counselor's private notes beside a share (`null` or blank clears them; never sent).
#[tauri::command(async)]
pub fn save_inbox_notes(
    state: State<'_, AppState>,
    id: i64,
    notes: Option<String>,
) -> CommandResult<InboxShare> {
    state.with_vault(|vault| Ok(sharing::save_inbox_notes(vault.conn(), id, notes)?))
}

/// Removes a share from the inbox (importing the same file again brings it back).
#[tauri::command(async)]
pub fn delete_inbox_share(state: State<'_, AppState>, id: i64) -> CommandResult<()> {
    state.with_vault(|vault| Ok(sharing::delete_inbox_share(vault.conn(), id)?))
}

// ── Helpers ───────────────────────────────────────────────────────────────────────────────────

const INTERNAL: &str = "Something unexpected went wrong inside Cove. Your writing is safe; please \
                        try again.";

/// A share lock, resolved: whom to seal for, and the contact to log.
struct Lock {
    sealing: Sealing,
    contact_id: Option<i64>,
}

impl Lock {
    fn of(vault: &Vault, lock: ShareLock) -> CommandResult<Lock> {
        Ok(match lock {
            ShareLock::Contact { contact_id } => {
                let contact = sharing::get_contact(vault.conn(), contact_id)?;
                Lock {
                    sealing: Sealing::Recipient(contact.recipient),
                    contact_id: Some(contact.id),
                }
            }
            ShareLock::Passphrase { passphrase } => Lock {
                sealing: Sealing::Passphrase(SecretString::from(passphrase)),
                contact_id: None,
            },
        })
    }

    /// How a file with this lock is logged.
    fn file_method(&self) -> ShareMethod {
        match self.sealing {
            Sealing::Recipient(_) => ShareMethod::File,
            Sealing::Passphrase(_) => ShareMethod::PassphraseFile,
        }
    }
}

/// The payload as JSON (wiped from memory afterwards), sealed.
fn seal_payload(payload: &SharePayload, to: &Sealing, armor: bool) -> CommandResult<Vec<u8>> {
    let json = Zeroizing::new(
        serde_json::to_vec(payload)
            .map_err(|_| CommandError::new(ErrorCode::Internal, INTERNAL))?,
    );
    Ok(sharing::seal(&json, to, armor)?)
}

/// Which kind of payload this journal imports: a counselor's takes shares, a client's (and one
/// whose mode was never chosen) suggestions.
fn expected_kind(state: &AppState) -> CommandResult<PayloadKind> {
    let dir = state.dir()?;
    Ok(match Prefs::load(dir.path()).mode {
        Some(Mode::Counselor) => PayloadKind::Share,
        Some(Mode::Client) | None => PayloadKind::Suggestions,
    })
}

fn invalid(message: &str) -> CommandError {
    CommandError::new(ErrorCode::InvalidInput, message)
}

/// Where a new share file may go: an absolute path with a file name, not inside Cove's data
/// folder, in a folder that exists, where no file is yet.
fn new_file_path(state: &AppState, path: &str) -> CommandResult<PathBuf> {
    let dir = state.dir()?;
    let target = PathBuf::from(path);
    let (Some(folder), Some(_)) = (target.parent(), target.file_name()) else {
        return Err(invalid(
            "Please choose where to save the file with the file picker.",
        ));
    };
    if !target.is_absolute() || folder.as_os_str().is_empty() {
        return Err(invalid(
            "Please choose where to save the file with the file picker.",
        ));
    }
    if super::backup::inside(dir.path(), folder) {
        return Err(invalid(
            "That folder is inside Cove's own data folder. Please choose a folder somewhere else.",
        ));
    }
    if !folder.is_dir() {
        return Err(invalid(
            "That folder isn't there anymore. Please choose another one.",
        ));
    }
    if fs::symlink_metadata(&target).is_ok() {
        return Err(already_there());
    }
    Ok(target)
}

fn already_there() -> CommandError {
    invalid(
        "There's already a file with that name there. Please choose another name, so nothing \
         gets replaced.",
    )
}

/// Writes the file, then commits the share log line; a failure of either leaves neither.
fn write_and_log(
    vault: &Vault,
    target: &Path,
    bytes: &[u8],
    payload: &SharePayload,
    method: ShareMethod,
    contact_id: Option<i64>,
    now: DateTime<FixedOffset>,
) -> CommandResult<ShareLogEntry> {
    let tx = vault
        .conn()
        .unchecked_transaction()
        .map_err(sharing::SharingError::from)?;
    let logged = sharing::record_share(&tx, payload, method, contact_id, now)?;
    write_new_file(target, bytes)?;
    if let Err(err) = tx.commit() {
        // Not recorded, so not shared: the file goes too.
        let _ = fs::remove_file(target);
        return Err(sharing::SharingError::from(err).into());
    }
    Ok(logged)
}

/// Writes `bytes` as a new file at `target`: a temporary file in the same folder, synced, then
/// linked under the final name (which fails if a file is there). On a file system without hard
/// links (a FAT USB stick) it is renamed instead, after checking the name is still free.
fn write_new_file(target: &Path, bytes: &[u8]) -> CommandResult<()> {
    let folder = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut suffix = [0u8; 6];
    rand::rngs::OsRng.fill_bytes(&mut suffix);
    let hex: String = suffix.iter().map(|b| format!("{b:02x}")).collect();
    let tmp = folder.join(format!(".{name}.tmp-{hex}"));

    let written = (|| -> io::Result<()> {
        // Normal permissions (umask): the person will hand this file on.
        let mut file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()
    })();
    if let Err(err) = written {
        let _ = fs::remove_file(&tmp);
        return Err(write_error(&err));
    }
    let published = match fs::hard_link(&tmp, target) {
        Ok(()) => fs::remove_file(&tmp),
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
            let _ = fs::remove_file(&tmp);
            return Err(already_there());
        }
        Err(_) => {
            if fs::symlink_metadata(target).is_ok() {
                let _ = fs::remove_file(&tmp);
                return Err(already_there());
            }
            fs::rename(&tmp, target)
        }
    };
    if let Err(err) = published {
        let _ = fs::remove_file(&tmp);
        return Err(write_error(&err));
    }
    // The file is complete under its name; a folder that can't be synced is not an error.
    let _ = fsync_dir(folder);
    Ok(())
}

fn write_error(err: &io::Error) -> CommandError {
    if is_storage_full(err) {
        CommandError::new(
            ErrorCode::StorageFull,
            "There's no space left on that disk, so the file wasn't saved. Free up some space or \
             choose another place.",
        )
    } else if matches!(
        err.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    ) {
        invalid("Cove can't save a file there. Please choose another folder.")
    } else {
        CommandError::new(
            ErrorCode::Storage,
            "Cove couldn't write the file there. Check that the disk is working and try again.",
        )
    }
}

/// The bytes of a share file the person picked, at most [`FILE_MAX_BYTES`] and one more (so
/// the domain can tell a file that is too large).
fn read_share_file(path: &str) -> CommandResult<Zeroizing<Vec<u8>>> {
    let path = Path::new(path);
    if path.as_os_str().is_empty() || !path.is_absolute() {
        return Err(invalid("Please choose a share file with the file picker."));
    }
    let read = (|| -> io::Result<Option<Vec<u8>>> {
        let file = File::open(path)?;
        if file.metadata()?.is_dir() {
            return Ok(None);
        }
        let mut bytes = Vec::new();
        file.take(FILE_MAX_BYTES as u64 + 1)
            .read_to_end(&mut bytes)?;
        Ok(Some(bytes))
    })();
    match read {
        Ok(Some(bytes)) => Ok(Zeroizing::new(bytes)),
        Ok(None) => Err(sharing::SharingError::NotAShare.into()),
        Err(err) => Err(match err.kind() {
            io::ErrorKind::NotFound => CommandError::new(
                ErrorCode::NotFound,
                "That file isn't there anymore. Please choose it again.",
            ),
            io::ErrorKind::PermissionDenied => {
                invalid("Cove isn't allowed to open that file. Please choose another one.")
            }
            _ => CommandError::new(
                ErrorCode::Storage,
                "Cove couldn't read that file. Check that the disk is working and try again.",
            ),
        }),
    }
}
