-- Programme funds (资金): policy standards as versioned records (core/src/funds/policy-standard.contract.ts), one
-- award per application (the computed amount with its lines, the approved amount and the reason for any
-- adjustment), disbursements in numbered instalments, clawbacks and acceptance records. Money in whole 分.

CREATE TABLE policy_standards (
  -- `<programme>-<effective_from>`, e.g. `patent_subsidy-2017-01-01`.
  id text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9_-]*$'),
  programme text NOT NULL,
  effective_from date NOT NULL,
  -- Set once, when a later version is added; never moved before the day it is set.
  effective_to date,
  citation text NOT NULL CHECK (length(btrim(citation)) > 0),
  -- The whole standard as the contract parses it (rates, tiers, caps, clawback window, note).
  body jsonb NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL,
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
CREATE INDEX policy_standards_programme_idx ON policy_standards (programme, effective_from);

CREATE TABLE programme_awards (
  application_id uuid PRIMARY KEY REFERENCES programme_applications (id),
  standard_id text NOT NULL REFERENCES policy_standards (id),
  -- The day that chose the standard (the day the application was approved) and whose year the caps count in.
  decided_on date NOT NULL,
  -- What was priced: items counted per kind ({"invention_grant": 2}) and the base figure in 分, if any.
  items jsonb NOT NULL DEFAULT '{}',
  base_fen bigint,
  -- What the award funds (patent numbers, `project:<title>`), compared across awards by supervision.
  item_keys text[] NOT NULL DEFAULT '{}',
  -- The computation as shown: {lines: [{zh, en, amountFen}], notes: [{zh, en}], grossFen, capped}.
  computation jsonb NOT NULL,
  proposed_fen bigint NOT NULL CHECK (proposed_fen >= 0),
  approved_fen bigint NOT NULL CHECK (approved_fen >= 0),
  adjustment_reason text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL,
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL,
  CHECK (approved_fen = proposed_fen OR adjustment_reason IS NOT NULL)
);

CREATE TABLE programme_disbursements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL REFERENCES programme_awards (application_id),
  instalment integer NOT NULL CHECK (instalment >= 1),
  -- 预算科目, e.g. 市级科技三项经费.
  budget_line text NOT NULL CHECK (length(btrim(budget_line)) > 0),
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  paid_on date NOT NULL,
  voucher_no text NOT NULL CHECK (length(btrim(voucher_no)) > 0),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL,
  UNIQUE (application_id, instalment),
  UNIQUE (voucher_no)
);

CREATE TABLE programme_clawbacks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL REFERENCES programme_awards (application_id),
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  reason text NOT NULL CHECK (length(btrim(reason)) > 0),
  recovered_on date NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX programme_clawbacks_application_idx ON programme_clawbacks (application_id);

CREATE TABLE programme_acceptances (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL REFERENCES programme_applications (id),
  conclusion text NOT NULL CHECK (conclusion IN ('passed', 'failed')),
  comments text NOT NULL CHECK (length(btrim(comments)) > 0),
  decided_on date NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX programme_acceptances_application_idx ON programme_acceptances (application_id, created_at);
