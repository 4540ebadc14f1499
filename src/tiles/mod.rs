//! Map tiles from our own origin: one PMTiles v3 archive of vector tiles, which the browser
//! reads with HTTP range requests from `/tiles/basemap.pmtiles`, so no tile server learns which
//! streets anyone looks at.
//!
//! The archive is, in order: the file named by `map_tiles`; `data_dir/basemap.pmtiles`
//! (where `saferstreets import tiles` puts one); or the synthetic demo basemap built in memory
//! at start-up ([`synthetic`]), so the map is never blank.

pub mod synthetic;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use axum::body::Bytes;
use pmtiles::{Header, TileType};
use sha2::{Digest, Sha256};

use crate::config::Config;

/// The archive's file name in the data folder.
pub const FILE_NAME: &str = "basemap.pmtiles";
/// A PMTiles v3 header is 127 bytes.
pub const HEADER_LEN: usize = 127;

/// What a valid archive holds, for the import message and the log.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Lowest zoom level.
    pub min_zoom: u8,
    /// Highest zoom level.
    pub max_zoom: u8,
    /// West, south, east, north.
    pub bounds: [f64; 4],
    /// Size of the archive in bytes.
    pub bytes: u64,
}

/// Read the `i`-th little-endian u64 after the 8 bytes of magic and version. The pmtiles crate
/// parses these offsets but keeps them private; we only need them to check that the sections
/// the header points at lie inside the file (a truncated copy is the usual corruption).
fn offset(head: &[u8], i: usize) -> u64 {
    let at = 8 + i * 8;
    head.get(at..at + 8)
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
        .map_or(u64::MAX, u64::from_le_bytes)
}

/// Check an archive's header (`head`, at least its first 127 bytes) against its length: a
/// PMTiles v3 archive of vector tiles whose directories, metadata and tile data are all in the
/// file. The reason is one short sentence for the command line.
pub fn validate(head: &[u8], len: u64) -> Result<Summary, String> {
    let first = head.get(..HEADER_LEN).unwrap_or(head);
    let header = Header::try_from_bytes(Bytes::copy_from_slice(first)).map_err(|e| match e {
        pmtiles::PmtError::InvalidMagicNumber => "not a PMTiles archive".to_owned(),
        pmtiles::PmtError::UnsupportedPmTilesVersion => {
            "a PMTiles version 2 archive; convert it to version 3 with `pmtiles convert`".to_owned()
        }
        pmtiles::PmtError::InvalidHeader => "its header is cut short".to_owned(),
        other => format!("its header is invalid ({other})"),
    })?;
    if header.spec_version() != 3 {
        return Err(format!("PMTiles version {}, not 3", header.spec_version()));
    }
    if header.tile_type != TileType::Mvt {
        return Err(format!(
            "it holds {} tiles, not vector tiles (MVT)",
            header.tile_type.content_type()
        ));
    }
    if header.min_zoom > header.max_zoom {
        return Err("its lowest zoom level is above its highest".to_owned());
    }
    // root, metadata, leaf directories, tile data: (offset, length) pairs in header order.
    for (name, i, required) in [
        ("root directory", 0, true),
        ("metadata", 2, false),
        ("leaf directories", 4, false),
        ("tile data", 6, true),
    ] {
        let (start, length) = (offset(first, i), offset(first, i + 1));
        let end = start.checked_add(length);
        if end.is_none_or(|end| end > len) {
            return Err(format!(
                "its {name} ends beyond the end of the file ({len} bytes): the file is cut short"
            ));
        }
        if required && length == 0 {
            return Err(format!("its {name} is empty"));
        }
    }
    Ok(Summary {
        min_zoom: header.min_zoom,
        max_zoom: header.max_zoom,
        bounds: [
            header.min_longitude,
            header.min_latitude,
            header.max_longitude,
            header.max_latitude,
        ],
        bytes: len,
    })
}

/// Check the archive at `path`.
pub fn validate_file(path: &Path) -> anyhow::Result<Summary> {
    let mut file = std::fs::File::open(path)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    let len = file.metadata()?.len();
    let mut head = Vec::with_capacity(HEADER_LEN);
    (&mut file)
        .take(HEADER_LEN as u64)
        .read_to_end(&mut head)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))?;
    validate(&head, len).map_err(|reason| anyhow::anyhow!("{}: {reason}", path.display()))
}

