//! NEGATIVE CONTROL for the crash test only, compiled in with `--features early-ack`, never in
//! a real build: a store that acknowledges reports first and writes them a moment later, which
//! is exactly what this service must never do. `make crash-test` runs this build to show that
//! the crash harness does see the losses such a bug causes. Installed around the real store
//! where it is opened (`startup::open_store`); everything but the two report submissions is
//! passed straight through.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;

use super::sealed::{
    LegacyPlace, Resealing, RowKey, SealedColumn, SealedPlace, SealedStore, SealedValue,
};
use super::staff::{
    Case, CaseUpdate, Claimed, NewStaffUser, Note, PlaceListQuery, PlaceListRow, QueueQuery,
    QueueRow, SignInClaim, StaffSession, StaffStore, StaffUser,
};
use super::{
    Backend, Breakdown, CellCount, Feedback, ForceRow, GazetteerRow, HotspotQuery, NewFeedback,
    NewPartnerKey, NewPlaceReport, NewStalkingReport, PageViews, PartnerKey, PlaceRequestQuery,
    PlaceRequestRow, SessionWrite, StalkingReportRow, Store, StoreError,
};
use crate::audit::{AuditEntry, AuditKey, AuditRow};
use crate::clock::Timestamp;
use crate::crypto::Keyring;
use crate::domain::staff::UserStatus;

/// How long the write waits after the acknowledgement.
const DELAY: Duration = Duration::from_millis(300);

/// A store whose report submissions return before anything is written.
#[derive(Debug)]
pub struct EarlyAck<S: ?Sized> {
    inner: Arc<S>,
}

impl<S: ?Sized> EarlyAck<S> {
    /// Wrap `inner`.
    pub fn new(inner: Arc<S>) -> Self {
        Self { inner }
    }
}

