-- Co-production: threaded comments on a review round's sections, moderation, and the hub's
-- themes with answers ("you said, we did").

CREATE TABLE review_comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES review_rounds(id),
  section_id uuid NOT NULL REFERENCES review_sections(id),
  parent_id uuid REFERENCES review_comments(id),
  author_user_id uuid NOT NULL REFERENCES users(id),
  author_organisation_id uuid NOT NULL REFERENCES organisations(id),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  hidden_at timestamptz,
  hidden_reason text,
  hidden_by uuid REFERENCES users(id),
  CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL))
);
CREATE INDEX review_comments_round ON review_comments (round_id, created_at);

CREATE TABLE review_themes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES review_rounds(id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  answer text NOT NULL DEFAULT '' CHECK (length(answer) <= 5000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_themes_round ON review_themes (round_id);

CREATE TABLE review_theme_comments (
  theme_id uuid NOT NULL REFERENCES review_themes(id) ON DELETE CASCADE,
  comment_id uuid NOT NULL REFERENCES review_comments(id),
  PRIMARY KEY (theme_id, comment_id)
);
