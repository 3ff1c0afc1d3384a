-- Who withdrew the last intention to award (issue 16): the council's request page says who and
-- when, beside the reason its providers read. NULL for one withdrawn before this column existed.
ALTER TABLE placement_requests ADD COLUMN intention_withdrawn_by uuid REFERENCES users(id);
