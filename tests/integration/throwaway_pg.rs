//! A throwaway PostgreSQL cluster for tests that stop the database itself: `initdb` into a
//! temporary folder, `pg_ctl` on a free loopback port, stopped (immediately) and deleted when
//! dropped. Shared by `tests/integration/db_outage.rs` and the crash test
//! (`examples/crash_test.rs`, which includes this file), so both drive PostgreSQL the same way.
//!
//! PostgreSQL refuses to run as root, so when the tests run as root (containers) the cluster
//! belongs to the `postgres` user and every command runs through `runuser -u postgres`.
//! Hand-rolled rather than a crate: the few crates that embed PostgreSQL download their own
//! server binaries, which neither CI nor this machine allows; this is ~150 lines of
//! `std::process` over the installed `initdb`/`pg_ctl`.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// How the cluster writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// `fsync` on, as in production: for the crash test, where what was acknowledged must
    /// survive an immediate shutdown.
    Full,
    /// `fsync` off: an immediate shutdown (a crash of PostgreSQL's processes, not of the
    /// machine) still loses nothing the kernel was given, and tests start faster.
    Fast,
}

/// A running (or stopped) throwaway cluster.
pub struct Cluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    port: u16,
    as_postgres: bool,
}

/// The folder holding `initdb` and `pg_ctl`: `PG_BINDIR`, else `pg_config --bindir`, else the
/// newest `/usr/lib/postgresql/*/bin` (Debian keeps the server tools off `PATH`).
pub fn bindir() -> Option<PathBuf> {
    let has_initdb = |dir: &Path| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file();
    if let Some(dir) = std::env::var_os("PG_BINDIR") {
        return Some(PathBuf::from(dir)).filter(|d| has_initdb(d));
    }
    let configured = Command::new("pg_config")
        .arg("--bindir")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()));
    if let Some(dir) = configured.filter(|d| has_initdb(d)) {
        return Some(dir);
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| {
            let e = e.ok()?;
            let version = e.file_name().to_str()?.parse().ok()?;
            Some((version, e.path().join("bin")))
        })
        .filter(|(_, dir)| has_initdb(dir))
        .collect();
    versions.sort();
    versions.pop().map(|(_, dir)| dir)
}

fn running_as_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// The uid and gid of the `postgres` user.
fn postgres_ids() -> Result<(u32, u32), String> {
    let id = |flag: &str| -> Result<u32, String> {
        let out = Command::new("id")
            .args([flag, "postgres"])
            .output()
            .map_err(|e| format!("id {flag} postgres: {e}"))?;
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .map_err(|_| "running as root and there is no postgres user to run PostgreSQL".into())
    };
    Ok((id("-u")?, id("-g")?))
}

/// A port nobody listens on now. Another process could take it before PostgreSQL does;
/// [`Cluster::create`] then fails with pg_ctl's log, and the next run picks another.
fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

impl Cluster {
    /// Make and start a cluster on a free loopback port. `Ok(None)` when `initdb` is not
    /// installed; `Err` when it is but the cluster could not be made or started.
    pub fn create(durability: Durability) -> Result<Option<Self>, String> {
        let Some(bin) = bindir() else {
            return Ok(None);
        };
        let dir = tempfile::Builder::new()
            .prefix("saferstreets-pg-")
            .tempdir()
            .map_err(|e| e.to_string())?;
        let as_postgres = running_as_root();
        if as_postgres {
            let (uid, gid) = postgres_ids()?;
            std::os::unix::fs::chown(dir.path(), Some(uid), Some(gid))
                .map_err(|e| format!("chown the cluster folder to postgres: {e}"))?;
        }
        let port = free_port()?;
        let cluster = Self {
            dir,
            bin,
            port,
            as_postgres,
        };
        let data = cluster.data();
        let data = data.to_str().ok_or("temporary folder is not UTF-8")?;
        cluster.run(
            "initdb",
            &[
                "-D",
                data,
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ],
        )?;
        let settings = format!(
            "\nlisten_addresses = '127.0.0.1'\nport = {}\nunix_socket_directories = '{}'\n\
             fsync = {}\nmax_connections = 60\nlog_min_messages = warning\n",
            cluster.port,
            cluster.dir.path().display(),
            if durability == Durability::Full {
                "on"
            } else {
                "off"
            },
        );
        let conf = cluster.data().join("postgresql.conf");
        let mut text = std::fs::read_to_string(&conf).map_err(|e| e.to_string())?;
        text.push_str(&settings);
        std::fs::write(&conf, text).map_err(|e| e.to_string())?;
        cluster.start()?;
        Ok(Some(cluster))
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// Run one of the server tools (as `postgres` when we are root); its output on failure.
    fn run(&self, tool: &str, args: &[&str]) -> Result<Output, String> {
        let program = self.bin.join(tool);
        let mut command = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&program);
            c
        } else {
            Command::new(&program)
        };
        let out = command
            .args(args)
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("{tool}: {e}"))?;
        if out.status.success() {
            Ok(out)
        } else {
            let log = std::fs::read_to_string(self.dir.path().join("log")).unwrap_or_default();
            Err(format!(
                "{tool} {args:?} failed: {}{}\n{log}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ))
        }
    }

    fn pg_ctl(&self, args: &[&str]) -> Result<(), String> {
        let data = self.data();
        let log = self.dir.path().join("log");
        let mut all = vec![
            "-D",
            data.to_str().unwrap_or_default(),
            "-l",
            log.to_str().unwrap_or_default(),
        ];
        all.extend_from_slice(args);
        self.run("pg_ctl", &all).map(|_| ())
    }

    /// Start the server and wait until it accepts connections (after crash recovery).
    pub fn start(&self) -> Result<(), String> {
        self.pg_ctl(&["-w", "-t", "60", "start"])
    }

    /// Stop the server at once, as a crash would: no checkpoint, clients cut off; the next
    /// start runs crash recovery from the WAL.
    pub fn stop_immediate(&self) -> Result<(), String> {
        self.pg_ctl(&["-w", "-t", "60", "-m", "immediate", "stop"])
    }

    /// The URL of the cluster's `postgres` database.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        // Whatever state it is in; then the temporary folder goes with `dir`.
        let _ = self.stop_immediate();
    }
}
