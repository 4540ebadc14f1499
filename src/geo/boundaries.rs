//! Force areas: importing their boundaries from GeoJSON and routing a point to the force
//! whose area contains it.

use geo::{Area as _, BoundingRect, Coord, Intersects, LineString, MultiPolygon, Polygon, Rect};
use geojson::{Feature, Geometry, GeometryValue, Position};
use rstar::RTree;
use rstar::primitives::{GeomWithData, Rectangle};
use serde_json::Value;

use super::ImportError;
use super::coords::LatLng;

/// Parses the boundary of one area from a GeoJSON FeatureCollection, Feature or bare Geometry.
/// Every Polygon and MultiPolygon found is concatenated into one MultiPolygon; overlaps are
/// not dissolved, which is harmless for point-in-polygon.
pub fn parse_area(text: &str) -> Result<MultiPolygon<f64>, ImportError> {
    // Reading plain JSON first separates syntax errors (with a line and column) from GeoJSON
    // structure errors, which are then reported per feature.
    let json: Value = serde_json::from_str(text).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        let text = e.to_string();
        let suffix = format!(" at line {line} column {column}");
        let message = text.strip_suffix(&suffix).unwrap_or(&text).to_owned();
        ImportError::Json {
            line,
            column,
            message,
        }
    })?;
    let kind = json
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let items: Vec<(usize, Result<Option<Geometry>, String>)> = match kind.as_str() {
        "FeatureCollection" => match json {
            Value::Object(mut top) => match top.remove("features") {
                Some(Value::Array(features)) => features
                    .into_iter()
                    .map(|f| serde_json::from_value::<Feature>(f).map(|f| f.geometry))
                    .map(|r| r.map_err(|e| e.to_string()))
                    .enumerate()
                    .map(|(i, r)| (i + 1, r))
                    .collect(),
                _ => {
                    return Err(not_geojson(
                        "the FeatureCollection has no \"features\" array",
                    ));
                }
            },
            _ => Vec::new(),
        },
        "Feature" => vec![(
            1,
            serde_json::from_value::<Feature>(json)
                .map(|f| f.geometry)
                .map_err(|e| e.to_string()),
        )],
        "Point" | "MultiPoint" | "LineString" | "MultiLineString" | "Polygon" | "MultiPolygon"
        | "GeometryCollection" => vec![(
            1,
            serde_json::from_value::<Geometry>(json)
                .map(Some)
                .map_err(|e| e.to_string()),
        )],
        other => {
            return Err(not_geojson(&format!(
                "the top-level \"type\" is {other:?}; expected \"FeatureCollection\", \
                 \"Feature\", \"Polygon\" or \"MultiPolygon\""
            )));
        }
    };

    let mut polygons = Vec::new();
    for (number, geometry) in items {
        let feature_error = |reason: String| ImportError::Feature { number, reason };
        let geometry = geometry
            .map_err(feature_error)?
            .ok_or_else(|| feature_error("has no geometry".to_owned()))?;
        polygons.extend(to_polygons(&geometry.value).map_err(feature_error)?);
    }
    if polygons.is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(MultiPolygon(polygons))
}

fn not_geojson(reason: &str) -> ImportError {
    ImportError::NotGeoJson {
        reason: reason.to_owned(),
    }
}

fn to_polygons(value: &GeometryValue) -> Result<Vec<Polygon<f64>>, String> {
    match value {
        GeometryValue::Polygon { coordinates } => Ok(vec![to_polygon(coordinates, "")?]),
        GeometryValue::MultiPolygon { coordinates } => coordinates
            .iter()
            .enumerate()
            .map(|(i, rings)| to_polygon(rings, &format!("polygon {}, ", i + 1)))
            .collect(),
        other => Err(format!(
            "geometry is a {}; only Polygon and MultiPolygon describe an area",
            other.type_name()
        )),
    }
}

fn to_polygon(rings: &[Vec<Position>], at: &str) -> Result<Polygon<f64>, String> {
    let mut rings = rings.iter().enumerate().map(|(i, ring)| match i {
        0 => to_ring(ring, &format!("{at}outer ring")),
        i => to_ring(ring, &format!("{at}hole {i}")),
    });
    let exterior = rings
        .next()
        .ok_or_else(|| format!("{at}polygon has no rings"))??;
    Ok(Polygon::new(exterior, rings.collect::<Result<_, _>>()?))
}

