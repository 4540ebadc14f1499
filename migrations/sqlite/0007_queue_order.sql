-- The staff queue lists a force's open reports by priority then age, a page at a time. These
-- indexes give that order directly and hold the filter columns, so a page and its count are
-- read from an index without visiting the (large, sealed) rows: the first for the default
-- view (every open status), the second when a status and a priority are chosen.
CREATE INDEX stalking_reports_order ON stalking_reports
    (force_code, priority_rank, created_at, id, status, priority, assigned_to);
CREATE INDEX stalking_reports_status_priority ON stalking_reports
    (force_code, status, priority, priority_rank, created_at, id, assigned_to);
