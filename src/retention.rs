//! Retention: closed stalking reports are deleted, and place reports lose their exact point,
//! after the configured periods. Run by `saferstreets purge` and once a day by the server;
//! every run is audited (in the same transaction as what it removed).

use crate::audit::AuditEntry;
use crate::clock::{Clock, Timestamp};
use crate::config::Config;
use crate::storage::{DynStore, StoreError};

/// What a run removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Purged {
    /// Closed stalking reports deleted.
    pub reports: u64,
    /// Place reports whose point was dropped.
    pub points: u64,
}

fn entry(now: Timestamp, action: &str, detail: String) -> AuditEntry {
    AuditEntry {
        at: now,
        actor_id: None,
        actor: "system".to_owned(),
        role: String::new(),
        force_code: String::new(),
        action: action.to_owned(),
        object: String::new(),
        outcome: "ok".to_owned(),
        detail,
    }
}

/// Apply the retention periods as of `now`.
pub async fn purge(
    store: &DynStore,
    config: &Config,
    now: Timestamp,
) -> Result<Purged, StoreError> {
    let reports_before = now - config.retention_closed_report_days * 86_400;
    let points_before = now - config.retention_place_point_days * 86_400;
    let reports = store
        .purge_closed_reports(reports_before, &entry(now, "purge-reports", String::new()))
        .await?;
    let points = store
        .coarsen_place_points(points_before, &entry(now, "purge-points", String::new()))
        .await?;
    Ok(Purged { reports, points })
}

/// Run [`purge`] now and then every day, until the task is dropped with the runtime.
pub fn spawn_daily(store: DynStore, config: Config, clock: std::sync::Arc<dyn Clock>) {
    tokio::spawn(async move {
        let mut every_day = tokio::time::interval(std::time::Duration::from_secs(86_400));
        loop {
            every_day.tick().await;
            match purge(&store, &config, clock.now()).await {
                Ok(p) => {
                    tracing::info!(reports = p.reports, points = p.points, "retention applied")
                }
                Err(e) => tracing::error!(error = %e, "retention run failed"),
            }
        }
    });
}
