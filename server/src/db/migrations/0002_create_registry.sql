-- Registry (主体库): enterprises with yearly figures, qualifications, institutes and platforms, experts,
-- talents and teams, carriers and providers, banks and investors, honours, cooperation agreements, chain tags,
-- patents; field provenance and pending self-service changes; background jobs.
-- Search: `search_tokens` holds jieba-segmented text (space separated); the generated tsvector is indexed with GIN.

CREATE TABLE enterprises (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  uscc text NOT NULL UNIQUE CHECK (uscc ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'),
  name text NOT NULL,
  former_names text[] NOT NULL DEFAULT '{}',
  legal_rep text,
  registered_on date,
  address text,
  town_code text REFERENCES divisions (code),
  industry_code text,
  hitech_field text,
  staff integer CHECK (staff >= 0),
  revenue_fen bigint CHECK (revenue_fen >= 0),
  contact_name text,
  contact_phone_enc text,
  search_tokens text NOT NULL DEFAULT '',
  search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_tokens)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX enterprises_search_idx ON enterprises USING gin (search_vector);
CREATE INDEX enterprises_name_trgm_idx ON enterprises USING gin (name gin_trgm_ops);
CREATE INDEX enterprises_town_idx ON enterprises (town_code);
CREATE INDEX enterprises_industry_idx ON enterprises (industry_code);

CREATE TABLE enterprise_years (
  enterprise_id uuid NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
  year integer NOT NULL CHECK (year BETWEEN 1980 AND 2100),
  revenue_fen bigint CHECK (revenue_fen >= 0),
  rd_fen bigint CHECK (rd_fen >= 0),
  staff integer CHECK (staff >= 0),
  tech_staff integer CHECK (tech_staff >= 0),
  net_assets_fen bigint,
  total_assets_fen bigint,
  above_scale boolean NOT NULL DEFAULT false,
  PRIMARY KEY (enterprise_id, year),
  CHECK (tech_staff IS NULL OR staff IS NULL OR tech_staff <= staff)
);
CREATE INDEX enterprise_years_year_idx ON enterprise_years (year) WHERE above_scale;

CREATE TABLE institutes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('university', 'research_institute', 'new_rnd_institution', 'platform')),
  uscc text UNIQUE,
  address text,
  town_code text REFERENCES divisions (code),
  search_tokens text NOT NULL DEFAULT '',
  search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_tokens)) STORED,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX institutes_search_idx ON institutes USING gin (search_vector);

CREATE TABLE experts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  title text,
  employer_uscc text,
  institute_id uuid REFERENCES institutes (id),
  fields text[] NOT NULL DEFAULT '{}',
  ipc_classes text[] NOT NULL DEFAULT '{}',
  expertise text,
  phone_enc text,
  id_card_enc text,
  relations jsonb NOT NULL DEFAULT '[]',
  available boolean NOT NULL DEFAULT true,
  search_tokens text NOT NULL DEFAULT '',
  search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_tokens)) STORED,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX experts_search_idx ON experts USING gin (search_vector);
CREATE INDEX experts_fields_idx ON experts USING gin (fields);

CREATE TABLE talents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('talent', 'team')),
  name text NOT NULL,
  leader_name text,
  enterprise_id uuid REFERENCES enterprises (id),
  programme text,
  year integer,
  field text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE carriers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('maker_space', 'incubator', 'accelerator', 'star_space', 'tech_service')),
  operator_uscc text,
  town_code text REFERENCES divisions (code),
  area_m2 numeric(12, 2),
  tenants integer,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE banks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('bank', 'investor', 'guarantor')),
  uscc text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Holders of qualifications, honours and chain tags are referenced by (holder_type, holder_id).
CREATE TABLE qualifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  holder_type text NOT NULL CHECK (holder_type IN ('enterprise', 'institute', 'carrier')),
  holder_id uuid NOT NULL,
  kind text NOT NULL,
  certificate_no text,
  issued_on date NOT NULL,
  valid_to date,
  source text NOT NULL DEFAULT 'officer',
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= issued_on)
);
CREATE INDEX qualifications_holder_idx ON qualifications (holder_type, holder_id);
CREATE INDEX qualifications_kind_idx ON qualifications (kind, issued_on);

