//! Use case: submit a place report, from the public form or from a partner's system (Open311).
//! The form's answers, or a partner's checked request, become [`PlaceFacts`]; [`submit`]
//! seals what is not counted and stores the report once per submission under a fresh receipt.
//! Nothing here knows of the web: the handlers pass the store, keys and clock it needs.

use crate::clock::Clock;
use crate::crypto::Keyring;
use crate::domain::answers::{Answers, Value};
use crate::domain::place::{
    self, BEHAVIOUR_REASONS, DETAILS_MAX, FREQUENCY, REASON_BITS, Step, TIME_BANDS,
};
use crate::domain::reference::Reference;
use crate::geo::{AreaIndex, CoordError, LatLng, hex, search};
use crate::geography::Geography;
use crate::storage::sealed::PlainPlace;
use crate::storage::{DynStore, NewPlaceReport, SessionWrite, StoreError};

/// What submitting a report needs from the service.
#[derive(Debug, Clone, Copy)]
pub struct PlaceContext<'a> {
    /// Where reports are stored.
    pub store: &'a DynStore,
    /// The keys that seal the point and the answers.
    pub keyring: &'a Keyring,
    /// The time it is sent.
    pub clock: &'a dyn Clock,
}

/// Why a place report's answers cannot become a report.
#[derive(Debug, thiserror::Error)]
pub enum PlaceError {
    /// No force area covers the point.
    #[error("the point is outside every force area")]
    OutsideForce,
    /// A point kept in the draft is not a coordinate (only a bug could store one).
    #[error("stored point: {0}")]
    BadPoint(#[from] CoordError),
}

/// A place report's stored facts, from the form or from a partner's system (Open311).
#[derive(Debug, Clone)]
pub struct PlaceFacts {
    /// Where, if a point was given.
    pub point: Option<LatLng>,
    /// The force it is routed to.
    pub force_code: String,
    /// The day it happened ([`place::day_number`]).
    pub day: i64,
    /// First hour of its three-hour band.
    pub hour: i64,
    /// Reasons, as bits.
    pub reasons: i64,
    /// The answers kept (already cleaned; sealed when stored).
    pub answers: Answers,
}

/// The answer to "where": a point found by search (`how` = `search`) or put on the map
/// (`map`), if a force covers it. Points are kept in millionths of a degree.
pub fn located(
    areas: &AreaIndex,
    point: LatLng,
    label: String,
    how: &str,
) -> Result<Value, PlaceError> {
    if areas.route(point).is_none() {
        return Err(PlaceError::OutsideForce);
    }
    let micro = |d: f64| (d * 1_000_000.0).round() as i64;
    Ok(Value::Location {
        point: Some((micro(point.lat()), micro(point.lng()))),
        label: if label.is_empty() {
            format!("{:.5}, {:.5}", point.lat(), point.lng())
        } else {
            label
        },
        how: how.to_owned(),
    })
}

/// What is kept of the answers besides the indexed columns: no exact point (it is sealed on
/// its own), and free text cleaned of contact details. Sealed by [`submit`].
fn kept_answers(answers: &Answers) -> Answers {
    let mut kept = answers.clone();
    for step in [Step::Where, Step::When, Step::TimeOfDay] {
        kept.retain_except(step.slug());
    }
    if let Some(Value::Text(Some(text))) = kept.get(Step::Details.slug()) {
        let clean = place::scrub(text);
        kept.set(Step::Details.slug(), Value::Text(Some(clean)));
    }
    if let Some(Value::Many {
        codes,
        other: Some(other),
    }) = kept.get(Step::PlaceReasons.slug())
    {
        let clean = Value::Many {
            codes: codes.clone(),
            other: Some(place::scrub(other)),
        };
        kept.set(Step::PlaceReasons.slug(), clean);
    }
    if let Some(Value::Location {
        point: None, label, ..
    }) = answers.get(Step::Where.slug())
    {
        kept.set("place-description", Value::Text(Some(label.clone())));
    }
    kept
}

/// The facts of the public form's answers: the point routed to the force whose area holds
/// it (`default_force` for a described place, or a point no area holds any more).
pub fn facts_of_answers(
    answers: &Answers,
    areas: &AreaIndex,
    default_force: &str,
) -> Result<PlaceFacts, PlaceError> {
    let (point, force_code) = match answers.get(Step::Where.slug()) {
        Some(Value::Location {
            point: Some((lat, lng)),
            ..
        }) => {
            let p = LatLng::new(*lat as f64 / 1e6, *lng as f64 / 1e6)?;
            let force = areas
                .route(p)
                .map_or_else(|| default_force.to_owned(), |a| a.code.clone());
            (Some(p), force)
        }
        _ => (None, default_force.to_owned()),
    };
    let day = match answers.get(Step::When.slug()) {
        Some(Value::Date { day, month, year }) => {
            jiff::civil::Date::new(*year, *month, day.unwrap_or(1)).map_or(0, place::day_number)
        }
        _ => 0,
    };
    let hour = answers
        .one(Step::TimeOfDay.slug())
        .and_then(|h| h.parse().ok())
        .unwrap_or(0);
    Ok(PlaceFacts {
        point,
        force_code,
        day,
        hour,
        reasons: i64::from(place::reason_bits(answers)),
        answers: kept_answers(answers),
    })
}

/// Store a place report under a fresh receipt, once per `submission`, indexed on every H3
/// resolution; `session` replaces the sender's draft in the same transaction. Only the
/// counting facts are stored in the clear: the point, the free text, the answers about the
/// sender and the other answers are sealed apart (each has its own retention period).
/// Returns the receipt stored for the submission.
pub async fn submit(
    ctx: &PlaceContext<'_>,
    submission: &str,
    facts: &PlaceFacts,
    session: Option<&SessionWrite>,
) -> Result<String, StoreError> {
    let parts = place::split_kept(&facts.answers);
    let json = |a: &Answers| {
        (!a.0.is_empty())
            .then(|| serde_json::to_string(a))
            .transpose()
            .map_err(|e| StoreError::Batch(e.to_string()))
    };
    let sealed = PlainPlace {
        point: facts.point.map(|p| (p.lat(), p.lng())),
        text: json(&parts.text)?,
        about: json(&parts.about)?,
        answers: json(&parts.rest)?,
    }
    .seal(ctx.keyring, submission)?;
    let cells = facts.point.map_or_else(Vec::new, hex::stored_cells);
    // A receipt is 50 random bits: a clash is vanishingly rare, and three draws make a
    // failure from it practically impossible.
    for _ in 0..3 {
        let report = NewPlaceReport {
            receipt: Reference::generate().as_compact().to_owned(),
            submission_id: submission.to_owned(),
            force_code: facts.force_code.clone(),
            created_at: ctx.clock.now(),
            cells: cells.clone(),
            day: facts.day,
            hour: facts.hour,
            reasons: facts.reasons,
            sealed: sealed.clone(),
        };
        match ctx.store.submit_place_report(&report, session).await {
            Err(StoreError::Duplicate) => continue,
            Ok(stored) => {
                // A repeated send gets the first receipt: count new reports only.
                if stored == report.receipt {
                    crate::metrics::report_received("place", "none");
                }
                return Ok(stored);
            }
            Err(e) => return Err(e),
        }
    }
    Err(StoreError::Duplicate)
}

/// The fields of a partner's request (Open311 `POST requests`) that make a report, as sent.
#[derive(Debug, Clone, Copy, Default)]
pub struct RequestFields<'a> {
    /// `service_code`: a reason code.
    pub service_code: Option<&'a str>,
    /// `lat`.
    pub lat: Option<&'a str>,
    /// `long`.
    pub long: Option<&'a str>,
    /// `address_string`, searched for in the gazetteer when no point is given.
    pub address: Option<&'a str>,
    /// `attribute[date]`: a date, or a time whose UTC date is taken.
    pub date: Option<&'a str>,
    /// `attribute[time_of_day]`: the first hour of a three-hour band.
    pub time_of_day: Option<&'a str>,
    /// `attribute[how_often]`: a [`FREQUENCY`] code.
    pub how_often: Option<&'a str>,
    /// `description`.
    pub description: Option<&'a str>,
}

