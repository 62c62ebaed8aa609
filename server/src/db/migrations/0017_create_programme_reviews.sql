-- Expert reviews (专家评审) of programme calls: one review round per call — the drawn expert panel it takes its
-- reviewers from (`draws.current_panel`, followed live, so an alternate seated after a decline is assigned), the
-- review form (core/src/reviews/review.contract.ts) with its version, frozen once the first review is submitted, and
-- the window in China time — and one row per expert and application once the expert has declared on it.
--
-- Assignments are not stored: every current panel member reviews every application of the call that has reached
-- expert review. A row appears when the expert declares: `conflicted` (the assignment is void, with the reason) or
-- `declared` → `draft` (scores saved) → `submitted` (final, with the weighted total as an exact rational text).

CREATE TABLE review_rounds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL UNIQUE REFERENCES programme_calls (id),
  draw_id uuid NOT NULL REFERENCES draws (id),
  form jsonb NOT NULL,
  form_version integer NOT NULL DEFAULT 1 CHECK (form_version >= 1),
  -- Set by the first submitted review; the form and the draw are fixed from then on.
  frozen_at timestamptz,
  opens_on date NOT NULL,
  -- The last day reviews may be saved or submitted (inclusive, China time).
  closes_on date NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (closes_on >= opens_on)
);

CREATE TABLE reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES review_rounds (id),
  application_id uuid NOT NULL REFERENCES programme_applications (id),
  expert_code text NOT NULL,
  status text NOT NULL CHECK (status IN ('declared', 'draft', 'submitted', 'conflicted')),
  conflict_reason text,
  scores jsonb NOT NULL DEFAULT '{}',
  comments jsonb NOT NULL DEFAULT '{}',
  -- The weighted total out of 100 as Rational text ('73', '378/5'), set on submission.
  total text,
  form_version integer,
  declared_at timestamptz NOT NULL,
  submitted_at timestamptz,
  updated_at timestamptz NOT NULL,
  UNIQUE (application_id, expert_code),
  CHECK ((status = 'conflicted') = (conflict_reason IS NOT NULL)),
  CHECK ((status = 'submitted') = (submitted_at IS NOT NULL AND total IS NOT NULL))
);
CREATE INDEX reviews_round_idx ON reviews (round_id, status);
CREATE INDEX reviews_expert_idx ON reviews (expert_code);
