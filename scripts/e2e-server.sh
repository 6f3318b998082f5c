#!/usr/bin/env bash
# The server Playwright tests: a production build on a fresh local database, migrated and
# seeded, with the developer outbox page on so tests can read the mail it sends.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-3100}"
if [ ! -f .next/BUILD_ID ]; then
  echo "No production build found: run 'npm run build' first." >&2
  exit 1
fi
DATABASE_URL="$(./node_modules/.bin/tsx scripts/test-database-cli.ts create substation_e2e)"
export DATABASE_URL
echo "$DATABASE_URL" > .next/e2e-database-url
./node_modules/.bin/tsx db/seed.ts
export AUTH_SECRET="e2e-only-secret-$(date +%s)-$RANDOM"
export ENABLE_DEV_TOOLS=1
export UPLOAD_DIR="$(mktemp -d -t substation-e2e-uploads-XXXXXX)"
export NEXT_TELEMETRY_DISABLED=1
# exec keeps this process id: the e2e teardown stops the server by it before dropping the database.
echo "$$" > .next/e2e-server.pid
exec ./node_modules/.bin/next start -H 127.0.0.1 -p "$PORT"
