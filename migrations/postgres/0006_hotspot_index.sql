-- Hotspots are counted by an in-memory index built from place_reports and kept up to date by
-- reading new rows by id (src/storage/hotspots.rs), so the per-cell count table goes: with
-- one row per cell, day, band and set of reasons it held about one row per report and
-- resolution, cost four upserts per report and was too slow to sum. Each report keeps its
-- finest cell; its resolution is stored with it (H3 ids also carry it in bits 52–55).
ALTER TABLE place_reports ADD COLUMN cell_res BIGINT;
UPDATE place_reports SET cell_res = (cell >> 52) & 15 WHERE cell IS NOT NULL;
DROP TABLE place_cell_counts;
