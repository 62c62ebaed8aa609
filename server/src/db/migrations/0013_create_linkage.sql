-- Leader–enterprise linkage (挂钩联系): each bureau leader is linked to enterprises for a period; the visits (走访)
-- they make; the problems (诉求/问题) an enterprise raises, at a visit or otherwise, assigned to an officer and/or a
-- department with a due date and tracked open → in_progress → resolved → closed (or reopened). Overdue (逾期) is
-- not stored: it is due_on before today (China time) while the status is pending (core/src/linkage/status.ts).

CREATE TABLE linkage_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  leader_id uuid NOT NULL REFERENCES users (id),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  since date NOT NULL,
  -- The last day of the link; NULL while it lasts.
  until date,
  linked_by uuid REFERENCES users (id),
  ended_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (until IS NULL OR until >= since),
  CHECK (ended_by IS NULL OR until IS NOT NULL)
);
-- A leader is linked to an enterprise at most once at a time.
CREATE UNIQUE INDEX linkage_links_active_key ON linkage_links (leader_id, enterprise_id) WHERE until IS NULL;
CREATE INDEX linkage_links_enterprise_idx ON linkage_links (enterprise_id);

CREATE TABLE linkage_visits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  leader_id uuid NOT NULL REFERENCES users (id),
  visited_on date NOT NULL,
  summary text NOT NULL CHECK (length(btrim(summary)) > 0),
  participants text NOT NULL DEFAULT '',
  recorded_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX linkage_visits_enterprise_idx ON linkage_visits (enterprise_id, visited_on DESC);
CREATE INDEX linkage_visits_leader_idx ON linkage_visits (leader_id, visited_on DESC);

CREATE TABLE linkage_problems (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  visit_id uuid REFERENCES linkage_visits (id),
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  description text NOT NULL DEFAULT '',
  category text NOT NULL
    CHECK (category IN ('policy', 'funding', 'talent', 'technology', 'ip', 'finance', 'other')),
  assignee_id uuid REFERENCES users (id),
  department text,
  raised_on date NOT NULL,
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'in_progress', 'resolved', 'closed', 'reopened')),
  resolution text,
  resolved_on date,
  raised_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (due_on >= raised_on),
  -- Resolved and closed problems carry their resolution and the day it was reached; pending ones have no day.
  CHECK (
    (status IN ('resolved', 'closed') AND resolution IS NOT NULL AND length(btrim(resolution)) > 0
      AND resolved_on IS NOT NULL)
    OR (status IN ('open', 'in_progress', 'reopened') AND resolved_on IS NULL)
  )
);
CREATE INDEX linkage_problems_enterprise_idx ON linkage_problems (enterprise_id, due_on);
CREATE INDEX linkage_problems_visit_idx ON linkage_problems (visit_id);
CREATE INDEX linkage_problems_assignee_idx ON linkage_problems (assignee_id);
-- The overdue list reads pending problems by due date only.
CREATE INDEX linkage_problems_pending_idx ON linkage_problems (due_on)
  WHERE status IN ('open', 'in_progress', 'reopened');
