-- People, their organisation and role, invitations, sessions and API tokens.
-- A person is identified by (issuer, subject) from their identity provider, never by e-mail.

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  issuer text NOT NULL,
  subject text NOT NULL,
  email text NOT NULL CHECK (email = lower(email) AND position('@' IN email) > 1),
  email_verified boolean NOT NULL DEFAULT false,
  display_name text CHECK (length(display_name) <= 200),
  organisation_id uuid REFERENCES organisations(id),
  role text CHECK (role IN ('regional_admin', 'commissioner', 'provider', 'parent_panel')),
  org_admin boolean NOT NULL DEFAULT false,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_sign_in_at timestamptz,
  UNIQUE (issuer, subject),
  -- A role only means something within an organisation.
  CONSTRAINT membership_complete CHECK ((organisation_id IS NULL) = (role IS NULL))
);
CREATE INDEX users_organisation ON users (organisation_id);

CREATE TABLE invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  email text NOT NULL CHECK (email = lower(email) AND position('@' IN email) > 1),
  role text NOT NULL CHECK (role IN ('regional_admin', 'commissioner', 'provider', 'parent_panel')),
  org_admin boolean NOT NULL DEFAULT false,
  invited_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- NULL: never expires (the development seed's demo accounts only).
  expires_at timestamptz,
  accepted_at timestamptz,
  accepted_by uuid REFERENCES users(id),
  revoked_at timestamptz,
  CHECK (NOT (accepted_at IS NOT NULL AND revoked_at IS NOT NULL))
);
-- One open invitation per address, so a first sign-in joins exactly one organisation.
CREATE UNIQUE INDEX invitations_one_open_per_email ON invitations (email) WHERE accepted_at IS NULL AND revoked_at IS NULL;
CREATE INDEX invitations_organisation ON invitations (organisation_id);

CREATE TABLE sessions (
  sid text PRIMARY KEY,
  data jsonb NOT NULL,
  user_id uuid REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  prefix text NOT NULL,
  -- SHA-256 of the secret: a leaked table does not leak usable tokens.
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz,
  CHECK (expires_at > created_at)
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
