// API token input, validated by the same schemas in the browser, the server action and the JSON API.
import { z } from "zod";

export const API_TOKEN_NAME_MAX_LENGTH = 80;

export const apiTokenSchema = z.strictObject(
  {
    name: z
      .string({ error: "Name the token, e.g. “CI deploys” or “capacity dashboard”." })
      .trim()
      .min(1, "Name the token, e.g. “CI deploys” or “capacity dashboard”.")
      .max(API_TOKEN_NAME_MAX_LENGTH, `Use at most ${API_TOKEN_NAME_MAX_LENGTH} characters.`),
  },
  {
    // A client that sends `userId` or `token` must learn that it cannot choose them.
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `Unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => `“${key}”`).join(", ")}: only “name” is accepted.`
        : undefined,
  },
);
export type ApiTokenInput = z.infer<typeof apiTokenSchema>;

export const revokeApiTokenSchema = z.strictObject({
  id: z.string({ error: "Choose a token to revoke." }).min(1, "Choose a token to revoke."),
});
