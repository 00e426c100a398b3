#!/usr/bin/env bash
# Builds this source's wasm runtime with a higher `spec_version`, for a live runtime upgrade of a chain
# that runs the current one (`sudo(system.setCode(wasm))`), and prints the wasm's path.
#   scripts/upgrade-wasm.sh [SPEC_VERSION]     (default: the source's spec_version + 1)
# The wasm is kept in $CARGO_TARGET_DIR/upgrade and rebuilt only when the runtime's sources change.
# The next build of the node builds its own wasm again (with the source's spec_version).
# Environment:
#   CARGO_TARGET_DIR   build directory, kept between runs (default ~/.cache/dtao-target)
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/dtao-target}"
current=$(sed -n 's/^const SPEC_VERSION: u32 = \([0-9]*\);/\1/p' runtime/build.rs)
version="${1:-$((current + 1))}"
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
