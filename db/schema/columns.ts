// Column helpers shared by every table: ids, UTC timestamps and UTC days.
import { date, timestamp, uuid } from "drizzle-orm/pg-core";

export const id = () => uuid("id").primaryKey().defaultRandom();
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
/** A calendar day in UTC, exchanged as "YYYY-MM-DD". */
export const day = (name: string) => date(name, { mode: "string" });
export const at = (name: string) => timestamp(name, { withTimezone: true });
