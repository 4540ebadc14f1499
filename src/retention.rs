//! Retention: closed stalking reports are deleted; place reports lose their exact point, their
//! free text and the answers about the sender; and feedback is deleted, each after its
//! configured period. Both steps are run by the purge use case (`app::retention`): by
//! `saferstreets purge` and once a day by the server; every step is audited (in the same
//! transaction as what it removed).
//!
//! Before that, rows written in the clear before migration 0012 are sealed ([`seal_clear_rows`]):
//! a migration cannot, because the keys are outside the database.

use crate::audit::AuditEntry;
use crate::clock::Timestamp;
use crate::config::Config;
use crate::crypto::Keyring;
use crate::domain::answers::Answers;
use crate::domain::place;
use crate::domain::text::scrub;
use crate::storage::sealed::{FEEDBACK_IMPROVE, PlainPlace, SEAL_BATCH};
use crate::storage::{DynStore, StoreError};

/// What a run removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Purged {
    /// Closed stalking reports deleted.
    pub reports: u64,
    /// Place reports whose point was dropped.
    pub points: u64,
    /// Place reports whose free text was dropped.
    pub place_text: u64,
    /// Place reports whose answers about the sender were dropped.
    pub place_about: u64,
    /// Feedback answers deleted.
    pub feedback: u64,
    /// Expired sessions (unsent drafts, sign-in steps, confirmation markers) deleted.
    pub sessions: u64,
}

/// What [`seal_clear_rows`] sealed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sealed {
    /// Place reports.
    pub places: u64,
    /// Feedback answers.
    pub feedback: u64,
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
    let days = |n: i64| now - n * 86_400;
    let reports = store
        .purge_closed_reports(
            days(config.retention_closed_report_days),
            &entry(now, "purge-reports", String::new()),
        )
        .await?;
    let points = store
        .coarsen_place_points(
            days(config.retention_place_point_days),
            &entry(now, "purge-points", String::new()),
        )
        .await?;
    let place_text = store
        .purge_place_text(
            days(config.retention_place_text_days),
            &entry(now, "purge-place-text", String::new()),
        )
        .await?;
    let place_about = store
        .purge_place_about(
            days(config.retention_place_about_days),
            &entry(now, "purge-place-about", String::new()),
        )
        .await?;
    let feedback = store
        .purge_feedback(
            days(config.retention_feedback_days),
            &entry(now, "purge-feedback", String::new()),
        )
        .await?;
    Ok(Purged {
        reports,
        points,
        place_text,
        place_about,
        feedback,
        sessions: store.purge_expired_sessions(now).await?,
    })
}

/// Seal what rows written before migration 0012 hold in the clear: a place report's answers
/// (split into free text, answers about the sender and the rest, as new reports are) and
/// point, and feedback text (scrubbed of contact details first, as new feedback is). Safe to
/// run again and on several instances at once: only rows still clear are read, and a row is
/// replaced only while it is still clear.
pub async fn seal_clear_rows(store: &DynStore, keyring: &Keyring) -> Result<Sealed, StoreError> {
    let mut done = Sealed::default();
    let mut after = 0;
    loop {
        let rows = store.legacy_places(after, SEAL_BATCH).await?;
        let mut sealed = Vec::with_capacity(rows.len());
        for row in &rows {
            after = row.id;
            let plain = PlainPlace {
                point: row.point,
                ..split_legacy_answers(&row.answers)?
            };
            sealed.push((row.id, plain.seal(keyring, &row.submission_id)?));
        }
        if !sealed.is_empty() {
            done.places += store.seal_legacy_places(&sealed).await?;
        }
        if rows.len() < SEAL_BATCH as usize {
            break;
        }
    }
    let mut after = 0;
    loop {
        let rows = store.legacy_feedback(after, SEAL_BATCH).await?;
        let mut sealed = Vec::with_capacity(rows.len());
        for (id, text) in &rows {
            after = *id;
            let clean = scrub(text);
            sealed.push((
                *id,
                FEEDBACK_IMPROVE.seal(keyring, clean.as_bytes(), &id.to_string())?,
            ));
        }
        if !sealed.is_empty() {
            done.feedback += store.seal_legacy_feedback(&sealed).await?;
        }
        if rows.len() < SEAL_BATCH as usize {
            break;
        }
    }
    if done != Sealed::default() {
        store.flush_old_page_images().await?;
    }
    Ok(done)
}

/// Clear answers (JSON) of an old place report, split as new reports are split. Anything that
/// is not answers we understand (old demo rows) is sealed whole with the other answers.
fn split_legacy_answers(json: &str) -> Result<PlainPlace, StoreError> {
    if json.is_empty() {
        return Ok(PlainPlace::default());
    }
    let Ok(answers) = serde_json::from_str::<Answers>(json) else {
        return Ok(PlainPlace {
            answers: Some(json.to_owned()),
            ..PlainPlace::default()
        });
    };
    let parts = place::split_kept(&answers);
    let text = |a: &Answers| {
        (!a.0.is_empty())
            .then(|| serde_json::to_string(a))
            .transpose()
            .map_err(|e| StoreError::Batch(e.to_string()))
    };
    Ok(PlainPlace {
        point: None,
        text: text(&parts.text)?,
        about: text(&parts.about)?,
        answers: text(&parts.rest)?,
    })
}
