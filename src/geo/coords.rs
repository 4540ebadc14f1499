//! A point on the Earth in WGS84 degrees that can only exist if it is finite and in range, so
//! nothing downstream (H3, point-in-polygon, SQL) has to check again.

use std::fmt;

use serde::Serialize;

/// Which coordinate an error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    /// North–south, −90 to 90.
    Latitude,
    /// East–west, −180 to 180.
    Longitude,
}

impl Axis {
    fn limit(self) -> f64 {
        match self {
            Self::Latitude => 90.0,
            Self::Longitude => 180.0,
        }
    }
}

impl fmt::Display for Axis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Latitude => "latitude",
            Self::Longitude => "longitude",
        })
    }
}

/// Why a coordinate was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CoordError {
    /// Not a plain decimal number (includes `NaN`, `inf`, exponents, commas and hex).
    #[error("{axis} {text:?} is not a number like 51.5 or -0.12")]
    NotANumber {
        /// Which coordinate.
        axis: Axis,
        /// The text as given (trimmed).
        text: String,
    },
    /// A number, but outside the axis's range (or not finite).
    #[error("{axis} {value} is out of range (-{limit} to {limit})", limit = axis.limit())]
    OutOfRange {
        /// Which coordinate.
        axis: Axis,
        /// The value given.
        value: f64,
    },
}

/// A validated latitude/longitude pair in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LatLng {
    lat: f64,
    lng: f64,
}

impl LatLng {
    /// A point, if both values are finite and in range.
    pub fn new(lat: f64, lng: f64) -> Result<Self, CoordError> {
        Ok(Self {
            lat: check(Axis::Latitude, lat)?,
            lng: check(Axis::Longitude, lng)?,
        })
    }

    /// A point from text such as a form field or a CSV cell.
    pub fn parse(lat: &str, lng: &str) -> Result<Self, CoordError> {
        Self::new(number(Axis::Latitude, lat)?, number(Axis::Longitude, lng)?)
    }

    /// Degrees north (negative: south).
    pub fn lat(self) -> f64 {
        self.lat
    }

    /// Degrees east (negative: west).
    pub fn lng(self) -> f64 {
        self.lng
    }
}

impl fmt::Display for LatLng {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, {}", self.lat, self.lng)
    }
}

/// geo's convention is x = longitude, y = latitude.
impl From<LatLng> for geo::Point<f64> {
    fn from(p: LatLng) -> Self {
        geo::Point::new(p.lng, p.lat)
    }
}

fn check(axis: Axis, value: f64) -> Result<f64, CoordError> {
    // `contains` is false for NaN, and the infinities are out of range.
    if (-axis.limit()..=axis.limit()).contains(&value) {
        Ok(value)
    } else {
        Err(CoordError::OutOfRange { axis, value })
    }
}

/// Plain decimals only: Rust's float parser also takes `inf`, `NaN` and `1e5`, which no person
/// types as a coordinate and which would let `1e400` (infinity) through as a "number".
fn number(axis: Axis, text: &str) -> Result<f64, CoordError> {
    let text = text.trim();
    let plain = text.bytes().any(|b| b.is_ascii_digit())
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || b"+-.".contains(&b));
    plain
        .then(|| text.parse::<f64>().ok())
        .flatten()
        .ok_or_else(|| CoordError::NotANumber {
            axis,
            text: text.to_owned(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_ordinary_coordinates() {
        let p = LatLng::parse(" 51.5 ", "-0.12").unwrap();
        assert_eq!((p.lat(), p.lng()), (51.5, -0.12));
        assert_eq!(LatLng::parse("+0.1", "+180").unwrap().lng(), 180.0);
        assert_eq!(LatLng::parse("-90", ".5").unwrap().lat(), -90.0);
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"lat":51.5,"lng":-0.12}"#
        );
    }

    #[test]
    fn refuses_junk() {
        for junk in [
            "", " ", "NaN", "nan", "inf", "-inf", "infinity", "1e400", "1e1", "51,5", "0x1A",
            "1.2.3", "+-1", "--1", "-", ".", "51.5N", "٥١",
        ] {
            assert!(
                matches!(
                    LatLng::parse(junk, "0"),
                    Err(CoordError::NotANumber {
                        axis: Axis::Latitude,
                        ..
                    })
                ),
                "{junk:?}"
            );
            assert!(LatLng::parse("0", junk).is_err(), "{junk:?}");
        }
    }

    #[test]
    fn out_of_range_message_says_what_to_fix() {
        let e = LatLng::parse("95.2", "0").unwrap_err();
        assert_eq!(e.to_string(), "latitude 95.2 is out of range (-90 to 90)");
        let e = LatLng::new(0.0, f64::NAN).unwrap_err();
        assert!(matches!(
            e,
            CoordError::OutOfRange {
                axis: Axis::Longitude,
                ..
            }
        ));
        assert!(LatLng::new(f64::INFINITY, 0.0).is_err());
    }

    proptest! {
        #[test]
        fn in_range_round_trips_through_text(lat in -90.0..=90.0f64, lng in -180.0..=180.0f64) {
            let p = LatLng::parse(&lat.to_string(), &lng.to_string()).unwrap();
            prop_assert_eq!((p.lat(), p.lng()), (lat, lng));
        }

        #[test]
        fn out_of_range_is_refused(
            over in prop_oneof![90.000_001..1e300f64, -1e300..-90.000_001f64],
            lng in -180.0..=180.0f64,
        ) {
            prop_assert!(
                matches!(
                    LatLng::new(over, lng),
                    Err(CoordError::OutOfRange { axis: Axis::Latitude, .. })
                ),
                "lat {}",
                over
            );
            prop_assert!(LatLng::parse(&over.to_string(), "0").is_err());
            let wide = over * 2.0;
            prop_assert!(LatLng::new(0.0, wide).is_err(), "lng {}", wide);
        }
    }
}
