ALTER TABLE "listings" ADD COLUMN "search_document" "tsvector";--> statement-breakpoint
CREATE INDEX "listings_search_idx" ON "listings" USING gin ("search_document");