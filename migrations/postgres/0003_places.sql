-- Force areas (GeoJSON MultiPolygon text) and the place-name gazetteer.
CREATE TABLE forces (
    code        TEXT    PRIMARY KEY,
    name        TEXT    NOT NULL,
    area        TEXT    NOT NULL,
    imported_at BIGINT  NOT NULL
);

CREATE TABLE gazetteer (
    id       BIGSERIAL PRIMARY KEY,
    name     TEXT    NOT NULL,
    postcode TEXT,
    lat      DOUBLE PRECISION    NOT NULL,
    lng      DOUBLE PRECISION    NOT NULL
);

-- Anonymous reports of places where someone felt unsafe. No name, contact or address.
CREATE TABLE place_reports (
    id            BIGSERIAL PRIMARY KEY,
    receipt       TEXT    NOT NULL UNIQUE,
    submission_id TEXT    NOT NULL UNIQUE,
    force_code    TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    lat           DOUBLE PRECISION,
    lng           DOUBLE PRECISION,
    cell          BIGINT,
    day           BIGINT  NOT NULL,
    hour          BIGINT  NOT NULL,
    reasons       BIGINT  NOT NULL,
    answers       TEXT    NOT NULL
);
CREATE INDEX place_reports_force_day ON place_reports (force_code, day);

-- Hotspot counts, kept up to date as reports arrive so queries never rescan reports.
-- One row per force, resolution, H3 cell, day, hour band and set of reasons (bits).
CREATE TABLE place_cell_counts (
    force_code TEXT    NOT NULL,
    res        BIGINT  NOT NULL,
    cell       BIGINT  NOT NULL,
    day        BIGINT  NOT NULL,
    hour       BIGINT  NOT NULL,
    reasons    BIGINT  NOT NULL,
    n          BIGINT  NOT NULL,
    PRIMARY KEY (force_code, res, cell, day, hour, reasons)
);
CREATE INDEX place_cell_counts_query ON place_cell_counts (force_code, res, day);
