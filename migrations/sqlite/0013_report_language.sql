-- The language the public form was filled in (issue 17). Answers are stored as codes, so staff
-- read them in English whatever the language; this says which language the sender used.
-- Reports from before this column were all made in English.
ALTER TABLE stalking_reports ADD COLUMN language TEXT NOT NULL DEFAULT 'en-GB';
