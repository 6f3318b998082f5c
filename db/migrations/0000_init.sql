CREATE TYPE "public"."actor_kind" AS ENUM('user', 'admin', 'system', 'payment_provider');--> statement-breakpoint
CREATE TYPE "public"."booking_status" AS ENUM('pending_deposit', 'awaiting_provider', 'confirmed', 'active', 'completed', 'expired', 'declined', 'cancelled', 'refunded');--> statement-breakpoint
CREATE TYPE "public"."cooling_type" AS ENUM('air', 'hydro', 'immersion', 'direct_liquid');--> statement-breakpoint
CREATE TYPE "public"."interconnection_status" AS ENUM('energized', 'under_construction', 'approved', 'in_study', 'applied');--> statement-breakpoint
CREATE TYPE "public"."ledger_entry_type" AS ENUM('deposit_authorized', 'deposit_captured', 'deposit_released', 'deposit_refunded', 'platform_fee', 'miner_share', 'dispute');--> statement-breakpoint
CREATE TYPE "public"."listing_status" AS ENUM('draft', 'pending_review', 'published', 'rejected', 'paused', 'archived');--> statement-breakpoint
CREATE TYPE "public"."mail_status" AS ENUM('stored', 'pending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."organization_kind" AS ENUM('miner', 'buyer');--> statement-breakpoint
CREATE TYPE "public"."organization_status" AS ENUM('active', 'suspended');--> statement-breakpoint
CREATE TYPE "public"."payment_provider" AS ENUM('stripe', 'test');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('requires_payment', 'authorized', 'captured', 'released', 'refunded', 'failed', 'disputed');--> statement-breakpoint
CREATE TYPE "public"."redundancy" AS ENUM('N', 'N+1', '2N');--> statement-breakpoint
CREATE TYPE "public"."report_reason" AS ENUM('misleading', 'fraud', 'unavailable', 'prohibited', 'duplicate', 'other');--> statement-breakpoint
CREATE TYPE "public"."report_status" AS ENUM('open', 'resolved', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."site_document_kind" AS ENUM('interconnection_agreement', 'power_contract', 'photo', 'other');--> statement-breakpoint
CREATE TYPE "public"."thread_kind" AS ENUM('booking', 'inquiry');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('miner', 'buyer', 'admin');--> statement-breakpoint
CREATE TYPE "public"."user_status" AS ENUM('active', 'suspended');--> statement-breakpoint
CREATE TYPE "public"."water_availability" AS ENUM('none', 'limited', 'ample');--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"kind" "organization_kind" NOT NULL,
	"status" "organization_status" DEFAULT 'active' NOT NULL,
	"country" text,
	"website" text,
	"suspended_reason" text,
	"suspended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_name_present" CHECK (length(trim("organizations"."name")) between 2 and 120),
	CONSTRAINT "organizations_country_iso" CHECK ("organizations"."country" is null or "organizations"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "organizations_suspension_consistent" CHECK (("organizations"."status" = 'suspended') = ("organizations"."suspended_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"status" "user_status" DEFAULT 'active' NOT NULL,
	"organization_id" uuid,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "users_admin_has_no_organization" CHECK (("users"."role" = 'admin') = ("users"."organization_id" is null))
);
--> statement-breakpoint
CREATE TABLE "site_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"kind" "site_document_kind" NOT NULL,
	"filename" text NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_documents_storage_key_key" UNIQUE("storage_key"),
	CONSTRAINT "site_documents_content_type" CHECK ("site_documents"."content_type" in ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')),
	CONSTRAINT "site_documents_size" CHECK ("site_documents"."bytes" > 0 and "site_documents"."bytes" <= 10485760)
);
--> statement-breakpoint
CREATE TABLE "site_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_photos_storage_key_key" UNIQUE("storage_key"),
	CONSTRAINT "site_photos_content_type" CHECK ("site_photos"."content_type" in ('image/jpeg', 'image/png', 'image/webp')),
	CONSTRAINT "site_photos_size" CHECK ("site_photos"."bytes" > 0 and "site_photos"."bytes" <= 5242880)
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"country" text NOT NULL,
	"region" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"energized_kw" integer NOT NULL,
	"planned_kw" integer DEFAULT 0 NOT NULL,
	"planned_energization_date" date,
	"interconnection_status" "interconnection_status" NOT NULL,
	"interconnection_voltage_kv" integer,
	"share_hydro" smallint DEFAULT 0 NOT NULL,
	"share_wind" smallint DEFAULT 0 NOT NULL,
	"share_solar" smallint DEFAULT 0 NOT NULL,
	"share_nuclear" smallint DEFAULT 0 NOT NULL,
	"share_gas" smallint DEFAULT 0 NOT NULL,
	"share_flare_gas" smallint DEFAULT 0 NOT NULL,
	"share_grid" smallint DEFAULT 0 NOT NULL,
	"renewable_share" smallint GENERATED ALWAYS AS (share_hydro + share_wind + share_solar) STORED NOT NULL,
	"curtailment_hours_per_year" integer DEFAULT 0 NOT NULL,
	"cooling_types" "cooling_type"[] DEFAULT '{}'::cooling_type[] NOT NULL,
	"pue" numeric(4, 2) NOT NULL,
	"redundancy" "redundancy" NOT NULL,
	"floor_loading_kg_per_m2" integer,
	"water_availability" "water_availability" DEFAULT 'none' NOT NULL,
	"uplink_gbps" integer DEFAULT 0 NOT NULL,
	"fiber_carriers" smallint DEFAULT 0 NOT NULL,
	"security" text DEFAULT '' NOT NULL,
	"certifications" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sites_id_organization_key" UNIQUE("id","organization_id"),
	CONSTRAINT "sites_name_present" CHECK (length(trim("sites"."name")) between 2 and 120),
	CONSTRAINT "sites_country_iso" CHECK ("sites"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "sites_latitude_range" CHECK ("sites"."latitude" between -90 and 90),
	CONSTRAINT "sites_longitude_range" CHECK ("sites"."longitude" between -180 and 180),
	CONSTRAINT "sites_energized_kw_nonnegative" CHECK ("sites"."energized_kw" >= 0),
	CONSTRAINT "sites_planned_kw_nonnegative" CHECK ("sites"."planned_kw" >= 0),
	CONSTRAINT "sites_some_capacity" CHECK ("sites"."energized_kw" + "sites"."planned_kw" > 0),
	CONSTRAINT "sites_planned_needs_date" CHECK ("sites"."planned_kw" = 0 or "sites"."planned_energization_date" is not null),
	CONSTRAINT "sites_shares_valid" CHECK (least("sites"."share_hydro", "sites"."share_wind", "sites"."share_solar", "sites"."share_nuclear", "sites"."share_gas", "sites"."share_flare_gas", "sites"."share_grid") >= 0),
	CONSTRAINT "sites_shares_sum_100" CHECK ("sites"."share_hydro" + "sites"."share_wind" + "sites"."share_solar" + "sites"."share_nuclear" + "sites"."share_gas" + "sites"."share_flare_gas" + "sites"."share_grid" = 100),
	CONSTRAINT "sites_pue_range" CHECK ("sites"."pue" >= 1.0 and "sites"."pue" <= 3.0),
	CONSTRAINT "sites_curtailment_range" CHECK ("sites"."curtailment_hours_per_year" between 0 and 8760),
	CONSTRAINT "sites_voltage_positive" CHECK ("sites"."interconnection_voltage_kv" is null or "sites"."interconnection_voltage_kv" > 0),
	CONSTRAINT "sites_floor_loading_positive" CHECK ("sites"."floor_loading_kg_per_m2" is null or "sites"."floor_loading_kg_per_m2" > 0),
	CONSTRAINT "sites_network_nonnegative" CHECK ("sites"."uplink_gbps" >= 0 and "sites"."fiber_carriers" >= 0)
);
--> statement-breakpoint
CREATE TABLE "listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"capacity_kw" integer NOT NULL,
	"cooling" "cooling_type" NOT NULL,
	"max_kw_per_rack" integer NOT NULL,
	"rack_count" integer NOT NULL,
	"price_cents_per_kw_month" integer NOT NULL,
	"min_term_months" smallint NOT NULL,
	"available_from" date NOT NULL,
	"available_until" date NOT NULL,
	"deposit_percent" smallint NOT NULL,
	"interruptible" boolean DEFAULT false NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" "listing_status" DEFAULT 'draft' NOT NULL,
	"rejection_reason" text,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_terms" jsonb,
	"published_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listings_title_present" CHECK (length(trim("listings"."title")) between 3 and 140),
	CONSTRAINT "listings_capacity_positive" CHECK ("listings"."capacity_kw" > 0),
	CONSTRAINT "listings_density_positive" CHECK ("listings"."max_kw_per_rack" > 0 and "listings"."max_kw_per_rack" <= 300),
	CONSTRAINT "listings_racks_positive" CHECK ("listings"."rack_count" > 0),
	CONSTRAINT "listings_price_positive" CHECK ("listings"."price_cents_per_kw_month" > 0),
	CONSTRAINT "listings_min_term_positive" CHECK ("listings"."min_term_months" >= 1),
	CONSTRAINT "listings_window_ordered" CHECK ("listings"."available_from" < "listings"."available_until"),
	CONSTRAINT "listings_deposit_range" CHECK ("listings"."deposit_percent" between 0 and 100),
	CONSTRAINT "listings_rejection_has_reason" CHECK ("listings"."status" <> 'rejected' or "listings"."rejection_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "booking_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"booking_id" uuid NOT NULL,
	"from_status" "booking_status",
	"to_status" "booking_status" NOT NULL,
	"actor_kind" "actor_kind" NOT NULL,
	"actor_user_id" uuid,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_transitions_changes_status" CHECK ("booking_transitions"."from_status" is distinct from "booking_transitions"."to_status")
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"listing_id" uuid NOT NULL,
	"buyer_organization_id" uuid NOT NULL,
	"created_by" uuid,
	"kw" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" "booking_status" DEFAULT 'pending_deposit' NOT NULL,
	"price_cents_per_kw_month" integer NOT NULL,
	"deposit_percent" smallint NOT NULL,
	"total_cents" bigint NOT NULL,
	"deposit_cents" bigint NOT NULL,
	"platform_fee_bps" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"respond_by" timestamp with time zone,
	"status_reason" text,
	"idempotency_key" text,
	"idempotency_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_kw_positive" CHECK ("bookings"."kw" > 0),
	CONSTRAINT "bookings_range_ordered" CHECK ("bookings"."start_date" < "bookings"."end_date"),
	CONSTRAINT "bookings_price_positive" CHECK ("bookings"."price_cents_per_kw_month" > 0),
	CONSTRAINT "bookings_amounts_valid" CHECK ("bookings"."total_cents" > 0 and "bookings"."deposit_cents" between 0 and "bookings"."total_cents"),
	CONSTRAINT "bookings_deposit_percent_range" CHECK ("bookings"."deposit_percent" between 0 and 100),
	CONSTRAINT "bookings_fee_range" CHECK ("bookings"."platform_fee_bps" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"booking_id" uuid NOT NULL,
	"payment_id" uuid,
	"organization_id" uuid,
	"type" "ledger_entry_type" NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" text DEFAULT 'usd' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_events" (
	"id" text PRIMARY KEY NOT NULL,
	"provider" "payment_provider" NOT NULL,
	"type" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"booking_id" uuid NOT NULL,
	"provider" "payment_provider" NOT NULL,
	"status" "payment_status" DEFAULT 'requires_payment' NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" text DEFAULT 'usd' NOT NULL,
	"checkout_session_id" text,
	"payment_intent_id" text,
	"authorized_at" timestamp with time zone,
	"captured_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_amount_nonnegative" CHECK ("payments"."amount_cents" >= 0),
	CONSTRAINT "payments_currency_iso" CHECK ("payments"."currency" ~ '^[a-z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "message_threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "thread_kind" NOT NULL,
	"listing_id" uuid NOT NULL,
	"buyer_organization_id" uuid NOT NULL,
	"booking_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_threads_kind_booking" CHECK (("message_threads"."kind" = 'booking') = ("message_threads"."booking_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"thread_id" uuid NOT NULL,
	"author_user_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_body_length" CHECK (length(trim("messages"."body")) between 1 and 10000)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"organization_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"listing_id" uuid NOT NULL,
	"reporter_user_id" uuid,
	"reason" "report_reason" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" "report_status" DEFAULT 'open' NOT NULL,
	"resolved_by" uuid,
	"resolution_note" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_note_length" CHECK (length("reports"."note") <= 2000),
	CONSTRAINT "reports_resolution_consistent" CHECK (("reports"."status" = 'open') = ("reports"."resolved_at" is null))
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_tokens_name_length" CHECK (length(trim("api_tokens"."name")) between 1 and 80)
);
--> statement-breakpoint
CREATE TABLE "outbox_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"template" text NOT NULL,
	"status" "mail_status" NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limits_pkey" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_documents" ADD CONSTRAINT "site_documents_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_documents" ADD CONSTRAINT "site_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_photos" ADD CONSTRAINT "site_photos_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_site_organization_fk" FOREIGN KEY ("site_id","organization_id") REFERENCES "public"."sites"("id","organization_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_organization_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_transitions" ADD CONSTRAINT "booking_transitions_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_transitions" ADD CONSTRAINT "booking_transitions_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_buyer_organization_id_organizations_id_fk" FOREIGN KEY ("buyer_organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_threads" ADD CONSTRAINT "message_threads_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_threads" ADD CONSTRAINT "message_threads_buyer_organization_id_organizations_id_fk" FOREIGN KEY ("buyer_organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_threads" ADD CONSTRAINT "message_threads_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_thread_id_message_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."message_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_reporter_user_id_users_id_fk" FOREIGN KEY ("reporter_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "organizations_kind_status_idx" ON "organizations" USING btree ("kind","status");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_organization_id_idx" ON "users" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "site_documents_site_id_idx" ON "site_documents" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "site_documents_uploaded_by_idx" ON "site_documents" USING btree ("uploaded_by");--> statement-breakpoint
CREATE INDEX "site_photos_site_id_idx" ON "site_photos" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "sites_organization_id_idx" ON "sites" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "sites_verified_by_idx" ON "sites" USING btree ("verified_by");--> statement-breakpoint
CREATE INDEX "sites_country_idx" ON "sites" USING btree ("country");--> statement-breakpoint
CREATE INDEX "listings_site_id_idx" ON "listings" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "listings_organization_id_idx" ON "listings" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "listings_reviewed_by_idx" ON "listings" USING btree ("reviewed_by");--> statement-breakpoint
CREATE INDEX "listings_status_idx" ON "listings" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "listings_published_price_idx" ON "listings" USING btree ("price_cents_per_kw_month") WHERE "listings"."status" = 'published';--> statement-breakpoint
CREATE INDEX "booking_transitions_booking_id_idx" ON "booking_transitions" USING btree ("booking_id","created_at");--> statement-breakpoint
CREATE INDEX "booking_transitions_actor_user_id_idx" ON "booking_transitions" USING btree ("actor_user_id");--> statement-breakpoint
CREATE INDEX "bookings_listing_id_idx" ON "bookings" USING btree ("listing_id","start_date","end_date");--> statement-breakpoint
CREATE INDEX "bookings_buyer_organization_id_idx" ON "bookings" USING btree ("buyer_organization_id","created_at");--> statement-breakpoint
CREATE INDEX "bookings_created_by_idx" ON "bookings" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "bookings_status_idx" ON "bookings" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_idempotency_key" ON "bookings" USING btree ("buyer_organization_id","idempotency_key") WHERE "bookings"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "ledger_entries_booking_id_idx" ON "ledger_entries" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_payment_id_idx" ON "ledger_entries" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_organization_id_idx" ON "ledger_entries" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "ledger_entries_created_at_idx" ON "ledger_entries" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "payment_events_received_at_idx" ON "payment_events" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_booking_id_key" ON "payments" USING btree ("booking_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_checkout_session_id_key" ON "payments" USING btree ("checkout_session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_payment_intent_id_key" ON "payments" USING btree ("payment_intent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "message_threads_booking_key" ON "message_threads" USING btree ("booking_id") WHERE "message_threads"."kind" = 'booking';--> statement-breakpoint
CREATE UNIQUE INDEX "message_threads_inquiry_key" ON "message_threads" USING btree ("listing_id","buyer_organization_id") WHERE "message_threads"."kind" = 'inquiry';--> statement-breakpoint
CREATE INDEX "message_threads_listing_id_idx" ON "message_threads" USING btree ("listing_id");--> statement-breakpoint
CREATE INDEX "message_threads_buyer_organization_id_idx" ON "message_threads" USING btree ("buyer_organization_id");--> statement-breakpoint
CREATE INDEX "messages_thread_id_idx" ON "messages" USING btree ("thread_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_author_user_id_idx" ON "messages" USING btree ("author_user_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_user_id_idx" ON "audit_log" USING btree ("actor_user_id");--> statement-breakpoint
CREATE INDEX "audit_log_organization_id_idx" ON "audit_log" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "audit_log_created_at_idx" ON "audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action","created_at");--> statement-breakpoint
CREATE INDEX "reports_listing_id_idx" ON "reports" USING btree ("listing_id");--> statement-breakpoint
CREATE INDEX "reports_reporter_user_id_idx" ON "reports" USING btree ("reporter_user_id");--> statement-breakpoint
CREATE INDEX "reports_resolved_by_idx" ON "reports" USING btree ("resolved_by");--> statement-breakpoint
CREATE INDEX "reports_status_idx" ON "reports" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "outbox_emails_status_idx" ON "outbox_emails" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "outbox_emails_to_address_idx" ON "outbox_emails" USING btree ("to_address","created_at");--> statement-breakpoint
CREATE INDEX "rate_limits_window_start_idx" ON "rate_limits" USING btree ("window_start");