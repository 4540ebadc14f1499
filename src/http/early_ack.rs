//! NEGATIVE CONTROL for the crash test only, compiled in with `--features early-ack`, never in
//! a real build: reports are acknowledged first and written a moment later, which is exactly
//! what this service must never do. `make crash-test` runs this build to show that the crash
//! harness does see the losses such a bug causes.
//!
//! Superseded by `storage::early_ack::EarlyAck`, the store decorator installed when the
//! feature is on: this is left only for the place report's retry loop, and goes when that loop
//! calls the store plainly.

use std::time::Duration;

use super::state::AppState;
use crate::storage::{NewPlaceReport, SessionWrite};

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
