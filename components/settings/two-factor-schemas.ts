// The two-factor forms' input, checked by the same schemas in the browser and in the actions.
import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";
import { secondFactorCodeSchema } from "@/lib/validations/auth";

/** Six digits from the authenticator; spaces (as some apps show "123 456") are ignored. */
export const authenticatorCodeSchema = z
  .string({ error: "Enter the 6-digit code from your authenticator app." })
  .transform((code) => code.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app."));

export const startEnrolmentSchema = z.strictObject({});

export const confirmEnrolmentSchema = z.strictObject({ code: authenticatorCodeSchema });

export const regenerateRecoveryCodesSchema = z.strictObject({ code: authenticatorCodeSchema });

export const disableTwoFactorSchema = z.strictObject({
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX_LENGTH, "That password is too long."),
  code: secondFactorCodeSchema,
});
