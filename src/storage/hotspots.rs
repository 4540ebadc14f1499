//! The hotspot index as the store keeps it: the pure index is `geo::index`; the store reads
//! new reports into it by id (`SqlStore::hotspot_index`) and counts off the async threads.

pub use crate::geo::index::{Breakdown, CellCount, Filter, IndexRow, Pending, Snapshot, Tally};
