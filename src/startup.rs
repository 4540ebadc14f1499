//! Build the application from its configuration and run it until told to stop.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use axum::Router;
use tokio::net::TcpListener;

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
        let store = storage::connect(&config.database_url)
            .await
            .context("cannot open the database")?;
        let clock = overrides
            .clock
            .unwrap_or_else(|| Arc::new(SystemClock) as Arc<dyn Clock>);
        let geography = Geography::load(&store, &config, clock.now())
            .await
            .context("cannot load the force areas and gazetteer")?;
        let state = build_state(config, store, Some(clock), geography)?;
        let listener = TcpListener::bind(state.config.listen)
            .await
            .with_context(|| format!("cannot listen on {}", state.config.listen))?;
        let router = crate::http::router(state.clone(), overrides.extra_routes);
        Ok(Self {
            listener,
            router,
            state,
        })
    }

    /// The address actually bound.
    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// The shared state (for tests that look at the store).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serve until SIGTERM or Ctrl-C, then finish requests in flight. Retention is applied
    /// at start and then daily.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        crate::retention::spawn_daily(
            self.state.store.clone(),
            self.state.config.as_ref().clone(),
            self.state.clock.clone(),
            self.state.keyring.clone(),
        );
        // Build the hotspot index while the first requests are served, not in the first
        // hotspot request (which waits for it if it comes sooner).
        let store = self.state.store.clone();
        tokio::spawn(async move {
            if let Err(e) = store.warm_hotspots().await {
                tracing::warn!(error = %e, "hotspot index not built at start-up");
            }
        });
        axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown_signal())
        .await
    }

    /// Serve until `stop` resolves (for tests).
    pub async fn run_until(
        self,
        stop: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(stop)
        .await
    }
}

/// Assemble the state shared by handlers.
pub fn build_state(
    config: Config,
    store: DynStore,
    clock: Option<Arc<dyn Clock>>,
    geography: Geography,
) -> anyhow::Result<AppState> {
    let text = Texts::load().context("cannot load the text catalogues")?;
    let secret = service_secret(&config)?;
    let keyring = keyring(&config)?;
    let clock: Arc<dyn crate::clock::Clock> = clock.unwrap_or_else(|| Arc::new(SystemClock));
    let guard =
        crate::http::abuse::Guard::new(&config, clock.clone()).map_err(anyhow::Error::msg)?;
    Ok(AppState::new(Shared {
        guard,
        keyring: Arc::new(keyring),
        pages: Default::default(),
        geography,
        csp: axum::http::HeaderValue::from_str(
            &crate::http::security::content_security_policy(&[]),
        )
        .context("Content-Security-Policy is not a valid header value")?,
        config: Arc::new(config),
        store,
        clock,
        text,
        keys: Arc::new(Keys::derive(&secret)),
    }))
}

/// The service secret: from configuration, or from `data_dir/secret.key`, created on first
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
    let path = config.data_dir.join("secret.key");
    read_or_create_key(&path)
}

/// The encryption keyring: from configuration (the first key seals), or the key file in
/// `data_dir`, created on first start.
pub fn keyring(config: &Config) -> anyhow::Result<crate::crypto::Keyring> {
    if let Some(first) = config.encryption_keys.first() {
        let pairs: Vec<(String, String)> = config
            .encryption_keys
            .iter()
            .map(|k| (k.id.clone(), k.key.0.clone()))
            .collect();
        return Ok(crate::crypto::Keyring::new(&first.id, &pairs)?);
    }
    Ok(crate::crypto::load_or_create_key_file(
        &config.data_dir.join("encryption.keys"),
    )?)
}

fn read_or_create_key(path: &Path) -> anyhow::Result<Vec<u8>> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let bytes = hex::decode(text.trim())
                .with_context(|| format!("{} is not a hex key", path.display()))?;
            anyhow::ensure!(bytes.len() >= 32, "{} is too short", path.display());
            Ok(bytes)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create {}", dir.display()))?;
            }
            let key = crate::random::bytes::<32>();
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(path)
                .with_context(|| format!("cannot create {}", path.display()))?;
            file.write_all(hex::encode(key).as_bytes())?;
            file.sync_all()?;
            Ok(key.to_vec())
        }
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
