//! Use case: purge. Seal what rows written before migration 0012 still hold in the clear, then
//! apply the retention periods (`crate::retention` has both steps). `saferstreets purge` runs it
//! once; the server runs it at start and then daily.

use std::sync::Arc;

use crate::clock::{Clock, Timestamp};
use crate::config::Config;
use crate::crypto::Keyring;
use crate::retention::{self, Purged, Sealed};
use crate::storage::{DynStore, StoreError};

/// What a purge did: each step's outcome. Retention is applied even when sealing failed, as
/// holding data past its period is the worse failure.
#[derive(Debug)]
pub struct Outcome {
    /// Old clear rows sealed.
    pub sealed: Result<Sealed, StoreError>,
    /// What the retention periods removed.
    pub purged: Result<Purged, StoreError>,
}

/// Seal old clear rows, then apply the retention periods as of `now`.
pub async fn purge(
    store: &DynStore,
    keyring: &Keyring,
    config: &Config,
    now: Timestamp,
) -> Outcome {
    let sealed = retention::seal_clear_rows(store, keyring).await;
    let purged = retention::purge(store, config, now).await;
    Outcome { sealed, purged }
}

/// Purge now and every day, until the task is dropped with the runtime.
pub fn spawn_daily(store: DynStore, config: Config, clock: Arc<dyn Clock>, keyring: Arc<Keyring>) {
    tokio::spawn(async move {
        let mut every_day = tokio::time::interval(std::time::Duration::from_secs(86_400));
        loop {
            every_day.tick().await;
            let done = purge(&store, &keyring, &config, clock.now()).await;
            match done.sealed {
                Ok(s) if s != Sealed::default() => {
                    tracing::info!(
                        places = s.places,
                        feedback = s.feedback,
                        "clear rows sealed"
                    )
                }
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "sealing clear rows failed"),
            }
            match done.purged {
                Ok(p) => tracing::info!(
                    reports = p.reports,
                    points = p.points,
                    place_text = p.place_text,
                    place_about = p.place_about,
                    feedback = p.feedback,
                    "retention applied"
                ),
                Err(e) => tracing::error!(error = %e, "retention run failed"),
            }
        }
    });
}
