#!/usr/bin/env bash
# End-to-end suite: builds the release node and the wasm of a test upgrade (scripts/upgrade-wasm.sh)
# if needed, installs the suite's npm packages from the lockfile, and runs tests/e2e: dev nodes
# (`--dev --sealing manual|instant|interval`) on free ports driven through @polkadot/api, a live
# runtime upgrade, four validators on `--chain local` through scripts/localnet.sh, btcli, and the
# example subnet through the bittensor SDK (scripts/btcli.sh, scripts/bt-python.sh).
#   scripts/e2e.sh
# Environment:
#   CARGO_TARGET_DIR   build directory (default ~/.cache/dtao-target)
#   DTAO_NODE_BIN      use this node binary instead of building one
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/steps.sh
. scripts/steps.sh

step e2e-setup env DTAO_SETUP_NODEJS=1 DTAO_SETUP_PYTHON=1 scripts/setup.sh
if [ -z "${DTAO_NODE_BIN:-}" ]; then
	t0=$SECONDS
	DTAO_NODE_BIN=$(scripts/build-node.sh)
	step_since node-build "$t0"
fi
export DTAO_NODE_BIN
# After the node: this build gives the runtime crate another spec_version until the node's next build.
DTAO_UPGRADE_SPEC_VERSION=$(($(sed -n 's/^const SPEC_VERSION: u32 = \([0-9]*\);/\1/p' runtime/build.rs) + 1))
t0=$SECONDS
DTAO_UPGRADE_WASM=$(scripts/upgrade-wasm.sh "$DTAO_UPGRADE_SPEC_VERSION")
step_since upgrade-wasm "$t0"
export DTAO_UPGRADE_SPEC_VERSION DTAO_UPGRADE_WASM

# The bittensor SDK's environment (installed on first use, kept in the build folder), before the
# test that runs it starts its clock.
step bt-sdk scripts/bt-python.sh -c 'import bittensor'

cd tests/e2e
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
	step npm-ci npm ci --no-audit --no-fund
	touch node_modules
fi
step npm-test npm test
