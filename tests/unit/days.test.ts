import { describe, expect, it } from "vitest";
import { addMonths, monthsWithin } from "@/lib/domain/days";

describe("monthsWithin", () => {
  it("counts the whole months from the start that end on or before the end", () => {
    expect(monthsWithin("2027-02-25", "2029-02-25")).toBe(24);
    expect(monthsWithin("2027-02-25", "2029-02-24")).toBe(23);
    expect(monthsWithin("2027-03-01", "2027-03-31")).toBe(0);
    expect(monthsWithin("2027-03-01", "2027-04-01")).toBe(1);
  });

  it("clamps at the end of a month as addMonths (and PostgreSQL's date + interval) do", () => {
    // Jan 31 + 1 month is Feb 28, so one month fits by Feb 28.
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(monthsWithin("2027-01-31", "2027-02-28")).toBe(1);
    expect(monthsWithin("2027-01-31", "2027-02-27")).toBe(0);
    expect(monthsWithin("2028-01-31", "2028-02-29")).toBe(1);
  });

  it("agrees with addMonths on every start day of a year and every length up to 30 months", () => {
    for (let d = 0; d < 366; d += 1) {
      const from = new Date(Date.UTC(2027, 0, 1 + d)).toISOString().slice(0, 10);
      for (const days of [1, 27, 28, 29, 30, 31, 59, 365, 366, 900]) {
        const to = new Date(Date.UTC(2027, 0, 1 + d + days)).toISOString().slice(0, 10);
        const n = monthsWithin(from, to);
        expect(addMonths(from, n) <= to || n === 0).toBe(true);
        expect(addMonths(from, n + 1) > to).toBe(true);
      }
    }
  });
});
