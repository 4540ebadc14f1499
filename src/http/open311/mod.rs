//! Open311 GeoReport v2 (<https://wiki.open311.org/GeoReport_v2/>) under `/open311/v2/`, in
//! JSON and XML, so council systems can take the reasons they can fix.
//!
//! Services are the reasons people give; the environmental ones (lighting, layout, …) are in
//! the group `Environment`, with the keyword `environmental`. Reading needs no key, as
//! GeoReport v2 clients send none on GET: `requests` are not reports but weekly counts per
//! resolution-9 hexagon and environmental service, published under the project's disclosure
//! rule (`feed.rs`); behavioural reasons, free text, answers about the person, exact points
//! and days never come out. The force is the `jurisdiction_id`, or this instance's own.
//! Posting a request needs an API key issued to the partner (`saferstreets partner-key add`),
//! which opens one force, and is limited per key (`limits.rs`).

pub mod feed;
pub mod xml;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};

use crate::app::hotspots::{self, CountError};
pub use crate::app::place::CheckedRequest;
use crate::app::place::{self as submit, PlaceContext, PlaceFacts, RequestError, RequestFields};
use crate::app::staff::partner_keys::key_hash;
use crate::clock::Timestamp;
use crate::clock::uk_today;
use crate::domain::answers::Value as Answer;
use crate::domain::disclosure::{Disclosure, week_start};
use crate::domain::place::{
    self, BEHAVIOUR_REASONS, ENVIRONMENTAL, FREQUENCY, REASON_BITS, TIME_BANDS,
};
use crate::geo::hex;
use crate::geography::Geography;
use crate::http::state::AppState;
use crate::i18n::Catalog;
use crate::storage::{PartnerKey, StoreError};

/// Entries are shown at the centre of their H3 cell at this resolution (cells about 0.1 km²):
/// the finest the disclosure rule allows outside the police.
pub const COARSE_RES: u8 = 9;

/// Most entries one list returns (the specification lets a server cap it).
const MAX_REQUESTS: usize = 1_000;

/// Most ids one list may ask for, and most distinct weeks they may name (90 days' worth).
const MAX_IDS: usize = 100;
const MAX_ID_WEEKS: usize = 13;

/// Without dates, a list covers the last 90 days, and a range may not span more (as the
/// specification says).
const DEFAULT_DAYS: i64 = 90;

/// Routes of the Open311 endpoint.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/open311/v2/{file}", get(top).post(post_request))
        .route("/open311/v2/services/{file}", get(service_definition))
        .route("/open311/v2/requests/{file}", get(one_request))
}

/// The two formats of the specification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Json,
    Xml,
}

/// An error in the specification's format: a list of `code` and `description`.
#[derive(Debug)]
pub struct Failure {
    /// The HTTP status, also the error's `code`.
    pub status: StatusCode,
    /// What is wrong, for the partner's developers.
    pub description: String,
    /// Seconds to wait before trying again (429 only), sent as `Retry-After`.
    pub retry_after: Option<u64>,
}

fn fail(status: StatusCode, description: impl Into<String>) -> Failure {
    Failure {
        status,
        description: description.into(),
        retry_after: None,
    }
}

fn too_many(seconds: u64, description: impl Into<String>) -> Failure {
    Failure {
        retry_after: Some(seconds.max(1)),
        ..fail(StatusCode::TOO_MANY_REQUESTS, description)
    }
}

/// `name.json` or `name.xml` → the name and the format; XML when the extension is unknown, so
/// the error itself can be given in the specification's default format.
fn split(file: &str) -> (&str, Result<Format, Failure>) {
    match file.rsplit_once('.') {
        Some((name, "json")) => (name, Ok(Format::Json)),
        Some((name, "xml")) => (name, Ok(Format::Xml)),
        Some((name, _)) => (
            name,
            Err(fail(
                StatusCode::NOT_FOUND,
                "the format must be json or xml",
            )),
        ),
        None => (
            file,
            Err(fail(StatusCode::NOT_FOUND, "add .json or .xml to the path")),
        ),
    }
}

fn respond(format: Format, root: &str, status: StatusCode, body: &Value) -> Response {
    match format {
        Format::Json => (
            status,
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            body.to_string(),
        )
            .into_response(),
        Format::Xml => (
            status,
            [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
            xml::document(root, body),
        )
            .into_response(),
    }
}

fn failure(format: Format, f: &Failure) -> Response {
    let body = json!([{ "code": f.status.as_u16(), "description": f.description }]);
    let mut response = respond(format, "errors", f.status, &body);
    if let Some(seconds) = f.retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
    }
    response
}

