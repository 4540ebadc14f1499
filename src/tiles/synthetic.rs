//! The synthetic basemap of the demo force: streets, parks, a river and the gazetteer's place
//! names around the fictional Northshire, written as Mapbox Vector Tiles into a PMTiles v3
//! archive, so a newcomer's map is never a blank grey box and needs no tile server.
//!
//! Everything is made up from `geo::demo_area()` and `geo::demo_places()`: each place gets a
//! small grid of named streets, neighbouring places are joined by main roads, green places get
//! a park or a wood. The layers and properties follow the Protomaps basemap schema (`earth`,
//! `landuse`, `water`, `roads`, `places`, with `kind` and `name`), so the style that draws a
//! real Protomaps extract imported with `saferstreets import tiles` draws this one too.
//!
//! The output is deterministic (fixed iteration order, gzip without a timestamp): the same
//! places give the same bytes, which the tests check.
//!
//! Hand-rolled here: only the Web Mercator tile maths (two formulas). Vector-tile encoding is
//! the `mvt` crate's and the archive layout the `pmtiles` crate's writer.

use std::f64::consts::PI;
use std::io::Cursor;

use geo::{BoundingRect, Rect};
use mvt::{GeomEncoder, GeomType, Tile};
use pmtiles::{PmTilesWriter, TileCoord, TileId, TileType};

use crate::geo::{Area, Place};

/// Zoom levels in the archive; the browser over-zooms the last one (it is vector data).
pub const MIN_ZOOM: u8 = 8;
/// See [`MIN_ZOOM`].
pub const MAX_ZOOM: u8 = 14;
/// Coordinates per tile side (the MVT default).
const EXTENT: u32 = 4096;
/// Features this far outside a tile (in tile units) are still put in it, so lines and labels
/// that cross a tile edge are drawn whole.
const BUFFER: f64 = 256.0;
/// How far beyond the force area the map has land and roads, in degrees (about 3 km).
const MARGIN_DEG: f64 = 0.03;

/// A line or area in longitude/latitude, with the properties the style reads.
struct Shape {
    layer: &'static str,
    kind: &'static str,
    name: Option<String>,
    geom: Geom,
    /// The first zoom level at which it is in the tiles.
    min_zoom: u8,
}

enum Geom {
    Point((f64, f64)),
    Line(Vec<(f64, f64)>),
    Polygon(Vec<(f64, f64)>),
}

impl Geom {
    fn points(&self) -> &[(f64, f64)] {
        match self {
            Geom::Point(p) => std::slice::from_ref(p),
            Geom::Line(l) | Geom::Polygon(l) => l,
        }
    }
}

/// Longitude/latitude to world tile coordinates at zoom `z` (Web Mercator).
fn world(z: u8, (lng, lat): (f64, f64)) -> (f64, f64) {
    let n = f64::from(1u32 << z);
    let x = (lng + 180.0) / 360.0 * n;
    let lat = lat.to_radians();
    let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / PI) / 2.0 * n;
    (x, y)
}

/// The part of a place's name that can name its streets: "Millbrook Park" gives "Millbrook",
/// "The Stonegate Multi-storey" gives "Stonegate".
fn stem(name: &str) -> String {
    let name = name.strip_prefix("The ").unwrap_or(name);
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.len() {
        0 => String::new(),
        1 => words[0].to_owned(),
        n => words[..n - 1].join(" "),
    }
}

/// Metres to degrees of latitude and (at `lat`) of longitude.
fn offsets(lat: f64, metres: f64) -> (f64, f64) {
    let dlat = metres / 111_320.0;
    let dlng = metres / (111_320.0 * lat.to_radians().cos());
    (dlng, dlat)
}

/// A regular polygon of `sides` around a point, `radius` metres across, closed.
fn blob((lng, lat): (f64, f64), radius: f64, sides: u32) -> Vec<(f64, f64)> {
    let (dx, dy) = offsets(lat, radius);
    let mut ring: Vec<(f64, f64)> = (0..sides)
        .map(|i| {
            let a = f64::from(i) / f64::from(sides) * 2.0 * PI;
            (lng + dx * a.cos(), lat + dy * a.sin())
        })
        .collect();
    if let Some(&first) = ring.first() {
        ring.push(first);
    }
    ring
}

