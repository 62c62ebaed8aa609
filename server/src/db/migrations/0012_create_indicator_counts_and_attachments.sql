-- Indicator aggregates (ADR 0010): the rows each computed indicator counts, per year, town and month, kept per
-- registry data version. The overview reads these few hundred rows instead of scanning the registry; the first read
-- after a registry change recomputes the year's counts from the named queries in one transaction.
CREATE TABLE indicator_counts (
  year integer NOT NULL CHECK (year BETWEEN 1980 AND 2100),
  query text NOT NULL,
  -- '' when the counted row has no town.
  town_code text NOT NULL,
  -- 1–12 for a flow (the month of the row's date), 0 for a year-end stock.
  month smallint NOT NULL CHECK (month BETWEEN 0 AND 12),
  n integer NOT NULL CHECK (n > 0),
  PRIMARY KEY (year, query, town_code, month)
);

CREATE TABLE indicator_count_state (
  year integer PRIMARY KEY CHECK (year BETWEEN 1980 AND 2100),
  data_version bigint NOT NULL,
  computed_at timestamptz NOT NULL,
  duration_ms integer NOT NULL
);

-- The indicators also read these tables: a write to them makes the counts stale as registry writes do.
CREATE TRIGGER cooperation_agreements_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON cooperation_agreements FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_data_version();
CREATE TRIGGER institutes_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON institutes FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_data_version();
CREATE TRIGGER carriers_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON carriers FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_data_version();
CREATE TRIGGER honours_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON honours FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_data_version();
CREATE TRIGGER talents_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
  ON talents FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_data_version();

-- Attachments (附件): uploaded supporting documents with their SM3 digest (platform/attachments.ts); a reported
-- figure refers to the department's document it was entered from.
CREATE TABLE attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  purpose text NOT NULL,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type text NOT NULL,
  size integer NOT NULL CHECK (size > 0),
  sm3 text NOT NULL CHECK (sm3 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  uploaded_by uuid REFERENCES users (id),
  uploaded_at timestamptz NOT NULL
);

ALTER TABLE indicator_reported ADD COLUMN attachment_id uuid REFERENCES attachments (id);

-- A target given as a range ("新建农村众创空间1—2家"): `value` is its lower bound, which progress is measured against.
ALTER TABLE indicator_targets ADD COLUMN upper numeric CHECK (upper IS NULL OR upper >= value);
