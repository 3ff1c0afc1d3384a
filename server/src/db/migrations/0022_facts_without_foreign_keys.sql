-- The facts are derived data, written only by the facts refresher. Their foreign keys made the
-- refresher take a KEY SHARE lock on each source row it filed (placement_requests, placements,
-- organisations, regions) while it held the dirty marks it had taken. A writer holding its
-- request FOR UPDATE (an offer, the closing scheduler) then waited for a mark the refresher held,
-- while the refresher waited for the writer's row: a deadlock, and the offer got a 500.
-- Without the keys the refresher waits on no source row, so no cycle can form. Facts of a
-- deleted source are removed by whoever deletes it (only the synthetic seed's --remove does).
ALTER TABLE placement_facts
  DROP CONSTRAINT placement_facts_placement_id_fkey,
  DROP CONSTRAINT placement_facts_region_id_fkey,
  DROP CONSTRAINT placement_facts_council_id_fkey;
ALTER TABLE request_facts
  DROP CONSTRAINT request_facts_request_id_fkey,
  DROP CONSTRAINT request_facts_region_id_fkey,
  DROP CONSTRAINT request_facts_council_id_fkey;
