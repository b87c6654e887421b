//! Small file-system helpers the vault (and `prefs.rs`) share: private folders and files,
//! and the one atomic-write routine used for every small file Cove replaces in place.
//!
//! Why atomic: the key-slot file holds the only wrapped copies of the data key. A torn write
//! (power loss, crash, full disk half-way) must leave either the old file or the new one,
//! never a mix. The recipe is the classic one: write a temporary file in the same folder,
//! fsync it, rename it over the target, then fsync the folder so the rename itself is durable.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use rand::RngCore;

/// Permission bits for the data folder: only the owner may list or enter it.
pub const DIR_MODE: u32 = 0o700;
/// Permission bits for every file in the data folder: only the owner may read or write it.
pub const FILE_MODE: u32 = 0o600;

/// Creates `dir` (and its parents) if needed and makes sure the folder itself is `0700`.
pub fn ensure_private_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    set_mode(dir, DIR_MODE)
}

/// Sets the Unix permission bits of `path` (no-op elsewhere).
pub fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(mode))
    }
    #[cfg(not(unix))]
    {
        let _ = (path, mode);
        Ok(())
    }
}

/// Tightens an existing file to `0600`; a missing file is fine.
pub fn restrict_if_exists(path: &Path) -> io::Result<()> {
    match set_mode(path, FILE_MODE) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// Opens (creating if needed) a file that only the owner can read and write.
pub fn open_private(path: &Path, create_new: bool) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true);
    if create_new {
        options.create_new(true);
    } else {
        options.create(true);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(FILE_MODE);
    }
    let file = options.open(path)?;
    // `mode` is filtered by the umask and ignored for files that already existed.
    set_mode(path, FILE_MODE)?;
    Ok(file)
}

/// Flushes a folder's entry table to disk so a rename or create inside it survives power loss.
pub fn fsync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Replaces `target` with `bytes` atomically: afterwards the file holds either its old content
/// or exactly `bytes`, even if the process dies or the power fails at any moment.
///
/// Steps: write a uniquely named temporary file (`0600`) in the same folder, fsync it, rename
/// it over `target`, fsync the folder. On any error the temporary file is removed.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "target has no file name"))?;
    let mut suffix = [0u8; 6];
    rand::rngs::OsRng.fill_bytes(&mut suffix);
    let tmp_name = format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        suffix
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    );
    let tmp = dir.join(tmp_name);

    let result = (|| {
        let mut file = open_private(&tmp, true)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, target)?;
        fsync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// True when an I/O error means "the disk (or the user's quota) is full".
pub fn is_storage_full(err: &io::Error) -> bool {
    if err.kind() == io::ErrorKind::StorageFull || err.kind() == io::ErrorKind::QuotaExceeded {
        return true;
    }
    // ENOSPC = 28, EDQUOT = 122 on Linux; kept explicit for older kernels/filesystems that
    // surface them without a mapped kind.
    matches!(err.raw_os_error(), Some(28) | Some(122))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    fn mode_of(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        fs::metadata(path)
            .map(|m| m.permissions().mode() & 0o777)
            .unwrap_or(0)
    }

    #[test]
    fn write_atomic_replaces_content_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("file.json");
        write_atomic(&target, b"one").expect("first write");
        write_atomic(&target, b"two").expect("second write");
        assert_eq!(fs::read(&target).expect("read"), b"two");
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names.len(), 1, "only the target remains: {names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn write_atomic_creates_owner_only_files_and_private_dir() {
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = dir.path().join("data");
        ensure_private_dir(&folder).expect("dir");
        assert_eq!(mode_of(&folder), 0o700);
        let target = folder.join("x");
        write_atomic(&target, b"secret-ish").expect("write");
        assert_eq!(mode_of(&target), 0o600);
    }

    #[test]
    fn storage_full_is_recognised_from_enospc() {
        assert!(is_storage_full(&io::Error::from_raw_os_error(28)));
        assert!(!is_storage_full(&io::Error::from_raw_os_error(13)));
    }
}
