#!/usr/bin/env bash
# `npm run demo`: the extension on saved X, blog and forum pages in Chromium.
# With $DISPLAY: a browser window until Ctrl+C. Without: screenshots in demo-screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's Chromium for the real-browser tests (playwright cannot download browsers offline).
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  echo "Chromium missing: installing Debian's chromium with apt (~30 s)"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium
}

ensure_chromium
if [ ! -d node_modules ]; then npm ci; fi
npx wxt build
npx tsx scripts/demo.ts
