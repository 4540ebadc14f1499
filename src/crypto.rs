//! Encryption at rest for victims' answers: XChaCha20-Poly1305 (random 192-bit nonces, so no
//! nonce bookkeeping) under a keyring. Each sealed value names the key that sealed it, so keys
//! can be rotated: new data uses the active key, old data opens with the key it names.
//!
//! A sealed value is `version (1) | key-id length (1) | key id | nonce (24) | ciphertext+tag`.
//! The associated data binds a value to its purpose and row, so a ciphertext cannot be moved
//! from one row (or one kind of field) to another.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{PoisonError, RwLock};

use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::{KeyInit, XChaCha20Poly1305, XNonce};

const VERSION: u8 = 1;
const NONCE_LEN: usize = 24;

/// Why something could not be sealed or opened. Never says anything about the plaintext.
#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    /// The value names a key we do not have.
    #[error("unknown encryption key id {0:?}")]
    UnknownKey(String),
    /// The value was altered, moved, or sealed under another key.
    #[error("sealed value failed authentication")]
    Inauthentic,
    /// The value is not in our format.
    #[error("sealed value is malformed")]
    Malformed,
    /// A key in the configuration is not 32 hex-encoded bytes.
    #[error("encryption key {0:?} must be 64 hex digits")]
    BadKey(String),
    /// The key file could not be read or written.
    #[error("encryption key file: {0}")]
    Io(#[from] std::io::Error),
}

/// The keys that can open data, and the one that seals new data.
///
/// A keyring read from a key file re-reads it when a value names a key it does not hold:
/// `saferstreets keys rotate` adds a key to the file and re-seals while the service runs, so
/// a running instance meets values under the new key and from then on seals with it too.
pub struct Keyring {
    ring: RwLock<Ring>,
    file: Option<PathBuf>,
}

struct Ring {
    active: String,
    keys: HashMap<String, XChaCha20Poly1305>,
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ring = self.read();
        let mut ids: Vec<_> = ring.keys.keys().collect();
        ids.sort();
        f.debug_struct("Keyring")
            .field("active", &ring.active)
            .field("ids", &ids)
            .finish()
    }
}

impl Ring {
    fn new(active: &str, keys: &[(String, String)]) -> Result<Self, CryptoError> {
        let mut map = HashMap::new();
        for (id, hex_key) in keys {
            if id.is_empty() || id.len() > 32 {
                return Err(CryptoError::BadKey(id.clone()));
            }
            let bytes = hex::decode(hex_key.trim()).map_err(|_| CryptoError::BadKey(id.clone()))?;
            let cipher = XChaCha20Poly1305::new_from_slice(&bytes)
                .map_err(|_| CryptoError::BadKey(id.clone()))?;
            map.insert(id.clone(), cipher);
        }
        if !map.contains_key(active) {
            return Err(CryptoError::UnknownKey(active.to_owned()));
        }
        Ok(Self {
            active: active.to_owned(),
            keys: map,
        })
    }
}

impl Keyring {
    /// A keyring from `(id, hex key)` pairs; `active` must be among them.
    pub fn new(active: &str, keys: &[(String, String)]) -> Result<Self, CryptoError> {
        Ok(Self {
            ring: RwLock::new(Ring::new(active, keys)?),
            file: None,
        })
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Ring> {
        self.ring.read().unwrap_or_else(PoisonError::into_inner)
    }

    /// Re-read the key file after another process changed it; whether anything was read.
    fn reload(&self) -> bool {
        let Some(path) = &self.file else {
            return false;
        };
        match read_key_file(path) {
            Ok(ring) => {
                tracing::info!(file = %path.display(), active = %ring.active, "encryption keys re-read");
                *self.ring.write().unwrap_or_else(PoisonError::into_inner) = ring;
                true
            }
            Err(e) => {
                tracing::error!(file = %path.display(), error = %e, "cannot re-read the encryption keys");
                false
            }
        }
    }

    /// The id of the key that seals new data.
    pub fn active_id(&self) -> String {
        self.read().active.clone()
    }

    /// Encrypt `plaintext` for `purpose` (associated data, not secret).
    pub fn seal(&self, plaintext: &[u8], purpose: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let ring = self.read();
        let cipher = ring
            .keys
            .get(&ring.active)
            .ok_or_else(|| CryptoError::UnknownKey(ring.active.clone()))?;
        let nonce_bytes = crate::random::bytes::<NONCE_LEN>();
        let nonce = XNonce::from(nonce_bytes);
        let ciphertext = cipher
            .encrypt(
                &nonce,
                Payload {
                    msg: plaintext,
                    aad: purpose,
                },
            )
            .map_err(|_| CryptoError::Malformed)?;
        let id = ring.active.as_bytes();
        let mut out = Vec::with_capacity(2 + id.len() + NONCE_LEN + ciphertext.len());
        out.push(VERSION);
        out.push(u8::try_from(id.len()).map_err(|_| CryptoError::Malformed)?);
        out.extend_from_slice(id);
        out.extend_from_slice(&nonce_bytes);
        out.extend_from_slice(&ciphertext);
        Ok(out)
    }

    /// Decrypt a value sealed for the same `purpose`.
    pub fn open(&self, sealed: &[u8], purpose: &[u8]) -> Result<Vec<u8>, CryptoError> {
        match self.open_once(sealed, purpose) {
            Err(CryptoError::UnknownKey(_)) if self.reload() => self.open_once(sealed, purpose),
            other => other,
        }
    }

    fn open_once(&self, sealed: &[u8], purpose: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let (id, rest) = split_key_id(sealed)?;
        let ring = self.read();
        let cipher = ring
            .keys
            .get(id)
            .ok_or_else(|| CryptoError::UnknownKey(id.to_owned()))?;
        if rest.len() < NONCE_LEN {
            return Err(CryptoError::Malformed);
        }
        let (nonce, ciphertext) = rest.split_at(NONCE_LEN);
        let nonce = XNonce::try_from(nonce).map_err(|_| CryptoError::Malformed)?;
        cipher
            .decrypt(
                &nonce,
                Payload {
                    msg: ciphertext,
                    aad: purpose,
                },
            )
            .map_err(|_| CryptoError::Inauthentic)
    }

    /// The id of the key a sealed value names.
    pub fn key_id_of(sealed: &[u8]) -> Result<&str, CryptoError> {
        split_key_id(sealed).map(|(id, _)| id)
    }
}

fn split_key_id(sealed: &[u8]) -> Result<(&str, &[u8]), CryptoError> {
    match sealed {
        [VERSION, len, rest @ ..] if rest.len() >= usize::from(*len) => {
            let (id, rest) = rest.split_at(usize::from(*len));
            let id = std::str::from_utf8(id).map_err(|_| CryptoError::Malformed)?;
            Ok((id, rest))
        }
        _ => Err(CryptoError::Malformed),
    }
}

/// The `(id, hex key)` pairs of a key file (`id:hex` lines, first line active; `#` comments).
pub fn parse_key_file(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .filter_map(|l| l.split_once(':'))
        .map(|(id, key)| (id.trim().to_owned(), key.trim().to_owned()))
        .collect()
}

fn read_key_file(path: &Path) -> Result<Ring, CryptoError> {
    let pairs = parse_key_file(&std::fs::read_to_string(path)?);
    let active = pairs
        .first()
        .map(|(id, _)| id.clone())
        .ok_or_else(|| CryptoError::BadKey(path.display().to_string()))?;
    Ring::new(&active, &pairs)
}

/// Read the key file (`id:hex` lines, first line active), creating it with one new key,
/// owner-only, on first start.
pub fn load_or_create_key_file(path: &Path) -> Result<Keyring, CryptoError> {
    if !path.exists() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let line = format!("k1:{}\n", hex::encode(crate::random::bytes::<32>()));
        match crate::files::create_private(path, &line) {
            Ok(()) => {}
            // Another process created it first: use theirs.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(Keyring {
        ring: RwLock::new(read_key_file(path)?),
        file: Some(path.to_path_buf()),
    })
}

