//! A gazetteer of named places (parks, stations, streets) so people can find a place by name
//! or postcode instead of dropping a pin, imported from a CSV file.

use csv::{ReaderBuilder, StringRecord, Trim};

use super::ImportError;
use super::coords::{CoordError, LatLng};
use crate::domain::stalking::answers::normalise_postcode;

/// Longest name accepted, in characters: long enough for "Northshire General Hospital,
/// Accident and Emergency entrance", short enough to show in a list.
const MAX_NAME: usize = 200;

/// One named place.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Name as shown, e.g. "Millbrook Park".
    pub name: String,
    /// Normalised postcode (`NS1 2AB`), if known.
    pub postcode: Option<String>,
    /// Where it is.
    pub point: LatLng,
}

struct Columns {
    name: usize,
    postcode: Option<usize>,
    lat: usize,
    lng: usize,
}

impl Columns {
    fn find(header: &StringRecord) -> Result<Self, String> {
        let find = |what: &str, aliases: &[&str]| -> Result<Option<usize>, String> {
            let mut found = header
                .iter()
                .enumerate()
                .filter(|(_, h)| aliases.iter().any(|a| h.eq_ignore_ascii_case(a)));
            match (found.next(), found.next()) {
                (Some((i, _)), None) => Ok(Some(i)),
                (None, _) => Ok(None),
                (Some((_, a)), Some((_, b))) => {
                    Err(format!("the header has two {what} columns, {a:?} and {b:?}"))
                }
            }
        };
        let required = |what: &str, aliases: &[&str]| {
            find(what, aliases)?.ok_or_else(|| {
                format!("the header has no {what} column; call it {}", aliases.join(" or "))
            })
        };
        Ok(Self {
            name: required("name", &["name"])?,
            postcode: find("postcode", &["postcode"])?,
            lat: required("latitude", &["lat", "latitude"])?,
            lng: required("longitude", &["lng", "lon", "long", "longitude"])?,
        })
    }

    fn place(&self, row: &StringRecord) -> Result<Place, String> {
        let cell = |i: usize| row.get(i).unwrap_or_default();
        let name = cell(self.name);
        let length = name.chars().count();
        if name.is_empty() {
            return Err("the name is empty".to_owned());
        }
        if length > MAX_NAME {
            return Err(format!("the name is {length} characters long; the limit is {MAX_NAME}"));
        }
        let postcode = match self.postcode.map(cell).filter(|p| !p.is_empty()) {
            None => None,
            Some(p) => Some(
                normalise_postcode(p)
                    .ok_or_else(|| format!("postcode {p:?} is not a UK postcode like NS1 2AB"))?,
            ),
        };
        let point = LatLng::parse(cell(self.lat), cell(self.lng)).map_err(|e| match e {
            CoordError::NotANumber { text, .. } if text.is_empty() => {
                format!("{e}", e = CoordError::NotANumber { axis: axis_of(&e_axis(&e)), text })
            }
            e => e.to_string(),
        })?;
        Ok(Place { name: name.to_owned(), postcode, point })
    }
}
