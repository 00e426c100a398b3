#!/usr/bin/env bash
# Builds the release dev node (and its wasm runtime) if anything changed; prints the binary's path.
#   scripts/build-node.sh
# Environment:
#   CARGO_TARGET_DIR   build directory, kept between runs (default ~/.cache/dtao-target)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh >&2
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/dtao-target}"
cargo build --locked --release -p dtao-node >&2
echo "$CARGO_TARGET_DIR/release/dtao-node"
