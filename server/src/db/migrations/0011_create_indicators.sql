-- Indicators (指标): yearly targets per indicator, county-wide (town_code '') and split by town, and the figures a
-- department reports (resident population, …). Values are exact decimals; the catalogue itself is data in code
-- (server/src/modules/indicators/catalogue.data.ts), checked at start-up, so only what officers enter is stored.
CREATE TABLE indicator_targets (
  indicator_id text NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 1980 AND 2100),
  -- '' is the county total; otherwise a town's share of it.
  town_code text NOT NULL DEFAULT '',
  value numeric NOT NULL CHECK (value >= 0),
  comparison text NOT NULL DEFAULT 'at_least' CHECK (comparison IN ('at_least', 'above')),
  source text,
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_id, year, town_code),
  CHECK (town_code = '' OR town_code ~ '^[0-9]{9}$')
);

CREATE TABLE indicator_reported (
  indicator_id text NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 1980 AND 2100),
  value numeric NOT NULL CHECK (value >= 0),
  note text,
  recorded_by uuid REFERENCES users (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (indicator_id, year)
);

-- Year-end qualification counts and issue-year counts read by kind and date.
CREATE INDEX IF NOT EXISTS qualifications_kind_valid_idx ON qualifications (kind, valid_to);
CREATE INDEX IF NOT EXISTS cooperation_signed_idx ON cooperation_agreements (signed_on);
