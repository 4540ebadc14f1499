//! NEGATIVE CONTROL for the crash test only, compiled in with `--features early-ack`, never in
//! a real build: reports are acknowledged first and written a moment later, which is exactly
//! what this service must never do. `make crash-test` runs this build to show that the crash
//! harness does see the losses such a bug causes.

use std::time::Duration;

use super::state::AppState;
use crate::storage::{NewPlaceReport, NewStalkingReport, SessionWrite};

/// How long the write waits after the acknowledgement.
const DELAY: Duration = Duration::from_millis(300);

/// Acknowledge a place report now; store it later.
pub fn place(state: &AppState, report: NewPlaceReport, session: Option<&SessionWrite>) -> String {
    let (store, session) = (state.store.clone(), session.cloned());
    let receipt = report.receipt.clone();
    tokio::spawn(async move {
        tokio::time::sleep(DELAY).await;
        let _ = store.submit_place_report(&report, session.as_ref()).await;
    });
    receipt
}

/// Acknowledge a stalking report now; store it later.
pub fn stalking(state: &AppState, report: NewStalkingReport, session: SessionWrite) -> String {
    let store = state.store.clone();
    let reference = report.reference.clone();
    tokio::spawn(async move {
        tokio::time::sleep(DELAY).await;
        let _ = store.submit_stalking_report(&report, Some(&session)).await;
    });
    reference
}
