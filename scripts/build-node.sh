#!/usr/bin/env bash
# Builds the dev node (and its wasm runtimes) in the `node` profile (Cargo.toml: the release profile
# at opt-level 1 but for the wasm engine) if anything changed; prints the binary's path.
#   scripts/build-node.sh
# Environment:
#   CARGO_TARGET_DIR   build directory, kept between runs (default ~/.cache/dtao-target)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh >&2
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/dtao-target}"
cargo build --locked --profile node -p dtao-node >&2
echo "$CARGO_TARGET_DIR/node/dtao-node"
