//! A gazetteer of named places (parks, stations, streets) so people can find a place by name
//! or postcode instead of dropping a pin, imported from a CSV file.

use csv::{ReaderBuilder, StringRecord, Trim};

use super::ImportError;
use super::coords::LatLng;
use crate::domain::answers::normalise_postcode;

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
                (Some((_, a)), Some((_, b))) => Err(format!(
                    "the header has two {what} columns, {a:?} and {b:?}"
                )),
            }
        };
        let required = |what: &str, aliases: &[&str]| {
            find(what, aliases)?.ok_or_else(|| {
                format!(
                    "the header has no {what} column; call it {}",
                    aliases.join(" or ")
                )
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
            return Err(format!(
                "the name is {length} characters long; the limit is {MAX_NAME}"
            ));
        }
        let postcode = match self.postcode.map(cell).filter(|p| !p.is_empty()) {
            None => None,
            Some(p) => Some(
                normalise_postcode(p)
                    .ok_or_else(|| format!("postcode {p:?} is not a UK postcode like NS1 2AB"))?,
            ),
        };
        let point = LatLng::parse(cell(self.lat), cell(self.lng)).map_err(|e| e.to_string())?;
        Ok(Place {
            name: name.to_owned(),
            postcode,
            point,
        })
    }
}

/// Reads a gazetteer CSV: a header row naming the columns `name`, `lat`/`latitude`,
/// `lng`/`lon`/`long`/`longitude` and optionally `postcode`, in any order and any case.
/// All or nothing: the first bad line fails the whole import, so a half-loaded gazetteer can
/// never replace a good one.
pub fn parse_csv(bytes: &[u8]) -> Result<Vec<Place>, ImportError> {
    // Spreadsheets save "CSV UTF-8" with a byte-order mark, which would hide the first column.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = ReaderBuilder::new().trim(Trim::All).from_reader(bytes);
    let at = |line: u64| move |reason: String| ImportError::Csv { line, reason };
    let columns = reader
        .headers()
        .map_err(|e| csv_error(&e))
        .and_then(|h| Columns::find(h).map_err(at(1)))?;
    let mut places = Vec::new();
    for row in reader.records() {
        let row = row.map_err(|e| csv_error(&e))?;
        let line = row.position().map_or(0, csv::Position::line);
        places.push(columns.place(&row).map_err(at(line))?);
    }
    Ok(places)
}

fn csv_error(e: &csv::Error) -> ImportError {
    let line = e.position().map_or(1, csv::Position::line);
    let reason = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("has {len} fields but the header has {expected_len}")
        }
        csv::ErrorKind::Utf8 { .. } => "is not UTF-8 text; save the file as CSV UTF-8".to_owned(),
        _ => e.to_string(),
    };
    ImportError::Csv { line, reason }
}

/// The place nearest to `point` (great-circle distance), to name a pin put on a map
/// ("near Millbrook Park") instead of showing coordinates; `None` for an empty gazetteer.
/// A linear scan: a force's gazetteer is thousands of places, scanned once per pin, which
/// costs well under a millisecond and needs no index kept beside the list.
pub fn nearest(places: &[Place], point: LatLng) -> Option<&Place> {
    use geo::{Distance, Haversine, Point};
    let here = Point::new(point.lng(), point.lat());
    places.iter().min_by(|a, b| {
        let d = |p: &Place| Haversine.distance(here, Point::new(p.point.lng(), p.point.lat()));
        d(a).total_cmp(&d(b))
    })
}

