-- Notifications (issue 15): in-app entries and e-mails through GOV.UK Notify, from a durable
-- outbox written in the same transaction as the change that causes them. See
-- docs/domain/notifications.md.

-- What a person is told, in the app. `about` names what it is about (e.g. "invited:<request>:<setting>"),
-- unique per person, so a retried transaction or a second scheduler never tells anyone twice.
CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL,
  about text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  -- A path of the app ("/provider/requests/<id>"), never an outside address.
  link text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  -- When notification:new went out over /live (the outbox worker sends it after commit).
  published_at timestamptz,
  UNIQUE (user_id, about)
);
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
CREATE INDEX notifications_unpublished ON notifications (created_at) WHERE published_at IS NULL;

-- Each person's choice per kind: e-mail now, a daily digest, or in the app only. No row: e-mail now.
CREATE TABLE notification_preferences (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind text NOT NULL,
  delivery text NOT NULL CHECK (delivery IN ('email', 'digest', 'in_app')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, kind)
);

-- E-mails to send through Notify. 'held': no NOTIFY_API_KEY (the embedded default), kept for
-- `npm run cli -- outbox list` and the development page; 'failed': given up after a day.
CREATE TABLE email_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  notification_id uuid REFERENCES notifications(id),
  user_id uuid REFERENCES users(id),
  email_address text NOT NULL,
  template text NOT NULL,
  personalisation jsonb NOT NULL,
  -- Sent to Notify as `reference`: a retry of the same e-mail is recognisable there.
  reference text NOT NULL UNIQUE,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'held')),
  -- Digest e-mails wait for their hour; others are due at once.
  due_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  notify_id text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX email_outbox_user ON email_outbox (user_id, created_at);

-- Deadline reminders made (24 hours and 1 hour before), once per invitation each.
CREATE TABLE deadline_reminders (
  request_id uuid NOT NULL REFERENCES placement_requests(id),
  setting_id uuid NOT NULL REFERENCES settings(id),
  before text NOT NULL CHECK (before IN ('24h', '1h')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (request_id, setting_id, before)
);
