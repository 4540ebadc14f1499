//! Public pages: home, advice, cookies, feedback, quick exit, and placeholders for the reports
//! that later flows will fill.

pub mod cookies;
pub mod exit;
pub mod feedback;
pub mod health;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;

use super::chrome::Chrome;
use super::render::render_shared;
use super::state::AppState;

/// Routes of the public site.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/advice", get(advice_index))
        .route("/advice/harassment", get(harassment))
        .route("/advice/sexual-harassment", get(sexual_harassment))
        .route("/advice/stalking", get(stalking))
        .route("/advice/online-stalking", get(online_stalking))
        .route("/advice/what-you-can-do", get(what_you_can_do))
        .route("/advice/covering-your-tracks", get(covering_your_tracks))
        .route("/advice/after-you-report", get(after_you_report))
        .route("/advice/place-reports", get(place_reports))
        .route("/advice/protective-orders", get(protective_orders))
        .route("/advice/support", get(support))
        .route("/accessibility", get(accessibility))
        .route("/privacy", get(privacy))
        .route("/cookies", get(cookies::show).post(cookies::save))
        .route(
            "/cookies/consent",
            axum::routing::post(cookies::banner_choice),
        )
        .route("/feedback", get(feedback::show).post(feedback::send))
        .route("/feedback/thank-you", get(feedback::thank_you))
        .route("/exit", get(exit::exit))
        .route("/language", get(super::language::switch))
        .route("/keep-alive", axum::routing::post(exit::keep_alive))
}

/// Declare a page that is only a template over the layout, and its handler.
/// A macro because askama binds each template to its own type at compile time; the handlers
/// would otherwise be a dozen identical three-line functions.
macro_rules! content_pages {
    ($($handler:ident => $ty:ident, $path:literal;)*) => {$(
        #[doc = concat!("The page in `templates/", $path, "`.")]
        #[derive(Template)]
        #[template(path = $path)]
        pub struct $ty {
            /// Layout context.
            pub chrome: Chrome,
        }

        #[doc = concat!("`GET` for `templates/", $path, "`.")]
        pub async fn $handler(State(state): State<AppState>, chrome: Chrome) -> Response {
            render_shared(&state.pages, &chrome, || $ty { chrome: chrome.clone() })
        }
    )*};
}

content_pages! {
    home => HomePage, "public/home.html";
    advice_index => AdviceIndexPage, "public/advice/index.html";
    harassment => HarassmentPage, "public/advice/harassment.html";
    sexual_harassment => SexualHarassmentPage, "public/advice/sexual_harassment.html";
    stalking => StalkingPage, "public/advice/stalking.html";
    online_stalking => OnlineStalkingPage, "public/advice/online_stalking.html";
    what_you_can_do => WhatYouCanDoPage, "public/advice/what_you_can_do.html";
    covering_your_tracks => CoveringYourTracksPage, "public/advice/covering_your_tracks.html";
    after_you_report => AfterYouReportPage, "public/after_you_report.html";
    place_reports => PlaceReportsPage, "public/place_reports.html";
    protective_orders => ProtectiveOrdersPage, "public/advice/protective_orders.html";
    support => SupportPage, "public/advice/support.html";
}

/// The accessibility statement: its known issues name the draft time-out from the settings.
#[derive(Template)]
#[template(path = "public/accessibility.html")]
pub struct AccessibilityPage {
    /// Layout context.
    pub chrome: Chrome,
    /// `draft_idle_minutes`.
    pub draft_minutes: String,
}

/// `GET /accessibility`.
pub async fn accessibility(State(state): State<AppState>, chrome: Chrome) -> Response {
    let draft_minutes = state.config.draft_idle_minutes.to_string();
    render_shared(&state.pages, &chrome, || AccessibilityPage {
        chrome: chrome.clone(),
        draft_minutes,
    })
}

/// The privacy notice. Controller, Data Protection Officer and every retention period come
/// from the settings, so the notice cannot drift from what `purge` does.
#[derive(Template)]
#[template(path = "public/privacy.html")]
pub struct PrivacyPage {
    /// Layout context.
    pub chrome: Chrome,
    /// `data_controller`.
    pub controller: String,
    /// `dpo_email`.
    pub dpo_email: String,
    /// `dpo_address`.
    pub dpo_address: String,
    /// `draft_idle_minutes`.
    pub draft_minutes: String,
    /// `retention_closed_report_days`.
    pub closed_days: String,
    /// `retention_place_point_days`.
    pub point_days: String,
    /// `retention_place_text_days`.
    pub text_days: String,
    /// `retention_place_about_days`.
    pub about_days: String,
    /// `retention_feedback_days`.
    pub feedback_days: String,
}

/// `GET /privacy`.
pub async fn privacy(State(state): State<AppState>, chrome: Chrome) -> Response {
    let c = &state.config;
    let page = PrivacyPage {
        chrome: chrome.clone(),
        controller: c.data_controller.clone(),
        dpo_email: c.dpo_email.clone(),
        dpo_address: c.dpo_address.clone(),
        draft_minutes: c.draft_idle_minutes.to_string(),
        closed_days: c.retention_closed_report_days.to_string(),
        point_days: c.retention_place_point_days.to_string(),
        text_days: c.retention_place_text_days.to_string(),
        about_days: c.retention_place_about_days.to_string(),
        feedback_days: c.retention_feedback_days.to_string(),
    };
    render_shared(&state.pages, &chrome, || page)
}
