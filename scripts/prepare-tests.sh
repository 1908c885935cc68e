#!/usr/bin/env bash
# What the specs need, installed before jest starts (npm test runs this; no jest hook installs
# anything): Node 24 and n8n for the end-to-end specs, and a check that Chromium is there for the
# editor spec. Each step says what it does as it goes. (Cal.com's reference files are fetched by
# jest's global setup, before any spec, so that `npx jest <spec>` gets them too.)
set -euo pipefail
cd "$(dirname "$0")/.."

step() { echo "[prepare-tests] $*" >&2; }

step "1/2 Node 24 and n8n for the end-to-end specs (scripts/ensure-n8n.sh; npm's own output goes to .cache/logs/)"
bash scripts/ensure-n8n.sh >/dev/null
step "    ready after $SECONDS s"

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$chromium" ]; then
	step "2/2 Chromium for the editor spec: $chromium"
else
	step "2/2 Chromium for the editor spec: not found at $chromium; the editor spec will fail until you run \`apt-get install -y chromium\` (Debian/Ubuntu) or set CHROMIUM_PATH"
fi
