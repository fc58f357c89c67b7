#!/usr/bin/env bash
# Proves the module boundaries hold: a portal file that imports an API library must fail the lint.
set -euo pipefail
cd "$(dirname "$0")/.."
probe=libs/portal/core/src/lib/boundary-probe.ts
trap 'rm -f "$probe"' EXIT
cat > "$probe" <<'TS'
import { DatabaseModule } from '@deskgram/api/database';

export const probe = DatabaseModule;
TS
if output=$(cd libs/portal/core && npx eslint --max-warnings=0 src/lib/boundary-probe.ts 2>&1); then
  echo "A portal file imported libs/api/* and the lint passed: the module boundaries are not enforced." >&2
  exit 1
fi
if ! grep -q 'enforce-module-boundaries' <<<"$output"; then
  echo "The lint failed, but not on the module boundary:" >&2
  echo "$output" >&2
  exit 1
fi
echo "Module boundaries hold: a portal import of libs/api/* fails the lint."