/// Run `answer` in the format of `file`, turning a failure into the specification's errors.
fn reply(
    file: &str,
    answer: impl FnOnce(&str) -> Result<(&'static str, Value), Failure>,
) -> Response {
    let (name, format) = split(file);
    let format = match format {
        Ok(f) => f,
        Err(f) => return failure(Format::Xml, &f),
    };
    match answer(name) {
        Ok((root, body)) => respond(format, root, StatusCode::OK, &body),
        Err(f) => failure(format, &f),
    }
}

fn is_environmental(code: &str) -> bool {
    ENVIRONMENTAL.contains(&code)
}

/// A service as `services` lists it. Every reason is listed because a partner may post any of
/// them (a council's contact centre also hears of harassment, and the police want to know);
/// only the environmental ones are ever listed back in `requests`, and the description of the
/// others says so.
fn service(text: &Catalog, code: &str) -> Value {
    let (group, description) = if is_environmental(code) {
        ("o311-group-environmental", "o311-description-environmental")
    } else {
        ("o311-group-behaviour", "o311-description-police-only")
    };
    let behaviour = BEHAVIOUR_REASONS.iter().any(|o| o.code == code);
    let keywords = match (is_environmental(code), behaviour) {
        (true, _) => "environmental,council",
        (false, true) => "behaviour,police",
        (false, false) => "place,police",
    };
    json!({
        "service_code": code,
        "service_name": text.t(&format!("o311-service-{code}")),
        "description": text.t(description),
        "metadata": true,
        "type": "realtime",
        "keywords": keywords,
        "group": text.t(group),
    })
}

fn reason_bit(code: &str) -> Option<i64> {
    REASON_BITS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, b)| i64::from(*b))
}

/// `GET services.{format}`, or the list of requests, `GET requests.{format}`.
async fn top(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(params): Query<Vec<(String, String)>>,
) -> Response {
    let (name, _) = split(&file);
    match name {
        "services" => reply(&file, |_| {
            let text = state.text.default_catalog();
            let list = REASON_BITS.iter().map(|(c, _)| service(text, c)).collect();
            Ok(("services", Value::Array(list)))
        }),
        "requests" => {
            let (_, format) = split(&file);
            let Ok(format) = format else {
                return reply(&file, |_| Err(fail(StatusCode::NOT_FOUND, "")));
            };
            match list_requests(&state, &params).await {
                Ok(body) => respond(format, "service_requests", StatusCode::OK, &body),
                Err(f) => failure(format, &f),
            }
        }
        _ => reply(&file, |_| {
            Err(fail(StatusCode::NOT_FOUND, "no such resource"))
        }),
    }
}

/// `GET services/{code}.{format}`: the extra questions a request may answer.
async fn service_definition(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    reply(&file, |code| {
        if reason_bit(code).is_none() {
            return Err(fail(StatusCode::NOT_FOUND, "no such service_code"));
        }
        let text = state.text.default_catalog();
        let values = |opts: &[crate::domain::questions::Opt]| -> Value {
            opts.iter()
                .map(|o| json!({ "key": o.code, "name": text.t(o.label) }))
                .collect()
        };
        let attribute = |order: u32, code: &str, datatype: &str, description: &str, v: Value| {
            json!({
                "variable": true,
                "code": code,
                "datatype": datatype,
                "required": false,
                "datatype_description": text.t(description),
                "order": order,
                "description": text.t(description),
                "values": v,
            })
        };
        Ok((
            "service_definition",
            json!({
                "service_code": code,
                "attributes": [
                    attribute(1, "date", "datetime", "o311-attr-date", json!([])),
                    attribute(2, "time_of_day", "singlevaluelist", "o311-attr-time", values(TIME_BANDS)),
                    attribute(3, "how_often", "singlevaluelist", "o311-attr-often", values(FREQUENCY)),
                ],
            }),
        ))
    })
}

/// The partner holding `key`; 403 for a missing, unknown or revoked key.
async fn partner(state: &AppState, key: Option<&str>) -> Result<PartnerKey, Failure> {
    let denied = || fail(StatusCode::FORBIDDEN, "a valid api_key is required");
    let key = key.filter(|k| !k.is_empty()).ok_or_else(denied)?;
    match state.store.partner_key(&key_hash(key)).await {
        Ok(Some(p)) => Ok(p),
        Ok(None) => Err(denied()),
        Err(e) => Err(unavailable(&e)),
    }
}

