#!/usr/bin/env bash
# Benchmarks the pallet in the wasm runtime, then regenerates pallets/dtao/src/weights.rs and
# docs/weights.md from the results.
#   scripts/bench.sh                    # steps 10, repeat 5 (about an hour on two cores, cold)
#   STEPS=50 REPEAT=20 scripts/bench.sh # finer fit, slower
#   scripts/bench.sh --report-only      # rewrite weights.rs and docs/weights.md from the last results
#   scripts/bench.sh --reuse-node       # run with the benchmark node of an earlier run (it only runs
#                                       # the wasm it is given, so pallet changes do not need a new one)
# What it builds (kept between runs, like every build here):
#   - the node with the `runtime-benchmarks` feature (the `benchmark pallet` subcommand) and no
#     embedded wasm, in the usual target folder; the binary is copied to
#     $CARGO_TARGET_DIR/bench/dtao-node-bench (the next normal build relinks the usual node);
#   - the runtime with its `runtime-benchmarks` feature, in $CARGO_TARGET_DIR/bench, so that the
#     wasm the dev node embeds is never replaced by the benchmarking one.
# Results: $CARGO_TARGET_DIR/bench/results.json (raw; and reference.json: pallet-asset-conversion's
# single-hop swap, run in the same runtime for comparison), then the two generated files.
# Environment:
#   CARGO_TARGET_DIR   build directory (default ~/.cache/dtao-target)
#   STEPS, REPEAT      benchmark steps per component and repetitions per step
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/dtao-target}"
bench="$CARGO_TARGET_DIR/bench"
mkdir -p "$bench"
node="$bench/dtao-node-bench"
results="$bench/results.json"
reference="$bench/reference.json"
steps="${STEPS:-10}"
# The wasm is built optimised whatever the native profile; a debug native build skips only the
# compaction, which the benchmarks do not need.
wasm="$bench/debug/wbuild/dtao-runtime/dtao_runtime.wasm"
repeat="${REPEAT:-5}"

if [ "${1:-}" != "--report-only" ]; then
	scripts/setup.sh
	if [ "${1:-}" = "--reuse-node" ] && [ -x "$node" ]; then
		echo "bench: using $node"
	else
		echo "bench: building the node with the benchmark command"
		# Without wasm: this node only runs the wasm given by --runtime (and the benchmarking CLI's
		# own test runtime cannot be built as a dependency of this workspace).
		SKIP_WASM_BUILD=1 cargo build --locked --release -p dtao-node --features runtime-benchmarks
		cp "$CARGO_TARGET_DIR/release/dtao-node" "$node"
	fi
	echo "bench: building the runtime with its benchmarks"
	CARGO_TARGET_DIR="$bench" cargo build --locked -p dtao-runtime --features runtime-benchmarks
	echo "bench: running every benchmark of pallet_dtao (steps $steps, repeat $repeat)"
	"$node" benchmark pallet \
		--runtime "$wasm" \
		--genesis-builder runtime \
		--genesis-builder-preset development \
		--pallet pallet_dtao --extrinsic '*' \
		--steps "$steps" --repeat "$repeat" \
		--default-pov-mode measured \
		--json-file "$results"
	echo "bench: running pallet_asset_conversion's single-hop swap, for comparison"
	"$node" benchmark pallet \
		--runtime "$wasm" \
		--genesis-builder runtime \
		--genesis-builder-preset development \
		--pallet pallet_asset_conversion --extrinsic swap_exact_tokens_for_tokens \
		--steps "$steps" --repeat "$repeat" \
		--default-pov-mode measured \
		--json-file "$reference"
	echo "$steps $repeat" > "$bench/run.txt"
fi

[ -f "$results" ] || { echo "bench: no results at $results; run without --report-only first" >&2; exit 1; }
[ -x "$node" ] && [ -f "$wasm" ] || { echo "bench: no benchmark node or runtime in $bench; run without --report-only first" >&2; exit 1; }
# The steps and repetitions the results were measured with, for the generated headers.
read -r steps repeat < "$bench/run.txt"
echo "bench: writing pallets/dtao/src/weights.rs"
"$node" benchmark pallet --runtime "$wasm" --json-input "$results" --default-pov-mode measured --steps "$steps" --repeat "$repeat" \
	--template scripts/bench/weights.hbs --output pallets/dtao/src/weights.rs
"$node" benchmark pallet --runtime "$wasm" --json-input "$results" --default-pov-mode measured --steps "$steps" --repeat "$repeat" \
	--template scripts/bench/report.hbs --output "$bench/fitted.json"
reference_fitted=()
if [ -f "$reference" ]; then
	"$node" benchmark pallet --runtime "$wasm" --json-input "$reference" --default-pov-mode measured --steps "$steps" --repeat "$repeat" \
		--template scripts/bench/report.hbs --output "$bench/reference-fitted.json"
	reference_fitted=("$bench/reference-fitted.json")
fi
echo "bench: writing docs/weights.md"
python3 scripts/bench/report.py "$bench/fitted.json" docs/weights.md "${reference_fitted[@]}"
