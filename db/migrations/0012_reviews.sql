CREATE TYPE "public"."review_direction" AS ENUM('buyer_to_miner', 'miner_to_buyer');--> statement-breakpoint
CREATE TABLE "review_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"reporter_user_id" uuid,
	"reason" "report_reason" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" "report_status" DEFAULT 'open' NOT NULL,
	"resolved_by" uuid,
	"resolution_note" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_reports_note_length" CHECK (length("review_reports"."note") <= 2000),
	CONSTRAINT "review_reports_resolution_consistent" CHECK (("review_reports"."status" = 'open') = ("review_reports"."resolved_at" is null))
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"direction" "review_direction" NOT NULL,
	"author_organization_id" uuid NOT NULL,
	"subject_organization_id" uuid NOT NULL,
	"author_user_id" uuid,
	"rating" smallint NOT NULL,
	"body" text NOT NULL,
	"published_at" timestamp with time zone,
	"reply_body" text,
	"reply_user_id" uuid,
	"replied_at" timestamp with time zone,
	"hidden_at" timestamp with time zone,
	"hidden_by" uuid,
	"hidden_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_rating_range" CHECK ("reviews"."rating" between 1 and 5),
	CONSTRAINT "reviews_body_length" CHECK (length(trim("reviews"."body")) between 1 and 5000),
	CONSTRAINT "reviews_reply_length" CHECK ("reviews"."reply_body" is null or length(trim("reviews"."reply_body")) between 1 and 5000),
	CONSTRAINT "reviews_reply_consistent" CHECK (("reviews"."reply_body" is null) = ("reviews"."replied_at" is null)),
	CONSTRAINT "reviews_reply_after_publication" CHECK ("reviews"."reply_body" is null or "reviews"."published_at" is not null),
	CONSTRAINT "reviews_hidden_has_reason" CHECK (("reviews"."hidden_at" is null) = ("reviews"."hidden_reason" is null)),
	CONSTRAINT "reviews_not_self" CHECK ("reviews"."author_organization_id" <> "reviews"."subject_organization_id")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "rating_sum" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "rating_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "review_reports" ADD CONSTRAINT "review_reports_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_reports" ADD CONSTRAINT "review_reports_reporter_user_id_users_id_fk" FOREIGN KEY ("reporter_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_reports" ADD CONSTRAINT "review_reports_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_author_organization_id_organizations_id_fk" FOREIGN KEY ("author_organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_subject_organization_id_organizations_id_fk" FOREIGN KEY ("subject_organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reply_user_id_users_id_fk" FOREIGN KEY ("reply_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_hidden_by_users_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_reports_review_id_idx" ON "review_reports" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "review_reports_reporter_user_id_idx" ON "review_reports" USING btree ("reporter_user_id");--> statement-breakpoint
CREATE INDEX "review_reports_resolved_by_idx" ON "review_reports" USING btree ("resolved_by");--> statement-breakpoint
CREATE INDEX "review_reports_status_idx" ON "review_reports" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "review_reports_open_key" ON "review_reports" USING btree ("review_id","reporter_user_id") WHERE "review_reports"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_booking_direction_key" ON "reviews" USING btree ("booking_id","direction");--> statement-breakpoint
CREATE INDEX "reviews_subject_idx" ON "reviews" USING btree ("subject_organization_id","published_at");--> statement-breakpoint
CREATE INDEX "reviews_author_organization_id_idx" ON "reviews" USING btree ("author_organization_id");--> statement-breakpoint
CREATE INDEX "reviews_author_user_id_idx" ON "reviews" USING btree ("author_user_id");--> statement-breakpoint
CREATE INDEX "reviews_reply_user_id_idx" ON "reviews" USING btree ("reply_user_id");--> statement-breakpoint
CREATE INDEX "reviews_hidden_by_idx" ON "reviews" USING btree ("hidden_by");--> statement-breakpoint
CREATE INDEX "reviews_unpublished_idx" ON "reviews" USING btree ("created_at") WHERE "reviews"."published_at" is null;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_rating_consistent" CHECK ("organizations"."rating_count" >= 0 and "organizations"."rating_sum" between "organizations"."rating_count" and 5 * "organizations"."rating_count");