/// Why a partner's request cannot be stored; each message is for the partner's developers.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    /// No service code.
    #[error("service_code is required")]
    NoService,
    /// A service code that is not a reason.
    #[error("no such service_code")]
    UnknownService,
    /// `lat` or `long` is not a coordinate.
    #[error("lat and long must be numbers within -90..90 and -180..180")]
    BadPoint,
    /// Neither a point nor an address.
    #[error("a location is required: lat and long, or address_string")]
    NoPlace,
    /// An address the gazetteer does not know.
    #[error("address_string matches no place we know")]
    UnknownAddress,
    /// Only one of `lat` and `long`.
    #[error("lat and long must be given together")]
    HalfAPoint,
    /// A place outside the partner's force area.
    #[error("the location is outside the area this api_key covers")]
    OutsideForce,
    /// A date that is not one.
    #[error("attribute[date] must be a date, YYYY-MM-DD")]
    BadDate,
    /// A day after today.
    #[error("attribute[date] must not be in the future")]
    FutureDate,
    /// A time of day that is not a band.
    #[error("attribute[time_of_day] must be 0, 3, 6 … 21")]
    BadTime,
    /// A frequency that is not one of the service's.
    #[error("attribute[how_often] is not one of the service's values")]
    BadFrequency,
    /// A description over [`DETAILS_MAX`] characters.
    #[error("description must be {max} characters or fewer", max = DETAILS_MAX)]
    LongDescription,
}

