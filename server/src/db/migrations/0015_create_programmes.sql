-- Programmes (项目与资金), first slice: programme definitions (a versioned workflow and form schema per kind),
-- calls that freeze a definition version when they open, applications moving through the workflow, the log of
-- every transition, and the supporting documents of each application (rows of `attachments`).

CREATE TABLE programme_definitions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]*$'),
  version integer NOT NULL CHECK (version >= 1),
  name_zh text NOT NULL CHECK (length(btrim(name_zh)) > 0),
  name_en text NOT NULL CHECK (length(btrim(name_en)) > 0),
  -- core/src/workflow/definition.contract.ts, checked by checkDefinition before it is stored.
  workflow jsonb NOT NULL,
  -- core/src/programmes/form-schema.ts.
  form_schema jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, version)
);

CREATE TABLE programme_calls (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  -- The definition version the call runs; set when the call opens and never changed after.
  definition_id uuid REFERENCES programme_definitions (id),
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  year integer NOT NULL CHECK (year BETWEEN 1980 AND 2100),
  opens_on date NOT NULL,
  -- The last day applications may be submitted (inclusive, China time).
  closes_on date NOT NULL,
  budget_fen bigint NOT NULL CHECK (budget_fen >= 0),
  description text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL,
  opened_by uuid REFERENCES users (id),
  opened_at timestamptz,
  CHECK (closes_on >= opens_on),
  CHECK ((status = 'draft') = (definition_id IS NULL))
);
CREATE INDEX programme_calls_status_idx ON programme_calls (status, closes_on);

CREATE TABLE programme_applications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL REFERENCES programme_calls (id),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  phase text NOT NULL,
  form_data jsonb NOT NULL DEFAULT '{}',
  -- What the registry held when the draft was created (shown beside the form).
  prefill jsonb NOT NULL DEFAULT '{}',
  submitted_at timestamptz,
  -- The formal-check clock: the day it started (first submission) and its suspensions [{from, to}] (to NULL while
  -- the applicant corrects), as core/src/workflow/clock.ts counts them.
  clock_started_on date,
  clock_suspensions jsonb NOT NULL DEFAULT '[]',
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (call_id, enterprise_id)
);
CREATE INDEX programme_applications_phase_idx ON programme_applications (call_id, phase);
CREATE INDEX programme_applications_enterprise_idx ON programme_applications (enterprise_id);

CREATE TABLE programme_application_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES programme_applications (id),
  from_phase text,
  to_phase text NOT NULL,
  action text NOT NULL,
  reason text,
  actor_id uuid REFERENCES users (id),
  at timestamptz NOT NULL
);
CREATE INDEX programme_application_events_idx ON programme_application_events (application_id, id);

CREATE TABLE programme_application_attachments (
  application_id uuid NOT NULL REFERENCES programme_applications (id),
  attachment_id uuid NOT NULL REFERENCES attachments (id),
  added_at timestamptz NOT NULL,
  PRIMARY KEY (application_id, attachment_id)
);
