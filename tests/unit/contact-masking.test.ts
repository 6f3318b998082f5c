import { describe, expect, it } from "vitest";
import { CONTACT_MASK, hasContactDetails, maskContactDetails } from "@/lib/domain/contact-masking";

const M = CONTACT_MASK;

describe("contact masking", () => {
  it.each([
    ["Mail me at jane.doe+ops@example.com please", `Mail me at ${M} please`],
    // Any top-level domain after a literal @ (the seed's own addresses end in .example).
    ["maya.okafor@latticelabs.example or ops@grid.photography", `${M} or ${M}`],
    ["Write to jane [at] gridco dot com", `Write to ${M}`],
    ["jane(at)gridco(dot)co(dot)uk works", `${M} works`],
    ["jane at gridco dot com", M],
    ["Call +1 (512) 555-0100 tomorrow", `Call ${M} tomorrow`],
    ["or 512-555-0100.", `or ${M}.`],
    ["or 512.555.0100", `or ${M}`],
    ["+44 20 7946 0958", M],
    ["5125550100", M],
    ["see www.x.io for photos", `see ${M} for photos`],
    ["docs at https://gridco.example.com/a?b=1, thanks", `docs at ${M}, thanks`],
    ["our site gridco.energy/visit", `our site ${M}`],
    ["Find us on substation-mining.com.", `Find us on ${M}.`],
  ])("masks %j", (input, expected) => {
    expect(maskContactDetails(input)).toBe(expected);
  });

  it.each([
    "Can we start on 2027-01-15 and run to 2028-01-15?",
    "We need 2,000 kW at $135 per kW-month.",
    "Is the hall N+1 or 2N?",
    "PUE is 1.12 with 161 kV interconnection, e.g. firm power.",
    "We could meet at noon. Then tour the site.",
    "1000000 kWh a year, 12 000 m2, 20 racks at 100 kW",
    "Budget is $1,350,000 over 12 months (i.e. 10 %).",
    "Ticket 2027-01-15 - 2027-03-01 window",
  ])("leaves %j alone", (input) => {
    expect(maskContactDetails(input)).toBe(input);
    expect(hasContactDetails(input)).toBe(false);
  });

  it("masks every contact in a longer message and keeps the rest", () => {
    const text = "Hi! 2 MW from 2027-01-15. Reach me: ops@gridco.io or +1 512 555 0100, site www.gridco.io.";
    const masked = maskContactDetails(text);
    expect(masked).toContain("2 MW from 2027-01-15");
    expect(masked).not.toMatch(/gridco|555/);
  });
});
