-- Town assessment (市镇两级考核, ADR 0008): the weight of each indicator in a year's assessment of the towns, and the
-- cap on its achievement (actual ÷ target, 120 % unless set). The scores themselves are computed from the
-- indicators and their town targets on every read, never stored.
CREATE TABLE town_assessment_weights (
  year integer NOT NULL CHECK (year BETWEEN 1980 AND 2100),
  indicator_id text NOT NULL,
  weight numeric NOT NULL CHECK (weight > 0),
  cap_percent numeric NOT NULL DEFAULT 120 CHECK (cap_percent >= 100),
  -- The order the weights were given in: the columns of the ranking and the rows of a town's sheet.
  position smallint NOT NULL,
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (year, indicator_id)
);
