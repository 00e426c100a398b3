#!/usr/bin/env bash
# The random-call harness of pallets/dtao/src/tests/harness.rs on its own, in release mode, for long
# runs:
#   scripts/harness.sh [STEPS] [SEED]      e.g. scripts/harness.sh 1000000 d7a0
# STEPS defaults to 1_000_000, SEED (hex) to d7a0. It prints every call's outcomes at the end; a
# failure names the seed and the step to replay.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/dtao-target}"
DTAO_HARNESS_STEPS="${1:-1000000}" DTAO_HARNESS_SEED="${2:-d7a0}" SKIP_WASM_BUILD=1 \
	cargo test --locked --release -p pallet-dtao --lib tests::harness -- --nocapture
