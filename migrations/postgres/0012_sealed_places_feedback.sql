-- Issue 12: a place report keeps in the clear only what counting needs (force, day, band,
-- reasons, cells). The exact point, the free text, the answers about the sender and the other
-- answers are sealed with the keyring (src/storage/sealed.rs), each part in its own column so
-- each can be dropped after its own retention period; so is feedback's free text. Keys live
-- outside the database, so rows written before this migration are sealed by the service
-- (`saferstreets purge`, and at start), which then empties `answers`, `lat`, `lng` and
-- `improve`.
ALTER TABLE place_reports ADD COLUMN point_sealed BYTEA;
ALTER TABLE place_reports ADD COLUMN text_sealed BYTEA;
ALTER TABLE place_reports ADD COLUMN about_sealed BYTEA;
ALTER TABLE place_reports ADD COLUMN answers_sealed BYTEA;
ALTER TABLE feedback ADD COLUMN improve_sealed BYTEA;

-- The daily retention run finds what is due without reading every report.
CREATE INDEX place_reports_text_due ON place_reports (created_at) WHERE text_sealed IS NOT NULL;
CREATE INDEX place_reports_about_due ON place_reports (created_at) WHERE about_sealed IS NOT NULL;
CREATE INDEX feedback_created ON feedback (created_at);
