import { afterEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { openDatabase } from "@/db/connection";

const slot = globalThis as unknown as { substationDb?: Promise<unknown> };

describe("GET /api/health", () => {
  afterEach(() => {
    slot.substationDb = undefined;
  });

  it("answers ok when the database answers", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 when the database does not", async () => {
    // A real connection attempt to a port where no PostgreSQL listens.
    slot.substationDb = openDatabase("postgres://postgres@127.0.0.1:9/nowhere");
    const original = console.error;
    console.error = () => {};
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "degraded", db: "unavailable" });
    } finally {
      console.error = original;
    }
  });
});
