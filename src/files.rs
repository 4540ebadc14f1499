//! Owner-only files and folders: the embedded database, its WAL, and the keys.
//!
//! Modes are set explicitly after creation rather than left to the umask, so a permissive
//! umask on the server (0022 is common) cannot leave victims' data or keys readable by other
//! local users.

use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// Why a file or folder is not private, or could not be made so.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// A key file that other users could read or change: we refuse to use it.
    #[error(
        "{path} can be read or written by other users (mode {mode:o}); \
         a key must be private to the service's user: run `chmod 600 {path}` \
         (and consider the key exposed if others did read it)"
    )]
    Exposed {
        /// The file.
        path: String,
        /// Its permission bits.
        mode: u32,
    },
    /// The file or folder could not be created, read or changed.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: String,
        /// What went wrong.
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> FileError + '_ {
    move |source| FileError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Create `dir` (and any missing parents) as 0700, and make it 0700 if it already exists.
pub fn private_dir(dir: &Path) -> Result<(), FileError> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(io(dir))?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(io(dir))
}

/// Create `dir` (and parents) as 0700 if it is missing; an existing folder is left as it is
/// (it may be shared, e.g. `/tmp`).
pub fn new_private_dir(dir: &Path) -> Result<(), FileError> {
    if dir.as_os_str().is_empty() || dir.exists() {
        return Ok(());
    }
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(io(dir))
}

/// Create `path` empty with mode 0600 unless it exists, so that a program opening it next
/// (SQLite) finds a private file instead of creating one under the umask.
pub fn touch_private(path: &Path) -> Result<(), FileError> {
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => restrict(path),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(io(path)(e)),
    }
}

/// Make an existing file 0600 (a missing one is not an error).
pub fn restrict(path: &Path) -> Result<(), FileError> {
    match std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io(path)(e)),
    }
}

/// Refuse a key file that group or others may read or write. A missing file passes.
pub fn check_private(path: &Path) -> Result<(), FileError> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io(path)(e)),
    };
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(FileError::Exposed {
            path: path.display().to_string(),
            mode,
        });
    }
    Ok(())
}

/// Write `text` to `path` as a new 0600 file that replaces any old one in one step (a
/// temporary file in the same folder, synced, then renamed), so a crash leaves either the
/// old file or the new one, never half of either.
pub fn replace_private(path: &Path, text: &str) -> Result<(), FileError> {
    use std::io::Write;
    let tmp = path.with_extension("new");
    let _ = std::fs::remove_file(&tmp);
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)
        .map_err(io(&tmp))?;
    f.write_all(text.as_bytes()).map_err(io(&tmp))?;
    f.sync_all().map_err(io(&tmp))?;
    restrict(&tmp)?;
    std::fs::rename(&tmp, path).map_err(io(path))?;
    if let Some(dir) = path.parent()
        && let Ok(d) = std::fs::File::open(dir)
    {
        // The rename is durable only once the folder is synced.
        let _ = d.sync_all();
    }
    Ok(())
}

/// Create a new 0600 file holding `text`; fails if it exists (another process made it first).
pub fn create_private(path: &Path, text: &str) -> Result<(), std::io::Error> {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
}

/// Move `from` to `to` (a rename, or copy and delete across file systems), keeping 0600.
pub fn move_private(from: &Path, to: &Path) -> Result<(), FileError> {
    if std::fs::rename(from, to).is_err() {
        let text = std::fs::read_to_string(from).map_err(io(from))?;
        create_private(to, &text).map_err(io(to))?;
        std::fs::remove_file(from).map_err(io(from))?;
    }
    restrict(to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_key_files_are_refused_and_private_ones_pass() {
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("k");
        create_private(&key, "x").unwrap();
        assert!(check_private(&key).is_ok());
        std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o640)).unwrap();
        let err = check_private(&key).unwrap_err().to_string();
        assert!(err.contains("chmod 600") && err.contains("640"), "{err}");
        assert!(check_private(&dir.path().join("missing")).is_ok());
    }
}
