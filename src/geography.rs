//! The force areas and gazetteer the service routes and searches with, loaded from the store
//! at start-up. An empty embedded database is given the fictional demo force and places, so a
//! newcomer's first run has somewhere to report.

use crate::clock::Timestamp;
use crate::config::Config;
use crate::geo::{self, Area, AreaIndex, LatLng, Place};
use crate::storage::{DynStore, ForceRow, GazetteerRow};

/// Areas and places in memory.
#[derive(Debug)]
pub struct Geography {
    /// Force areas, indexed for routing.
    pub areas: AreaIndex,
    /// Gazetteer places, for search.
    pub places: Vec<Place>,
}

impl Geography {
    /// No areas and no places.
    pub fn empty() -> Self {
        Self {
            areas: AreaIndex::new(Vec::new()),
            places: Vec::new(),
        }
    }

    /// Load from the store, first adding the demo force and places when `demo_data` is on and
    /// the store has no force areas yet.
    pub async fn load(store: &DynStore, config: &Config, now: Timestamp) -> anyhow::Result<Self> {
        let mut forces = store.forces().await?;
        if forces.is_empty() && config.demo_data {
            seed_demo(store, config.demo_reports, now).await?;
            forces = store.forces().await?;
        }
        let mut areas = Vec::with_capacity(forces.len());
        for f in forces {
            let shape = geo::parse_area(&f.area)
                .map_err(|e| anyhow::anyhow!("stored area of force {}: {e}", f.code))?;
            areas.push(Area {
                code: f.code,
                name: f.name,
                shape,
            });
        }
        let places = store
            .gazetteer()
            .await?
            .into_iter()
            .filter_map(|row| {
                Some(Place {
                    point: LatLng::new(row.lat, row.lng).ok()?,
                    name: row.name,
                    postcode: row.postcode,
                })
            })
            .collect();
        Ok(Self {
            areas: AreaIndex::new(areas),
            places,
        })
    }
}

/// A gazetteer row for a place.
pub fn gazetteer_row(p: &Place) -> GazetteerRow {
    GazetteerRow {
        name: p.name.clone(),
        postcode: p.postcode.clone(),
        lat: p.point.lat(),
        lng: p.point.lng(),
    }
}

async fn seed_demo(store: &DynStore, reports: u64, now: Timestamp) -> anyhow::Result<()> {
    let area = geo::demo_area();
    store
        .replace_force(&ForceRow {
            code: area.code.clone(),
            name: area.name.clone(),
            area: geo::to_geojson(&area.shape),
            imported_at: now,
        })
        .await?;
    let places = geo::demo_places();
    if store.gazetteer().await?.is_empty() {
        let rows: Vec<GazetteerRow> = places.iter().map(gazetteer_row).collect();
        store.replace_gazetteer(&rows).await?;
    }
    // Enough synthetic reports for the hotspot map to show something on a first run.
    if reports > 0 && store.count_place_reports().await? == 0 {
        crate::demo::generate_place_reports(store, &area, &places, reports, 1, now, |_| {}).await?;
    }
    tracing::info!("empty database: added the demo force area, places and reports");
    Ok(())
}