fn to_ring(positions: &[Position], at: &str) -> Result<LineString<f64>, String> {
    if positions.len() < 4 {
        return Err(format!(
            "{at} has {} points; a ring needs at least 4, the last repeating the first",
            positions.len()
        ));
    }
    let coords = positions
        .iter()
        .map(|p| match p.as_slice() {
            // GeoJSON positions are [longitude, latitude, optional altitude].
            [lng, lat, ..] => LatLng::new(*lat, *lng)
                .map(|ll| Coord {
                    x: ll.lng(),
                    y: ll.lat(),
                })
                .map_err(|e| format!("{at}: {e}")),
            _ => Err(format!(
                "{at} has a position without both longitude and latitude"
            )),
        })
        .collect::<Result<Vec<_>, _>>()?;
    if coords.first() != coords.last() {
        return Err(format!(
            "{at} is not closed: its last point must repeat its first"
        ));
    }
    Ok(LineString(coords))
}

/// One police force's area.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// Stable identifier, e.g. `northshire`.
    pub code: String,
    /// Name shown to people.
    pub name: String,
    /// The boundary, longitude as x and latitude as y.
    pub shape: MultiPolygon<f64>,
}

/// A polygon's bounding rectangle, tagged with the positions of its area and of the polygon
/// within that area's shape.
type Entry = GeomWithData<Rectangle<[f64; 2]>, (usize, usize)>;

/// Areas indexed for routing a point to its force.
#[derive(Debug, Clone)]
pub struct AreaIndex {
    areas: Vec<Area>,
    /// Planar size in square degrees: only ever compared, so the projection does not matter.
    sizes: Vec<f64>,
    tree: RTree<Entry>,
}

impl AreaIndex {
    /// Indexes `areas`; an area with an empty shape is kept but never routed to.
    pub fn new(areas: Vec<Area>) -> Self {
        let boxes = areas
            .iter()
            .enumerate()
            .flat_map(|(a, area)| {
                area.shape
                    .0
                    .iter()
                    .enumerate()
                    .filter_map(move |(p, polygon)| {
                        let r = polygon.bounding_rect()?;
                        let rect = Rectangle::from_corners(r.min().into(), r.max().into());
                        Some(GeomWithData::new(rect, (a, p)))
                    })
            })
            .collect();
        Self {
            sizes: areas.iter().map(|a| a.shape.unsigned_area()).collect(),
            tree: RTree::bulk_load(boxes),
            areas,
        }
    }

    /// The area containing `p` (points on a boundary count as inside).
    ///
    /// When several do, the smallest wins: boundary files often leave no hole in a large area
    /// for an enclave inside it (the City of London inside the Metropolitan Police area is
    /// the classic case), so the smaller area is the more specific answer. Ties go to the area
    /// listed first, so the answer never depends on the R-tree's internal order.
    pub fn route(&self, p: LatLng) -> Option<&Area> {
        let point = geo::Point::from(p);
        self.tree
            .locate_all_at_point(&[p.lng(), p.lat()])
            .filter_map(|hit| {
                let (a, poly) = hit.data;
                let area = self.areas.get(a)?;
                area.shape.0.get(poly)?.intersects(&point).then_some(a)
            })
            .min_by(|&a, &b| self.size(a).total_cmp(&self.size(b)).then(a.cmp(&b)))
            .and_then(|a| self.areas.get(a))
    }

    fn size(&self, area: usize) -> f64 {
        self.sizes.get(area).copied().unwrap_or(f64::INFINITY)
    }

    /// The areas, in the order given.
    pub fn areas(&self) -> &[Area] {
        &self.areas
    }

    /// Number of areas.
    pub fn len(&self) -> usize {
        self.areas.len()
    }

    /// Whether there are no areas.
    pub fn is_empty(&self) -> bool {
        self.areas.is_empty()
    }

    /// The rectangle around every area, e.g. to fit a map to; `None` if no area has a shape.
    pub fn bbox(&self) -> Option<Rect<f64>> {
        self.areas
            .iter()
            .filter_map(|a| a.shape.bounding_rect())
            .reduce(|a, b| {
                Rect::new(
                    Coord {
                        x: a.min().x.min(b.min().x),
                        y: a.min().y.min(b.min().y),
                    },
                    Coord {
                        x: a.max().x.max(b.max().x),
                        y: a.max().y.max(b.max().y),
                    },
                )
            })
    }
}

