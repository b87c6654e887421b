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
//! file is complete. A path inside Cove's own data folder is refused. This journal's public key
//! file (`export_my_key`) is written the same way.
//!
//! Files the person picked to read (a share, a picture of a QR code, a key file) are read only
//! up to a limit and one byte, never further.

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
    self, Contact, ContactDraft, ImportOutcome, InboxShare, KeyQr, MyKey, PayloadKind, Sealing,
    ShareLock, ShareLogEntry, ShareMethod, SharePayload, ShareSelection, Suggestion,
    FILE_MAX_BYTES, KEY_FILE_MAX_BYTES, PICTURE_MAX_BYTES,
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

// ── Keys handed over: QR codes and key files ──────────────────────────────────────────────────

/// The QR code of a public key (`age1…`), to draw on screen. Anything else is `invalid_input`.
#[tauri::command(async)]
pub fn key_qr(state: State<'_, AppState>, recipient: String) -> CommandResult<KeyQr> {
    state.with_vault(|_| Ok(sharing::key_qr(&recipient)?))
}

/// The public key in a QR code in a PNG or JPEG picture the person chose (`no_key_found` when
/// there is none). A file over 20 MiB is `invalid_input`, and is not read.
#[tauri::command(async)]
pub fn read_key_qr(state: State<'_, AppState>, path: String) -> CommandResult<String> {
    read_key_from(
        &state,
        &path,
        PICTURE_MAX_BYTES,
        "Please choose a picture with the file picker.",
        sharing::key_from_picture,
        sharing::picture_too_large,
    )
}

/// The public key in a key file the person chose: the first `age1…` line (or `age-keygen`'s
/// `# public key:` comment); a secret key in it is never read out. None: `no_key_found`; a file
/// over 64 KiB: `invalid_input`.
#[tauri::command(async)]
pub fn read_key_file(state: State<'_, AppState>, path: String) -> CommandResult<String> {
    read_key_from(
        &state,
        &path,
        KEY_FILE_MAX_BYTES,
        "Please choose a key file with the file picker.",
        sharing::key_from_key_file,
        sharing::key_file_too_large,
    )
}

/// Reads a public key out of a file the person picked, with `read`; a file over `max` bytes is
/// refused with `too_large` and never read. Needs the journal unlocked, but the file is read
/// without holding it. A folder holds no key.
fn read_key_from(
    state: &AppState,
    path: &str,
    max: usize,
    hint: &str,
    read: fn(&[u8]) -> sharing::Result<String>,
    too_large: fn() -> sharing::SharingError,
) -> CommandResult<String> {
    state.with_vault(|_| Ok(()))?;
    Ok(match read_picked_file(path, max, hint)? {
        Picked::Bytes(bytes) => read(&bytes)?,
        Picked::TooLarge => return Err(too_large().into()),
        Picked::Folder => return Err(sharing::SharingError::NoKeyFound.into()),
    })
}

/// Writes this journal's public key as a new key file at `path` (from the save dialog), as
/// share files are written: never replacing a file, never inside Cove's data folder. Returns
/// the path written.
#[tauri::command(async)]
pub fn export_my_key(state: State<'_, AppState>, path: String) -> CommandResult<String> {
    state.with_vault(|vault| {
        let target = new_file_path(&state, &path)?;
        let key = sharing::my_key(vault.conn(), journal::local_now())?;
        let text = sharing::key_file_text(&key.recipient)?;
        write_new_file(&target, text.as_bytes())?;
        Ok(path)
    })
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
        let sealed = seal_suggestions(
            vault,
            input.contact_id,
            &input.suggestions,
            input.note.as_deref(),
            input.armor,
            now,
        )?;
        let logged = write_and_log(
            vault,
            &target,
            &sealed.bytes,
            &sealed.payload,
            ShareMethod::File,
            Some(sealed.contact_id),
            now,
        )?;
        Ok(WriteShareResult {
            path: input.path,
            logged,
        })
    })
}

/// The same ideas as armored text to paste, locked to the client's key, recorded in the share
/// log (`armored_text`, to the client).
#[tauri::command(async)]
pub fn armored_suggestions(
    state: State<'_, AppState>,
    contact_id: i64,
    suggestions: Vec<Suggestion>,
    note: Option<String>,
) -> CommandResult<String> {
    state.with_vault(|vault| {
        let now = journal::local_now();
        let sealed = seal_suggestions(vault, contact_id, &suggestions, note.as_deref(), true, now)?;
        let text = String::from_utf8(sealed.bytes)
            .map_err(|_| CommandError::new(ErrorCode::Internal, INTERNAL))?;
        sharing::record_share(
            vault.conn(),
            &sealed.payload,
            ShareMethod::ArmoredText,
            Some(sealed.contact_id),
            now,
        )?;
        Ok(text)
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

/// Suggestions built and sealed to a contact's key, with what the share log needs.
struct SealedSuggestions {
    payload: SharePayload,
    bytes: Vec<u8>,
    contact_id: i64,
}

/// Builds a counselor's suggestions for the contact `contact_id` (`not_found` if there is none)
/// and seals them to the contact's key.
fn seal_suggestions(
    vault: &Vault,
    contact_id: i64,
    suggestions: &[Suggestion],
    note: Option<&str>,
    armor: bool,
    now: DateTime<FixedOffset>,
) -> CommandResult<SealedSuggestions> {
    let contact = sharing::get_contact(vault.conn(), contact_id)?;
    let payload = sharing::build_suggestions(vault.conn(), suggestions, note, now)?;
    let bytes = seal_payload(&payload, &Sealing::Recipient(contact.recipient), armor)?;
    Ok(SealedSuggestions {
        payload,
        bytes,
        contact_id: contact.id,
    })
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
/// the domain can tell a file that is too large). A folder is `not_a_share`.
fn read_share_file(path: &str) -> CommandResult<Zeroizing<Vec<u8>>> {
    match read_picked_file(
        path,
        FILE_MAX_BYTES,
        "Please choose a share file with the file picker.",
    )? {
        Picked::Bytes(bytes) => Ok(bytes),
        Picked::TooLarge => Err(sharing::SharingError::ShareTooLarge.into()),
        Picked::Folder => Err(sharing::SharingError::NotAShare.into()),
    }
}

/// A file the person picked, read.
enum Picked {
    /// At most the limit and one byte (more means too large), wiped from memory when dropped.
    Bytes(Zeroizing<Vec<u8>>),
    /// Larger than the limit by its size: not read at all.
    TooLarge,
    Folder,
}

/// Reads a file the person picked (an absolute path, else `invalid_input` with `choose`).
/// Never reads more than `max` bytes and one: a file whose size is over `max` is not read at
/// all, and one that turns out larger while read (a device, a file still growing) stops there,
/// so the domain can tell it is too large.
fn read_picked_file(path: &str, max: usize, choose: &str) -> CommandResult<Picked> {
    let path = Path::new(path);
    if path.as_os_str().is_empty() || !path.is_absolute() {
        return Err(invalid(choose));
    }
    let read = (|| -> io::Result<Picked> {
        let file = File::open(path)?;
        let meta = file.metadata()?;
        if meta.is_dir() {
            return Ok(Picked::Folder);
        }
        if meta.len() > max as u64 {
            return Ok(Picked::TooLarge);
        }
        let mut bytes = Zeroizing::new(Vec::new());
        file.take(max as u64 + 1).read_to_end(&mut bytes)?;
        Ok(Picked::Bytes(bytes))
    })();
    read.map_err(|err| match err.kind() {
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
    })
}
