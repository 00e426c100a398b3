# Sourced by scripts/test.sh and scripts/e2e.sh: `step NAME COMMAND...` runs COMMAND and records how
# long it took; when the script exits (passed or failed), the steps' times are printed to stderr.
step_times=()
step() {
	local name=$1 t0=$SECONDS
	shift
	"$@"
	step_since "$name" "$t0"
}
# `step_since NAME T0`: records a step that began at $SECONDS = T0 (for a command whose output is
# captured, as in `x=$(…)`).
step_since() {
	step_times+=("$(printf '%-22s %4dm%02ds' "$1" $(((SECONDS - $2) / 60)) $(((SECONDS - $2) % 60)))")
}
print_step_times() {
	local rc=$?
	{
		echo "--- $(basename "$0") steps ($([ "$rc" = 0 ] && echo passed || echo "failed, exit $rc"))"
		for t in "${step_times[@]}"; do echo "$t"; done
		printf '%-22s %4dm%02ds\n' total $((SECONDS / 60)) $((SECONDS % 60))
	} >&2
}
trap print_step_times EXIT
