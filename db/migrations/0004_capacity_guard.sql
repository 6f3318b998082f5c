-- The capacity rule, enforced by the database: on no day may the kW of a listing's
-- counted bookings (unexpired holds, awaiting_provider, confirmed, active) exceed its
-- capacity. The application checks first and explains; this trigger is the backstop that
-- holds whatever path writes a booking. It locks the listing row, so every capacity
-- decision for one listing is serialised across transactions and app instances.
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

  SELECT l.capacity_kw INTO capacity FROM listings l WHERE l.id = NEW.listing_id FOR UPDATE;

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
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER bookings_capacity_guard
  AFTER INSERT OR UPDATE OF listing_id, kw, start_date, end_date, status, expires_at ON bookings
  FOR EACH ROW EXECUTE FUNCTION bookings_enforce_capacity();
--> statement-breakpoint
-- The bookings that count, by listing and start: what both the guard and search read.
CREATE INDEX IF NOT EXISTS bookings_counted_idx ON bookings (listing_id, start_date)
  INCLUDE (end_date, kw, expires_at, status)
  WHERE status IN ('pending_deposit', 'awaiting_provider', 'confirmed', 'active');
