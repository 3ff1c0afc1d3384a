-- Parent carer panel members' feedback on settings, moderated by the regional hub before it counts.

CREATE TABLE setting_feedback (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  setting_id uuid NOT NULL REFERENCES settings(id),
  author_user_id uuid NOT NULL REFERENCES users(id),
  author_organisation_id uuid NOT NULL REFERENCES organisations(id),
  -- { "meeting_needs": 4, ... }: aspect -> 1..5, checked by the API's schema.
  ratings jsonb NOT NULL CHECK (jsonb_typeof(ratings) = 'object'),
  comment text NOT NULL CHECK (length(comment) BETWEEN 1 AND 2000),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  reason text,
  moderated_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  moderated_at timestamptz,
  CHECK (status <> 'rejected' OR reason IS NOT NULL)
);
CREATE INDEX setting_feedback_setting_status ON setting_feedback (setting_id, status);
CREATE INDEX setting_feedback_author ON setting_feedback (author_user_id);