/// An area's shape as GeoJSON geometry text (for storage and export).
pub fn to_geojson(shape: &MultiPolygon<f64>) -> String {
    geojson::Geometry::new(geojson::GeometryValue::from(shape)).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lat: f64, lng: f64) -> LatLng {
        LatLng::new(lat, lng).unwrap()
    }

    fn square(code: &str, south: f64, west: f64, side: f64) -> Area {
        let (n, e) = (south + side, west + side);
        let text = format!(
            r#"{{"type":"Polygon","coordinates":[[[{west},{south}],[{e},{south}],[{e},{n}],[{west},{n}],[{west},{south}]]]}}"#
        );
        Area {
            code: code.to_owned(),
            name: code.to_uppercase(),
            shape: parse_area(&text).unwrap(),
        }
    }

    fn routed(index: &AreaIndex, lat: f64, lng: f64) -> Option<&str> {
        index.route(at(lat, lng)).map(|a| a.code.as_str())
    }

    #[test]
    fn a_stored_area_reads_back_exactly() {
        // Found by the geojson_area fuzz target: serde_json's default float parser read
        // "-1.4255555555555555" one ULP off, so the stored area differed from the imported one.
        let text = r#"{"type":"Polygon","coordinates":[[[-1.42555555555555555555,53.752],[-1.49,53.7],[-1.4255555555555555,53.8],[-1.42555555555555555555,53.752]]]}"#;
        let shape = parse_area(text).unwrap();
        assert_eq!(
            shape.0[0].exterior().0[2].x,
            "-1.4255555555555555".parse::<f64>().unwrap()
        );
        assert_eq!(parse_area(&to_geojson(&shape)).unwrap(), shape);
    }

    #[test]
    fn a_square_routes_inside_outside_and_on_the_edge() {
        let index = AreaIndex::new(vec![square("sq", 53.0, -2.0, 1.0)]);
        assert_eq!(routed(&index, 53.5, -1.5), Some("sq"));
        assert_eq!(routed(&index, 54.5, -1.5), None);
        assert_eq!(
            routed(&index, 53.0, -1.5),
            Some("sq"),
            "on the southern edge"
        );
        assert_eq!(routed(&index, 54.0, -1.0), Some("sq"), "on a corner");
        assert_eq!(index.len(), 1);
        let bbox = index.bbox().unwrap();
        assert_eq!((bbox.min().x, bbox.max().y), (-2.0, 54.0));
    }

    #[test]
    fn nested_areas_route_to_the_smaller() {
        let index = AreaIndex::new(vec![
            square("county", 53.0, -2.0, 1.0),
            square("city", 53.4, -1.6, 0.2),
        ]);
        assert_eq!(routed(&index, 53.5, -1.5), Some("city"));
        assert_eq!(routed(&index, 53.1, -1.9), Some("county"));
        assert!(AreaIndex::new(Vec::new()).is_empty());
        assert_eq!(AreaIndex::new(Vec::new()).bbox(), None);
    }

    #[test]
    fn accepts_collections_features_and_multipolygons() {
        let text = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"name":"a"},"geometry":{"type":"MultiPolygon","coordinates":[
            [[[0,0],[1,0],[1,1],[0,0]]],
            [[[5,5],[6,5],[6,6],[5,5]]]]}},
          {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[
            [[10,10,3],[20,10,3],[20,20,3],[10,10,3]], [[12,11],[19,11],[19,18],[12,11]]]}}]}"#;
        let shape = parse_area(text).unwrap();
        assert_eq!(shape.0.len(), 3);
        assert_eq!(shape.0[2].interiors().len(), 1);
        let feature = r#"{"type":"Feature","properties":null,"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}"#;
        assert_eq!(parse_area(feature).unwrap().0.len(), 1);
    }

    #[test]
    fn malformed_json_says_line_and_column() {
        let text = "{\n  \"type\": \"Feature\",\n  \"geometry\": {\"type\" \"Polygon\"}\n}";
        let err = parse_area(text).unwrap_err();
        let ImportError::Json {
            line,
            column,
            message,
        } = &err
        else {
            panic!("{err:?}");
        };
        assert_eq!((*line, *column), (3, 23));
        assert_eq!(message, "expected `:`");
        assert_eq!(
            err.to_string(),
            "line 3, column 23: not valid JSON: expected `:`"
        );
    }

    #[test]
    fn bad_features_are_named_by_number() {
        let collection = |second: &str| {
            format!(
                r#"{{"type":"FeatureCollection","features":[
                {{"type":"Feature","properties":{{}},"geometry":{{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}}},
                {{"type":"Feature","properties":{{}},"geometry":{second}}}]}}"#
            )
        };
        let reason = |second: &str| parse_area(&collection(second)).unwrap_err().to_string();
        assert_eq!(
            reason(r#"{"type":"LineString","coordinates":[[0,0],[1,1]]}"#),
            "feature 2: geometry is a LineString; only Polygon and MultiPolygon describe an area"
        );
        assert_eq!(reason("null"), "feature 2: has no geometry");
        assert_eq!(
            reason(r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"#),
            "feature 2: outer ring has 3 points; a ring needs at least 4, the last repeating the first"
        );
        assert_eq!(
            reason(r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}"#),
            "feature 2: outer ring is not closed: its last point must repeat its first"
        );
        assert_eq!(
            reason(
                r#"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[0,0],[1,0],[1,95],[0,0]]]]}"#
            ),
            "feature 2: polygon 2, outer ring: latitude 95 is out of range (-90 to 90)"
        );
        assert!(
            reason(r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]"#)
                .starts_with("line ")
        );
        assert!(
            reason(r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1e999],[0,0]]]}"#)
                .starts_with("line "),
            "JSON cannot hold infinity"
        );
        assert!(reason(r#"{"type":"Polygon"}"#).starts_with("feature 2: "));
    }

    #[test]
    fn nothing_usable_is_an_error() {
        assert_eq!(
            parse_area(r#"{"type":"FeatureCollection","features":[]}"#),
            Err(ImportError::Empty)
        );
        assert!(matches!(
            parse_area(r#"{"type":"Topology"}"#),
            Err(ImportError::NotGeoJson { .. })
        ));
        assert!(matches!(
            parse_area("[1, 2]"),
            Err(ImportError::NotGeoJson { .. })
        ));
        assert!(matches!(
            parse_area(r#"{"type":"FeatureCollection"}"#),
            Err(ImportError::NotGeoJson { .. })
        ));
    }

    #[test]
    fn the_r_tree_agrees_with_a_linear_scan() {
        // A small xorshift keeps the test deterministic without another dev-dependency.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        let areas: Vec<Area> = (0..1_000)
            .map(|i| {
                // Irregular, overlapping quadrilaterals scattered over Great Britain.
                let (lat, lng) = (50.0 + next() * 8.0, -6.0 + next() * 8.0);
                let mut ring: Vec<Coord> = (0..4)
                    .map(|k| {
                        let angle = std::f64::consts::FRAC_PI_2 * (k as f64 + next() * 0.8);
                        let r = 0.05 + next() * 0.4;
                        Coord {
                            x: lng + r * angle.cos(),
                            y: lat + r * angle.sin(),
                        }
                    })
                    .collect();
                ring.push(ring[0]);
                Area {
                    code: format!("a{i}"),
                    name: format!("Area {i}"),
                    shape: MultiPolygon(vec![Polygon::new(LineString(ring), vec![])]),
                }
            })
            .collect();
        let index = AreaIndex::new(areas.clone());
        let sizes: Vec<f64> = areas.iter().map(|a| a.shape.unsigned_area()).collect();
        let mut routed_somewhere = 0;
        for _ in 0..10_000 {
            let p = at(49.5 + next() * 9.0, -6.5 + next() * 9.0);
            let linear = (0..areas.len())
                .filter(|&a| areas[a].shape.intersects(&geo::Point::from(p)))
                .min_by(|&a, &b| sizes[a].total_cmp(&sizes[b]).then(a.cmp(&b)))
                .map(|a| &areas[a]);
            let indexed = index.route(p);
            assert_eq!(indexed.map(|a| &a.code), linear.map(|a| &a.code), "{p}");
            routed_somewhere += usize::from(indexed.is_some());
        }
        assert!(
            routed_somewhere > 1_000,
            "the test should exercise hits: {routed_somewhere}"
        );
    }
}
