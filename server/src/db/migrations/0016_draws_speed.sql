-- Expert draws within 200 ms (ADR 0005, "Speed"):
--
-- `pool_text` holds a frozen pool as its canonical text — the exact bytes whose SM3 digest is `pool_hash` (one JSON
-- line for the algorithm and spec, then `code<TAB>kind` per eligible expert in code order). It is about half the
-- size of the JSON form, needs no JSON parsing, and is checked against `pool_hash` whenever it is read. New draws
-- store it and leave `pool` NULL; draws frozen before this migration keep their `pool` JSON and are read from it.
-- Stored uncompressed (EXTERNAL): compressing some hundreds of kilobytes costs more than writing them.
ALTER TABLE draws ADD COLUMN pool_text text;
ALTER TABLE draws ALTER COLUMN pool_text SET STORAGE EXTERNAL;
ALTER TABLE draws ALTER COLUMN pool DROP NOT NULL;
ALTER TABLE draws ADD CONSTRAINT draws_pool_present CHECK (pool IS NOT NULL OR pool_text IS NOT NULL);

-- The experts that may conflict with an applicant are found by index, not by testing every expert: by employer,
-- by institute, and by a declared relation naming an applicant (`relations @> '[{"uscc": …}]'`). The GIN index
-- takes new entries directly (no pending list): experts are registered rarely, draws read the index every time.
CREATE INDEX experts_employer_uscc_idx ON experts (employer_uscc);
CREATE INDEX experts_institute_idx ON experts (institute_id);
CREATE INDEX experts_relations_idx ON experts USING gin (relations jsonb_path_ops) WITH (fastupdate = off);
