-- The search's first step reads a narrow row of every published listing still on offer
-- (db/queries/search.ts, `candidates`). With every column it filters or sorts on here, it
-- is an index-only scan of this index instead of a scan of the wide listings rows (their
-- descriptions and search documents): about a seventh of the pages. Keyed by the window's
-- end, which every search bounds and a search with a window bounds twice.
CREATE INDEX IF NOT EXISTS listings_search_cover_idx ON listings (available_until)
  INCLUDE (id, site_id, organization_id, capacity_kw, price_cents_per_kw_month, published_at,
           cooling, max_kw_per_rack, interruptible, available_from, min_term_months)
  WHERE status = 'published';
