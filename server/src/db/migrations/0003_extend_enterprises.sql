-- Enterprises: at most one pending self-service change per field (a later submission replaces the earlier one),
-- listing of pending changes by status and time, and the lookups the enterprise list filters use.
CREATE UNIQUE INDEX pending_changes_one_per_field_idx ON pending_changes (entity_type, entity_id, field) WHERE status = 'pending';
CREATE INDEX pending_changes_status_idx ON pending_changes (status, submitted_at);
CREATE INDEX enterprises_hitech_field_idx ON enterprises (hitech_field);
CREATE INDEX enterprises_registered_idx ON enterprises (registered_on);
ALTER TABLE qualifications ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
