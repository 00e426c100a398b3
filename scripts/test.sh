#!/usr/bin/env bash
# Runs every test of the workspace after installing what a fresh machine lacks.
#   scripts/test.sh            the math crate's unit and property tests, and the pallet's tests
# Environment:
#   CARGO_TARGET_DIR           build directory, kept between runs (default ~/.cache/dtao-target)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/dtao-target}"
# The pallet and its math need no wasm runtime.
export SKIP_WASM_BUILD=1

cargo test --locked -p dtao-math -p pallet-dtao
