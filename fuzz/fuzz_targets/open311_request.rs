//! The Open311 `POST requests` parser: arbitrary bytes as the urlencoded body, decoded as the
//! handler decodes it, checked by `check_request` against the demo force's geography.
//!
//! Checked besides "no panic": an accepted request is inside the partner's area, not in the
//! future, in a real time band and service, and its description holds no contact details that
//! the scrubber would still remove; a refusal is a 400 or 404 with a description that reads
//! back from the XML error document unchanged.

#![no_main]

use std::sync::LazyLock;

use jiff::civil::date;
use libfuzzer_sys::fuzz_target;
use saferstreets::domain::answers::Value;
use saferstreets::domain::place::{self, REASON_BITS, Step};
use saferstreets::geo::{AreaIndex, demo_area, demo_places};
use saferstreets::geography::Geography;
use saferstreets::http::open311::{check_request, request_params, xml};
use serde::Deserialize;

static GEOGRAPHY: LazyLock<Geography> = LazyLock::new(|| Geography {
    areas: AreaIndex::new(vec![demo_area()]),
    places: demo_places(),
});

#[derive(Deserialize)]
struct Errors {
    error: Vec<Error>,
}

#[derive(Deserialize)]
struct Error {
    code: u16,
    description: String,
}

fuzz_target!(|body: &[u8]| {
    let params = request_params(body);
    let today = date(2026, 11, 25);
    match check_request(&params, &GEOGRAPHY, "northshire", today, 14) {
        Ok(r) => {
            let area = GEOGRAPHY.areas.route(r.point).map(|a| a.code.as_str());
            assert_eq!(area, Some("northshire"));
            assert_eq!(r.force_code, "northshire");
            assert!(r.date <= today, "{}", r.date);
            assert!((0..=21).contains(&r.hour) && r.hour % 3 == 0, "{}", r.hour);
            assert!(
                REASON_BITS
                    .iter()
                    .any(|(c, b)| *c == r.code && i64::from(*b) == r.bit)
            );
            if let Some(Value::Text(Some(d))) = r.answers.get(Step::Details.slug()) {
                assert_eq!(&place::scrub(d), d, "contact details left in {d:?}");
            }
            let _ = place::day_number(r.date);
            serde_json::to_string(&r.answers).expect("answers serialise");
        }
        Err(f) => {
            let code = f.status.as_u16();
            assert!(matches!(code, 400 | 404), "{code}");
            assert!(!f.description.is_empty());
            let body = serde_json::json!([{ "code": code, "description": f.description }]);
            let doc = xml::document("errors", &body);
            let read: Errors = quick_xml::de::from_str(&doc).expect("well-formed XML");
            assert_eq!(read.error.len(), 1);
            assert_eq!(read.error[0].code, code);
            assert_eq!(read.error[0].description, f.description);
        }
    }
});
