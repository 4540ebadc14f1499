//! The `saferstreets` command: parse the command line, load settings, run.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use saferstreets::config::Config;
use saferstreets::startup::Application;

// mimalloc instead of glibc's malloc: serving a cached page makes a few dozen small
// allocations (headers, extensions, boxed futures), and under glibc they were a third of the
// instructions per request (callgrind, BENCHMARKS.md, issue 15). Without transparent huge
// pages (`no_thp`): with them, resident memory at idle went from 28 to 76 MiB.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "saferstreets",
    version,
    about = "Report stalking, harassment and unsafe places"
)]
struct Cli {
    /// TOML configuration file (default: ./saferstreets.toml if present).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    /// Database URL: sqlite://PATH or postgres://… (overrides the file).
    #[arg(long, global = true, env = "DATABASE_URL")]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web service.
    Serve {
        /// Address to listen on, e.g. 127.0.0.1:3000 (port 0 picks a free one).
        #[arg(long)]
        listen: Option<std::net::SocketAddr>,
        /// Serve Prometheus metrics at /metrics on this separate address, e.g. 127.0.0.1:9300
        /// (never on the public one).
        #[arg(long)]
        metrics_listen: Option<std::net::SocketAddr>,
    },
    /// Add synthetic place reports (for demonstrations and benchmarks).
    DemoData {
        /// How many place reports to generate.
        #[arg(long, default_value_t = 10_000)]
        place_reports: u64,
        /// How many stalking reports to generate (for the staff queue).
        #[arg(long, default_value_t = 0)]
        stalking_reports: u64,
        /// The force whose area and gazetteer places they cluster on (default: the first).
        #[arg(long)]
        force: Option<String>,
        /// Seed, so the same command gives the same reports.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Also write each place report's made-up point as `lat,lng,day` to this file, for
        /// benchmarks that compare other tools on the same data (the database keeps no
        /// point for these reports).
        #[arg(long)]
        points_csv: Option<std::path::PathBuf>,
    },
    /// Import force areas or the place-name gazetteer (restart `serve` to use them), or map tiles.
    Import {
        #[command(subcommand)]
        what: Import,
    },
    /// Add a member of staff (prints a one-time set-up link).
    User {
        #[command(subcommand)]
        action: UserAction,
    },
    /// Check the audit log's keyed hash chain.
    Audit {
        #[command(subcommand)]
        action: AuditAction,
    },
    /// Rotate the encryption keys that seal victims' answers.
    Keys {
        #[command(subcommand)]
        action: KeysAction,
    },
    /// Apply the retention periods now (the server also does this daily).
    Purge,
    /// Copy the SQLite database into a new FILE while the service runs (`VACUUM INTO`), check
    /// the copy and print its size and row counts. The service starts from the copy as it is.
    Backup {
        /// The new backup file (never overwritten).
        file: PathBuf,
    },
    /// Issue, list and revoke partners' Open311 API keys.
    PartnerKey {
        #[command(subcommand)]
        action: PartnerKeyAction,
    },
}

#[derive(Subcommand)]
enum UserAction {
    /// Add a user and print their set-up link.
    Add {
        /// Their email address.
        #[arg(long)]
        email: String,
        /// admin, investigator, analyst or partner.
        #[arg(long)]
        role: String,
        /// Their force's code.
        #[arg(long)]
        force: String,
    },
}

#[derive(Subcommand)]
enum AuditAction {
    /// Recompute every row's link with the audit key; exit 1 at the first break. Needs only
    /// read access to the database and the audit key file.
    Verify {
        /// The audit key file (default: `keys_dir/audit.key`).
        #[arg(long)]
        key_file: Option<PathBuf>,
        /// A checkpoint printed by an earlier run and kept away from the database
        /// (`SEQ:LINK`): that row must still be there with that link, which catches rows
        /// removed from the end of the log.
        #[arg(long)]
        checkpoint: Option<String>,
    },
}

#[derive(Subcommand)]
enum KeysAction {
    /// Add a new encryption key (first in `keys_dir/encryption.keys`, so it seals new data),
    /// then re-seal every sealed value in the database with it. Old keys are kept.
    Rotate,
    /// Re-seal every value not yet under the active key (finishes an interrupted rotation,
    /// or one done by editing the configured `encryption_keys`). Safe to run again.
    Reseal,
}

