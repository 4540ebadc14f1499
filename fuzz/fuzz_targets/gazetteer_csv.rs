//! The gazetteer importer: arbitrary bytes as a CSV file for `parse_csv`.
//!
//! Checked besides "no panic": every accepted place has a name of 1 to 200 characters that
//! the place search finds, a normalised postcode that finds it, and a point that reads back
//! from the stored row.

#![no_main]

use libfuzzer_sys::fuzz_target;
use saferstreets::domain::answers::normalise_postcode;
use saferstreets::geo::{LatLng, parse_csv, search};
use saferstreets::geography::gazetteer_row;

fuzz_target!(|data: &[u8]| {
    let places = match parse_csv(data) {
        Ok(places) => places,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            return;
        }
    };
    // Search is linear in the places: checking a few keeps each run fast.
    for p in places.iter().take(20) {
        let length = p.name.chars().count();
        assert!((1..=200).contains(&length), "{:?}", p.name);
        assert!(
            !search(&places, &p.name, 1).is_empty(),
            "search finds nothing for the name {:?}",
            p.name
        );
        if let Some(pc) = &p.postcode {
            assert_eq!(normalise_postcode(pc).as_ref(), Some(pc));
            let found = search(&places, pc, places.len());
            assert!(found.iter().any(|f| f.postcode.as_ref() == Some(pc)), "{pc}");
        }
        let row = gazetteer_row(p);
        assert_eq!(LatLng::new(row.lat, row.lng).ok(), Some(p.point));
    }
});
