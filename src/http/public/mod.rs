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
    accessibility => AccessibilityPage, "public/accessibility.html";
    privacy => PrivacyPage, "public/privacy.html";
}
