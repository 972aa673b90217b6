#!/usr/bin/env bash
# The whole check, as README and `npm test` run it: types, lint and import boundaries, unit tests,
# Chrome and Firefox builds and zips, the Firefox linter, then the real-browser tests against the build.
# Flags: --ci  runs `npm ci` even when node_modules exists.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/ensure-chromium.sh

timings=()
step() {
  local name="$1"
  shift
  echo
  echo "== $name: $*"
  local started=$SECONDS
  "$@"
  timings+=("$(printf '%-26s %4ss' "$name" $((SECONDS - started)))")
}

ensure_chromium
if [ ! -d node_modules ] || [ "${1:-}" = "--ci" ]; then step "npm ci" npm ci; fi
step "typecheck" npx tsc --noEmit
step "lint + boundaries" npm run --silent lint
step "unit tests" npx vitest run
step "build chrome" npx wxt build
step "build firefox" npx wxt build -b firefox
step "zip chrome + firefox" bash -c 'npx wxt zip && npx wxt zip -b firefox'
# addons-linter exits 1 on errors only; warnings (e.g. DANGEROUS_EVAL from dependencies) are listed but pass.
step "addons-linter firefox" npx addons-linter --output text .output/firefox-mv2
# The build above is what the browser tests load; FRONTLINE_SKIP_BUILD stops a second build.
step "e2e (Chromium)" env FRONTLINE_SKIP_BUILD=1 npx vitest run -c vitest.e2e.config.ts

echo
echo "== All steps passed. Timings:"
printf '  %s\n' "${timings[@]}"
