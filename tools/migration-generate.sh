#!/usr/bin/env bash
# Writes a migration for whatever the entities changed: npm run migration:generate -- AddTickets
# Needs DATABASE_URL pointing at a database with every existing migration applied (start the API once on it).
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: npm run migration:generate -- <PascalCaseName>}
TS_NODE_PROJECT=apps/api/tsconfig.app.json TS_NODE_TRANSPILE_ONLY=true \
  node -r ts-node/register -r tsconfig-paths/register node_modules/typeorm/cli.js \
  migration:generate "libs/api/database/src/migrations/${name}" -d apps/api/src/data-source.ts --pretty
echo "Now add the new class to libs/api/database/src/migrations/index.ts."
