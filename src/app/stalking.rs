//! Use case: submit a stalking report. The answers are sealed (bound to the draft's random
//! submission id), assessed for priority and stored under a fresh reference, replacing the
//! sender's draft in the same transaction. The web form sends through [`submit`]; the demo
//! data builds its reports with [`sealed_report`], so both store exactly the same shape.

use crate::clock::{Clock, Timestamp};
use crate::crypto::{CryptoError, Keyring};
use crate::domain::alert::{self, Channel};
use crate::domain::purpose;
use crate::domain::reference::Reference;
use crate::domain::stalking::{Answers, priority};
use crate::storage::{DynStore, NewStalkingReport, SessionWrite, StoreError};

/// Why a report was not stored.
#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    /// The answers could not be sealed.
    #[error("sealing the answers: {0}")]
    Sealing(#[from] CryptoError),
    /// The answers could not be written as JSON.
    #[error("answers as JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The database failed.
    #[error("storage: {0}")]
    Store(#[from] StoreError),
    /// Three random references in a row were already taken.
    #[error("no free reference after three draws")]
    NoFreeReference,
}

/// What a submission needs besides the report itself.
#[derive(Debug, Clone, Copy)]
pub struct Desk<'a> {
    /// Where reports are kept.
    pub store: &'a DynStore,
    /// The keys that seal the answers.
    pub keyring: &'a Keyring,
    /// The time.
    pub clock: &'a dyn Clock,
    /// The force that receives the report.
    pub force_code: &'a str,
    /// The alert channels configured (`alerts::channels`): an urgent or high-priority report
    /// gets one outbox row for each, in its own transaction.
    pub alerts: &'a [Channel],
    /// The language the sender used (`en-GB`, `cy`), kept with the report for staff.
    pub language: &'a str,
}

/// The report as stored for `answers`: sealed under the keyring's active key, assessed, with a
/// new random reference, sent at `created_at`.
pub fn sealed_report(
    answers: &Answers,
    submission: &str,
    keyring: &Keyring,
    force_code: &str,
    created_at: Timestamp,
) -> Result<NewStalkingReport, SubmitError> {
    let assessment = priority::assess(answers);
    let plaintext = serde_json::to_vec(answers)?;
    Ok(NewStalkingReport {
        reference: Reference::generate().as_compact().to_owned(),
        submission_id: submission.to_owned(),
        force_code: force_code.to_owned(),
        created_at,
        priority: assessment.priority.code().to_owned(),
        priority_rank: assessment.priority.rank(),
        reasons: serde_json::to_string(&assessment.reasons)?,
        key_id: keyring.active_id().to_owned(),
        sealed: keyring.seal(&plaintext, &purpose::report(submission))?,
        alerts: Vec::new(),
        language: crate::i18n::DEFAULT_LANG.to_owned(),
    })
}

/// Store the report of draft `submission` and, in the same transaction, put `sent` (the
/// sender's session row marking the draft sent) in place of the draft. Sending the same
/// draft again gives the first report's reference (compact form). A clash of random
/// references (about one in 10^15) draws again.
pub async fn submit(
    desk: Desk<'_>,
    submission: &str,
    answers: &Answers,
    sent: &SessionWrite,
) -> Result<String, SubmitError> {
    let mut report = sealed_report(
        answers,
        submission,
        desk.keyring,
        desk.force_code,
        desk.clock.now(),
    )?;
    if priority::Priority::from_code(&report.priority).is_some_and(alert::raises_alert) {
        report.alerts = desk.alerts.to_vec();
    }
    desk.language.clone_into(&mut report.language);
    for _ in 0..3 {
        match desk.store.submit_stalking_report(&report, Some(sent)).await {
            Err(StoreError::Duplicate) => {
                report.reference = Reference::generate().as_compact().to_owned();
                report.created_at = desk.clock.now();
            }
            other => {
                let stored = other?;
                // A repeated send gets the first report's reference: count new reports only.
                if stored == report.reference {
                    crate::metrics::report_received("stalking", &report.priority);
                }
                return Ok(stored);
            }
        }
    }
    Err(SubmitError::NoFreeReference)
}
