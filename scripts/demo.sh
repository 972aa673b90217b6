#!/usr/bin/env bash
# `npm run demo`: the extension on saved X, blog and forum pages in Chromium.
# With $DISPLAY: a browser window until Ctrl+C. Without: screenshots in demo-screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/ensure-chromium.sh

ensure_chromium
if [ ! -d node_modules ]; then npm ci; fi
npx wxt build
npx tsx scripts/demo.ts
