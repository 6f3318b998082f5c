-- The capacity guard's lock on the listing becomes FOR NO KEY UPDATE. FOR UPDATE
-- conflicts with the KEY SHARE lock that the foreign key check of every concurrent
-- booking insert already holds on the same listing, so two inserts each waited for the
-- other (deadlock, found by tests/integration/capacity-concurrency.test.ts). NO KEY
-- UPDATE does not conflict with KEY SHARE but still excludes itself, so capacity
-- decisions for one listing stay serialised.
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
  RETURN NULL;
END;
$$;
