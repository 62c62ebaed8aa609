-- Platform foundation: administrative divisions, users, sessions and the audit chain.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE divisions (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{6}([0-9]{3})?$'),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('county', 'street', 'town', 'zone')),
  parent_code text REFERENCES divisions (code),
  sort_order integer NOT NULL DEFAULT 0
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,31}$'),
  display_name text NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'officer', 'leader', 'town', 'enterprise', 'expert', 'bank', 'provider')),
  scope_type text CHECK (scope_type IN ('enterprise', 'town', 'expert', 'bank', 'provider')),
  scope_id text,
  sections text[] NOT NULL DEFAULT '{}',
  phone_enc text,
  must_change_password boolean NOT NULL DEFAULT true,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  last_login_at timestamptz,
  password_changed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((scope_type IS NULL) = (scope_id IS NULL))
);
CREATE UNIQUE INDEX users_username_key ON users (username);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text,
  revoked_at timestamptz,
  revoked_reason text
);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL;

CREATE TABLE audit_head (
  id integer PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE audit_log (
  seq bigint PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  actor_id text,
  actor_name text,
  role text,
  scope text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  changes jsonb NOT NULL DEFAULT '{}',
  request_id text,
  ip text,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id);
CREATE INDEX audit_log_time_idx ON audit_log (occurred_at);
