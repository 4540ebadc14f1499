//! Build the application from its configuration and run it until told to stop.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use axum::Router;
use metrics_exporter_prometheus::PrometheusHandle;
use tokio::net::TcpListener;

use crate::audit::AuditKey;
use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::geography::Geography;
use crate::http::state::{AppState, Keys, Shared};
use crate::i18n::Texts;
use crate::storage::{self, DynStore};

/// A running-ready server bound to its port.
pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
    metrics: Option<(TcpListener, PrometheusHandle)>,
    alerts: crate::alerts::Deliverer,
}

/// What tests and tools may change about how the application is built.
#[derive(Default)]
pub struct Overrides {
    /// A clock the caller controls.
    pub clock: Option<Arc<dyn Clock>>,
    /// Extra routes mounted inside the middleware stack.
    pub extra_routes: Option<Router<AppState>>,
}

impl Application {
    /// Open the store, load text and keys, and bind the listener (port 0 picks a free port).
    pub async fn build(config: Config) -> anyhow::Result<Self> {
        Self::build_with(config, Overrides::default()).await
    }

    /// As [`Application::build`], with test overrides.
    pub async fn build_with(config: Config, overrides: Overrides) -> anyhow::Result<Self> {
        // Alert settings are checked before anything is opened: a bad one changes nothing.
        crate::alerts::check(&config)?;
        // Bound before the database is opened, so a taken address changes nothing.
        let metrics = match config.metrics_listen {
            Some(addr) => {
                let listener = TcpListener::bind(addr)
                    .await
                    .with_context(|| format!("cannot listen on {addr} for metrics"))?;
                let handle = crate::metrics::install().context("cannot start the metrics")?;
                Some((listener, handle))
            }
            None => None,
        };
        let store = open_store(&config).await?;
        let clock = overrides
            .clock
            .unwrap_or_else(|| Arc::new(SystemClock) as Arc<dyn Clock>);
        let geography = Geography::load(&store, &config, clock.now())
            .await
            .context("cannot load the force areas and gazetteer")?;
        let state = build_state(config, store, Some(clock), geography)?;
        let alerts =
            crate::alerts::Deliverer::new(&state.config, state.store.clone(), state.clock.clone())?;
        alerts.check_smtp().await?;
        let listener = TcpListener::bind(state.config.listen)
            .await
            .with_context(|| format!("cannot listen on {}", state.config.listen))?;
        let router = crate::http::router(state.clone(), overrides.extra_routes);
        Ok(Self {
            listener,
            router,
            state,
            metrics,
            alerts,
        })
    }

    /// The address actually bound.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// The metrics address actually bound, when `metrics_listen` is set.
    pub fn metrics_addr(&self) -> Option<std::io::Result<SocketAddr>> {
        self.metrics.as_ref().map(|(l, _)| l.local_addr())
    }

    /// The shared state (for tests that look at the store).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serve until `stop` resolves (from [`shutdown_signal`]: SIGTERM or Ctrl-C), then finish
    /// requests in flight. Retention is applied at start and then daily; the alert worker
    /// delivers the outbox.
    pub async fn run_until_stopped(
        self,
        stop: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        crate::app::retention::spawn_daily(
            self.state.store.clone(),
            self.state.config.as_ref().clone(),
            self.state.clock.clone(),
            self.state.keyring.clone(),
        );
        spawn_sweeps(self.state.clone());
        // Alerts waiting in the outbox (from before a restart too) go out from here on.
        self.alerts.spawn();
        if let Some((listener, handle)) = self.metrics {
            spawn_metrics(listener, handle);
        }
        // Build the hotspot index while the first requests are served, not in the first
        // hotspot request (which waits for it if it comes sooner).
        let store = self.state.store.clone();
        tokio::spawn(async move {
            if let Err(e) = store.warm_hotspots().await {
                tracing::warn!(error = %e, "hotspot index not built at start-up");
            }
        });
        let served = axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(stop)
        .await;
        flush_page_views(&self.state).await;
        served
    }

    /// Serve until `stop` resolves (for tests).
    pub async fn run_until(
        self,
        stop: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        if let Some((listener, handle)) = self.metrics {
            spawn_metrics(listener, handle);
        }
        let served = axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(stop)
        .await;
        flush_page_views(&self.state).await;
        served
    }
}

/// Write the page views counted since the last flush (every minute, and on the way out).
async fn flush_page_views(state: &AppState) {
    if let Err(e) = state.page_views.flush(&state.store).await {
        // Counting is never worth more than a warning; the views wait for the next flush.
        tracing::warn!(error = %e, "page views not written");
    }
}

