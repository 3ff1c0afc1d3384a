-- Recording a child as a task list (issue 16): a profile is saved as a draft question page by
-- question page and becomes complete only when every question has been answered and the
-- commissioner has confirmed the answers. See docs/domain/children-and-matching.md.

-- Profiles recorded before this were checked whole when saved: they are complete.
ALTER TABLE child_profiles
  ADD COLUMN status text NOT NULL DEFAULT 'complete' CHECK (status IN ('draft', 'complete')),
  -- The question paths (CHILD_SECTIONS in shared/src/schemas/child-questions.ts) not answered yet.
  -- A draft's stored requirements and recommendation hold placeholders for these; they are
  -- never shown as answers. Empty for a complete profile.
  ADD COLUMN unanswered text[] NOT NULL DEFAULT '{}',
  ADD CONSTRAINT child_profiles_complete_answered CHECK (status = 'draft' OR cardinality(unanswered) = 0);

CREATE INDEX child_profiles_org_status ON child_profiles (organisation_id, status);
