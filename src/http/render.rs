//! Rendering askama templates into responses: every full page is marked [`RenderedPage`] so
//! the problem-page middleware (`http::error`) leaves it alone, and pages that are the same for
//! every visitor are rendered once into a [`PageCache`].

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use super::chrome::Chrome;
use super::error::AppError;

/// Marker on responses that already carry a full page.
#[derive(Clone, Copy, Debug)]
pub struct RenderedPage;

/// Render a template as a full page.
pub fn render<T: Template>(template: &T) -> Response {
    render_with_status(StatusCode::OK, template)
}

/// Render a template as a full page with the given status (e.g. 422 for a form with errors).
pub fn render_with_status<T: Template>(status: StatusCode, template: &T) -> Response {
    // Pages are 6–12 KB: one allocation up front instead of growing the buffer as it fills.
    let mut html = String::with_capacity(16 * 1024);
    match template.render_into(&mut html) {
        Ok(()) => {
            let mut res = (status, Html(html)).into_response();
            res.extensions_mut().insert(RenderedPage);
            res
        }
        Err(e) => AppError::from(e).into_response(),
    }
}

/// Rendered bodies of pages that are the same for every visitor who has answered the cookie
/// question (the only per-visitor part of a content page is the banner's form). Templates and
/// text are compiled in, so an entry never goes stale.
#[derive(Debug, Default)]
pub struct PageCache(std::sync::RwLock<rustc_hash::FxHashMap<(usize, String), axum::body::Bytes>>);

/// Render a page that has no per-visitor content, from the cache when possible.
pub fn render_shared<T: Template>(
    cache: &PageCache,
    chrome: &Chrome,
    make: impl FnOnce() -> T,
) -> Response {
    if !chrome.is_the_same_for_everyone() {
        return render(&make());
    }
    let (lang, path) = chrome.page_key();
    let key = (lang, path.to_owned());
    let cached = cache.0.read().ok().and_then(|m| m.get(&key).cloned());
    let body = match cached {
        Some(body) => body,
        None => {
            let mut html = String::with_capacity(16 * 1024);
            if let Err(e) = make().render_into(&mut html) {
                return AppError::from(e).into_response();
            }
            let body = axum::body::Bytes::from(html);
            if let Ok(mut m) = cache.0.write() {
                m.insert(key, body.clone());
            }
            body
        }
    };
    let mut res = (
        [(axum::http::header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response();
    res.extensions_mut().insert(RenderedPage);
    res
}
