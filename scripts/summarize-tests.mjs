// Sums the Vitest and Playwright JSON reports into one closing line, `N passed, N failed`,
// counting a failed non-test stage (type-check, lint, build) as one failure, and sets the
// exit code.
import fs from "node:fs";

const failedStages = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const counted = new Map(); // stage -> failures its report counted

const vitest = read("reports/vitest.json");
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  counted.set("unit and integration tests", vitest.numFailedTests ?? 0);
}

const playwright = read("reports/playwright.json");
if (playwright?.stats) {
  passed += (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0);
  failed += playwright.stats.unexpected ?? 0;
  skipped += playwright.stats.skipped ?? 0;
  counted.set("end-to-end tests", playwright.stats.unexpected ?? 0);
}

// A failed stage whose report counted no failure (type-check, lint, build, a runner that
// crashed in its set-up) still counts as one.
failed += failedStages.filter((stage) => !counted.get(stage)).length;
if (failedStages.length > 0) console.log(`failed stages: ${failedStages.join(", ")}`);

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || failedStages.length > 0 || passed === 0 ? 1 : 0);
