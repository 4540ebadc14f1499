//! The web layer: router, middleware and one module per flow.

pub mod abuse;
pub mod api;
pub mod assets;
pub mod chrome;
pub mod compress;
pub mod consent;
pub mod error;
pub mod forms;
pub mod hotspots;
pub mod language;
pub mod multipage;
pub mod open311;
pub mod public;
pub mod render;
pub mod report_stalking;
pub mod security;
pub mod session;
pub mod session_slot;
pub mod spreadsheet;
pub mod staff;
pub mod state;
pub mod tiles;
pub mod unsafe_place;
pub mod usage;
pub mod view;
pub mod visit;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::limit::RequestBodyLimitLayer;

use state::AppState;

/// The whole application. `extra` lets tests mount routes (e.g. one that panics) inside the
/// same middleware stack.
pub fn router(state: AppState, extra: Option<Router<AppState>>) -> Router {
    let mut pages = public::routes()
        .merge(report_stalking::routes())
        .merge(unsafe_place::routes());
    if let Some(extra) = extra {
        pages = pages.merge(extra);
    }
    let pages = pages.merge(staff::routes(&state));
    let limit = state.config.max_body_bytes;
    Router::new()
        .route("/healthz", get(public::health::healthz))
        .route("/readyz", get(public::health::readyz))
        .route("/assets/{*path}", get(assets::serve))
        .route(tiles::PATH, get(tiles::serve))
        .route(tiles::AREAS_PATH, get(tiles::areas))
        .merge(api::routes())
        .merge(open311::routes())
        .merge(pages)
        .fallback(|| async { error::AppError::NotFound })
        // One `layer` call for the whole stack: `Router::layer` boxes each route's service once
        // per call, and every middleware clones the service inside it for each request, so
        // nine separate calls nested nine boxes that were each cloned again at every level
        // (about 90 boxed clones a request, a third of the CPU of serving a cached page).
        // `ServiceBuilder` runs its layers top to bottom: the first is the outermost.
        .layer(
            tower::ServiceBuilder::new()
                .layer(axum::middleware::from_fn_with_state(state.clone(), frame))
                .layer(DefaultBodyLimit::max(limit))
                // Below every `from_fn` layer: those take axum's `Body`, and this one hands on
                // a `Limited` body, which only the routes (and the panic catcher) accept.
                .layer(RequestBodyLimitLayer::new(limit))
                .layer(CatchPanicLayer::custom(error::panic_response)),
        )
        .with_state(state)
}

/// What every request and response goes through, in order: what the layers above the handlers share
/// is read off the headers once (`visit`: the client, the session id, worked out only if a handler
/// asks for it, the cookie choices, the language and the coding) and put in the request; a post
/// over its limits is refused (`abuse`); then, on the way out, an error that is not already a page
/// becomes a problem page (`error`; in the back office's own layout under `/staff`), the session
/// cookie is set if the response used a new id (`session::settle`), a public page view is counted
/// for a visitor who said yes (`usage`), the security headers are added (`security`), a response
/// rendered for this request is compressed (`compress`; cached pages and assets come compressed),
/// and the request and its latency are counted under its route pattern (`MatchedPath`), never the
/// raw path, which may carry a reference or a token; a path no route matches is `unmatched`.
///
/// One middleware rather than seven: each layer boxes the request's future and clones the service
/// beneath it, for every request. The session and page-view layers alone were a sixth of the
/// instructions spent serving a cached page (issue 15).
///
/// It also opens the request's log span, in place of tower-http's `TraceLayer`: the route pattern
/// and method only, never query strings, bodies or addresses; a server error is logged when it is
/// answered (other answers at debug level). The layer boxed a future, wrapped the body and read the
/// clock three times: 840 of the 26,700 instructions of serving a returning visitor a cached page,
/// for a span this opens in two lines (issue 15).
async fn frame(
    axum::extract::State(state): axum::extract::State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    // A shared pointer, not a copy of the pattern.
    let route = req
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .cloned();
    let span = tracing::info_span!(
        "request",
        method = %req.method(),
        route = route.as_ref().map_or("-", axum::extract::MatchedPath::as_str)
    );
    tracing::Instrument::instrument(answer(state, req, next, route), span).await
}

/// The frame's work for a request, inside its span.
async fn answer(
    state: AppState,
    mut req: axum::extract::Request,
    next: axum::middleware::Next,
    route: Option<axum::extract::MatchedPath>,
) -> axum::response::Response {
    let method = req.method().clone();
    let started = std::time::Instant::now();
    let visit = visit::Visit::read(&state, req.headers(), req.extensions());
    let problem = error::ProblemContext::capture(&req);
    let count_view = usage::wanted(&method, visit.consent);
    let res = match abuse::admit(&state, &req, visit.client) {
        Ok(()) => {
            req.extensions_mut().insert(visit.clone());
            next.run(req).await
        }
        Err(refused) => axum::response::IntoResponse::into_response(refused),
    };
    let res = match problem {
        Some(context) if chrome::is_staff_path(context.path()) => {
            context.dress(&state, &visit, res, staff::problem_page)
        }
        Some(context) => context.dress(&state, &visit, res, error::public_page),
        None => res,
    };
    let mut res = session::settle(&state, &visit.session, res);
    if count_view {
        usage::count(&state, route.as_ref(), &res);
    }
    if !res
        .extensions()
        .get::<render::RenderedPage>()
        .is_some_and(|page| page.headers_complete)
    {
        security::add_headers(&state, res.headers_mut());
    }
    let res = compress::negotiated(visit.coding, res).await;
    let latency = started.elapsed();
    let status = res.status();
    crate::metrics::request(
        route
            .as_ref()
            .map_or("unmatched", axum::extract::MatchedPath::as_str),
        method.as_str(),
        status.as_u16(),
        latency,
    );
    let latency_ms = latency.as_millis();
    if status.is_server_error() {
        tracing::error!(status = status.as_u16(), latency_ms, "response failed");
    } else {
        tracing::debug!(status = status.as_u16(), latency_ms, "answered");
    }
    res
}
