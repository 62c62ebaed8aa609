-- Expert draws (随机抽取专家): a frozen candidate pool whose SM3 hash is published before the seed is known, the
-- seed and where it came from, the panel and alternates drawn from it (algorithm in docs/rules/draws.md), and the
-- declines that seat an alternate afterwards.
--
-- `pool` holds the published pool exactly as hashed (algorithm, spec, eligible experts as code + kind): no names. It
-- is `json`, not `jsonb`: tens of thousands of entries are stored and read back as written, never queried inside.
-- `excluded` holds the avoidance exclusions with their reasons; experts left out for eligibility (unavailable, field,
-- load) are counted in `funnel` only, so a pool of tens of thousands of experts does not store tens of thousands of
-- reasons. `current_panel` / `current_alternates` follow the declines; `panel` / `alternates` stay as drawn.

-- The panel role the composition rule counts (e.g. 高企 reviews: ≥ 60 % technical, ≥ 1 financial).
ALTER TABLE experts ADD COLUMN panel_kind text NOT NULL DEFAULT 'technical'
  CHECK (panel_kind IN ('technical', 'financial', 'management', 'legal'));
CREATE INDEX experts_name_idx ON experts (name);

CREATE TABLE draws (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL,
  subject text NOT NULL,
  spec jsonb NOT NULL,
  applicants jsonb NOT NULL,
  overrides jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'frozen' CHECK (status IN ('frozen', 'drawn')),
  pool json NOT NULL,
  pool_hash text NOT NULL CHECK (pool_hash ~ '^[0-9a-f]{64}$'),
  pool_size integer NOT NULL CHECK (pool_size >= 0),
  excluded jsonb NOT NULL DEFAULT '[]',
  funnel jsonb NOT NULL,
  seed text,
  seed_source text,
  key text,
  panel jsonb,
  alternates jsonb,
  current_panel jsonb,
  current_alternates jsonb,
  algorithm text NOT NULL,
  created_by uuid REFERENCES users (id),
  frozen_at timestamptz NOT NULL,
  drawn_at timestamptz,
  CHECK (
    (status = 'frozen' AND seed IS NULL AND panel IS NULL AND drawn_at IS NULL)
    OR (status = 'drawn' AND seed IS NOT NULL AND seed_source IS NOT NULL AND key IS NOT NULL AND panel IS NOT NULL
        AND alternates IS NOT NULL AND current_panel IS NOT NULL AND current_alternates IS NOT NULL
        AND drawn_at IS NOT NULL)
  )
);
CREATE INDEX draws_frozen_idx ON draws (frozen_at DESC);
-- Load of an expert = seats held in drawn panels; the load query reads only these rows.
CREATE INDEX draws_drawn_idx ON draws (status) WHERE status = 'drawn';

CREATE TABLE draw_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  draw_id uuid NOT NULL REFERENCES draws (id) ON DELETE CASCADE,
  seq integer NOT NULL CHECK (seq >= 1),
  kind text NOT NULL CHECK (kind IN ('declined', 'conflicted')),
  code text NOT NULL,
  replacement text NOT NULL,
  reason text NOT NULL,
  actor_id uuid REFERENCES users (id),
  occurred_at timestamptz NOT NULL,
  UNIQUE (draw_id, seq)
);
