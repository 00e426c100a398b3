#!/usr/bin/env bash
# Fuzzes the math crate with libFuzzer (cargo-fuzz) for a given time.
#   scripts/fuzz.sh [SECONDS]        default 600; e.g. scripts/fuzz.sh 1800 for 30 minutes
# Installs cargo-fuzz if missing. Uses no sanitizer (the target checks arithmetic and properties
# itself; debug assertions and overflow checks are on), so it runs on the stable toolchain.
# The corpus is kept in fuzz/corpus/math, crashes in fuzz/artifacts/math.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-600}"
scripts/setup.sh
if ! cargo fuzz --version >/dev/null 2>&1; then
	cargo install cargo-fuzz --locked
fi
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/dtao-target}/fuzz"
# cargo-fuzz passes a few unstable flags; the pinned stable compiler accepts them this way.
export RUSTC_BOOTSTRAP=1
mkdir -p fuzz/corpus/math
cargo fuzz run --sanitizer none --debug-assertions math fuzz/corpus/math -- \
	-max_total_time="$seconds" -print_final_stats=1
