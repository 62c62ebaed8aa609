-- R&D auxiliary ledger (研发辅助账): an enterprise's R&D projects and their monthly entries, in 分.
-- Categories are those of core/src/cultivation/rd-categories.ts (incl. the adjustments subsidy_netted and
-- special_income, entered as positive amounts). The summary sums one enterprise's entries per year, project,
-- category and fiscal-funds flag: `rd_ledger_entries_sum_idx` holds every column that query reads, so it is
-- answered from the index alone.

CREATE TABLE rd_projects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (length(code) BETWEEN 1 AND 40),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('own', 'entrusted_domestic', 'entrusted_overseas', 'cooperative')),
  starts_on date NOT NULL,
  ends_on date,
  capitalised boolean NOT NULL DEFAULT false,
  payee_type text CHECK (payee_type IN ('organisation', 'individual')),
  related_party boolean NOT NULL DEFAULT false,
  contract_registered boolean,
  contractor text,
  note text,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (enterprise_id, code),
  -- Lets entries reference (project, enterprise) so an entry can never sit under another enterprise's project.
  UNIQUE (id, enterprise_id),
  CHECK (ends_on IS NULL OR ends_on >= starts_on),
  CHECK ((kind IN ('entrusted_domestic', 'entrusted_overseas')) = (payee_type IS NOT NULL)),
  CHECK ((kind = 'entrusted_overseas') = (contract_registered IS NOT NULL))
);

CREATE TABLE rd_ledger_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid NOT NULL,
  project_id uuid NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2008 AND 2100),
  month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
  category text NOT NULL CHECK (category IN (
    'staff', 'direct_inputs', 'building_lease', 'equipment_depreciation', 'building_depreciation',
    'long_term_prepaid', 'intangible_amortisation', 'other_ip_amortisation', 'design',
    'clinical_exploration_trial', 'equipment_commissioning', 'field_trial', 'other', 'welfare_supplementary',
    'entrusted', 'subsidy_netted', 'special_income')),
  amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
  non_taxable boolean NOT NULL DEFAULT false,
  voucher_no text,
  note text,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (project_id, enterprise_id) REFERENCES rd_projects (id, enterprise_id) ON DELETE CASCADE,
  CHECK (NOT (non_taxable AND category IN ('subsidy_netted', 'special_income')))
);
-- The summary: WHERE enterprise_id = $1 AND year = ANY($2) GROUP BY year, project_id, category, non_taxable, q4.
CREATE INDEX rd_ledger_entries_sum_idx ON rd_ledger_entries (enterprise_id, year, project_id, category, non_taxable, month) INCLUDE (amount_fen);
-- One project's entries by month (the entry list, project deletion, the import's replacement of a project-year).
CREATE INDEX rd_ledger_entries_project_idx ON rd_ledger_entries (project_id, year, month);
