ALTER TABLE "listings" ADD COLUMN "booked_peak_kw" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- listings.booked_peak_kw: the most kW that bookings which may count (holds whatever their
-- expiry, awaiting_provider, confirmed, active) hold on any one day of the listing, ever.
-- It can only overstate what counts on a day of any window (an expired hold still in it,
-- a deleted booking never taken out), so search may treat capacity minus this figure as
-- free kW guaranteed, and read the bookings only of listings where that is not enough.
CREATE OR REPLACE FUNCTION listing_booked_peak(target uuid) RETURNS integer
LANGUAGE sql STABLE AS $$
  -- Starts and ends as +kW and -kW events in day order, a day's ends first: the running
  -- total reaches each day's kW on its last event and never exceeds the busiest day's.
  SELECT coalesce(max(running), 0)::integer FROM (
    SELECT sum(ev.delta) OVER (ORDER BY ev.d, ev.delta ROWS UNBOUNDED PRECEDING) AS running
      FROM bookings b
     CROSS JOIN LATERAL (VALUES (b.start_date, b.kw), (b.end_date, -b.kw)) AS ev(d, delta)
     WHERE b.listing_id = target
       AND b.status IN ('pending_deposit', 'awaiting_provider', 'confirmed', 'active')
  ) running_totals
$$;
--> statement-breakpoint
-- Locks the listing (as the capacity guard does, so concurrent writers take turns), then
-- recounts with a snapshot taken after the lock, which sees every booking committed before.
CREATE OR REPLACE FUNCTION refresh_listing_booked_peak(target uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM listings WHERE id = target FOR NO KEY UPDATE;
  UPDATE listings l SET booked_peak_kw = p.peak
    FROM (SELECT listing_booked_peak(target) AS peak) p
   WHERE l.id = target AND l.booked_peak_kw <> p.peak;
END;
$$;
--> statement-breakpoint
-- Once per statement, for each listing whose bookings it added or changed (in id order, so
-- two statements lock listings in the same order).
CREATE OR REPLACE FUNCTION bookings_refresh_listing_peak() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target uuid;
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOR target IN SELECT DISTINCT listing_id FROM new_rows ORDER BY 1 LOOP
      PERFORM refresh_listing_booked_peak(target);
    END LOOP;
  ELSE
    FOR target IN
      SELECT DISTINCT side.listing_id
        FROM new_rows n JOIN old_rows o ON o.id = n.id
       CROSS JOIN LATERAL (VALUES (n.listing_id), (o.listing_id)) AS side(listing_id)
       WHERE (n.listing_id, n.kw, n.start_date, n.end_date, n.status) IS DISTINCT FROM (o.listing_id, o.kw, o.start_date, o.end_date, o.status)
       ORDER BY 1
    LOOP
      PERFORM refresh_listing_booked_peak(target);
    END LOOP;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER bookings_listing_peak_on_insert AFTER INSERT ON bookings
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bookings_refresh_listing_peak();
--> statement-breakpoint
CREATE TRIGGER bookings_listing_peak_on_update AFTER UPDATE ON bookings
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bookings_refresh_listing_peak();
--> statement-breakpoint
UPDATE listings SET booked_peak_kw = listing_booked_peak(id)
 WHERE id IN (SELECT DISTINCT listing_id FROM bookings);
