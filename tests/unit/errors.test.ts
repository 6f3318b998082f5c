import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, sqlStateOf, toResponse } from "@/lib/errors";

describe("the API error shape", () => {
  it("renders validation errors with their fields and status 400", async () => {
    const response = toResponse(AppError.validation({ kw: "Must be positive." }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: "validation_failed", message: "Some fields need attention.", fields: { kw: "Must be positive." } },
    });
  });

  it("turns a zod error into field messages keyed by path", async () => {
    const parsed = z.object({ site: z.object({ pue: z.number().min(1) }) }).safeParse({ site: { pue: 0.5 } });
    const response = toResponse(parsed.error);
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(Object.keys(body.error.fields)).toEqual(["site.pue"]);
  });

  it("never leaks an unexpected error's message", async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const response = toResponse(new Error("password_hash column exploded"));
      const body = await response.json();
      expect(response.status).toBe(500);
      expect(body.error.code).toBe("internal_error");
      expect(JSON.stringify(body)).not.toContain("password_hash");
    } finally {
      console.error = original;
    }
  });

  it("sends Retry-After with 429", () => {
    const response = toResponse(AppError.rateLimited(undefined, 42));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("42");
  });

  it("finds the SQLSTATE however deeply a driver wraps it", () => {
    expect(sqlStateOf({ message: "x", cause: { code: "23505" } })).toBe("23505");
    expect(sqlStateOf(new Error("plain"))).toBeUndefined();
  });
});