/// Everything on the map, in a fixed order.
fn shapes(places: &[Place]) -> Vec<Shape> {
    let mut out = Vec::new();
    // A river across the area, through the places named after water.
    let mut river = vec![(-1.760, 53.752)];
    let mut waterside: Vec<(f64, f64)> = places
        .iter()
        .filter(|p| {
            ["Riverside", "Footbridge", "Canal"]
                .iter()
                .any(|w| p.name.contains(w))
        })
        .map(|p| (p.point.lng() + 0.0012, p.point.lat() - 0.0008))
        .collect();
    waterside.sort_by(|a, b| a.0.total_cmp(&b.0));
    river.extend(waterside);
    river.push((-1.360, 53.800));
    out.push(Shape {
        layer: "water",
        kind: "river",
        name: Some("River Northe".to_owned()),
        geom: Geom::Line(river),
        min_zoom: MIN_ZOOM,
    });

    for p in places {
        let centre = (p.point.lng(), p.point.lat());
        let green = if p.name.contains("Woods") {
            Some(("wood", 450.0))
        } else if p.name.ends_with(" Park") && !p.name.contains("Retail") && !p.name.contains("Car")
        {
            Some(("park", 300.0))
        } else if p.name.contains("Churchyard") || p.name.contains("Moor") {
            Some(("park", 150.0))
        } else {
            None
        };
        if let Some((kind, radius)) = green {
            out.push(Shape {
                layer: "landuse",
                kind,
                name: Some(p.name.clone()),
                geom: Geom::Polygon(blob(centre, radius, 12)),
                min_zoom: MIN_ZOOM,
            });
        }
    }

    // Main roads: each place to its two nearest neighbours, each pair once.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (i, a) in places.iter().enumerate() {
        let mut others: Vec<(f64, usize)> = places
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(j, b)| {
                let dx = (a.point.lng() - b.point.lng()) * a.point.lat().to_radians().cos();
                let dy = a.point.lat() - b.point.lat();
                (dx * dx + dy * dy, j)
            })
            .collect();
        others.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
        for &(_, j) in others.iter().take(2) {
            let pair = (i.min(j), i.max(j));
            if !pairs.contains(&pair) {
                pairs.push(pair);
            }
        }
    }
    for (i, j) in pairs {
        let (a, b) = (&places[i], &places[j]);
        out.push(Shape {
            layer: "roads",
            kind: "major_road",
            name: Some(format!("{} Road", stem(&b.name))),
            geom: Geom::Line(vec![
                (a.point.lng(), a.point.lat()),
                (b.point.lng(), b.point.lat()),
            ]),
            min_zoom: MIN_ZOOM,
        });
    }

    // A small grid of streets around each place.
    for p in places {
        let (lng, lat) = (p.point.lng(), p.point.lat());
        let (d, dl) = offsets(lat, 140.0);
        let (long_x, long_y) = offsets(lat, 420.0);
        let stem = stem(&p.name);
        let streets = [
            (
                "Street",
                vec![(lng - long_x, lat + dl), (lng + long_x, lat + dl)],
            ),
            (
                "Lane",
                vec![(lng - long_x, lat - dl), (lng + long_x, lat - dl)],
            ),
            (
                "Avenue",
                vec![(lng - d, lat - long_y), (lng - d, lat + long_y)],
            ),
            (
                "Grove",
                vec![(lng + d, lat - long_y), (lng + d, lat + long_y)],
            ),
        ];
        for (suffix, line) in streets {
            out.push(Shape {
                layer: "roads",
                kind: "minor_road",
                name: Some(format!("{stem} {suffix}")),
                geom: Geom::Line(line),
                min_zoom: 12,
            });
        }
    }

    // The place names, as the gazetteer spells them.
    for p in places {
        out.push(Shape {
            layer: "places",
            kind: "locality",
            name: Some(p.name.clone()),
            geom: Geom::Point((p.point.lng(), p.point.lat())),
            min_zoom: MIN_ZOOM,
        });
    }
    out
}

/// The area the archive covers: the force area's bounding box and a margin.
fn coverage(area: &Area) -> Option<Rect<f64>> {
    let r = area.shape.bounding_rect()?;
    Some(Rect::new(
        (r.min().x - MARGIN_DEG, r.min().y - MARGIN_DEG),
        (r.max().x + MARGIN_DEG, r.max().y + MARGIN_DEG),
    ))
}