/// Where the archive lives: `map_tiles`, or `basemap.pmtiles` in the data folder.
pub fn archive_path(config: &Config) -> PathBuf {
    config
        .map_tiles
        .clone()
        .unwrap_or_else(|| config.data_dir.join(FILE_NAME))
}

/// Copy a checked archive to [`archive_path`] atomically: into a temporary file beside it,
/// flushed to disk, checked again, then renamed over the old one. A bad file is refused before
/// anything is written, so the archive in use is never replaced by a broken one.
pub fn import(config: &Config, from: &Path) -> anyhow::Result<(PathBuf, Summary)> {
    let summary = validate_file(from)?;
    let dest = archive_path(config);
    let dir = match dest.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)
        .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", dir.display()))?;
    let temp = dir.join(format!(".{FILE_NAME}.{}.tmp", std::process::id()));
    let copy = || -> anyhow::Result<()> {
        let mut src = std::fs::File::open(from)?;
        let mut out = std::fs::File::create(&temp)?;
        std::io::copy(&mut src, &mut out)?;
        out.flush()?;
        out.sync_all()?;
        let copied = validate_file(&temp)?;
        anyhow::ensure!(
            copied == summary,
            "the copy differs from {}",
            from.display()
        );
        std::fs::rename(&temp, &dest)?;
        // Make the rename itself durable.
        std::fs::File::open(&dir)?.sync_all()?;
        Ok(())
    };
    if let Err(e) = copy() {
        let _ = std::fs::remove_file(&temp);
        return Err(e.context(format!("cannot write {}", dest.display())));
    }
    Ok((dest, summary))
}

/// The archive the service serves.
#[derive(Debug, Clone)]
pub enum Basemap {
    /// A file, opened on every request so an import takes effect without a restart.
    File(PathBuf),
    /// The synthetic demo basemap, built at start-up.
    Memory {
        /// The archive.
        bytes: Bytes,
        /// Its strong ETag (quoted), from a hash of the bytes.
        etag: String,
    },
}

impl Basemap {
    /// The configured or imported archive, checked; else the demo basemap. A configured
    /// `map_tiles` that is missing or broken is a start-up error.
    pub fn load(config: &Config) -> anyhow::Result<Self> {
        let path = archive_path(config);
        if config.map_tiles.is_some() || path.exists() {
            let summary = validate_file(&path).map_err(|e| e.context("map_tiles"))?;
            tracing::info!(
                path = %path.display(),
                bytes = summary.bytes,
                min_zoom = summary.min_zoom,
                max_zoom = summary.max_zoom,
                "serving map tiles"
            );
            return Ok(Self::File(path));
        }
        Self::demo()
    }

    /// The synthetic basemap of the demo area, built once per process (it is deterministic).
    pub fn demo() -> anyhow::Result<Self> {
        static DEMO: std::sync::OnceLock<Basemap> = std::sync::OnceLock::new();
        if let Some(b) = DEMO.get() {
            return Ok(b.clone());
        }
        let built = Self::memory(synthetic::basemap(
            &crate::geo::demo_area(),
            &crate::geo::demo_places(),
        )?);
        Ok(DEMO.get_or_init(|| built).clone())
    }

    /// An archive held in memory.
    pub fn memory(bytes: Vec<u8>) -> Self {
        let hash = Sha256::digest(&bytes);
        Self::Memory {
            etag: format!("\"{}\"", hex::encode(&hash[..12])),
            bytes: Bytes::from(bytes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Vec<u8> {
        synthetic::basemap(&crate::geo::demo_area(), &crate::geo::demo_places()).unwrap()
    }

    #[test]
    fn a_cut_short_archive_is_refused_with_a_reason() {
        let archive = demo();
        let short = &archive[..archive.len() / 2];
        let err = validate(short, short.len() as u64).unwrap_err();
        assert!(err.contains("cut short"), "{err}");
        let err = validate(&archive[..50], 50).unwrap_err();
        assert!(err.contains("cut short"), "{err}");
    }

    #[test]
    fn other_files_are_not_archives() {
        let err = validate(b"{\"type\":\"FeatureCollection\"}", 28).unwrap_err();
        assert_eq!(err, "not a PMTiles archive");
        let mut v2 = b"PM".to_vec();
        v2.resize(200, 0);
        assert!(validate(&v2, 200).unwrap_err().contains("version 2"));
    }
}
