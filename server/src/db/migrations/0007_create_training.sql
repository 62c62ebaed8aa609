-- Cultivation: policy training (高企政策培训) — courses, sessions, enrolments with attendance — and the officers'
-- candidate pipeline (培育库): the yearly HNTE targets and the cached readiness snapshot with the registry data
-- version that tells when the snapshot is stale.

CREATE TABLE training_courses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  summary text NOT NULL DEFAULT '',
  topic text NOT NULL CHECK (topic IN ('recognition', 'rd_expense', 'super_deduction', 'ip', 'tsme', 'other')),
  materials_url text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE training_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  course_id uuid NOT NULL REFERENCES training_courses (id) ON DELETE CASCADE,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  mode text NOT NULL CHECK (mode IN ('onsite', 'online')),
  place text,
  online_url text,
  capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CHECK ((mode = 'onsite' AND place IS NOT NULL) OR (mode = 'online' AND online_url IS NOT NULL))
);
CREATE INDEX training_sessions_course_idx ON training_sessions (course_id, starts_at);
CREATE INDEX training_sessions_starts_idx ON training_sessions (starts_at);

-- One enrolment per user and session; cancelling deletes the row (the audit log keeps the history).
CREATE TABLE training_enrolments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES training_sessions (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id),
  enterprise_uscc text NOT NULL,
  enrolled_at timestamptz NOT NULL,
  attended boolean,
  attendance_marked_by uuid REFERENCES users (id),
  attendance_marked_at timestamptz,
  UNIQUE (session_id, user_id)
);
CREATE INDEX training_enrolments_user_idx ON training_enrolments (user_id);

-- The county's yearly target of valid HNTE ("突破100家" = more than 100), set by the bureau.
CREATE TABLE hnte_targets (
  year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  target_above integer NOT NULL CHECK (target_above >= 0),
  source text,
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Bumped by one statement trigger per write to any table the pipeline's readiness reads, in the writing
-- transaction, so a snapshot computed at version v is stale exactly when the registry has changed since.
CREATE TABLE registry_data_version (
  id smallint PRIMARY KEY CHECK (id = 1),
  version bigint NOT NULL
);
INSERT INTO registry_data_version (id, version) VALUES (1, 0);

CREATE FUNCTION bump_registry_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE registry_data_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER enterprises_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enterprises
  FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_data_version();
CREATE TRIGGER enterprise_years_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enterprise_years
  FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_data_version();
CREATE TRIGGER patents_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON patents
  FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_data_version();
CREATE TRIGGER patent_applicants_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON patent_applicants
  FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_data_version();
CREATE TRIGGER qualifications_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON qualifications
  FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_data_version();

-- One snapshot per campaign year: the day it judges, the data version it was computed from.
CREATE TABLE pipeline_snapshots (
  campaign_year integer PRIMARY KEY,
  as_of date NOT NULL,
  data_version bigint NOT NULL,
  computed_at timestamptz NOT NULL,
  duration_ms integer NOT NULL,
  enterprises integer NOT NULL
);

CREATE TABLE pipeline_entries (
  campaign_year integer NOT NULL REFERENCES pipeline_snapshots (campaign_year) ON DELETE CASCADE,
  enterprise_id uuid NOT NULL,
  name text NOT NULL,
  uscc text NOT NULL,
  town_code text,
  industry_code text,
  readiness text NOT NULL CHECK (readiness IN ('eligible', 'one_gap', 'two_gaps', 'far', 'incomplete')),
  readiness_order smallint NOT NULL,
  gap_count smallint NOT NULL,
  -- Failed criteria in the order of 第十一条, joined by commas: the key the gap summary groups by.
  gap_key text NOT NULL,
  unknowns text[] NOT NULL,
  -- The gap words of each failed criterion, { id: { zh, en } }.
  gap_words jsonb NOT NULL,
  latest_sales_fen bigint,
  rd_ratio_pct text,
  rd_required_pct integer,
  tech_staff_pct text,
  registration_days integer,
  valid_inventions integer NOT NULL,
  valid_other_patents integer NOT NULL,
  hnte_valid_to date,
  PRIMARY KEY (campaign_year, enterprise_id)
);
CREATE INDEX pipeline_entries_rank_idx ON pipeline_entries (campaign_year, readiness_order, latest_sales_fen DESC);
CREATE INDEX pipeline_entries_gap_idx ON pipeline_entries (campaign_year, gap_key);
