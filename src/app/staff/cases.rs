//! Working a stalking report: a change of status or assignee, with an optional note sealed
//! to the report, applied only if nobody moved the report meanwhile.

use super::StaffError;
use crate::audit::AuditEntry;
use crate::clock::Timestamp;
use crate::crypto::Keyring;
use crate::domain::purpose;
use crate::domain::staff::Status;
use crate::storage::{Case, CaseUpdate, DynStore};

/// What a member of staff asked for, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The new status (one the current status may become).
    pub to: Status,
    /// The new assignee (an investigator of the report's force), or nobody.
    pub assigned_to: Option<i64>,
    /// The note, trimmed; empty for none.
    pub note: String,
}

/// Apply `change` to `case` by `author` with its audit row (`audit`, whose detail is filled
/// in here); `false` if the report's status moved since it was read.
pub async fn update(
    store: &DynStore,
    keyring: &Keyring,
    case: &Case,
    change: &Change,
    author: i64,
    now: Timestamp,
    mut audit: AuditEntry,
) -> Result<bool, StaffError> {
    let id = case.row.id;
    let sealed = if change.note.is_empty() {
        None
    } else {
        Some(keyring.seal(change.note.as_bytes(), &purpose::note(id))?)
    };
    audit.detail = format!(
        "{} -> {}; assigned {}",
        case.row.status.code(),
        change.to.code(),
        change
            .assigned_to
            .map_or_else(|| "nobody".to_owned(), |a| format!("user:{a}"))
    );
    let update = CaseUpdate {
        report_id: id,
        from_status: case.row.status,
        to_status: change.to,
        assigned_to: change.assigned_to,
        author_id: author,
        at: now,
        note: sealed,
    };
    Ok(store.update_case(&update, &audit).await?)
}
