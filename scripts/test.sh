#!/usr/bin/env bash
# Runs every test after installing what a fresh machine lacks (protoc, the Rust toolchain with its
# wasm target, Node.js and the suite's npm packages):
#   0. the documents checked against the code (scripts/check-docs.py). No separate lint step:
#      every build compiles the workspace's crates through clippy (.cargo/config.toml), and the math
#      crate, the pallets and the runtime deny clippy's no-panic lints (arithmetic side effects,
#      unwrap, indexing) in their non-test code, so the builds below fail on them;
#   1. the math crate's unit and property tests and the pallet's tests (including the random-call
#      harness, DTAO_HARNESS_STEPS steps, default 10_000, and the differential test against the
#      simulator), without the wasm runtime, built with the pallet's `runtime-benchmarks` feature so
#      that every benchmark also runs once, in the mock, from the same build;
#   2. the simulator's tests, a small run of its command (sim/scenarios/smoke.toml), and its Python
#      module (sim/python, built with maturin into $CARGO_TARGET_DIR/sim-venv) on the same scenario;
#   3. the node (scripts/build-node.sh, the `node` profile), then the runtime's tests in the same build
#      (so they reuse the node's compiled dependencies): its pallets' integrity tests (the block
#      hook's largest weight within MaxHookWeight, by the runtime's weights) and its genesis presets;
#   4. the end-to-end suite against that node (scripts/e2e.sh): dev chains in every sealing mode, a
#      live runtime upgrade, and four validators on --chain local.
# Environment:
#   CARGO_TARGET_DIR   build directory, kept between runs (default ~/.cache/dtao-target)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/steps.sh
. scripts/steps.sh

step setup env DTAO_SETUP_PYTHON=1 scripts/setup.sh
# The documents against the code: links, the call table, the runtime API, the storage version, the
# scripts (scripts/check-docs.py).
step docs python3 scripts/check-docs.py

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/dtao-target}"
# The pallet and its math need no wasm runtime. One build with the pallet's `runtime-benchmarks`
# feature runs its tests and, in the same binary, every benchmark once in the mock
# (frame-benchmarking v2 test suite); tools/wasm-opt's tests come along.
step pallet-tests env SKIP_WASM_BUILD=1 cargo test --locked -p dtao-math -p pallet-dtao -p pallet-subtensor-compat -p wasm-opt --features pallet-dtao/runtime-benchmarks

# The simulator: its own tests, then its command on a small scenario, which must write the series
# (with the documented header), the summary and every plot.
simulator() {
	cargo test --release --locked -p dtao-sim
	sim_out=$(mktemp -d)
	cargo run --release --locked -q -p dtao-sim -- sim/scenarios/smoke.toml --out "$sim_out"
	for f in series.csv summary.json prices.png root_proportion.png alpha_in_out.png tao_emitted.png root_tao.png tao_in.png flow_ema.png actors.png; do
		[ -s "$sim_out/$f" ] || { echo "dtao-sim did not write $f" >&2; exit 1; }
	done
	header='block,netuid,tao_reserve,alpha_reserve,alpha_outstanding,spot_price,moving_price,root_proportion_ppb,tao_in,alpha_in,alpha_out,root_alpha_sold,root_tao_bought,tao_emitted,total_issuance,flow_ema'
	[ "$(head -1 "$sim_out/series.csv")" = "$header" ] || { echo "series.csv header differs" >&2; exit 1; }
	# The Python module (sim/python), installed as docs/simulator.md says into a virtual environment kept in
	# the build folder: it must give the command's series and summary exactly.
	DTAO_SETUP_PYTHON=1 scripts/setup.sh
	sim_venv="$CARGO_TARGET_DIR/sim-venv"
	[ -x "$sim_venv/bin/python" ] || python3 -m venv "$sim_venv"
	"$sim_venv/bin/pip" install --quiet --disable-pip-version-check ./sim/python
	"$sim_venv/bin/python" sim/python/tests/test_run.py "$sim_out"
	rm -rf "$sim_out"
}
step simulator simulator

# The node, then the runtime's integrity tests and presets natively in the node's build. The node is
# selected too so that the runtime's dependencies get the node's features: only the two test
# binaries are compiled (the runtime alone would compile some 190 crates again).
step node-build scripts/build-node.sh
step runtime-tests cargo test --profile node --locked -p dtao-runtime -p dtao-node

step e2e scripts/e2e.sh
