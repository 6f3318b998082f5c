// A shared link with a bad parameter should still search: the page explains what it could not
// use and searches with the rest, where the API answers 400.
import { searchInput, searchSchema, type SearchParams } from "@/lib/validations/search";
import { fieldMessages } from "./filter-values";

export type ParsedSearch = { params: SearchParams; errors: Record<string, string> };

export function parseSearch(raw: Record<string, string | string[] | undefined>): ParsedSearch {
  const input = searchInput(raw);
  const errors: Record<string, string> = {};
  // zod checks across fields (the date window) only once every field is valid, so a second
  // pass may find more to explain; each pass removes at least one key, so this ends.
  for (;;) {
    const result = searchSchema.safeParse(input);
    if (result.success) return { params: result.data, errors };
    const found = fieldMessages(result.error);
    Object.assign(errors, found);
    const before = Object.keys(input).length;
    for (const key of Object.keys(found)) delete input[key];
    // The window is one filter: half of it would only raise "give both dates".
    if ("from" in found || "to" in found) {
      delete input.from;
      delete input.to;
    }
    if (Object.keys(input).length === before) return { params: searchSchema.parse({}), errors };
  }
}
