ALTER TABLE "listings" ADD COLUMN "peak_booked_kw" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
-- Search's bound on a listing's busiest day (db/schema/listings.ts, db/queries/search.ts).
-- The capacity guard already locks the listing and works out the busiest day within a new
-- booking's days; it now also raises the bound when that day exceeds it. Nothing lowers it.
CREATE OR REPLACE FUNCTION bookings_enforce_capacity() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  capacity integer;
  peak bigint;
BEGIN
  IF NOT (NEW.status IN ('awaiting_provider', 'confirmed', 'active')
          OR (NEW.status = 'pending_deposit' AND NEW.expires_at > now())) THEN
    RETURN NULL;
  END IF;
  -- A move between counted statuses with the same kW and days adds no load.
  IF TG_OP = 'UPDATE'
     AND (OLD.status IN ('awaiting_provider', 'confirmed', 'active')
          OR (OLD.status = 'pending_deposit' AND OLD.expires_at > now()))
     AND OLD.listing_id = NEW.listing_id AND OLD.kw >= NEW.kw
     AND OLD.start_date <= NEW.start_date AND OLD.end_date >= NEW.end_date THEN
    RETURN NULL;
  END IF;

  SELECT l.capacity_kw INTO capacity FROM listings l WHERE l.id = NEW.listing_id FOR NO KEY UPDATE;

  -- The most-booked day within the new booking's days: a running sum of start/end deltas.
  SELECT coalesce(max(running), 0) INTO peak FROM (
    SELECT sum(sum(delta)) OVER (ORDER BY d) AS running FROM (
      SELECT greatest(b.start_date, NEW.start_date) AS d, b.kw AS delta
        FROM bookings b
       WHERE b.listing_id = NEW.listing_id
         AND b.start_date < NEW.end_date AND b.end_date > NEW.start_date
         AND (b.status IN ('awaiting_provider', 'confirmed', 'active')
              OR (b.status = 'pending_deposit' AND b.expires_at > now()))
      UNION ALL
      SELECT least(b.end_date, NEW.end_date), -b.kw
        FROM bookings b
       WHERE b.listing_id = NEW.listing_id
         AND b.start_date < NEW.end_date AND b.end_date > NEW.start_date
         AND (b.status IN ('awaiting_provider', 'confirmed', 'active')
              OR (b.status = 'pending_deposit' AND b.expires_at > now()))
    ) events
    GROUP BY d
  ) running_totals;

  IF peak > capacity THEN
    RAISE EXCEPTION 'capacity_exceeded: listing % would hold % kW of % kW', NEW.listing_id, peak, capacity
      USING ERRCODE = 'check_violation', CONSTRAINT = 'bookings_capacity';
  END IF;
  -- The busiest day can only have grown within the new booking's days: keep the bound above it.
  UPDATE listings SET peak_booked_kw = peak WHERE id = NEW.listing_id AND peak_booked_kw < peak;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Raises every listing's bound to the busiest day of its counted bookings. For listings
-- that had bookings before the column (below), and for data loaded with triggers off (the
-- search bench's seed). It only raises: a bound may be above the busiest day, never under.
CREATE OR REPLACE FUNCTION raise_listing_peak_bounds() RETURNS void
LANGUAGE sql AS $$
  UPDATE listings l SET peak_booked_kw = p.peak FROM (
    SELECT listing_id, max(running) AS peak FROM (
      SELECT listing_id, sum(delta) OVER (PARTITION BY listing_id ORDER BY d, delta ROWS UNBOUNDED PRECEDING) AS running FROM (
        SELECT b.listing_id, b.start_date AS d, b.kw AS delta FROM bookings b
         WHERE b.status IN ('awaiting_provider', 'confirmed', 'active') OR (b.status = 'pending_deposit' AND b.expires_at > now())
        UNION ALL
        SELECT b.listing_id, b.end_date, -b.kw FROM bookings b
         WHERE b.status IN ('awaiting_provider', 'confirmed', 'active') OR (b.status = 'pending_deposit' AND b.expires_at > now())
      ) events
    ) running_totals GROUP BY listing_id
  ) p WHERE p.listing_id = l.id AND p.peak > l.peak_booked_kw;
$$;
--> statement-breakpoint
SELECT raise_listing_peak_bounds();
--> statement-breakpoint
-- The search's covering index carries the bound, so its first step stays an index-only scan.
DROP INDEX IF EXISTS listings_search_cover_idx;
--> statement-breakpoint
CREATE INDEX listings_search_cover_idx ON listings (available_until)
  INCLUDE (id, site_id, organization_id, capacity_kw, peak_booked_kw, price_cents_per_kw_month, published_at,
           cooling, max_kw_per_rack, interruptible, available_from, min_term_months)
  WHERE status = 'published';