CREATE TABLE honours (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  holder_type text NOT NULL CHECK (holder_type IN ('enterprise', 'institute', 'person')),
  holder_id uuid,
  holder_name text NOT NULL,
  award text NOT NULL,
  grade text,
  rank_among_units integer CHECK (rank_among_units >= 1),
  year integer NOT NULL,
  project_title text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX honours_holder_idx ON honours (holder_type, holder_id);
CREATE INDEX honours_year_idx ON honours (year, award);

CREATE TABLE cooperation_agreements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
  institute_id uuid NOT NULL REFERENCES institutes (id),
  subject text NOT NULL,
  signed_on date NOT NULL,
  valid_to date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= signed_on)
);
CREATE INDEX cooperation_enterprise_idx ON cooperation_agreements (enterprise_id);

CREATE TABLE chain_tags (
  holder_type text NOT NULL CHECK (holder_type IN ('enterprise', 'institute', 'carrier')),
  holder_id uuid NOT NULL,
  chain text NOT NULL,
  segment text NOT NULL DEFAULT '',
  PRIMARY KEY (holder_type, holder_id, chain, segment)
);
CREATE INDEX chain_tags_chain_idx ON chain_tags (chain, segment);

CREATE TABLE patents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_no text NOT NULL UNIQUE,
  type text NOT NULL CHECK (type IN ('invention', 'utility', 'design')),
  title text NOT NULL,
  ipc_codes text[] NOT NULL DEFAULT '{}',
  filed_on date NOT NULL,
  published_on date,
  granted_on date,
  legal_status text NOT NULL CHECK (legal_status IN ('pending', 'granted', 'rejected', 'withdrawn', 'lapsed', 'expired')),
  lapsed_on date,
  applicant_kind text NOT NULL CHECK (applicant_kind IN ('enterprise', 'institute', 'individual')),
  town_code text REFERENCES divisions (code),
  search_tokens text NOT NULL DEFAULT '',
  search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_tokens)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (granted_on IS NULL OR granted_on >= filed_on)
);
CREATE INDEX patents_search_idx ON patents USING gin (search_vector);
CREATE INDEX patents_filed_idx ON patents (filed_on);
CREATE INDEX patents_granted_idx ON patents (granted_on);
CREATE INDEX patents_town_idx ON patents (town_code);

CREATE TABLE patent_applicants (
  patent_id uuid NOT NULL REFERENCES patents (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 1),
  holder_type text NOT NULL CHECK (holder_type IN ('enterprise', 'institute', 'person')),
  holder_id uuid,
  name text NOT NULL,
  PRIMARY KEY (patent_id, position)
);
CREATE INDEX patent_applicants_holder_idx ON patent_applicants (holder_type, holder_id);

-- Where each enterprise field's value came from, and whether an officer verified it.
CREATE TABLE field_provenance (
  entity_type text NOT NULL,
  entity_id uuid NOT NULL,
  field text NOT NULL,
  source text NOT NULL CHECK (source IN ('self', 'officer', 'import', 'seed')),
  actor_id uuid,
  recorded_at timestamptz NOT NULL,
  verified_by uuid,
  verified_at timestamptz,
  PRIMARY KEY (entity_type, entity_id, field)
);

-- Self-service changes an officer must verify before they apply.
CREATE TABLE pending_changes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entity_type text NOT NULL,
  entity_id uuid NOT NULL,
  field text NOT NULL,
  old_value jsonb,
  new_value jsonb,
  submitted_by uuid NOT NULL,
  submitted_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'verified', 'rejected')),
  decided_by uuid,
  decided_at timestamptz,
  reason text
);
CREATE INDEX pending_changes_entity_idx ON pending_changes (entity_type, entity_id) WHERE status = 'pending';

-- Long work (imports, exports) with progress, run by the server's in-process worker.
CREATE TABLE jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  progress integer NOT NULL DEFAULT 0,
  total integer,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  input jsonb NOT NULL DEFAULT '{}',
  result jsonb,
  error jsonb
);
CREATE INDEX jobs_status_idx ON jobs (status, created_at);