/// Open the database for the service or a command: the keys folder is prepared and checked
/// first, the data folder made private, and audit rows are linked with the audit key
/// (created on first start, pinning any older unkeyed rows; see `audit.rs`).
pub async fn open_store(config: &Config) -> anyhow::Result<DynStore> {
    let store = storage::connect(&config.database_url)
        .await
        .context("cannot open the database")?;
    prepare_keys_dir(config)?;
    if config.database_url.starts_with("sqlite:") && config.data_dir.is_dir() {
        crate::files::private_dir(&config.data_dir)?;
    }
    let key = audit_key(config, &store).await?;
    store.set_audit_key(key);
    // The crash test's negative control: reports acknowledged before they are written.
    #[cfg(feature = "early-ack")]
    let store: DynStore = Arc::new(storage::early_ack::EarlyAck::new(store));
    Ok(store)
}

/// The file holding the audit key.
pub fn audit_key_path(config: &Config) -> PathBuf {
    config.keys_dir.join(AUDIT_KEY)
}

async fn audit_key(config: &Config, store: &DynStore) -> anyhow::Result<AuditKey> {
    let path = audit_key_path(config);
    let (seq, hash) = store.audit_head().await?;
    let key = AuditKey::load_or_create(&path, (seq, &hash))?;
    let (pinned, _) = key.unkeyed_until();
    // A key made for another database would link rows it cannot verify.
    anyhow::ensure!(
        pinned <= seq,
        "{} was made for another database: it pins audit row {pinned}, but this database's \
         audit log ends at row {seq}",
        path.display()
    );
    Ok(key)
}

const SECRET_KEY: &str = "secret.key";
const ENCRYPTION_KEYS: &str = "encryption.keys";
const AUDIT_KEY: &str = "audit.key";

/// Make the keys folder (0700), move keys an older version kept in the data folder into it,
/// and refuse key files that group or others can read or write.
pub fn prepare_keys_dir(config: &Config) -> anyhow::Result<()> {
    crate::files::private_dir(&config.keys_dir)?;
    for name in [SECRET_KEY, ENCRYPTION_KEYS] {
        let old = config.data_dir.join(name);
        let new = config.keys_dir.join(name);
        if old == new || !old.exists() {
            continue;
        }
        // A copy of the data folder must not carry the keys: move them out, once.
        crate::files::check_private(&old)?;
        anyhow::ensure!(
            !new.exists(),
            "{} is a key left in the data folder, but {} is the one in use: \
             check which one your data needs, keep it in {} and delete the other",
            old.display(),
            new.display(),
            config.keys_dir.display()
        );
        crate::files::move_private(&old, &new)?;
        tracing::warn!(from = %old.display(), to = %new.display(), "moved a key file out of the data folder");
    }
    for name in [SECRET_KEY, ENCRYPTION_KEYS, AUDIT_KEY] {
        crate::files::check_private(&config.keys_dir.join(name))?;
    }
    Ok(())
}

/// Assemble the state shared by handlers.
pub fn build_state(
    config: Config,
    store: DynStore,
    clock: Option<Arc<dyn Clock>>,
    geography: Geography,
) -> anyhow::Result<AppState> {
    let text = Texts::load_with(&crate::domain::contacts::fluent_terms())
        .context("cannot load the text catalogues")?;
    prepare_keys_dir(&config)?;
    let secret = service_secret(&config)?;
    let keyring = keyring(&config)?;
    let clock: Arc<dyn crate::clock::Clock> = clock.unwrap_or_else(|| Arc::new(SystemClock));
    let guard = crate::http::abuse::Guard::new(&config, clock.clone())?;
    let keys = Keys::derive(&secret);
    // The hotspot index keeps each report's record key under this rule, for the rounding of
    // every figure shown outside the police.
    store.use_disclosure(crate::domain::disclosure::Disclosure::new(
        u64::try_from(config.suppression_k).unwrap_or(1),
        keys.disclosure(),
    ));
    let open311_limits = crate::http::abuse::partner::PostLimits::new(&config, clock.clone());
    let basemap = crate::tiles::Basemap::load(&config).context("cannot load the map tiles")?;
    Ok(AppState::new(Shared {
        basemap,
        guard,
        open311_limits,
        keyring: Arc::new(keyring),
        pages: Default::default(),
        page_views: Default::default(),
        geography,
        csp: axum::http::HeaderValue::from_str(
            &crate::http::security::content_security_policy(&[]),
        )
        .context("Content-Security-Policy is not a valid header value")?,
        config: Arc::new(config),
        store,
        clock,
        text,
        keys: Arc::new(keys),
    }))
}

