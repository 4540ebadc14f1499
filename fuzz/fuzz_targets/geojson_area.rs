//! The force-boundary importer: arbitrary text as a GeoJSON file for `parse_area`.
//!
//! Checked besides "no panic": an accepted area has closed rings of valid coordinates, and
//! what is stored (`to_geojson`) parses back to the same shape, because it is parsed again at
//! every start-up; the area can be indexed and routed to.

#![no_main]

use libfuzzer_sys::fuzz_target;
use saferstreets::geo::{Area, AreaIndex, LatLng, parse_area, to_geojson};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let shape = match parse_area(text) {
        Ok(shape) => shape,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            return;
        }
    };
    assert!(!shape.0.is_empty());
    for polygon in &shape.0 {
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            assert!(ring.0.len() >= 4, "{ring:?}");
            assert_eq!(ring.0.first(), ring.0.last());
            for c in &ring.0 {
                assert!(LatLng::new(c.y, c.x).is_ok(), "{c:?}");
            }
        }
    }
    let stored = to_geojson(&shape);
    assert_eq!(parse_area(&stored).as_ref(), Ok(&shape), "{stored}");
    let first = shape.0[0].exterior().0[0];
    let index = AreaIndex::new(vec![Area {
        code: "f".to_owned(),
        name: "F".to_owned(),
        shape,
    }]);
    let _ = index.bbox();
    if let Ok(p) = LatLng::new(first.y, first.x) {
        let _ = index.route(p);
    }
});
