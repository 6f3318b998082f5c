CREATE TABLE "message_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid NOT NULL,
	"reporter_user_id" uuid,
	"reason" "report_reason" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" "report_status" DEFAULT 'open' NOT NULL,
	"resolved_by" uuid,
	"resolution_note" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_reports_note_length" CHECK (length("message_reports"."note") <= 2000),
	CONSTRAINT "message_reports_resolution_consistent" CHECK (("message_reports"."status" = 'open') = ("message_reports"."resolved_at" is null))
);
--> statement-breakpoint
CREATE TABLE "thread_mail_log" (
	"thread_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"last_mailed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "thread_mail_log_pkey" PRIMARY KEY("thread_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "thread_reads" (
	"thread_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"last_read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "thread_reads_pkey" PRIMARY KEY("thread_id","user_id")
);
--> statement-breakpoint
DROP INDEX "message_threads_buyer_organization_id_idx";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "message_mail" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "message_threads" ADD COLUMN "miner_organization_id" uuid;--> statement-breakpoint
UPDATE "message_threads" t SET "miner_organization_id" = l."organization_id" FROM "listings" l WHERE l."id" = t."listing_id";--> statement-breakpoint
ALTER TABLE "message_threads" ALTER COLUMN "miner_organization_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "message_threads" ADD COLUMN "last_message_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
UPDATE "message_threads" t SET "last_message_at" = coalesce((SELECT max(m."created_at") FROM "messages" m WHERE m."thread_id" = t."id"), t."created_at");--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "mail_checked_at" timestamp with time zone;--> statement-breakpoint
-- Messages from before unread mail existed are not mailed about now.
UPDATE "messages" SET "mail_checked_at" = now();--> statement-breakpoint
ALTER TABLE "message_reports" ADD CONSTRAINT "message_reports_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_reports" ADD CONSTRAINT "message_reports_reporter_user_id_users_id_fk" FOREIGN KEY ("reporter_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_reports" ADD CONSTRAINT "message_reports_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_mail_log" ADD CONSTRAINT "thread_mail_log_thread_id_message_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."message_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_mail_log" ADD CONSTRAINT "thread_mail_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_reads" ADD CONSTRAINT "thread_reads_thread_id_message_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."message_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_reads" ADD CONSTRAINT "thread_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_reports_message_id_idx" ON "message_reports" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "message_reports_reporter_user_id_idx" ON "message_reports" USING btree ("reporter_user_id");--> statement-breakpoint
CREATE INDEX "message_reports_resolved_by_idx" ON "message_reports" USING btree ("resolved_by");--> statement-breakpoint
CREATE INDEX "message_reports_status_idx" ON "message_reports" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "message_reports_open_key" ON "message_reports" USING btree ("message_id","reporter_user_id") WHERE "message_reports"."status" = 'open';--> statement-breakpoint
CREATE INDEX "thread_mail_log_user_id_idx" ON "thread_mail_log" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "thread_reads_user_id_idx" ON "thread_reads" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "message_threads" ADD CONSTRAINT "message_threads_miner_organization_id_organizations_id_fk" FOREIGN KEY ("miner_organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_threads_buyer_inbox_idx" ON "message_threads" USING btree ("buyer_organization_id","last_message_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "message_threads_miner_inbox_idx" ON "message_threads" USING btree ("miner_organization_id","last_message_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "messages_mail_pending_idx" ON "messages" USING btree ("created_at") WHERE "messages"."mail_checked_at" is null;--> statement-breakpoint
-- Every new message moves its thread up both inboxes and tells every app instance listening
-- (SSE streams, lib/realtime) which thread and message: ids only, each listener re-reads
-- through the authorized queries. NOTIFY is delivered on commit, so nobody hears of a
-- message that was rolled back.
CREATE FUNCTION "messages_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "message_threads" SET "last_message_at" = greatest("last_message_at", NEW."created_at") WHERE "id" = NEW."thread_id";
  PERFORM pg_notify('thread_messages', json_build_object('threadId', NEW."thread_id", 'messageId', NEW."id")::text);
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "messages_after_insert" AFTER INSERT ON "messages" FOR EACH ROW EXECUTE FUNCTION "messages_after_insert"();
