// Trust and safety: listing reports and the append-only audit log.
import { sql } from "drizzle-orm";
import { bigserial, check, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns";
import { reportReason, reportStatus } from "./enums";
import { listings } from "./listings";
import { organizations, users } from "./organizations";

export const reports = pgTable(
  "reports",
  {
    id: id(),
    listingId: uuid("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    reporterUserId: uuid("reporter_user_id").references(() => users.id, { onDelete: "set null" }),
    reason: reportReason("reason").notNull(),
    note: text("note").notNull().default(""),
    status: reportStatus("status").notNull().default("open"),
    resolvedBy: uuid("resolved_by").references(() => users.id, { onDelete: "set null" }),
    resolutionNote: text("resolution_note"),
    resolvedAt: at("resolved_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("reports_listing_id_idx").on(t.listingId),
    index("reports_reporter_user_id_idx").on(t.reporterUserId),
    index("reports_resolved_by_idx").on(t.resolvedBy),
    index("reports_status_idx").on(t.status, t.createdAt),
    check("reports_note_length", sql`length(${t.note}) <= 2000`),
    check("reports_resolution_consistent", sql`(${t.status} = 'open') = (${t.resolvedAt} is null)`),
  ],
);

/**
 * Every admin action and every money movement. Append-only: a trigger (migration
 * 0001_audit_append_only) refuses UPDATE and DELETE.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "set null" }),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_actor_user_id_idx").on(t.actorUserId),
    index("audit_log_organization_id_idx").on(t.organizationId),
    index("audit_log_target_idx").on(t.targetType, t.targetId),
    index("audit_log_created_at_idx").on(t.createdAt),
    index("audit_log_action_idx").on(t.action, t.createdAt),
  ],
);
