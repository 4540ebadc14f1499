-- The staff queue lists a force's open reports by priority then age, a page at a time: this
-- index gives that order directly and holds the filter columns, so a page and the count are
-- read from it without visiting the (large, sealed) rows.
CREATE INDEX stalking_reports_order ON stalking_reports
    (force_code, priority_rank, created_at, id, status, priority, assigned_to);
