//! Hot backup of the embedded SQLite database: `VACUUM INTO` writes a consistent copy (one
//! read transaction, so writers carry on and the copy holds exactly the commits before it
//! began), which is then checked with `PRAGMA integrity_check` and counted table by table.
//!
//! SQLite's C backup API would need a second SQLite binding beside sqlx (they must not both
//! link `libsqlite3-sys`); `VACUUM INTO` is plain SQL over the pool we already have.

use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::{ConnectOptions, Connection, SqliteConnection};

/// What a finished backup holds.
#[derive(Debug)]
pub struct Backup {
    /// Bytes written.
    pub bytes: u64,
    /// Every table of ours with its row count, by name.
    pub tables: Vec<(String, i64)>,
}

/// Why no backup was written. The source database is never changed.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// Only the embedded database is copied this way.
    #[error(
        "backup copies the embedded SQLite database; for PostgreSQL use pg_dump \
         (docs/OPERATIONS.md)"
    )]
    NotSqlite,
    /// The URL names no database file.
    #[error("database URL not understood: {0}")]
    BadUrl(String),
    /// There is no database at the path.
    #[error("no database at {0}")]
    NoSource(PathBuf),
    /// The backup file exists: never overwritten.
    #[error("{0} already exists: choose a new file name (a backup never overwrites)")]
    Exists(PathBuf),
    /// The backup file cannot be created.
    #[error("cannot write {path}: {reason}")]
    Write {
        /// The backup file.
        path: PathBuf,
        /// Why.
        reason: std::io::Error,
    },
    /// The copy failed its integrity check (it has been deleted).
    #[error("the copy failed its integrity check and was deleted: {0}")]
    Damaged(String),
    /// SQLite failed during the copy or the check (the partial copy has been deleted).
    #[error("{0}")]
    Db(#[from] sqlx::Error),
}

/// Copy the SQLite database at `url` into the new file `dest` (made 0600: it holds what the
/// database holds), check the copy and count its rows. On any failure `dest` is removed.
pub async fn backup_sqlite(url: &str, dest: &Path) -> Result<Backup, BackupError> {
    if !url.starts_with("sqlite:") {
        return Err(BackupError::NotSqlite);
    }
    let options = SqliteConnectOptions::from_str(url)
        .map_err(|e| BackupError::BadUrl(e.to_string()))?
        // Never create or migrate the source: a wrong path must not leave an empty database.
        .create_if_missing(false)
        .busy_timeout(Duration::from_secs(10))
        // Copying and checking a large database is slow by nature: not worth a warning.
        .disable_statement_logging();
    let source = Path::new(options.get_filename()).to_path_buf();
    if !source.is_file() {
        return Err(BackupError::NoSource(source));
    }
    // Made here, empty and owner-only, so the copy is never readable by others (SQLite
    // writes into an empty existing file) and an existing file is refused, not replaced.
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(dest)
    {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(BackupError::Exists(dest.to_path_buf()));
        }
        Err(reason) => {
            return Err(BackupError::Write {
                path: dest.to_path_buf(),
                reason,
            });
        }
    }
    let result = copy_and_check(options, dest).await;
    if result.is_err() {
        let _ = std::fs::remove_file(dest);
    }
    result
}

async fn copy_and_check(options: SqliteConnectOptions, dest: &Path) -> Result<Backup, BackupError> {
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await?;
    let target = dest.to_string_lossy().into_owned();
    sqlx::query("VACUUM INTO $1")
        .bind(&target)
        .execute(&pool)
        .await?;
    pool.close().await;

    let mut copy = SqliteConnection::connect_with(
        &SqliteConnectOptions::new()
            .filename(dest)
            .read_only(true)
            .create_if_missing(false)
            .disable_statement_logging(),
    )
    .await?;
    let problems: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(&mut copy)
        .await?;
    if problems != ["ok"] {
        return Err(BackupError::Damaged(problems.join("; ")));
    }
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         ORDER BY name",
    )
    .fetch_all(&mut copy)
    .await?;
    let mut tables = Vec::with_capacity(names.len());
    for name in names {
        // Table names come from the copy's own schema, quoted as an identifier.
        let sql = format!("SELECT COUNT(*) FROM \"{}\"", name.replace('"', "\"\""));
        let rows: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_one(&mut copy)
            .await?;
        tables.push((name, rows));
    }
    copy.close().await?;
    let bytes = std::fs::metadata(dest)
        .map_err(|reason| BackupError::Write {
            path: dest.to_path_buf(),
            reason,
        })?
        .len();
    Ok(Backup { bytes, tables })
}
