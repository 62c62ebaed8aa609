-- Self-assessments (自评) of 高企 and 科小: the input as submitted, the result the server computed from it with the
-- rules of `core`, the rule and its version, and a summary (verdict, failed and undecided criteria, score) for lists.
CREATE TABLE cultivation_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('hnte', 'tsme')),
  assessment_date date NOT NULL,
  rule_id text NOT NULL,
  rule_version text NOT NULL,
  input jsonb NOT NULL,
  result jsonb NOT NULL,
  verdict text NOT NULL CHECK (verdict IN ('pass', 'fail', 'undecided')),
  failures text[] NOT NULL DEFAULT '{}',
  undecided text[] NOT NULL DEFAULT '{}',
  score_total integer,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cultivation_assessments_enterprise_idx ON cultivation_assessments (enterprise_id, created_at DESC);
CREATE INDEX cultivation_assessments_kind_idx ON cultivation_assessments (kind, assessment_date DESC);
