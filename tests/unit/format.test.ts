import { describe, expect, it } from "vitest";
import { formatBytes, formatCompactUsd, formatLongMonth, formatShortMonth, formatUtcDate } from "@/lib/format";

describe("formatUtcDate", () => {
  it("prints the month, day and year", () => {
    expect(formatUtcDate(new Date("2026-11-25T00:00:00Z"))).toBe("Nov 25, 2026");
  });

  it("prints the UTC day, not the one of the instant's own time zone", () => {
    expect(formatUtcDate(new Date("2026-11-25T23:30:00-05:00"))).toBe("Nov 26, 2026");
  });
});

describe("formatBytes", () => {
  it("never prints less than 1 KB", () => {
    expect(formatBytes(0)).toBe("1 KB");
    expect(formatBytes(500)).toBe("1 KB");
  });

  it("rounds kilobytes up", () => {
    expect(formatBytes(1024)).toBe("1 KB");
    expect(formatBytes(1536)).toBe("2 KB");
  });

  it("prints megabytes to one decimal, rounded up", () => {
    expect(formatBytes(5 * 1024 * 1024)).toBe("5.0 MB");
    expect(formatBytes(Math.round(1.05 * 1024 * 1024))).toBe("1.1 MB");
  });
});

describe("formatCompactUsd", () => {
  // Amounts with a fraction: whole ones print differently in Node ("$1.0K") and some browsers.
  it("abbreviates thousands and millions to one decimal", () => {
    expect(formatCompactUsd(1_500)).toBe("$1.5K");
    expect(formatCompactUsd(12_345)).toBe("$12.3K");
    expect(formatCompactUsd(1_250_000)).toBe("$1.3M");
  });
});

describe("month formatters", () => {
  it("prints a short month with a two-digit year that cannot be read as a day", () => {
    expect(formatShortMonth("2026-11")).toBe("Nov '26");
    expect(formatShortMonth("2027-01")).toBe("Jan '27");
  });

  it("prints a long month with its year", () => {
    expect(formatLongMonth("2026-11")).toBe("November 2026");
  });
});
