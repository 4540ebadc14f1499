//! Geography for unsafe-place reports: validated coordinates, H3 cells and their aggregation,
//! the in-memory hotspot index, Getis-Ord Gi* hotspots, force-area boundaries and a place-name
//! gazetteer. Pure functions: nothing here touches the network, the database or the clock.

pub mod boundaries;
pub mod coords;
pub mod demo;
pub mod gazetteer;
pub mod gistar;
pub mod hex;
pub mod index;

pub use boundaries::{Area, AreaIndex, parse_area, to_geojson};
pub use coords::{Axis, CoordError, LatLng};
pub use demo::{demo_area, demo_places};
pub use gazetteer::{Place, nearest, parse_csv, search};
pub use gistar::{GiStar, Significance, gi_star};

/// Why a boundary (GeoJSON) or gazetteer (CSV) file could not be imported. Each message names
/// the place in the file to fix, because the importer is run by hand from the command line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The text is not JSON at all.
    #[error("line {line}, column {column}: not valid JSON: {message}")]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the JSON parser expected.
        message: String,
    },
    /// Valid JSON, but not a GeoJSON FeatureCollection, Feature or Geometry.
    #[error("not GeoJSON: {reason}")]
    NotGeoJson {
        /// What was found instead.
        reason: String,
    },
    /// One feature (1-based, in file order) cannot be used as part of an area.
    #[error("feature {number}: {reason}")]
    Feature {
        /// 1-based position in the FeatureCollection; a bare Feature or Geometry is feature 1.
        number: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// The GeoJSON holds no Polygon or MultiPolygon.
    #[error("the file has no Polygon or MultiPolygon features, so it describes no area")]
    Empty,
    /// One line of a CSV file is unusable.
    #[error("line {line}: {reason}")]
    Csv {
        /// 1-based line in the file (the header is line 1).
        line: u64,
        /// What is wrong with it.
        reason: String,
    },
}