#[async_trait]
impl<S: Store + ?Sized + 'static> Store for EarlyAck<S> {
    /// Acknowledge a stalking report now; store it later.
    async fn submit_stalking_report(
        &self,
        report: &NewStalkingReport,
        session: Option<&SessionWrite>,
    ) -> Result<String, StoreError> {
        let (store, report, session) = (self.inner.clone(), report.clone(), session.cloned());
        let reference = report.reference.clone();
        tokio::spawn(async move {
            tokio::time::sleep(DELAY).await;
            let _ = store
                .submit_stalking_report(&report, session.as_ref())
                .await;
        });
        Ok(reference)
    }

    /// Acknowledge a place report now; store it later.
    async fn submit_place_report(
        &self,
        report: &NewPlaceReport,
        session: Option<&SessionWrite>,
    ) -> Result<String, StoreError> {
        let (store, report, session) = (self.inner.clone(), report.clone(), session.cloned());
        let receipt = report.receipt.clone();
        tokio::spawn(async move {
            tokio::time::sleep(DELAY).await;
            let _ = store.submit_place_report(&report, session.as_ref()).await;
        });
        Ok(receipt)
    }

    // Everything else as the real store does it.

    fn backend(&self) -> Backend {
        self.inner.backend()
    }

    async fn ping(&self) -> Result<(), StoreError> {
        self.inner.ping().await
    }

    async fn insert_feedback(
        &self,
        feedback: &NewFeedback,
        keyring: &crate::crypto::Keyring,
    ) -> Result<i64, StoreError> {
        self.inner.insert_feedback(feedback, keyring).await
    }

    async fn feedback_before(
        &self,
        before: i64,
        limit: i64,
        keyring: &crate::crypto::Keyring,
    ) -> Result<Vec<Feedback>, StoreError> {
        self.inner.feedback_before(before, limit, keyring).await
    }

    async fn add_page_views(&self, views: &[PageViews]) -> Result<(), StoreError> {
        self.inner.add_page_views(views).await
    }

    async fn page_views(&self, from: &str, to: &str) -> Result<Vec<PageViews>, StoreError> {
        self.inner.page_views(from, to).await
    }

    async fn put_session(
        &self,
        key: &str,
        data: &[u8],
        expires_at: Timestamp,
    ) -> Result<(), StoreError> {
        self.inner.put_session(key, data, expires_at).await
    }

    async fn get_session(&self, key: &str) -> Result<Option<(Vec<u8>, Timestamp)>, StoreError> {
        self.inner.get_session(key).await
    }

    async fn delete_session(&self, key: &str) -> Result<bool, StoreError> {
        self.inner.delete_session(key).await
    }

    async fn claim_once(&self, key: &str, expires_at: Timestamp) -> Result<bool, StoreError> {
        self.inner.claim_once(key, expires_at).await
    }

    async fn purge_expired_sessions(&self, now: Timestamp) -> Result<u64, StoreError> {
        self.inner.purge_expired_sessions(now).await
    }

    async fn stalking_reference_for(
        &self,
        submission_id: &str,
    ) -> Result<Option<String>, StoreError> {
        self.inner.stalking_reference_for(submission_id).await
    }

    async fn stalking_report(
        &self,
        reference: &str,
    ) -> Result<Option<StalkingReportRow>, StoreError> {
        self.inner.stalking_report(reference).await
    }

    async fn count_stalking_reports(&self) -> Result<i64, StoreError> {
        self.inner.count_stalking_reports().await
    }

    async fn replace_force(&self, force: &ForceRow) -> Result<(), StoreError> {
        self.inner.replace_force(force).await
    }

    async fn forces(&self) -> Result<Vec<ForceRow>, StoreError> {
        self.inner.forces().await
    }

    async fn replace_gazetteer(&self, places: &[GazetteerRow]) -> Result<u64, StoreError> {
        self.inner.replace_gazetteer(places).await
    }

    async fn gazetteer(&self) -> Result<Vec<GazetteerRow>, StoreError> {
        self.inner.gazetteer().await
    }

    async fn insert_place_reports(&self, reports: &[NewPlaceReport]) -> Result<(), StoreError> {
        self.inner.insert_place_reports(reports).await
    }

    async fn place_receipt_for(&self, submission_id: &str) -> Result<Option<String>, StoreError> {
        self.inner.place_receipt_for(submission_id).await
    }

    async fn place_report(&self, receipt: &str) -> Result<Option<NewPlaceReport>, StoreError> {
        self.inner.place_report(receipt).await
    }

    async fn count_place_reports(&self) -> Result<i64, StoreError> {
        self.inner.count_place_reports().await
    }

    async fn hotspot_cells(&self, q: &HotspotQuery) -> Result<Vec<CellCount>, StoreError> {
        self.inner.hotspot_cells(q).await
    }

    fn use_disclosure(&self, rule: crate::domain::disclosure::Disclosure) {
        self.inner.use_disclosure(rule)
    }

    async fn warm_hotspots(&self) -> Result<(), StoreError> {
        self.inner.warm_hotspots().await
    }

    async fn cell_counts(&self, force_code: &str, res: i64) -> Result<Vec<(i64, i64)>, StoreError> {
        self.inner.cell_counts(force_code, res).await
    }

    async fn add_partner_key(&self, key: &NewPartnerKey) -> Result<i64, StoreError> {
        self.inner.add_partner_key(key).await
    }

    async fn partner_key(&self, key_hash: &str) -> Result<Option<PartnerKey>, StoreError> {
        self.inner.partner_key(key_hash).await
    }

    async fn partner_keys(&self) -> Result<Vec<PartnerKey>, StoreError> {
        self.inner.partner_keys().await
    }

    async fn revoke_partner_key(&self, id: i64, now: Timestamp) -> Result<bool, StoreError> {
        self.inner.revoke_partner_key(id, now).await
    }

    async fn place_requests(
        &self,
        q: &PlaceRequestQuery,
    ) -> Result<Vec<PlaceRequestRow>, StoreError> {
        self.inner.place_requests(q).await
    }

    async fn count_open311_post(&self, key_id: i64, day: i64) -> Result<i64, StoreError> {
        self.inner.count_open311_post(key_id, day).await
    }
}

#[async_trait]
impl<S: Store + ?Sized + 'static> SealedStore for EarlyAck<S> {
    async fn legacy_places(&self, after: i64, limit: i64) -> Result<Vec<LegacyPlace>, StoreError> {
        self.inner.legacy_places(after, limit).await
    }

    async fn seal_legacy_places(&self, rows: &[(i64, SealedPlace)]) -> Result<u64, StoreError> {
        self.inner.seal_legacy_places(rows).await
    }

    async fn legacy_feedback(
        &self,
        after: i64,
        limit: i64,
    ) -> Result<Vec<(i64, String)>, StoreError> {
        self.inner.legacy_feedback(after, limit).await
    }

    async fn seal_legacy_feedback(&self, rows: &[(i64, Vec<u8>)]) -> Result<u64, StoreError> {
        self.inner.seal_legacy_feedback(rows).await
    }

    async fn reseal(&self, keyring: &Keyring) -> Result<u64, StoreError> {
        self.inner.reseal(keyring).await
    }

    async fn purge_place_text(
        &self,
        before: Timestamp,
        audit: &AuditEntry,
    ) -> Result<u64, StoreError> {
        self.inner.purge_place_text(before, audit).await
    }

    async fn purge_place_about(
        &self,
        before: Timestamp,
        audit: &AuditEntry,
    ) -> Result<u64, StoreError> {
        self.inner.purge_place_about(before, audit).await
    }

    async fn purge_feedback(
        &self,
        before: Timestamp,
        audit: &AuditEntry,
    ) -> Result<u64, StoreError> {
        self.inner.purge_feedback(before, audit).await
    }

    async fn flush_old_page_images(&self) -> Result<(), StoreError> {
        self.inner.flush_old_page_images().await
    }
}

