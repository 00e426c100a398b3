#!/usr/bin/env bash
# End-to-end suite: builds the release node if needed, installs the suite's npm packages from the
# lockfile, and runs tests/e2e (which starts `dtao-node --dev --sealing manual` on free ports,
# drives it through @polkadot/api, and stops it).
#   scripts/e2e.sh
# Environment:
#   CARGO_TARGET_DIR   build directory (default ~/.cache/dtao-target)
#   DTAO_NODE_BIN      use this node binary instead of building one
set -euo pipefail
cd "$(dirname "$0")/.."

DTAO_SETUP_NODEJS=1 scripts/setup.sh
if [ -z "${DTAO_NODE_BIN:-}" ]; then
	DTAO_NODE_BIN=$(scripts/build-node.sh)
fi
export DTAO_NODE_BIN

cd tests/e2e
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
	npm ci --no-audit --no-fund
	touch node_modules
fi
npm test
