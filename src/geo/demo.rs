//! Made-up demonstration data: the fictional force "Northshire" and a few places in it, so the
//! service can be shown and tested without real boundaries. Coordinates are real (around
//! 53.80° N, 1.55° W); every name and postcode is invented.

use geo::{LineString, MultiPolygon, Polygon};

use super::boundaries::Area;
use super::gazetteer::{Place, parse_csv};

/// Northshire's boundary as (longitude, latitude): an irregular decagon about 20 km across.
const NORTHSHIRE: [(f64, f64); 11] = [
    (-1.700, 53.830),
    (-1.640, 53.885),
    (-1.555, 53.893),
    (-1.470, 53.872),
    (-1.405, 53.818),
    (-1.420, 53.752),
    (-1.490, 53.715),
    (-1.580, 53.708),
    (-1.665, 53.735),
    (-1.712, 53.782),
    (-1.700, 53.830),
];

/// Kept as CSV so the demo also exercises the importer. "NS" outward codes are invented but
/// have the shape of real ones, so they pass postcode validation.
const PLACES: &str = "name,postcode,lat,lng
Millbrook Park,NS1 2AB,53.8012,-1.5481
Millbrook Station,NS1 2AD,53.7968,-1.5420
Old Tannery Lane,NS1 4QT,53.8051,-1.5602
Harrowgate Retail Park,NS2 7HP,53.8420,-1.5935
Kestrel Way Underpass,NS2 3LR,53.8315,-1.6120
Bramwell Canal Towpath,NS3 9EX,53.7810,-1.5890
Bramwell Bus Station,NS3 1BB,53.7772,-1.6015
St Aldric's Churchyard,NS4 6JN,53.8190,-1.5050
Ferncliffe Woods,NS4 8WD,53.8385,-1.4890
Ashby Moor Car Park,NS5 2NU,53.7605,-1.5230
Quarry Hill Subway,NS5 5SG,53.7688,-1.4950
Northshire General Hospital,NS6 1NG,53.8102,-1.6305
Wrenfield Leisure Centre,NS6 4LC,53.7935,-1.6410
The Stonegate Multi-storey,NS10 1ST,53.8005,-1.5330
Riverside Walk,NS10 3RW,53.7890,-1.5555
Low Moor Footbridge,,53.7720,-1.5710
";

/// The fictional Northshire force area.
pub fn demo_area() -> Area {
    Area {
        code: "northshire".to_owned(),
        name: "Northshire".to_owned(),
        shape: MultiPolygon(vec![Polygon::new(
            LineString::from(NORTHSHIRE.to_vec()),
            vec![],
        )]),
    }
}

/// Invented places inside Northshire.
pub fn demo_places() -> Vec<Place> {
    // The text is a constant checked by the tests below, so the fallback is never taken.
    parse_csv(PLACES.as_bytes()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::{AreaIndex, search};

    #[test]
    fn every_demo_place_routes_to_northshire() {
        let places = demo_places();
        assert_eq!(places.len(), 16);
        let index = AreaIndex::new(vec![demo_area()]);
        for place in &places {
            let area = index.route(place.point).map(|a| a.code.as_str());
            assert_eq!(area, Some("northshire"), "{}", place.name);
        }
        assert_eq!(search(&places, "ns1 2ab", 5)[0].name, "Millbrook Park");
    }

    #[test]
    fn northshire_is_about_twenty_kilometres_across() {
        use geo::{BoundingRect, Distance, Haversine, Point};
        let r = demo_area().shape.bounding_rect().unwrap();
        let width = Haversine.distance(Point::new(r.min().x, 53.8), Point::new(r.max().x, 53.8));
        let height = Haversine.distance(Point::new(-1.55, r.min().y), Point::new(-1.55, r.max().y));
        for km in [width / 1000.0, height / 1000.0] {
            assert!((15.0..25.0).contains(&km), "{km}");
        }
    }
}