#[derive(Subcommand)]
enum PartnerKeyAction {
    /// Issue a key: it is printed once and only its hash is stored.
    Add {
        /// Who holds it, e.g. "Northshire County Council".
        #[arg(long)]
        partner: String,
        /// The force whose place reports it opens.
        #[arg(long)]
        force: String,
    },
    /// List every key issued (never the keys themselves).
    List,
    /// Revoke a key by its id (from `list`).
    Revoke {
        /// The key's id.
        id: i64,
    },
}

#[derive(Subcommand)]
enum Import {
    /// A force's area from a GeoJSON file (FeatureCollection, Feature or geometry).
    Boundaries {
        /// The GeoJSON file.
        file: PathBuf,
        /// The force's short code, e.g. `northshire`.
        #[arg(long)]
        force: String,
        /// The force's name as shown (default: the code).
        #[arg(long)]
        name: Option<String>,
    },
    /// Replace the gazetteer with a CSV file (name, postcode, lat, lng).
    Gazetteer {
        /// The CSV file.
        file: PathBuf,
    },
    /// Use a PMTiles v3 archive of vector tiles as the map (copied to `map_tiles`, or to
    /// `basemap.pmtiles` in the data folder; checked first, replaced atomically).
    Tiles {
        /// The .pmtiles file.
        file: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut config = match Config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("saferstreets: configuration error: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(url) = cli.database_url {
        config.database_url = url;
    }
    saferstreets::telemetry::init(config.log_format());
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("saferstreets: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async move {
        match cli.command {
            Command::Serve {
                listen,
                metrics_listen,
            } => {
                if let Some(listen) = listen {
                    config.listen = listen;
                }
                if metrics_listen.is_some() {
                    config.metrics_listen = metrics_listen;
                }
                serve(config).await
            }
            Command::Import { what } => import(config, what).await,
            Command::DemoData {
                place_reports,
                stalking_reports,
                force,
                seed,
                points_csv,
            } => {
                demo_data(
                    config.clone(),
                    place_reports,
                    force.clone(),
                    seed,
                    points_csv,
                )
                .await?;
                demo_cases(config, stalking_reports, force, seed).await
            }
            Command::PartnerKey { action } => partner_key(config, action).await,
            Command::User { action } => user(config, action).await,
            Command::Audit { action } => audit(config, action).await,
            Command::Keys { action } => keys(config, action).await,
            Command::Purge => purge(config).await,
            Command::Backup { file } => backup(config, file).await,
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // One line: the reason and its causes, never a backtrace.
            eprintln!("saferstreets: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Test builds only (`--features failpoints`, never a release build): with
/// `TEST_FROZEN_CLOCK=1` the service clock stops at start-up, so a browser test that counts
/// what a rate limit lets through does not depend on how fast the machine sends (a real clock
/// refills the buckets while it does).
#[cfg(feature = "failpoints")]
fn test_overrides() -> saferstreets::startup::Overrides {
    use saferstreets::clock::{Clock, ManualClock, SystemClock};
    if std::env::var_os("TEST_FROZEN_CLOCK").is_some() {
        saferstreets::startup::Overrides {
            clock: Some(ManualClock::new(SystemClock.now())),
            ..Default::default()
        }
    } else {
        saferstreets::startup::Overrides::default()
    }
}

#[cfg(not(feature = "failpoints"))]
fn test_overrides() -> saferstreets::startup::Overrides {
    saferstreets::startup::Overrides::default()
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let app = Application::build_with(config, test_overrides()).await?;
    let addr = app.local_addr()?;
    // Before the address is printed: whoever reads it may send SIGTERM at once.
    let stop = saferstreets::startup::shutdown_signal()?;
    // Scripts (browser tests, crash tests) read this line to find the port.
    println!("saferstreets listening on http://{addr}");
    tracing::info!(%addr, "listening");
    if let Some(metrics) = app.metrics_addr() {
        let metrics = metrics?;
        println!("saferstreets metrics on http://{metrics}/metrics");
        tracing::info!(%metrics, "metrics listening");
    }
    app.run_until_stopped(stop).await?;
    Ok(())
}

async fn backup(config: Config, file: PathBuf) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let done = saferstreets::storage::backup::backup_sqlite(&config.database_url, &file).await?;
    println!(
        "backed up to {}: {:.1} MB, integrity ok, in {:.1?}",
        file.display(),
        done.bytes as f64 / 1e6,
        started.elapsed()
    );
    for (table, rows) in &done.tables {
        println!("{table}\t{rows}");
    }
    Ok(())
}

async fn import(config: Config, what: Import) -> anyhow::Result<()> {
    use anyhow::Context;
    // Tiles are a file beside the database, not in it: no store needed.
    if let Import::Tiles { file } = &what {
        let (dest, s) = saferstreets::tiles::import(&config, file)?;
        println!(
            "imported map tiles to {} ({} bytes, zoom {} to {}, bounds {:.4},{:.4},{:.4},{:.4})",
            dest.display(),
            s.bytes,
            s.min_zoom,
            s.max_zoom,
            s.bounds[0],
            s.bounds[1],
            s.bounds[2],
            s.bounds[3]
        );
        return Ok(());
    }
    let store = saferstreets::startup::open_store(&config).await?;
    let now = saferstreets::clock::Clock::now(&saferstreets::clock::SystemClock);
    match what {
        Import::Boundaries { file, force, name } => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            let shape = saferstreets::geo::parse_area(&text)
                .with_context(|| format!("{}", file.display()))?;
            store
                .replace_force(&saferstreets::storage::ForceRow {
                    name: name.unwrap_or_else(|| force.clone()),
                    code: force.clone(),
                    area: saferstreets::geo::to_geojson(&shape),
                    imported_at: now,
                })
                .await?;
            println!(
                "imported the area of force {force} ({} polygons)",
                shape.0.len()
            );
        }
        Import::Gazetteer { file } => {
            let bytes =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let places = saferstreets::geo::parse_csv(&bytes)
                .with_context(|| format!("{}", file.display()))?;
            let rows: Vec<_> = places
                .iter()
                .map(saferstreets::geography::gazetteer_row)
                .collect();
            let n = store.replace_gazetteer(&rows).await?;
            println!("imported {n} gazetteer places");
        }
        Import::Tiles { .. } => {}
    }
    Ok(())
}

fn system_audit(action: &str, detail: String) -> saferstreets::audit::AuditEntry {
    use saferstreets::clock::{Clock, SystemClock};
    saferstreets::audit::AuditEntry {
        at: SystemClock.now(),
        actor_id: None,
        actor: "command line".to_owned(),
        role: String::new(),
        force_code: String::new(),
        action: action.to_owned(),
        object: String::new(),
        outcome: "ok".to_owned(),
        detail,
    }
}

async fn user(config: Config, action: UserAction) -> anyhow::Result<()> {
    use anyhow::Context;
    use saferstreets::clock::{Clock, SystemClock};
    let UserAction::Add { email, role, force } = action;
    let store = saferstreets::startup::open_store(&config).await?;
    let now = SystemClock.now();
    let geography = saferstreets::geography::Geography::load(&store, &config, now).await?;
    anyhow::ensure!(
        geography.areas.areas().iter().any(|a| a.code == force),
        "no force {force:?}: import its area with `saferstreets import boundaries`"
    );
    let email = saferstreets::domain::staff::normalise_email(&email)
        .context("the email address is not in the right format")?;
    let role = saferstreets::domain::staff::Role::parse(&role)
        .context("--role must be admin, investigator, analyst or partner")?;
    let mut entry = system_audit("add-user", format!("{email} as {}", role.code()));
    entry.force_code.clone_from(&force);
    let added = saferstreets::app::staff::users::add_user(
        &store,
        (&email, role, &force),
        now,
        config.setup_link_hours,
        &entry,
    )
    .await;
    let (_, token) = match added {
        Err(saferstreets::storage::StoreError::Duplicate) => {
            anyhow::bail!("there is already a user {email}")
        }
        other => other?,
    };
    let base = config.base_url();
    println!(
        "added {email} ({}) to {force}. Their one-time set-up link, valid for {} hours:\n{}",
        role.code(),
        config.setup_link_hours,
        saferstreets::app::staff::users::setup_url(&base, &token)
    );
    Ok(())
}

async fn audit(config: Config, action: AuditAction) -> anyhow::Result<()> {
    use anyhow::Context;
    let AuditAction::Verify {
        key_file,
        checkpoint,
    } = action;
    // Read-only: the key is read, never created, and nothing is appended.
    let path = key_file.unwrap_or_else(|| saferstreets::startup::audit_key_path(&config));
    saferstreets::files::check_private(&path)?;
    let key = if path.exists() {
        Some(saferstreets::audit::AuditKey::load(&path)?)
    } else {
        eprintln!(
            "saferstreets: no audit key at {}: only an unkeyed chain can be checked",
            path.display()
        );
        None
    };
    let store = saferstreets::storage::connect(&config.database_url)
        .await
        .context("cannot open the database")?;
    let started = std::time::Instant::now();
    let checked = saferstreets::app::audit::verify_store(&store, key.as_ref()).await?;
    if let Some(checkpoint) = checkpoint {
        let (seq, link) = checkpoint
            .split_once(':')
            .and_then(|(seq, link)| Some((seq.parse::<i64>().ok()?, link)))
            .context("--checkpoint must be SEQ:LINK, as printed by `audit verify`")?;
        let rows = store.audit_rows(seq - 1, 1).await?;
        anyhow::ensure!(
            rows.first().is_some_and(|r| r.seq == seq && r.hash == link),
            "the audit log no longer holds row {seq} with the checkpoint's link: \
             rows were removed from its end or rewritten"
        );
    }
    let (seq, hash) = store.audit_head().await?;
    println!(
        "audit log intact: {checked} rows checked in {:.1?}; checkpoint {seq}:{hash}",
        started.elapsed()
    );
    Ok(())
}

async fn keys(config: Config, action: KeysAction) -> anyhow::Result<()> {
    let store = saferstreets::startup::open_store(&config).await?;
    if let KeysAction::Rotate = action {
        let Some(path) = saferstreets::startup::encryption_keys_path(&config) else {
            anyhow::bail!(
                "the encryption keys are set in the configuration (encryption_keys): add a new \
                 key first in that list, restart the service, then run `saferstreets keys reseal`"
            );
        };
        // Made first if this is a new install, so the new key is added to a real file.
        saferstreets::startup::keyring(&config)?;
        let id = saferstreets::crypto::add_key_to_file(&path)?;
        store
            .audit(&system_audit(
                "keys-rotate",
                format!("added encryption key {id} to {}", path.display()),
            ))
            .await?;
        println!("added encryption key {id}; it seals new data from now on");
    }
    let keyring = saferstreets::startup::keyring(&config)?;
    let started = std::time::Instant::now();
    let done = saferstreets::reseal::reseal_all(&store, &keyring).await?;
    let active = keyring.active_id();
    store
        .audit(&system_audit(
            "keys-reseal",
            format!(
                "re-sealed {} values with key {active}; {} already were; {} changed meanwhile; \
                 {} could not be opened",
                done.resealed, done.current, done.changed, done.unopened
            ),
        ))
        .await?;
    println!(
        "re-sealed {} values with key {active} in {:.1?} ({} already were, {} changed meanwhile, \
         {} could not be opened and keep their old key)",
        done.resealed,
        started.elapsed(),
        done.current,
        done.changed,
        done.unopened
    );
    Ok(())
}

async fn purge(config: Config) -> anyhow::Result<()> {
    use saferstreets::clock::{Clock, SystemClock};
    let store = saferstreets::startup::open_store(&config).await?;
    let keyring = saferstreets::startup::keyring(&config)?;
    let done =
        saferstreets::app::retention::purge(&store, &keyring, &config, SystemClock.now()).await;
    let sealed = done.sealed?;
    if sealed != saferstreets::retention::Sealed::default() {
        println!(
            "sealed {} place reports and {} feedback answers kept in the clear before",
            sealed.places, sealed.feedback
        );
    }
    let done = done.purged?;
    println!(
        "deleted {} closed stalking reports; dropped the exact point of {} place reports, \
         the free text of {} and the answers about the sender of {}; deleted {} feedback answers \
         and {} expired sessions",
        done.reports, done.points, done.place_text, done.place_about, done.feedback, done.sessions
    );
    Ok(())
}

async fn partner_key(config: Config, action: PartnerKeyAction) -> anyhow::Result<()> {
    use saferstreets::clock::{Clock, SystemClock};
    let store = saferstreets::startup::open_store(&config).await?;
    match action {
        PartnerKeyAction::Add { partner, force } => {
            let now = SystemClock.now();
            let geography = saferstreets::geography::Geography::load(&store, &config, now).await?;
            anyhow::ensure!(
                geography.areas.areas().iter().any(|a| a.code == force),
                "no force {force:?}: import its area with `saferstreets import boundaries`"
            );
            anyhow::ensure!(!partner.trim().is_empty(), "--partner must not be empty");
            let (id, key) =
                saferstreets::app::staff::partner_keys::issue(&store, partner.trim(), &force, now)
                    .await?;
            println!(
                "key {id} for {}:\n{key}\nIt is shown only now: give it to the partner over a secure channel.",
                partner.trim()
            );
        }
        PartnerKeyAction::List => {
            for k in store.partner_keys().await? {
                let state = if k.revoked_at.is_some() {
                    "revoked"
                } else {
                    "active"
                };
                println!("{}\t{}\t{}\t{state}", k.id, k.force_code, k.partner);
            }
        }
        PartnerKeyAction::Revoke { id } => {
            anyhow::ensure!(
                store.revoke_partner_key(id, SystemClock.now()).await?,
                "no active key {id}"
            );
            println!("key {id} revoked");
        }
    }
    Ok(())
}

async fn demo_cases(
    config: Config,
    n: u64,
    force: Option<String>,
    seed: u64,
) -> anyhow::Result<()> {
    use saferstreets::clock::{Clock, SystemClock};
    if n == 0 {
        return Ok(());
    }
    let store = saferstreets::startup::open_store(&config).await?;
    let geography =
        saferstreets::geography::Geography::load(&store, &config, SystemClock.now()).await?;
    let state = saferstreets::startup::build_state(config.clone(), store, None, geography)?;
    let force = force.unwrap_or_else(|| config.force_code.clone());
    let bar = indicatif::ProgressBar::new(n);
    let started = std::time::Instant::now();
    let written = saferstreets::demo_cases::generate_stalking_reports(
        &state.store,
        &state.keyring,
        &force,
        n,
        seed,
        SystemClock.now(),
        |done| bar.set_position(done),
    )
    .await?;
    bar.finish_and_clear();
    println!(
        "added {written} stalking reports to {force} in {:.1?}",
        started.elapsed()
    );
    Ok(())
}

async fn demo_data(
    config: Config,
    n: u64,
    force: Option<String>,
    seed: u64,
    points_csv: Option<std::path::PathBuf>,
) -> anyhow::Result<()> {
    use anyhow::Context;
    let store = saferstreets::startup::open_store(&config).await?;
    let now = saferstreets::clock::Clock::now(&saferstreets::clock::SystemClock);
    let geography = saferstreets::geography::Geography::load(&store, &config, now).await?;
    let area = match &force {
        Some(code) => geography.areas.areas().iter().find(|a| &a.code == code),
        None => geography.areas.areas().first(),
    }
    .context("no such force area: import one with `saferstreets import boundaries`")?;
    let index = saferstreets::geo::AreaIndex::new(vec![area.clone()]);
    let places: Vec<_> = geography
        .places
        .iter()
        .filter(|p| index.route(p.point).is_some())
        .cloned()
        .collect();
    anyhow::ensure!(
        !places.is_empty(),
        "the force {} has no gazetteer places to cluster on",
        area.code
    );
    let bar = indicatif::ProgressBar::new(n).with_style(
        indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} reports, {per_sec}, {eta} left",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let started = std::time::Instant::now();
    let written =
        saferstreets::demo::generate_place_reports(&store, area, &places, n, seed, now, |done| {
            bar.set_position(done);
        })
        .await?;
    bar.finish_and_clear();
    println!(
        "added {written} place reports to {} in {:.1?}",
        area.code,
        started.elapsed()
    );
    if let Some(path) = points_csv {
        use std::io::Write;
        let file = std::fs::File::create(&path)
            .with_context(|| format!("cannot create {}", path.display()))?;
        let mut out = std::io::BufWriter::new(file);
        for (point, report) in saferstreets::demo::reports(area, &places, n, seed, now) {
            writeln!(out, "{},{},{}", point.lat(), point.lng(), report.day)?;
        }
        out.flush()?;
    }
    Ok(())
}