/// Places matching `query`, best first, at most `limit`.
///
/// A postcode (`NS1 2AB`, `ns12ab`) matches that postcode exactly; an outward code (`NS1`)
/// matches every postcode in that district (not `NS10`); these hits come in postcode order.
/// Anything else, or a postcode-like query that matches no postcode, is matched against names
/// ignoring case: exact names first, then names starting with the query, then names with a
/// word starting with it, then names containing it; ties in name order.
pub fn search<'a>(places: &'a [Place], query: &str, limit: usize) -> Vec<&'a Place> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    let by_postcode = postcode_query(query).map(|wanted| {
        places
            .iter()
            .filter(|p| p.postcode.as_deref().is_some_and(|pc| wanted.matches(pc)))
            .collect::<Vec<_>>()
    });
    let mut found = match by_postcode {
        Some(mut hits) if !hits.is_empty() => {
            hits.sort_by(|a, b| (&a.postcode, &a.name).cmp(&(&b.postcode, &b.name)));
            hits
        }
        _ => {
            let query = query.to_lowercase();
            let mut ranked: Vec<(u8, String, &Place)> = places
                .iter()
                .filter_map(|p| {
                    let name = p.name.to_lowercase();
                    name_rank(&name, &query).map(|rank| (rank, name, p))
                })
                .collect();
            ranked.sort_by(|a, b| (a.0, &a.1, &a.2.name).cmp(&(b.0, &b.1, &b.2.name)));
            ranked.into_iter().map(|(_, _, p)| p).collect()
        }
    };
    found.truncate(limit);
    found
}

enum PostcodeQuery {
    Full(String),
    Outward(String),
}

impl PostcodeQuery {
    /// `postcode` is already normalised (`NS1 2AB`), as every [`Place`] holds it.
    fn matches(&self, postcode: &str) -> bool {
        match self {
            Self::Full(full) => postcode == full,
            Self::Outward(outward) => postcode.split(' ').next() == Some(outward.as_str()),
        }
    }
}

fn postcode_query(query: &str) -> Option<PostcodeQuery> {
    if let Some(full) = normalise_postcode(query) {
        return Some(PostcodeQuery::Full(full));
    }
    // An outward code is valid exactly when adding a well-formed inward code ("0AA") makes a
    // postcode, which reuses the one set of shape rules instead of copying them here.
    let outward: String = query.chars().filter(|c| !c.is_whitespace()).collect();
    normalise_postcode(&format!("{outward}0AA"))?;
    Some(PostcodeQuery::Outward(outward.to_ascii_uppercase()))
}