/// The service secret: from configuration, or from `keys_dir/secret.key`, created on first
/// start with owner-only permissions. It is never printed.
fn service_secret(config: &Config) -> anyhow::Result<Vec<u8>> {
    if !config.secret_key.0.is_empty() {
        let bytes = hex::decode(config.secret_key.0.trim()).context("secret_key must be hex")?;
        anyhow::ensure!(
            bytes.len() >= 32,
            "secret_key must be at least 32 bytes (64 hex digits)"
        );
        return Ok(bytes);
    }
    let path = config.keys_dir.join(SECRET_KEY);
    read_or_create_key(&path)
}

/// The file of encryption keys when they are not in the configuration.
pub fn encryption_keys_path(config: &Config) -> Option<PathBuf> {
    config
        .encryption_keys
        .is_empty()
        .then(|| config.keys_dir.join(ENCRYPTION_KEYS))
}

/// The encryption keyring: from configuration (the first key seals), or the key file in
/// `keys_dir`, created on first start.
pub fn keyring(config: &Config) -> anyhow::Result<crate::crypto::Keyring> {
    let Some(path) = encryption_keys_path(config) else {
        let pairs: Vec<(String, String)> = config
            .encryption_keys
            .iter()
            .map(|k| (k.id.clone(), k.key.0.clone()))
            .collect();
        let first = pairs.first().map(|(id, _)| id.clone()).unwrap_or_default();
        return Ok(crate::crypto::Keyring::new(&first, &pairs)?);
    };
    crate::crypto::load_or_create_key_file(&path)
        .with_context(|| format!("cannot read the encryption keys in {}", path.display()))
}

fn read_or_create_key(path: &Path) -> anyhow::Result<Vec<u8>> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let bytes = hex::decode(text.trim())
                .with_context(|| format!("{} is not a hex key", path.display()))?;
            anyhow::ensure!(bytes.len() >= 32, "{} is too short", path.display());
            Ok(bytes)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let key = crate::random::bytes::<32>();
            match crate::files::create_private(path, &hex::encode(key)) {
                Ok(()) => Ok(key.to_vec()),
                // Another process made it first: use theirs.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => read_or_create_key(path),
                Err(e) => Err(e).with_context(|| format!("cannot create {}", path.display())),
            }
        }
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
}

/// SIGTERM or SIGINT (Ctrl-C). The handlers are registered here, when this is called, not
/// when the returned future is first polled (axum polls it in a task of its own, possibly after
/// the first requests have been answered). Call it before telling anyone the service is up: a
/// SIGTERM sent as soon as the address is printed must find a listener subscribed, or it is
/// either fatal (no handler yet) or lost (handler installed, listener not yet subscribed).
pub fn shutdown_signal() -> std::io::Result<impl Future<Output = ()> + Send + 'static> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = signal(SignalKind::terminate())?;
    let mut int = signal(SignalKind::interrupt())?;
    Ok(async move {
        tokio::select! {
            _ = term.recv() => {},
            _ = int.recv() => {},
        }
        tracing::info!("shutting down: finishing requests in flight");
    })
}

/// Every minute while serving, write the page views counted in memory, and delete what only
/// waits for its time to pass: sign-in counts and day keys whose window is over (so nobody can
/// map them back to an address), and expired sessions. A draft is otherwise only deleted when its owner comes back after it expired, so
/// an abandoned one (sealed answers about stalking) would stay. Neither is audited: they are
/// never reports.
fn spawn_sweeps(state: AppState) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            every.tick().await;
            flush_page_views(&state).await;
            if let Err(e) = crate::http::staff::auth::purge_sign_in(&state).await {
                tracing::warn!(error = ?e, "sign-in counts not purged");
            }
            match state.store.purge_expired_sessions(state.clock.now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(sessions = n, "expired sessions deleted"),
                Err(e) => tracing::error!(error = %e, "expired session sweep failed"),
            }
        }
    });
}

/// Serve Prometheus text at `/metrics` on the metrics listener (and nothing else there), and
/// drain the histograms every few seconds, as the exporter's own HTTP listener would.
fn spawn_metrics(listener: TcpListener, handle: PrometheusHandle) {
    let upkeep = handle.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(5));
        loop {
            every.tick().await;
            upkeep.run_upkeep();
        }
    });
    let router = Router::new().route(
        "/metrics",
        axum::routing::get(move || {
            let handle = handle.clone();
            async move {
                (
                    [(
                        axum::http::header::CONTENT_TYPE,
                        "text/plain; version=0.0.4; charset=utf-8",
                    )],
                    handle.render(),
                )
            }
        }),
    );
    tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, router).await {
            tracing::error!(error = %e, "the metrics listener stopped");
        }
    });
}
