import { describe, expect, it } from "vitest";
import { signInSchema, signUpSchema } from "@/lib/validations/auth";
import { fieldErrorsOf } from "@/lib/errors";

const valid = {
  name: "Ada Lovelace",
  email: "Ada@Example.COM",
  password: "correct horse battery",
  organizationName: "Analytical Engines",
  kind: "buyer",
};

function errorsOf(input: unknown) {
  const result = signUpSchema.safeParse(input);
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe("sign-up validation", () => {
  it("accepts a complete form and lower-cases the email", () => {
    const result = signUpSchema.parse(valid);
    expect(result.email).toBe("ada@example.com");
    expect(result.kind).toBe("buyer");
  });

  it("explains a malformed email", () => {
    expect(errorsOf({ ...valid, email: "ada@" }).email).toMatch(/valid email/);
    expect(errorsOf({ ...valid, email: "" }).email).toMatch(/Enter your email/);
  });

  it("refuses short, common and repetitive passwords", () => {
    expect(errorsOf({ ...valid, password: "short" }).password).toMatch(/at least 10/);
    expect(errorsOf({ ...valid, password: "Password123" }).password).toMatch(/too common/);
    expect(errorsOf({ ...valid, password: "aaaaabbbbbaaaa" }).password).toMatch(/less repetitive/);
  });

  it("requires a known account kind and refuses keys a client should not set", () => {
    expect(errorsOf({ ...valid, kind: "admin" }).kind).toMatch(/offer or need/);
    expect(Object.keys(errorsOf({ ...valid, role: "admin" }))).toEqual(["_"]);
  });

  it("requires a name and an organization", () => {
    const errors = errorsOf({ ...valid, name: " ", organizationName: "" });
    expect(errors.name).toBeDefined();
    expect(errors.organizationName).toBeDefined();
  });
});

describe("sign-in validation", () => {
  it("needs an email and a password", () => {
    const result = signInSchema.safeParse({ email: "x@y.z", password: "" });
    expect(result.success).toBe(false);
    expect(result.success || fieldErrorsOf(result.error).password).toMatch(/Enter your password/);
  });
});