/// Add a new random key first in the key file, so it seals from now on; the others stay to
/// open older values. The file is replaced in one step. Returns the new key's id.
pub fn add_key_to_file(path: &Path) -> Result<String, CryptoError> {
    let text = std::fs::read_to_string(path)?;
    let pairs = parse_key_file(&text);
    let next = pairs
        .iter()
        .filter_map(|(id, _)| id.strip_prefix('k')?.parse::<u64>().ok())
        .max()
        .unwrap_or(0)
        + 1;
    let id = (next..)
        .map(|n| format!("k{n}"))
        .find(|id| pairs.iter().all(|(other, _)| other != id))
        .ok_or_else(|| CryptoError::BadKey(path.display().to_string()))?;
    let line = format!("{id}:{}\n", hex::encode(crate::random::bytes::<32>()));
    crate::files::replace_private(path, &format!("{line}{text}"))
        .map_err(|e| CryptoError::Io(std::io::Error::other(e.to_string())))?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(active: &str) -> Keyring {
        let keys = vec![
            ("k1".to_owned(), "01".repeat(32)),
            ("k2".to_owned(), "02".repeat(32)),
        ];
        Keyring::new(active, &keys).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn sealed_values_open_only_for_their_purpose() {
        let r = ring("k1");
        let sealed = r.seal(b"secret narrative", b"report:1").unwrap_or_default();
        assert!(!sealed.windows(6).any(|w| w == b"secret"));
        assert_eq!(
            r.open(&sealed, b"report:1").ok(),
            Some(b"secret narrative".to_vec())
        );
        assert!(matches!(
            r.open(&sealed, b"report:2"),
            Err(CryptoError::Inauthentic)
        ));
    }

    #[test]
    fn rotation_keeps_old_values_readable() {
        let old = ring("k1").seal(b"x", b"p").unwrap_or_default();
        let new_ring = ring("k2");
        assert_eq!(Keyring::key_id_of(&old).ok(), Some("k1"));
        assert_eq!(new_ring.open(&old, b"p").ok(), Some(b"x".to_vec()));
        let fresh = new_ring.seal(b"y", b"p").unwrap_or_default();
        assert_eq!(Keyring::key_id_of(&fresh).ok(), Some("k2"));
    }

    #[test]
    fn a_key_file_keyring_rereads_the_file_for_a_key_added_elsewhere() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("encryption.keys");
        let running = load_or_create_key_file(&path).unwrap();
        let old = running.seal(b"old", b"p").unwrap();
        // Another process (`keys rotate`) adds a key and seals with it.
        let id = add_key_to_file(&path).unwrap();
        assert_eq!(id, "k2");
        let rotated = load_or_create_key_file(&path).unwrap();
        assert_eq!(rotated.active_id(), "k2");
        let new = rotated.seal(b"new", b"p").unwrap();
        assert_eq!(running.open(&new, b"p").unwrap(), b"new");
        assert_eq!(running.active_id(), "k2", "and seals with it from then on");
        assert_eq!(running.open(&old, b"p").unwrap(), b"old");
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn tampering_is_detected() {
        let r = ring("k1");
        let mut sealed = r.seal(b"hello", b"p").unwrap_or_default();
        if let Some(last) = sealed.last_mut() {
            *last ^= 1;
        }
        assert!(r.open(&sealed, b"p").is_err());
        assert!(r.open(&[9, 9, 9], b"p").is_err());
    }
}
