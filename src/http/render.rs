//! Rendering askama templates into responses: every full page is marked [`RenderedPage`] so
//! the problem-page middleware (`http::error`) leaves it alone, and pages that are the same for
//! every visitor are rendered once into a [`PageCache`].

use askama::Template;
use axum::body::Bytes;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

use super::assets::Coding;
use super::chrome::Chrome;
use super::compress::{Effort, compress};
use super::error::AppError;
use super::state::AppState;

/// Marker on responses that already carry a full page.
#[derive(Clone, Copy, Debug, Default)]
pub struct RenderedPage {
    /// Whether the page's headers are complete, security headers included (a cached page's,
    /// built once and copied whole), so the frame adds none. One marker rather than two: each
    /// extension a response carries is a map insert on every request (issue 15).
    pub headers_complete: bool,
}

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
            res.extensions_mut().insert(RenderedPage::default());
            res
        }
        Err(e) => AppError::from(e).into_response(),
    }
}

/// Rendered bodies of pages that are the same for every visitor (issue 15: the cookie banner's
/// form carries no per-visitor token, so a first visit's page is as shared as a returning
/// visitor's). Each entry holds the page as is, gzipped and in brotli, so a request costs no
/// rendering and no compression. Templates and text are compiled in, so an entry never goes
/// stale. Keyed by language and whether the banner asks the cookie question, then by path (so
/// a look-up borrows the path instead of allocating a key).
///
/// It also keeps the headers those responses carry (type, coding, `Vary` and the security
/// headers, built once for each coding, and each page's length): copying a finished map costs
/// a fraction of inserting a dozen headers one by one on every request (issue 15).
#[derive(Debug, Default)]
pub struct PageCache {
    pages: std::sync::RwLock<rustc_hash::FxHashMap<Variant, PathPages>>,
    headers: std::sync::OnceLock<[HeaderMap; 3]>,
}

/// The language's index and whether the banner asks the cookie question.
type Variant = (usize, bool);
type PathPages = rustc_hash::FxHashMap<String, CachedPage>;

/// One page in its three encodings.
#[derive(Debug)]
struct CachedPage {
    identity: Encoded,
    gzip: Encoded,
    brotli: Encoded,
}

/// A page's bytes in one encoding, and the whole header map its response carries: the
/// shared headers for the coding, and its own `Content-Length`. With the length in the map,
/// axum finds it there instead of formatting and inserting it on every request (issue 15).
#[derive(Debug)]
struct Encoded {
    body: Bytes,
    headers: HeaderMap,
}

impl Encoded {
    fn new(body: Bytes, shared: &HeaderMap) -> Self {
        let mut headers = shared.clone();
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
        Self { body, headers }
    }
}

impl CachedPage {
    fn new(html: String, headers: &[HeaderMap; 3]) -> Self {
        let identity = Bytes::from(html);
        let encoded = |coding| {
            let body = compress(&identity, coding, Effort::Best)
                .map_or_else(|| identity.clone(), Bytes::from);
            Encoded::new(body, &headers[coding_index(coding)])
        };
        Self {
            gzip: encoded(Coding::Gzip),
            brotli: encoded(Coding::Brotli),
            identity: Encoded::new(identity.clone(), &headers[coding_index(Coding::Identity)]),
        }
    }

    fn get(&self, coding: Coding) -> &Encoded {
        match coding {
            Coding::Brotli => &self.brotli,
            Coding::Gzip => &self.gzip,
            Coding::Identity => &self.identity,
        }
    }

    /// The response for `coding`.
    fn response(&self, coding: Coding) -> Response {
        let encoded = self.get(coding);
        let mut res = Response::new(axum::body::Body::from(encoded.body.clone()));
        *res.headers_mut() = encoded.headers.clone();
        res.extensions_mut().insert(RenderedPage {
            headers_complete: true,
        });
        res
    }
}

/// Where `coding`'s shared headers stand in [`PageCache::headers`].
fn coding_index(coding: Coding) -> usize {
    match coding {
        Coding::Identity => 0,
        Coding::Gzip => 1,
        Coding::Brotli => 2,
    }
}

/// Render a page that has no per-visitor content, from the cache when possible, in the
/// best encoding the request accepts.
pub fn render_shared<T: Template>(
    cache: &PageCache,
    chrome: &Chrome,
    make: impl FnOnce() -> T,
) -> Response {
    if !chrome.is_the_same_for_everyone() {
        return render(&make());
    }
    let (lang, path) = chrome.page_key();
    let variant = (lang, chrome.show_cookie_question());
    let coding = chrome.coding();
    let cached = cache
        .pages
        .read()
        .ok()
        .and_then(|m| Some(m.get(&variant)?.get(path)?.response(coding)));
    if let Some(res) = cached {
        return res;
    }
    let mut html = String::with_capacity(16 * 1024);
    if let Err(e) = make().render_into(&mut html) {
        return AppError::from(e).into_response();
    }
    let page = CachedPage::new(html, cache.headers(chrome.state()));
    let res = page.response(coding);
    if let Ok(mut m) = cache.pages.write() {
        m.entry(variant).or_default().insert(path.to_owned(), page);
    }
    res
}

impl PageCache {
    /// The headers every cached page sent in each coding carries (by [`coding_index`]),
    /// security headers included.
    fn headers(&self, state: &AppState) -> &[HeaderMap; 3] {
        self.headers.get_or_init(|| {
            [Coding::Identity, Coding::Gzip, Coding::Brotli].map(|coding| {
                let mut h = HeaderMap::with_capacity(13);
                h.insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("text/html; charset=utf-8"),
                );
                if let Some(v) = coding.header() {
                    h.insert(header::CONTENT_ENCODING, v);
                }
                h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
                super::security::add_headers(state, &mut h);
                h
            })
        })
    }
}
