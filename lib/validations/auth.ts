// Sign-up and sign-in input, validated by the same schemas in the browser and on the server.
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@company.com." }))
  .transform((email) => email.toLowerCase());

// Passwords people actually pick first; length alone would let these through.
const COMMON_PASSWORDS = new Set([
  "password123", "password1234", "1234567890", "12345678910", "qwertyuiop", "iloveyou123",
  "administrator", "letmein1234", "welcome1234", "passw0rd123", "substation", "bitcoin123",
  "0987654321", "1111111111", "aaaaaaaaaa", "abcdefghij", "qwerty12345", "changeme123",
]);

export const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), "That password is too common; choose another.")
  .refine((p) => new Set(p).size >= 5, "Use a less repetitive password (at least 5 different characters).");

export const signUpSchema = z.strictObject({
  name: z.string({ error: "Enter your name." }).trim().min(2, "Enter your name.").max(100, "Use at most 100 characters."),
  email: emailSchema,
  password: newPasswordSchema,
  organizationName: z
    .string({ error: "Enter your organization's name." })
    .trim()
    .min(2, "Enter your organization's name.")
    .max(120, "Use at most 120 characters."),
  kind: z.enum(["miner", "buyer"], { error: "Choose whether you offer or need capacity." }),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

/** An authenticator's 6 digits or a recovery code like `7KQ4-M2XD`. */
export const secondFactorCodeSchema = z
  .string({ error: "Enter the code from your authenticator app." })
  .trim()
  .min(1, "Enter the code from your authenticator app.")
  .max(20, "That code is too long.");

export const signInSchema = z.strictObject({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX_LENGTH, "That password is too long."),
  code: secondFactorCodeSchema.optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** The sign-in form also carries where to go afterwards. */
export const signInFormSchema = signInSchema.extend({ callbackUrl: z.string().max(2000).optional() });

export const forgotPasswordSchema = z.strictObject({ email: emailSchema });

/** A mailed link's token travels in a hidden field; its shape is checked where it is claimed. */
const linkToken = z.string({ error: "This link is not valid." }).max(200, "This link is not valid.");

export const resetPasswordSchema = z
  .strictObject({ token: linkToken, password: newPasswordSchema, confirmPassword: z.string({ error: "Repeat the new password." }) })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ." });

export const confirmEmailSchema = z.strictObject({ token: linkToken });

export const profileNameSchema = z.strictObject({
  name: z.string({ error: "Enter your name." }).trim().min(2, "Enter your name.").max(100, "Use at most 100 characters."),
});

const currentPassword = z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(PASSWORD_MAX_LENGTH, "That password is too long.");

export const changeEmailSchema = z.strictObject({ email: emailSchema, currentPassword });

export const changePasswordSchema = z
  .strictObject({ currentPassword, password: newPasswordSchema, confirmPassword: z.string({ error: "Repeat the new password." }) })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The two passwords differ." });

export const sessionIdSchema = z.strictObject({ id: z.uuid({ error: "That session was not found." }) });
