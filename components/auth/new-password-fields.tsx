import { Field } from "@/components/ui/field";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";

/** A new password and its repetition, as every form that sets one asks for them. */
export function NewPasswordFields({ errors, className }: { errors: Record<string, string | undefined>; className?: string }) {
  return (
    <div className={className}>
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters, and not a common password.`}
        error={errors.password}
      />
      <Field label="Repeat the new password" name="confirmPassword" type="password" autoComplete="new-password" required error={errors.confirmPassword} />
    </div>
  );
}