#[async_trait]
impl<S: Store + ?Sized + 'static> StaffStore for EarlyAck<S> {
    async fn create_staff_user(
        &self,
        user: &NewStaffUser,
        audit: &AuditEntry,
    ) -> Result<i64, StoreError> {
        self.inner.create_staff_user(user, audit).await
    }

    async fn staff_user(&self, id: i64) -> Result<Option<StaffUser>, StoreError> {
        self.inner.staff_user(id).await
    }

    async fn staff_user_by_email(&self, email: &str) -> Result<Option<StaffUser>, StoreError> {
        self.inner.staff_user_by_email(email).await
    }

    async fn staff_user_by_setup(&self, token_hash: &str) -> Result<Option<StaffUser>, StoreError> {
        self.inner.staff_user_by_setup(token_hash).await
    }

    async fn staff_users(&self, force_code: &str) -> Result<Vec<StaffUser>, StoreError> {
        self.inner.staff_users(force_code).await
    }

    async fn complete_staff_setup(
        &self,
        id: i64,
        token_hash: &str,
        password_hash: &str,
        totp_sealed: &[u8],
        step: i64,
        now: Timestamp,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError> {
        self.inner
            .complete_staff_setup(id, token_hash, password_hash, totp_sealed, step, now, audit)
            .await
    }

    async fn set_staff_status(
        &self,
        id: i64,
        status: UserStatus,
        now: Timestamp,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError> {
        self.inner.set_staff_status(id, status, now, audit).await
    }

    async fn reset_staff_setup(
        &self,
        id: i64,
        token_hash: &str,
        expires_at: Timestamp,
        now: Timestamp,
        audit: &AuditEntry,
    ) -> Result<bool, StoreError> {
        self.inner
            .reset_staff_setup(id, token_hash, expires_at, now, audit)
            .await
    }

    async fn use_totp_step(&self, id: i64, step: i64) -> Result<bool, StoreError> {
        self.inner.use_totp_step(id, step).await
    }

    async fn create_staff_session(
        &self,
        key: &str,
        user_id: i64,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        self.inner.create_staff_session(key, user_id, now).await
    }

    async fn staff_session(&self, key: &str) -> Result<Option<StaffSession>, StoreError> {
        self.inner.staff_session(key).await
    }

    async fn touch_staff_session(&self, key: &str, now: Timestamp) -> Result<(), StoreError> {
        self.inner.touch_staff_session(key, now).await
    }

    async fn delete_staff_session(&self, key: &str) -> Result<(), StoreError> {
        self.inner.delete_staff_session(key).await
    }

    async fn delete_staff_sessions(&self, user_id: i64) -> Result<u64, StoreError> {
        self.inner.delete_staff_sessions(user_id).await
    }

    async fn daily_key(&self, day: i64, fresh: &[u8]) -> Result<Vec<u8>, StoreError> {
        self.inner.daily_key(day, fresh).await
    }

    async fn claim_sign_in(&self, claim: &SignInClaim) -> Result<Claimed, StoreError> {
        self.inner.claim_sign_in(claim).await
    }

    async fn release_sign_in(
        &self,
        claim: &SignInClaim,
        signed_in: bool,
    ) -> Result<(), StoreError> {
        self.inner.release_sign_in(claim, signed_in).await
    }

    async fn purge_sign_in(&self, now: Timestamp, window: i64) -> Result<(u64, u64), StoreError> {
        self.inner.purge_sign_in(now, window).await
    }

    async fn audit(&self, entry: &AuditEntry) -> Result<i64, StoreError> {
        self.inner.audit(entry).await
    }

    async fn audit_many(&self, entries: &[AuditEntry]) -> Result<i64, StoreError> {
        self.inner.audit_many(entries).await
    }

    async fn audit_rows(&self, after_seq: i64, limit: i64) -> Result<Vec<AuditRow>, StoreError> {
        self.inner.audit_rows(after_seq, limit).await
    }

    async fn force_audit_rows(
        &self,
        force_code: &str,
        before_seq: i64,
        limit: i64,
    ) -> Result<Vec<AuditRow>, StoreError> {
        self.inner
            .force_audit_rows(force_code, before_seq, limit)
            .await
    }

    async fn audit_head(&self) -> Result<(i64, String), StoreError> {
        self.inner.audit_head().await
    }

    fn set_audit_key(&self, key: AuditKey) -> bool {
        self.inner.set_audit_key(key)
    }

    async fn sealed_batch(
        &self,
        column: &SealedColumn,
        after: &RowKey,
        limit: i64,
    ) -> Result<Vec<SealedValue>, StoreError> {
        self.inner.sealed_batch(column, after, limit).await
    }

    async fn write_resealed(
        &self,
        column: &SealedColumn,
        values: &[Resealing],
        key_id: &str,
    ) -> Result<u64, StoreError> {
        self.inner.write_resealed(column, values, key_id).await
    }

    async fn stalking_queue(&self, q: &QueueQuery) -> Result<(Vec<QueueRow>, i64), StoreError> {
        self.inner.stalking_queue(q).await
    }

    async fn insert_stalking_reports(
        &self,
        reports: &[super::NewStalkingReport],
    ) -> Result<(), StoreError> {
        self.inner.insert_stalking_reports(reports).await
    }

    async fn stalking_case(&self, id: i64) -> Result<Option<Case>, StoreError> {
        self.inner.stalking_case(id).await
    }

    async fn stalking_by_reference(
        &self,
        reference: &str,
    ) -> Result<Option<(i64, String)>, StoreError> {
        self.inner.stalking_by_reference(reference).await
    }

    async fn place_list(&self, q: &PlaceListQuery) -> Result<Vec<PlaceListRow>, StoreError> {
        self.inner.place_list(q).await
    }

    async fn update_case(&self, u: &CaseUpdate, audit: &AuditEntry) -> Result<bool, StoreError> {
        self.inner.update_case(u, audit).await
    }

    async fn case_notes(&self, report_id: i64) -> Result<Vec<Note>, StoreError> {
        self.inner.case_notes(report_id).await
    }

    async fn purge_closed_reports(
        &self,
        before: Timestamp,
        audit: &AuditEntry,
    ) -> Result<u64, StoreError> {
        self.inner.purge_closed_reports(before, audit).await
    }

    async fn place_breakdown(
        &self,
        q: &HotspotQuery,
        cells: Option<(u64, u64)>,
    ) -> Result<Breakdown, StoreError> {
        self.inner.place_breakdown(q, cells).await
    }

    async fn coarsen_place_points(
        &self,
        before: Timestamp,
        audit: &AuditEntry,
    ) -> Result<u64, StoreError> {
        self.inner.coarsen_place_points(before, audit).await
    }
}

#[async_trait]
impl<S: Store + ?Sized + 'static> super::OutboxStore for EarlyAck<S> {
    async fn claim_alerts(
        &self,
        now: Timestamp,
        lease: i64,
        limit: i64,
    ) -> Result<Vec<super::Alert>, StoreError> {
        self.inner.claim_alerts(now, lease, limit).await
    }

    async fn alerts_delivered(&self, ids: &[i64], now: Timestamp) -> Result<(), StoreError> {
        self.inner.alerts_delivered(ids, now).await
    }

    async fn alert_failed(
        &self,
        id: i64,
        error: &str,
        retry_at: Timestamp,
    ) -> Result<(), StoreError> {
        self.inner.alert_failed(id, error, retry_at).await
    }

    async fn alert_backlog(&self) -> Result<i64, StoreError> {
        self.inner.alert_backlog().await
    }

    async fn undelivered_alerts(
        &self,
        force_code: &str,
        limit: i64,
    ) -> Result<Vec<super::Undelivered>, StoreError> {
        self.inner.undelivered_alerts(force_code, limit).await
    }

    async fn report_alerts(
        &self,
        report_id: i64,
    ) -> Result<Vec<(String, Option<Timestamp>)>, StoreError> {
        self.inner.report_alerts(report_id).await
    }
}