fn unavailable(e: &StoreError) -> Failure {
    tracing::error!(error = %e, "open311 storage failure");
    fail(
        StatusCode::SERVICE_UNAVAILABLE,
        "the service is not available, try again later",
    )
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The force a reader asks about: `jurisdiction_id` (a force code), or this instance's
/// `force_code` when it is left out, as the specification allows for a single jurisdiction.
fn jurisdiction(state: &AppState, params: &[(String, String)]) -> Result<String, Failure> {
    match param(params, "jurisdiction_id").filter(|j| !j.is_empty()) {
        None => Ok(state.config.force_code.clone()),
        Some(j)
            if j == state.config.force_code
                || state.geography.areas.areas().iter().any(|a| a.code == j) =>
        {
            Ok(j.to_owned())
        }
        Some(_) => Err(fail(StatusCode::NOT_FOUND, "no such jurisdiction_id")),
    }
}

/// An ISO 8601 time (`2026-11-01T00:00:00Z`, any offset) or a date (midnight UTC).
fn instant(text: &str) -> Option<Timestamp> {
    if let Ok(t) = text.parse::<jiff::Timestamp>() {
        return Some(t.as_second());
    }
    let date: jiff::civil::Date = text.parse().ok()?;
    Some(place::day_number(date) * 86_400)
}

/// The hour of the day in the UK.
fn uk_hour(now: Timestamp) -> i8 {
    let tz = jiff::tz::TimeZone::get("Europe/London").unwrap_or(jiff::tz::TimeZone::UTC);
    jiff::Timestamp::from_second(now).map_or(0, |t| t.to_zoned_datetime(tz).hour())
}

/// Midnight UTC of a day number, in ISO 8601.
fn iso_day(day: i64) -> String {
    jiff::Timestamp::from_second(day * 86_400).map_or_else(|_| String::new(), |t| t.to_string())
}

/// The disclosure rule, as every count leaving the police uses it.
fn rule(state: &AppState) -> Disclosure {
    crate::http::hotspots::disclosure(state)
}

/// The key of entry ids: derived from the disclosure key, for this purpose only.
fn id_key(state: &AppState) -> [u8; 32] {
    crate::http::state::hmac(
        &state.keys.disclosure(),
        b"saferstreets open311 entry ids v1",
    )
}

/// The published entries of `force` for `services` over the whole weeks around the days.
async fn entries(
    state: &AppState,
    force: &str,
    days: (i64, i64),
    services: &[&'static str],
) -> Result<Vec<feed::Entry>, Failure> {
    let rule = rule(state);
    hotspots::weekly_entries(state.store.as_ref(), &rule, force, days, services)
        .await
        .map_err(|e| match e {
            CountError::Store(e) => unavailable(&e),
            CountError::Task(e) => {
                tracing::error!(error = %e, "open311 count failed");
                fail(StatusCode::INTERNAL_SERVER_ERROR, "the count failed")
            }
        })
}

/// The list for `GET requests`: filters checked, then the published weekly counts.
async fn list_requests(state: &AppState, params: &[(String, String)]) -> Result<Value, Failure> {
    let force = jurisdiction(state, params)?;
    let bad = |what: &str| fail(StatusCode::BAD_REQUEST, what);
    let now = state.clock.now();
    let to = match param(params, "end_date") {
        Some(t) => instant(t).ok_or_else(|| bad("end_date must be an ISO 8601 date and time"))?,
        None => now,
    };
    let from = match param(params, "start_date") {
        Some(t) => instant(t).ok_or_else(|| bad("start_date must be an ISO 8601 date and time"))?,
        None => to - DEFAULT_DAYS * 86_400,
    };
    if from > to {
        return Err(bad("start_date must not be after end_date"));
    }
    if to - from > DEFAULT_DAYS * 86_400 {
        return Err(bad(
            "start_date and end_date may not span more than 90 days",
        ));
    }
    let mut services: Vec<&'static str> = Vec::new();
    let mut filtered = false;
    for code in param(params, "service_code")
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        reason_bit(code).ok_or_else(|| bad(format!("unknown service_code {code:?}").as_str()))?;
        filtered = true;
        // Police-only services are accepted as filters but never listed.
        services.extend(feed::served(code));
    }
    if !filtered {
        services = ENVIRONMENTAL.to_vec();
    }
    let ids: Vec<&str> = param(params, "service_request_id")
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    match param(params, "status") {
        None | Some("" | "open") => {}
        Some("closed") => return Ok(Value::Array(Vec::new())),
        Some(_) => return Err(bad("status must be open or closed")),
    }
    if !ids.is_empty() {
        // Asking by id ignores the other filters, as the specification says. Reading needs
        // no key, so the weeks one question may read are bounded like a date range.
        if ids.len() > MAX_IDS {
            return Err(bad("at most 100 service_request_id values at once"));
        }
        return Ok(Value::Array(requests_by_id(state, &force, &ids).await?));
    }
    let days = (from.div_euclid(86_400), to.div_euclid(86_400));
    let list = entries(state, &force, days, &services).await?;
    let key = id_key(state);
    let agency = agency(state, &force);
    Ok(Value::Array(
        list.iter()
            .take(MAX_REQUESTS)
            .map(|e| request(state, &key, &agency, &force, e))
            .collect(),
    ))
}

fn agency(state: &AppState, force_code: &str) -> String {
    state
        .geography
        .areas
        .areas()
        .iter()
        .find(|a| a.code == force_code)
        .map_or_else(|| force_code.to_owned(), |a| a.name.clone())
}

/// What every answer tells the reader about the data, with this instance's `k`.
fn notice(state: &AppState) -> String {
    let k = state.config.suppression_k.max(1).to_string();
    state
        .text
        .default_catalog()
        .t_args("o311-notice", &[("k", k.as_str())])
}

/// One published entry as a GeoReport request: the count in the description, the week's
/// Monday as the time, the hexagon's centre as the place.
fn request(state: &AppState, key: &[u8; 32], agency: &str, force: &str, e: &feed::Entry) -> Value {
    let text = state.text.default_catalog();
    let centre = hex::centre(e.cell);
    let round = |x: f64| (x * 1e5).round() / 1e5;
    let week =
        feed::day_date(e.week).map_or_else(String::new, |d| d.strftime("%-d %B %Y").to_string());
    let count = e.count.to_string();
    json!({
        "service_request_id": feed::entry_id(key, force, e),
        "status": "open",
        "service_name": text.t(&format!("o311-service-{}", e.service)),
        "service_code": e.service,
        "description": text.t_args(
            "o311-entry-description",
            &[("count", count.as_str()), ("week", week.as_str())],
        ),
        "agency_responsible": agency,
        "service_notice": notice(state),
        "requested_datetime": iso_day(e.week),
        "updated_datetime": iso_day(e.week),
        "lat": centre.map(|c| round(c.lat())),
        "long": centre.map(|c| round(c.lng())),
    })
}

/// The published entries with these ids in `force`, in the order asked; unknown ids are left
/// out. Each week named is read once, and at most [`MAX_ID_WEEKS`] weeks are read.
async fn requests_by_id(
    state: &AppState,
    force: &str,
    ids: &[&str],
) -> Result<Vec<Value>, Failure> {
    let mut weeks: Vec<i64> = ids.iter().filter_map(|id| feed::week_of_id(id)).collect();
    weeks.sort_unstable();
    weeks.dedup();
    if weeks.len() > MAX_ID_WEEKS {
        return Err(fail(
            StatusCode::BAD_REQUEST,
            "service_request_id values may name at most 13 weeks at once",
        ));
    }
    let key = id_key(state);
    let agency = agency(state, force);
    let mut published = std::collections::HashMap::new();
    for week in weeks {
        for e in entries(state, force, (week, week), ENVIRONMENTAL).await? {
            published.insert(feed::entry_id(&key, force, &e), e);
        }
    }
    Ok(ids
        .iter()
        .filter_map(|id| published.get(*id))
        .map(|e| request(state, &key, &agency, force, e))
        .collect())
}

/// `GET requests/{id}.{format}`.
async fn one_request(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(params): Query<Vec<(String, String)>>,
) -> Response {
    let (id, format) = split(&file);
    let format = match format {
        Ok(f) => f,
        Err(f) => return failure(Format::Xml, &f),
    };
    let found = async {
        let force = jurisdiction(&state, &params)?;
        requests_by_id(&state, &force, &[id])
            .await?
            .pop()
            .ok_or_else(|| fail(StatusCode::NOT_FOUND, "no such service_request_id"))
    };
    match found.await {
        Ok(r) => respond(format, "service_requests", StatusCode::OK, &json!([r])),
        Err(f) => failure(format, &f),
    }
}

/// `POST requests.{format}`: a partner sends a place report on someone's behalf. Personal
/// fields of the specification (`email`, `first_name`, `phone`, `device_id`, …) are ignored and
/// never stored; the description is cleaned of contact details like the public form's.
async fn post_request(
    State(state): State<AppState>,
    Path(file): Path<String>,
    body: Bytes,
) -> Response {
    let (name, format) = split(&file);
    let format = match format {
        Ok(f) => f,
        Err(f) => return failure(Format::Xml, &f),
    };
    if name != "requests" {
        return failure(format, &fail(StatusCode::NOT_FOUND, "no such resource"));
    }
    let params = request_params(&body);
    match create_request(&state, &params).await {
        Ok(id) => {
            let mut answer = serde_json::Map::new();
            if let Some(id) = id {
                answer.insert("service_request_id".into(), Value::String(id));
            }
            answer.insert("service_notice".into(), Value::String(notice(&state)));
            let body = Value::Array(vec![Value::Object(answer)]);
            respond(format, "service_requests", StatusCode::OK, &body)
        }
        Err(f) => failure(format, &f),
    }
}

/// The fields of a `POST requests` body (`application/x-www-form-urlencoded`), in order.
pub fn request_params(body: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(body).into_owned().collect()
}

/// Check the fields of a partner's `POST requests` against our geography
/// ([`submit::check_request`]), a problem as the specification's error. `today` and
/// `hour_now` are the UK date and hour.
pub fn check_request(
    params: &[(String, String)],
    geography: &Geography,
    force_code: &str,
    today: jiff::civil::Date,
    hour_now: i8,
) -> Result<CheckedRequest, Failure> {
    let fields = RequestFields {
        service_code: param(params, "service_code"),
        lat: param(params, "lat"),
        long: param(params, "long"),
        address: param(params, "address_string"),
        date: param(params, "attribute[date]"),
        time_of_day: param(params, "attribute[time_of_day]"),
        how_often: param(params, "attribute[how_often]"),
        description: param(params, "description"),
    };
    submit::check_request(&fields, geography, force_code, today, hour_now).map_err(|e| {
        let status = match e {
            RequestError::UnknownService => StatusCode::NOT_FOUND,
            _ => StatusCode::BAD_REQUEST,
        };
        fail(status, e.to_string())
    })
}

/// Store a partner's request. Returns the id of the weekly entry it will be counted in (which
/// `requests/{id}` finds once that entry is published), or `None` for a police-only service,
/// which is never listed.
async fn create_request(
    state: &AppState,
    params: &[(String, String)],
) -> Result<Option<String>, Failure> {
    let partner = partner(state, param(params, "api_key")).await?;
    state
        .open311_limits
        .take(partner.id)
        .map_err(|s| too_many(s, "too many requests from this api_key, slow down"))?;
    let now = state.clock.now();
    let CheckedRequest {
        code,
        bit,
        point,
        force_code,
        date,
        hour,
        mut answers,
    } = check_request(
        params,
        &state.geography,
        &partner.force_code,
        uk_today(now),
        uk_hour(now),
    )?;
    // Counted before storing, so racing instances cannot both slip under the quota; a store
    // that then fails still uses up one request, which errs on the safe side.
    let posted = state
        .store
        .count_open311_post(partner.id, place::day_number(uk_today(now)))
        .await
        .map_err(|e| unavailable(&e))?;
    let quota = state.config.open311_daily_quota;
    if posted > quota {
        return Err(too_many(
            crate::http::abuse::partner::until_tomorrow(now),
            format!("this api_key has used its quota of {quota} requests for today"),
        ));
    }
    answers.set(
        "channel",
        Answer::Text(Some(format!("open311:{}", partner.id))),
    );
    let day = place::day_number(date);
    let facts = PlaceFacts {
        point: Some(point),
        force_code,
        day,
        hour,
        reasons: bit,
        answers,
    };
    let submission = format!("open311-{}", ::hex::encode(crate::random::bytes::<16>()));
    let ctx = PlaceContext {
        store: &state.store,
        keyring: &state.keyring,
        clock: state.clock.as_ref(),
    };
    submit::submit(&ctx, &submission, &facts, None)
        .await
        .map_err(|e| unavailable(&e))?;
    let entry = feed::served(&code).and_then(|service| {
        Some(feed::Entry {
            cell: hex::parent(hex::cells(point)[hex::RESOLUTIONS.len() - 1], COARSE_RES)?,
            week: week_start(day),
            service,
            count: 0,
        })
    });
    Ok(entry.map(|e| feed::entry_id(&id_key(state), &facts.force_code, &e)))
}