/// Encode one tile; `None` when nothing in it needs drawing.
fn encode_tile(z: u8, tx: u32, ty: u32, shapes: &[Shape]) -> anyhow::Result<Vec<u8>> {
    let scale = f64::from(EXTENT);
    let local = |p: (f64, f64)| {
        let (x, y) = world(z, p);
        ((x - f64::from(tx)) * scale, (y - f64::from(ty)) * scale)
    };
    let inside = |pts: &[(f64, f64)]| {
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &(x, y) in pts {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        x1 >= -BUFFER && y1 >= -BUFFER && x0 <= scale + BUFFER && y0 <= scale + BUFFER
    };
    let mut tile = Tile::new(EXTENT);

    // Land under everything (the style paints the background as water).
    let earth = tile.create_layer("earth");
    let square = GeomEncoder::new(GeomType::Polygon)
        .point(-BUFFER, -BUFFER)?
        .point(-BUFFER, scale + BUFFER)?
        .point(scale + BUFFER, scale + BUFFER)?
        .point(scale + BUFFER, -BUFFER)?
        .point(-BUFFER, -BUFFER)?
        .encode()?;
    let mut feature = earth.into_feature(square);
    feature.add_tag_string("kind", "earth");
    tile.add_layer(feature.into_layer())?;

    for name in ["landuse", "water", "roads", "places"] {
        let mut layer = tile.create_layer(name);
        for shape in shapes.iter().filter(|s| s.layer == name && s.min_zoom <= z) {
            let pts: Vec<(f64, f64)> = shape.geom.points().iter().map(|&p| local(p)).collect();
            if !inside(&pts) {
                continue;
            }
            let kind = match shape.geom {
                Geom::Point(_) => GeomType::Point,
                Geom::Line(_) => GeomType::Linestring,
                Geom::Polygon(_) => GeomType::Polygon,
            };
            let mut encoder = GeomEncoder::new(kind);
            for (x, y) in pts {
                encoder.add_point(x, y)?;
            }
            let mut feature = layer.into_feature(encoder.encode()?);
            feature.add_tag_string("kind", shape.kind);
            if let Some(n) = &shape.name {
                feature.add_tag_string("name", n);
            }
            if name == "places" {
                feature.add_tag_uint("min_zoom", u64::from(shape.min_zoom));
            }
            layer = feature.into_layer();
        }
        if layer.num_features() > 0 {
            tile.add_layer(layer)?;
        }
    }
    Ok(tile.to_bytes()?)
}

/// The demo basemap as a PMTiles v3 archive (vector tiles, gzip), zoom 10 to 14 over the area.
pub fn basemap(area: &Area, places: &[Place]) -> anyhow::Result<Vec<u8>> {
    let cover = coverage(area).ok_or_else(|| anyhow::anyhow!("the force area is empty"))?;
    let shapes = shapes(places);
    let mut coords = Vec::new();
    for z in MIN_ZOOM..=MAX_ZOOM {
        // North-west and south-east corners (tile y grows southwards).
        let (x0, y0) = world(z, (cover.min().x, cover.max().y));
        let (x1, y1) = world(z, (cover.max().x, cover.min().y));
        for x in (x0.floor() as u32)..=(x1.floor() as u32) {
            for y in (y0.floor() as u32)..=(y1.floor() as u32) {
                coords.push(TileCoord::new(z, x, y)?);
            }
        }
    }
    // The writer wants tiles in tile-id (Hilbert) order for a clustered archive.
    coords.sort_by_key(|c| TileId::from(*c));

    let centre = (
        (cover.min().x + cover.max().x) / 2.0,
        (cover.min().y + cover.max().y) / 2.0,
    );
    let layers: Vec<serde_json::Value> = ["earth", "landuse", "water", "roads", "places"]
        .iter()
        .map(|id| serde_json::json!({ "id": id, "fields": { "kind": "String", "name": "String" } }))
        .collect();
    let metadata = serde_json::json!({
        "name": "saferstreets demo basemap",
        "description": "A synthetic map of the fictional demo force area: every street, park and river is invented",
        "vector_layers": layers,
    });
    let mut out = Cursor::new(Vec::new());
    let mut writer = PmTilesWriter::new(TileType::Mvt)
        .min_zoom(MIN_ZOOM)
        .max_zoom(MAX_ZOOM)
        .bounds(cover.min().x, cover.min().y, cover.max().x, cover.max().y)
        .center(centre.0, centre.1)
        .center_zoom(12)
        .metadata(metadata.to_string())
        .create(&mut out)?;
    for c in coords {
        let bytes = encode_tile(c.z(), c.x(), c.y(), &shapes)?;
        writer.add_tile(c, &bytes)?;
    }
    writer.finalize()?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::{demo_area, demo_places};

    #[test]
    fn the_demo_basemap_is_a_valid_small_and_deterministic_archive() {
        let a = basemap(&demo_area(), &demo_places()).unwrap();
        let b = basemap(&demo_area(), &demo_places()).unwrap();
        assert_eq!(a, b, "two runs gave different bytes");
        let summary = super::super::validate(&a, a.len() as u64).unwrap();
        assert_eq!((summary.min_zoom, summary.max_zoom), (MIN_ZOOM, MAX_ZOOM));
        assert!(a.len() < 1_000_000, "{} bytes", a.len());
    }

    #[test]
    fn every_gazetteer_place_name_is_on_the_map() {
        let places = demo_places();
        let names: Vec<String> = shapes(&places)
            .into_iter()
            .filter(|s| s.layer == "places")
            .filter_map(|s| s.name)
            .collect();
        for p in &places {
            assert!(names.contains(&p.name), "{}", p.name);
        }
    }

    #[test]
    fn a_tile_in_the_middle_of_the_area_has_roads_and_names() {
        let places = demo_places();
        let shapes = shapes(&places);
        let (x, y) = world(14, (-1.5481, 53.8012));
        let bytes = encode_tile(14, x as u32, y as u32, &shapes).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("roads") && text.contains("Millbrook Park"));
        assert!(text.contains("Millbrook Street"));
    }

    #[test]
    fn stems_name_streets_sensibly() {
        assert_eq!(stem("Millbrook Park"), "Millbrook");
        assert_eq!(stem("The Stonegate Multi-storey"), "Stonegate");
        assert_eq!(stem("Riverside"), "Riverside");
    }
}
