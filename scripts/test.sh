#!/usr/bin/env bash
# Runs every test after installing what a fresh machine lacks (protoc, the Rust toolchain with its
# wasm target, Node.js and the suite's npm packages):
#   1. the math crate's unit and property tests and the pallet's tests (including the random-call
#      harness, DTAO_HARNESS_STEPS steps, default 10_000), without the wasm runtime;
#   2. the end-to-end suite against the release dev node (scripts/e2e.sh).
# Environment:
#   CARGO_TARGET_DIR   build directory, kept between runs (default ~/.cache/dtao-target)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/dtao-target}"
# The pallet and its math need no wasm runtime.
SKIP_WASM_BUILD=1 cargo test --locked -p dtao-math -p pallet-dtao

scripts/e2e.sh
