// Field schemas shared by forms (strings from FormData) and the JSON API (typed values):
// the same schema accepts "12" from a form and 12 from JSON, and "" means "not given".
import { z } from "zod";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const toNumber = (value: unknown) => {
  const v = blankToUndefined(value);
  return typeof v === "string" ? Number(v.trim().replace(/,/g, "")) : v;
};

export const numberField = (label: string) =>
  z.preprocess(toNumber, z.number({ error: `Enter ${label} as a number.` }).finite(`Enter ${label} as a number.`));

export const integerField = (label: string) =>
  z.preprocess(toNumber, z.number({ error: `Enter ${label} as a whole number.` }).int(`Enter ${label} as a whole number.`));

export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === null ? undefined : blankToUndefined(v)), schema.optional());

export const booleanField = z.preprocess((value) => {
  if (value === "on" || value === "true" || value === "1") return true;
  if (value === undefined || value === "" || value === "false" || value === "0" || value === "off") return false;
  return value;
}, z.boolean({ error: "Choose yes or no." }));

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const dayField = (label: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string({ error: `Enter ${label}.` })
      .regex(DAY, `Enter ${label} as YYYY-MM-DD.`)
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), `${label[0]!.toUpperCase()}${label.slice(1)} is not a real date.`),
  );

/** A list from JSON arrays, repeated form fields, or one comma/newline-separated text. */
export const listField = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => {
    if (value === undefined || value === null || value === "") return [];
    if (Array.isArray(value)) return value.filter((v) => v !== "");
    if (typeof value === "string") return value.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
    return value;
  }, z.array(item));

export const textField = (label: string, max: number) =>
  z.preprocess((v) => (v === null || v === undefined ? "" : v), z.string({ error: `Enter ${label} as text.` }).trim().max(max, `Keep ${label} under ${max.toLocaleString("en-US")} characters.`));

/** Dotted form names ("powerMix.hydro") into nested objects. */
export function unflatten(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const parts = key.split(".");
    let node = out;
    for (const part of parts.slice(0, -1)) {
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts.at(-1)!] = value;
  }
  return out;
}