/// 0 exact, 1 prefix, 2 a later word starts with the query, 3 contains; `None` no match.
fn name_rank(name: &str, query: &str) -> Option<u8> {
    if name == query {
        return Some(0);
    }
    name.match_indices(query)
        .map(|(i, _)| match name[..i].chars().next_back() {
            None => 1,
            Some(c) if !c.is_alphanumeric() => 2,
            Some(_) => 3,
        })
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(found: &[&Place]) -> Vec<String> {
        found.iter().map(|p| p.name.clone()).collect()
    }

    #[test]
    fn nearest_names_the_closest_place_and_nothing_for_an_empty_list() {
        let places = parse_csv(
            b"name,lat,lng\nNorth Gate,53.81,-1.55\nMillbrook Park,53.8005,-1.5478\nSouth Road,53.79,-1.55\n",
        )
        .unwrap();
        let pin = LatLng::new(53.80521, -1.5477).unwrap();
        assert_eq!(nearest(&places, pin).unwrap().name, "Millbrook Park");
        let north = LatLng::new(53.812, -1.55).unwrap();
        assert_eq!(nearest(&places, north).unwrap().name, "North Gate");
        assert!(nearest(&[], pin).is_none());
    }

    #[test]
    fn header_variants_in_any_order_and_case() {
        for header in [
            "name,postcode,lat,lng",
            "Longitude,Latitude,Name,Postcode",
            "LON,NAME,LAT",
            "long,lat,name,notes",
        ] {
            let cols: Vec<&str> = header.split(',').collect();
            let value = |c: &str| match c.to_lowercase().as_str() {
                "name" => "Millbrook Park",
                "postcode" => "ns1 2ab",
                "lat" | "latitude" => "53.80",
                "notes" => "by the gates",
                _ => "-1.55",
            };
            let row: Vec<&str> = cols.iter().map(|c| value(c)).collect();
            let text = format!("{header}\n{}\n", row.join(","));
            let places = parse_csv(text.as_bytes()).unwrap();
            assert_eq!(places.len(), 1, "{header}");
            assert_eq!(
                (places[0].point.lat(), places[0].point.lng()),
                (53.8, -1.55)
            );
            let expected = header.contains("ostcode").then(|| "NS1 2AB".to_owned());
            assert_eq!(places[0].postcode, expected, "{header}");
        }
        let bom = b"\xEF\xBB\xBFname,lat,lng\nA,1,2\n";
        assert_eq!(parse_csv(bom).unwrap()[0].name, "A");
        assert_eq!(parse_csv(b"name,lat,lng\n").unwrap(), vec![]);
    }

    fn error(text: &str) -> String {
        parse_csv(text.as_bytes()).unwrap_err().to_string()
    }

    #[test]
    fn errors_give_the_line_in_the_file() {
        assert_eq!(
            error("name,lat\nA,1\n"),
            "line 1: the header has no longitude column; call it lng or lon or long or longitude"
        );
        assert_eq!(
            error(""),
            "line 1: the header has no name column; call it name"
        );
        assert!(error("name,lat,lng,latitude\n").contains("two latitude columns"));
        let good = "A,53.8,-1.5\n";
        let cases = [
            (
                "B,95.2,-1.5",
                "line 4: latitude 95.2 is out of range (-90 to 90)",
            ),
            (
                "B,53.8,east",
                "line 4: longitude \"east\" is not a number like 51.5 or -0.12",
            ),
            (
                "B,53.8,",
                "line 4: longitude \"\" is not a number like 51.5 or -0.12",
            ),
            ("  ,53.8,-1.5", "line 4: the name is empty"),
            ("B,53.8", "line 4: has 2 fields but the header has 3"),
        ];
        for (bad, message) in cases {
            // A quoted field spanning two lines pushes later rows down a line.
            let text = format!("name,lat,lng\n\"Two\nlines\",1,1\n{bad}\n{good}");
            assert_eq!(error(&text), message, "{bad}");
        }
        let long = "x".repeat(201);
        assert_eq!(
            error(&format!("name,lat,lng\n{long},1,1\n")),
            "line 2: the name is 201 characters long; the limit is 200"
        );
        assert_eq!(
            error("name,postcode,lat,lng\nA,NOTAPOSTCODE,1,1\n"),
            "line 2: postcode \"NOTAPOSTCODE\" is not a UK postcode like NS1 2AB"
        );
        let not_utf8 = parse_csv(b"name,lat,lng\nA,1,1\n\xFF,1,1\n").unwrap_err();
        assert!(
            not_utf8.to_string().starts_with("line 3: is not UTF-8"),
            "{not_utf8}"
        );
    }

    #[test]
    fn one_bad_line_loses_the_whole_file() {
        let text = "name,lat,lng\nA,1,1\nB,2,2\nC,91,3\nD,4,4\n";
        assert!(matches!(
            parse_csv(text.as_bytes()),
            Err(ImportError::Csv { line: 4, .. })
        ));
    }

    fn sample() -> Vec<Place> {
        parse_csv(
            "name,postcode,lat,lng
Park Road,NS1 2AB,1,1
The Park,NS1 4QT,1,1
Parkside Car Park,NS10 1ST,1,1
Old Park Lane,,1,1
Sparkle Arcade,NS2 7HP,1,1
park,NS3 1BB,1,1
Station,NS1 2AD,1,1
"
            .as_bytes(),
        )
        .unwrap()
    }

    #[test]
    fn names_rank_exact_then_prefix_then_word_then_contains() {
        let places = sample();
        assert_eq!(
            names(&search(&places, "  PARK ", 10)),
            [
                "park",
                "Park Road",
                "Parkside Car Park",
                "Old Park Lane",
                "The Park",
                "Sparkle Arcade"
            ]
        );
        assert_eq!(names(&search(&places, "park", 2)), ["park", "Park Road"]);
        assert_eq!(names(&search(&places, "old park", 10)), ["Old Park Lane"]);
        assert!(search(&places, "   ", 10).is_empty());
        assert!(search(&places, "zebra", 10).is_empty());
    }

    #[test]
    fn postcodes_match_with_or_without_the_space() {
        let places = sample();
        for query in ["NS1 2AB", "ns12ab", " ns1  2ab "] {
            assert_eq!(names(&search(&places, query, 10)), ["Park Road"], "{query}");
        }
        assert_eq!(
            names(&search(&places, "ns1", 10)),
            ["Park Road", "Station", "The Park"],
            "the district, in postcode order, and not NS10"
        );
        assert!(search(&places, "NS9 9ZZ", 10).is_empty());
    }
}
