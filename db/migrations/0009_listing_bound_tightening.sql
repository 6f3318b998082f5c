CREATE INDEX "booking_transitions_created_at_idx" ON "booking_transitions" USING brin ("created_at");--> statement-breakpoint
-- The kW counted on a listing's busiest day, ever, counted as the capacity guard counts:
-- confirmed, active and awaiting bookings, and deposit holds until they expire. Each booking
-- is +kW on its first day and -kW on its end day (exclusive); summed in day order with the
-- ends of a day first, the running total's maximum is the busiest day.
CREATE OR REPLACE FUNCTION listing_busiest_day_kw(listing uuid) RETURNS bigint
LANGUAGE sql STABLE AS $$
  SELECT coalesce(max(running), 0) FROM (
    SELECT sum(delta) OVER (ORDER BY d, delta ROWS UNBOUNDED PRECEDING) AS running FROM (
      SELECT b.start_date AS d, b.kw AS delta FROM bookings b
       WHERE b.listing_id = listing
         AND (b.status IN ('awaiting_provider', 'confirmed', 'active') OR (b.status = 'pending_deposit' AND b.expires_at > now()))
      UNION ALL
      SELECT b.end_date, -b.kw FROM bookings b
       WHERE b.listing_id = listing
         AND (b.status IN ('awaiting_provider', 'confirmed', 'active') OR (b.status = 'pending_deposit' AND b.expires_at > now()))
    ) events
  ) running_totals
$$;
--> statement-breakpoint
-- Lowers one listing's bound to its busiest day once bookings have stopped counting (the
-- booking sweep calls it). It takes the listing's lock first, as the capacity guard does,
-- and counts in the next statement, whose snapshot is taken after the lock: a booking the
-- guard let in meanwhile has committed by then and is counted. Counting first and locking
-- after could miss it and leave the bound under the busiest day.
CREATE OR REPLACE FUNCTION tighten_listing_peak_bound(listing uuid) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  bound integer;
BEGIN
  PERFORM 1 FROM listings WHERE id = listing FOR NO KEY UPDATE;
  UPDATE listings SET peak_booked_kw = listing_busiest_day_kw(listing) WHERE id = listing
    RETURNING peak_booked_kw INTO bound;
  RETURN bound;
END;
$$;
