#!/usr/bin/env bash
# npm run playground [-- --reset]: installs what it needs on first use (the package's tools; n8n and Node 24,
# cached outside the clone), builds the package, then starts the emulator and n8n with it (playground.ts). Long
# steps show progress; their output goes to log files, named if a step fails. PLAYGROUND_DIR (default
# .playground/ in the clone) and N8N_PORT (5678) choose the folder and the port.
set -euo pipefail
cd "$(dirname "$0")/../.."
source test/e2e/step.sh
source test/e2e/expected-times.sh
source test/e2e/runtime.sh
export PLAYGROUND_DIR="${PLAYGROUND_DIR:-$PWD/.playground}"
logs="$PLAYGROUND_DIR/logs"
# npm writes node_modules/.package-lock.json last: without it an earlier install did not finish.
tools_ready=false runtime_ready=false
[ -f node_modules/.package-lock.json ] && tools_ready=true
[ -f "$N8N_RUNTIME_DIR/.ready" ] && runtime_ready=true
if ! $tools_ready && ! $runtime_ready; then
	echo "First start: installs the package's tools, then n8n $N8N_VERSION and Node $NODE24_VERSION into $N8N_RUNTIME_DIR;" >&2
	echo "$FIRST_RUN_TEXT (measured on 2 cores with an empty npm cache). Later starts take about $LATER_START_S s." >&2
elif ! $runtime_ready; then
	echo "First start with n8n $N8N_VERSION: installs it into $N8N_RUNTIME_DIR, about $(step_clock $((FIRST_RUN_S - EXPECTED_NPM_CI_S))), once." >&2
elif ! $tools_ready; then
	echo "First start in this clone: installs the package's tools, about $(step_clock $((FIRST_RUN_S - N8N_RUNTIME_S))), once." >&2
fi
ci_packages() { npm_progress "$1" "$NPM_CI_PACKAGES"; }
if ! $tools_ready; then
	run_step "npm ci" "$EXPECTED_NPM_CI_S" "$logs/npm-ci.log" ci_packages -- \
		npm ci --no-audit --no-fund --loglevel=http
fi
N8N_RUNTIME_DIR="$(bash test/e2e/install-n8n.sh)"
export N8N_RUNTIME_DIR
run_step "building the package" "$EXPECTED_BUILD_S" "$logs/build.log" - -- npm run --silent build
export EXPECTED_IMPORT_S EXPECTED_N8N_START_S
# Node itself, with tsx as a loader: no tsx parent process that relays signals, so Ctrl-C reaches the playground once
# from the terminal (and once more from npm, which forwards it), and the playground stops n8n and the emulator.
exec node --import tsx test/e2e/playground.ts "$@"