/// A partner's request that passed [`check_request`]: what is stored, less the channel.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedRequest {
    /// The service code, one of [`REASON_BITS`].
    pub code: String,
    /// Its bit in [`REASON_BITS`].
    pub bit: i64,
    /// The point given, or the place `address_string` found.
    pub point: LatLng,
    /// The force area the point is in (the partner's).
    pub force_code: String,
    /// The day it happened, not after `today`.
    pub date: jiff::civil::Date,
    /// The first hour of its three-hour band.
    pub hour: i64,
    /// The reason, how often and the cleaned description, as the public form keeps them.
    pub answers: Answers,
}

fn given(field: Option<&str>) -> Option<&str> {
    field.filter(|f| !f.is_empty())
}

/// The point of a request: `lat` and `long`, or the place `address_string` names.
fn request_point(f: &RequestFields<'_>, geography: &Geography) -> Result<LatLng, RequestError> {
    match (f.lat, f.long) {
        (Some(lat), Some(lng)) => LatLng::parse(lat, lng).map_err(|_| RequestError::BadPoint),
        (None, None) => {
            let address = f
                .address
                .filter(|a| !a.trim().is_empty())
                .ok_or(RequestError::NoPlace)?;
            search(&geography.places, address, 1)
                .first()
                .map(|p| p.point)
                .ok_or(RequestError::UnknownAddress)
        }
        _ => Err(RequestError::HalfAPoint),
    }
}

/// The day of a request: `attribute[date]`, not after `today`, or today.
fn request_date(
    f: &RequestFields<'_>,
    today: jiff::civil::Date,
) -> Result<jiff::civil::Date, RequestError> {
    let Some(d) = given(f.date) else {
        return Ok(today);
    };
    let parsed = d
        .parse::<jiff::civil::Date>()
        .ok()
        .or_else(|| {
            d.parse::<jiff::Timestamp>()
                .ok()
                .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date())
        })
        .ok_or(RequestError::BadDate)?;
    if parsed > today {
        return Err(RequestError::FutureDate);
    }
    Ok(parsed)
}

/// The answers a request gives, kept as the public form keeps them.
fn request_answers(f: &RequestFields<'_>, code: &str) -> Result<Answers, RequestError> {
    let mut answers = Answers::default();
    let step = if BEHAVIOUR_REASONS.iter().any(|o| o.code == code) {
        Step::PeopleReasons
    } else {
        Step::PlaceReasons
    };
    answers.set(
        step.slug(),
        Value::Many {
            codes: vec![code.to_owned()],
            other: None,
        },
    );
    if let Some(often) = given(f.how_often) {
        if !FREQUENCY.iter().any(|o| o.code == often) {
            return Err(RequestError::BadFrequency);
        }
        answers.set(Step::Frequency.slug(), Value::One(often.to_owned()));
    }
    if let Some(text) = f.description.filter(|t| !t.trim().is_empty()) {
        if text.chars().count() > DETAILS_MAX {
            return Err(RequestError::LongDescription);
        }
        answers.set(Step::Details.slug(), Value::Text(Some(place::scrub(text))));
    }
    Ok(answers)
}

/// Check a partner's request against our geography: everything between the key check and
/// storing. `today` and `hour_now` are the UK date and hour. Pure, so it is fuzzed
/// (`fuzz/fuzz_targets/open311_request.rs`).
pub fn check_request(
    f: &RequestFields<'_>,
    geography: &Geography,
    force_code: &str,
    today: jiff::civil::Date,
    hour_now: i8,
) -> Result<CheckedRequest, RequestError> {
    let code = given(f.service_code).ok_or(RequestError::NoService)?;
    let bit = REASON_BITS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, b)| i64::from(*b))
        .ok_or(RequestError::UnknownService)?;
    let point = request_point(f, geography)?;
    let force = geography
        .areas
        .route(point)
        .filter(|a| a.code == force_code)
        .ok_or(RequestError::OutsideForce)?;
    let date = request_date(f, today)?;
    let hour = match given(f.time_of_day) {
        None => i64::from(hour_now / 3 * 3),
        Some(h) => TIME_BANDS
            .iter()
            .find(|b| b.code == h)
            .and_then(|b| b.code.parse().ok())
            .ok_or(RequestError::BadTime)?,
    };
    Ok(CheckedRequest {
        code: code.to_owned(),
        bit,
        point,
        force_code: force.code.clone(),
        date,
        hour,
        answers: request_answers(f, code)?,
    })
}
