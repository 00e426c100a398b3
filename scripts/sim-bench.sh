#!/usr/bin/env bash
# The simulator's benchmark: builds dtao-sim (release) and runs sim/scenarios/speed.toml (one year,
# 128 subnets, random trading) and sim/scenarios/speed-one.toml (one year, one subnet) RUNS times
# each (default 3), alternating, then prints each scenario's block-loop times and their median.
# Compare two versions of the code on the same machine in the same hour: the times of a shared
# virtual machine move by 10-20 % from run to run.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/dtao-target}
cargo build --release --locked -q -p dtao-sim
bin="$CARGO_TARGET_DIR/release/dtao-sim"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
declare -A times
for ((i = 1; i <= runs; i++)); do
	for s in speed speed-one; do
		t=$("$bin" "sim/scenarios/$s.toml" --out "$out/$s" 2>&1 | sed -n 's/.* blocks in \([0-9.]*\) s .*/\1/p')
		[ -n "$t" ] || { echo "sim-bench: no time printed for $s" >&2; exit 1; }
		times[$s]="${times[$s]:-} $(printf '%.2f' "$t")"
	done
done
for s in speed speed-one; do
	# shellcheck disable=SC2086
	median=$(printf '%s\n' ${times[$s]} | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
	printf '%-10s %s s (median of%s s)\n' "$s" "$median" "${times[$s]}"
done
