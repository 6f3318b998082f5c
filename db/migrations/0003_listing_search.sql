-- Listings are searched by one tsvector over their own text and their site's, so a query
-- for "Quebec immersion" finds a listing whose site is in Quebec. The listing row holds
-- the document (GIN-indexed); triggers keep it current when either side changes.
CREATE OR REPLACE FUNCTION listings_refresh_search_document() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  SELECT setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A')
      || setweight(to_tsvector('english', coalesce(s.name, '') || ' ' || coalesce(s.region, '')), 'B')
      || setweight(to_tsvector('english', coalesce(NEW.description, '')), 'C')
      || setweight(to_tsvector('english', coalesce(s.description, '')), 'D')
    INTO NEW.search_document
    FROM sites s WHERE s.id = NEW.site_id;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER listings_search_document BEFORE INSERT OR UPDATE OF title, description, site_id ON listings
  FOR EACH ROW EXECUTE FUNCTION listings_refresh_search_document();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sites_refresh_listing_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.name IS DISTINCT FROM OLD.name OR NEW.region IS DISTINCT FROM OLD.region
     OR NEW.description IS DISTINCT FROM OLD.description THEN
    -- Naming the column re-runs the listing trigger above for each of the site's listings.
    UPDATE listings SET title = title WHERE site_id = NEW.id;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sites_refresh_listing_search AFTER UPDATE ON sites
  FOR EACH ROW EXECUTE FUNCTION sites_refresh_listing_search();
--> statement-breakpoint
UPDATE listings SET title = title;
