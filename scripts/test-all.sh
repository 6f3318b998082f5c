#!/usr/bin/env bash
# `npm test`: type-check, lint, unit and integration tests on a real PostgreSQL, a production
# build, then Playwright in Chromium. Every stage runs; the last line sums the test reports.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
rm -rf reports && mkdir -p reports
failed_stages=()

stage() {
  local name="$1"; shift
  echo "::: $name"
  local started=$SECONDS
  if "$@"; then
    echo "::: $name passed in $((SECONDS - started)) s"
  else
    echo "::: $name FAILED"
    failed_stages+=("$name")
  fi
}

stage typecheck npm run --silent typecheck
stage lint npm run --silent lint
stage "unit and integration tests" ./node_modules/.bin/vitest run
stage build npm run --silent build
if [[ ! " ${failed_stages[*]} " =~ " build " ]]; then
  stage "end-to-end tests" ./node_modules/.bin/playwright test
fi

node scripts/summarize-tests.mjs "${failed_stages[@]}"
