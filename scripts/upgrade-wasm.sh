#!/usr/bin/env bash
# Prints the path of a wasm runtime of this source with a higher `spec_version`, for a live runtime
# upgrade of a chain that runs the current one (`sudo(system.setCode(wasm))`).
#   scripts/upgrade-wasm.sh [SPEC_VERSION]     (default: the source's spec_version + 1)
# The default one is built with the node (runtime/build.rs builds it beside the runtime's own wasm,
# with the feature `upgrade-wasm`): this runs scripts/build-node.sh, which does nothing when the
# node is up to date. Any other SPEC_VERSION is a build of the runtime crate with
# DTAO_SPEC_VERSION set, kept in $CARGO_TARGET_DIR/upgrade (the node's next build then builds the
# runtime crate again with the source's version).
# Environment:
#   CARGO_TARGET_DIR   build directory, kept between runs (default ~/.cache/dtao-target)
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/dtao-target}"
current=$(sed -n 's/^const SPEC_VERSION: u32 = \([0-9]*\);/\1/p' runtime/build.rs)
version="${1:-$((current + 1))}"

if [ "$version" = $((current + 1)) ]; then
	scripts/build-node.sh >/dev/null
	wasm="$CARGO_TARGET_DIR/node/wbuild/dtao-runtime/dtao_runtime_upgrade.compact.compressed.wasm"
	[ -s "$wasm" ] || { echo "upgrade-wasm: the node's build did not write $wasm" >&2; exit 1; }
	echo "$wasm"
	exit 0
fi

out="$CARGO_TARGET_DIR/upgrade/dtao_runtime-spec$version.compact.compressed.wasm"
if [ -f "$out" ] && [ -z "$(find runtime pallets Cargo.toml Cargo.lock -newer "$out" -type f -print -quit)" ]; then
	echo "$out"
	exit 0
fi
scripts/setup.sh >&2
DTAO_SPEC_VERSION="$version" cargo build --locked --release -p dtao-runtime >&2
mkdir -p "$(dirname "$out")"
cp "$CARGO_TARGET_DIR/release/wbuild/dtao-runtime/dtao_runtime.compact.compressed.wasm" "$out"
echo "$out"
