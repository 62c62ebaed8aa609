-- Registry parties (patents, institutes, experts, talents, carriers, banks): the last day of a patent's statutory
-- term and update times.
--
-- `patents.expires_on` is written by the application from the type and filing date (专利法 第四十二条, computed by
-- `patentExpiryDate`), so the list filter "valid at a date" in SQL and the pure rule `patentValidAt` agree to the
-- day, including filings on 29 February; SQL interval arithmetic would end such terms a day earlier. The table has
-- no rows before this migration (nothing wrote patents yet), so the column can be required at once.
ALTER TABLE patents ADD COLUMN expires_on date NOT NULL;
ALTER TABLE patents ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE patents ADD CONSTRAINT patents_published_check CHECK (published_on IS NULL OR published_on >= filed_on);
ALTER TABLE patents ADD CONSTRAINT patents_granted_published_check
  CHECK (granted_on IS NULL OR published_on IS NULL OR granted_on >= published_on);
ALTER TABLE patents ADD CONSTRAINT patents_lapsed_check
  CHECK (lapsed_on IS NULL OR (granted_on IS NOT NULL AND lapsed_on >= granted_on));
ALTER TABLE patents ADD CONSTRAINT patents_expires_check CHECK (expires_on > filed_on);
CREATE INDEX patents_expires_idx ON patents (expires_on);
CREATE INDEX patents_ipc_idx ON patents USING gin (ipc_codes);

ALTER TABLE institutes ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE experts ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE talents ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE carriers ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE banks ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

CREATE INDEX experts_ipc_idx ON experts USING gin (ipc_classes);
CREATE INDEX institutes_town_idx ON institutes (town_code);
CREATE INDEX carriers_town_idx ON carriers (town_code);
CREATE INDEX talents_enterprise_idx ON talents (enterprise_id);
