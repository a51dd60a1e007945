#!/usr/bin/env bash
# npm run test:e2e: install the real n8n once (cached outside the clone), build and pack our package, then run
# the end-to-end suite, which loads the package into n8n as a community package against the emulator.
set -euo pipefail
cd "$(dirname "$0")/../.."
N8N_RUNTIME_DIR="$(bash test/e2e/install-n8n.sh)"
export N8N_RUNTIME_DIR
npm run --silent build
npx jest --config test/e2e/jest.config.js "$@"
