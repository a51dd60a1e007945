#!/usr/bin/env bash
# npm run playground: install the real n8n once (cached outside the clone), build, then start the emulator and
# n8n with this package installed. See README "Playground".
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d node_modules ] || npm ci
export N8N_RUNTIME_DIR="$(bash test/e2e/install-n8n.sh)"
npm run --silent build
exec node_modules/.bin/tsx test/e2e/playground.ts
