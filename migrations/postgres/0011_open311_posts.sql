-- Open311 requests posted per partner key and UK day, for the daily quota. Only the key's id,
-- the day and a count: nothing about any report. Earlier days are deleted as a new day starts.
CREATE TABLE open311_posts (
    key_id BIGINT NOT NULL,
    day    BIGINT NOT NULL,
    n      BIGINT NOT NULL,
    PRIMARY KEY (key_id, day)
);
