//! Identifier-free usage counts: one counter per page pattern per day, touched only for visitors
//! who accepted additional cookies. No id, address or time of day is kept.
//!
//! A page view never writes to the database (issue 15): views are tallied in memory and
//! [`Tally::flush`] adds them in one transaction a minute and when the service stops. A crash
//! loses at most a minute of counts, which are statistics, never reports.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::extract::MatchedPath;
use axum::http::{Method, StatusCode};
use axum::response::Response;

use super::consent::Consent;
use super::render::RenderedPage;
use super::state::AppState;
use crate::clock::utc_date;
use crate::storage::{DynStore, PageViews, StoreError};

/// Views counted since the last flush: day, then route pattern, then how many.
#[derive(Debug, Default)]
pub struct Tally(Mutex<HashMap<String, HashMap<String, i64>>>);

impl Tally {
    /// Count one view of `route` on `day`.
    pub fn add(&self, day: &str, route: &str) {
        let mut days = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        // Look up before inserting, so a view of a page already counted today allocates nothing.
        let routes = match days.get_mut(day) {
            Some(routes) => routes,
            None => days.entry(day.to_owned()).or_default(),
        };
        match routes.get_mut(route) {
            Some(n) => *n += 1,
            None => {
                routes.insert(route.to_owned(), 1);
            }
        }
    }

    /// Add the counted views to the store in one transaction; on failure they are kept for the
    /// next flush. Returns how many views were written.
    pub async fn flush(&self, store: &DynStore) -> Result<i64, StoreError> {
        let taken = std::mem::take(
            &mut *self
                .0
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        let rows: Vec<PageViews> = taken
            .into_iter()
            .flat_map(|(day, routes)| {
                routes.into_iter().map(move |(path, views)| PageViews {
                    day: day.clone(),
                    path,
                    views,
                })
            })
            .collect();
        if rows.is_empty() {
            return Ok(0);
        }
        match store.add_page_views(&rows).await {
            Ok(()) => Ok(rows.iter().map(|r| r.views).sum()),
            Err(e) => {
                for r in &rows {
                    self.put_back(r);
                }
                Err(e)
            }
        }
    }

    fn put_back(&self, row: &PageViews) {
        let mut days = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *days
            .entry(row.day.clone())
            .or_default()
            .entry(row.path.clone())
            .or_default() += row.views;
    }
}

/// Whether a request's view counts if it succeeds: a GET from a visitor who said yes.
pub fn wanted(method: &Method, consent: Consent) -> bool {
    method == Method::GET && consent.accepted()
}

/// Count `res` as a view of `route` if it is a public page served whole: a page (not an
/// asset, a redirect or an API answer) with status 200, on a route outside the back office,
/// whose staff are not counted.
pub fn count(state: &AppState, route: Option<&MatchedPath>, res: &Response) {
    let Some(route) = route else { return };
    if res.status() == StatusCode::OK
        && res.extensions().get::<RenderedPage>().is_some()
        && !super::chrome::is_staff_path(route.as_str())
    {
        state
            .page_views
            .add(&utc_date(state.clock.now()), route.as_str());
    }
}
