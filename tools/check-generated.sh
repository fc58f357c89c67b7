#!/usr/bin/env bash
# Fails when the committed OpenAPI document or the generated portal client differs from what the current API
# produces: regenerate both with `npm run client` and commit them.
set -euo pipefail
cd "$(dirname "$0")/.."
npx nx run api-client:generate --skip-nx-cache --output-style=static >/dev/null
changes=$(git status --porcelain -- apps/api/openapi.json libs/api-client)
if [ -n "$changes" ]; then
  echo "The OpenAPI document or the generated client is stale. Run 'npm run client' and commit the result:" >&2
  echo "$changes" >&2
  git --no-pager diff --stat -- apps/api/openapi.json libs/api-client >&2
  exit 1
fi
echo "OpenAPI document and generated client are up to date."
