-- Decisions and public notices (研究决定与公示): a call's notices (title, first day, length in natural days, last
-- day), the applications proposed on each with the proposed amount, and the objections (异议) filed while a notice
-- runs, with their handling. The phases themselves stay on programme_applications, moved by the workflow.

CREATE TABLE programme_notices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL REFERENCES programme_calls (id),
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  starts_on date NOT NULL,
  -- Natural days, first and last included (at least five).
  days integer NOT NULL CHECK (days BETWEEN 5 AND 60),
  ends_on date NOT NULL,
  published_by uuid REFERENCES users (id),
  published_at timestamptz NOT NULL,
  CHECK (ends_on = starts_on + (days - 1))
);
CREATE INDEX programme_notices_call_idx ON programme_notices (call_id, starts_on);
CREATE INDEX programme_notices_window_idx ON programme_notices (starts_on, ends_on);

CREATE TABLE programme_notice_entries (
  notice_id uuid NOT NULL REFERENCES programme_notices (id),
  application_id uuid NOT NULL REFERENCES programme_applications (id),
  position integer NOT NULL CHECK (position >= 1),
  -- Copied when proposed, so the published notice does not change with later edits of the registry or the form.
  enterprise_name text NOT NULL,
  project_title text,
  proposed_fen bigint CHECK (proposed_fen >= 0),
  added_at timestamptz NOT NULL,
  PRIMARY KEY (notice_id, application_id),
  UNIQUE (notice_id, position)
);
CREATE INDEX programme_notice_entries_application_idx ON programme_notice_entries (application_id, added_at);

CREATE TABLE programme_objections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  notice_id uuid NOT NULL,
  application_id uuid NOT NULL,
  name text NOT NULL CHECK (length(btrim(name)) > 0),
  -- SM4-encrypted (platform/crypto.ts).
  phone_enc text NOT NULL,
  body text NOT NULL CHECK (length(btrim(body)) > 0),
  received_at timestamptz NOT NULL,
  outcome text CHECK (outcome IN ('upheld', 'dismissed')),
  response text,
  handled_by uuid REFERENCES users (id),
  handled_at timestamptz,
  FOREIGN KEY (notice_id, application_id) REFERENCES programme_notice_entries (notice_id, application_id),
  CHECK ((outcome IS NULL) = (handled_at IS NULL) AND (outcome IS NULL) = (response IS NULL))
);
CREATE INDEX programme_objections_notice_idx ON programme_objections (notice_id, received_at);
CREATE INDEX programme_objections_open_idx ON programme_objections (application_id) WHERE handled_at IS NULL;
