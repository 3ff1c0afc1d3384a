-- Matching (GET /api/v1/children/:id/matches) asks for published settings with a vacancy that
-- take a need on a lot. Only those rows are indexed, so the index stays small and one bitmap scan
-- answers the need and the lot together; vacancies are updated daily, which moves a row in or out.
CREATE INDEX settings_matching ON settings USING gin (need_codes, lot_numbers) WHERE status = 'published' AND vacancies > 0;
