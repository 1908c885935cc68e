#!/usr/bin/env bash
# What the specs need, installed before jest starts (npm test runs this; no jest hook installs
# anything): Node 24 and n8n for the end-to-end specs, and checks that Chromium (the editor specs)
# and Postgres and Redis (the queue-mode spec) are there. Each step says what it does as it goes.
# (Cal.com's reference files are fetched by jest's global setup, before any spec, so that
# `npx jest <spec>` gets them too.)
set -euo pipefail
cd "$(dirname "$0")/.."

step() { echo "[prepare-tests] $*" >&2; }

step "1/3 Node 24 and n8n for the end-to-end specs (scripts/ensure-n8n.sh; npm's own output goes to .cache/logs/)"
bash scripts/ensure-n8n.sh >/dev/null
step "    ready after $SECONDS s"

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$chromium" ]; then
	step "2/3 Chromium for the editor spec: $chromium"
else
	step "2/3 Chromium for the editor spec: not found at $chromium; the editor spec will fail until you run \`apt-get install -y chromium\` (Debian/Ubuntu) or set CHROMIUM_PATH"
fi

# The queue-mode spec starts its own Postgres cluster and Redis server (test/e2e/queue.ts).
if [ -n "${POSTGRES_BIN:-}" ]; then
	postgres=$POSTGRES_BIN/postgres
else
	postgres=$(compgen -G '/usr/lib/postgresql/*/bin/postgres' | sort -V | tail -n 1 || true)
fi
if [ -n "$postgres" ] && [ -x "$postgres" ] && [ -x /usr/bin/redis-server ]; then
	step "3/3 Postgres and Redis for the queue-mode spec: $postgres, /usr/bin/redis-server"
else
	step "3/3 Postgres and Redis for the queue-mode spec: not found; the queue-mode spec will fail until you run \`apt-get install -y postgresql redis-server\` (Debian/Ubuntu; .ci/run does it) or set POSTGRES_BIN"
fi
