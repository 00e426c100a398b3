# Sourced by scripts/btcli.sh and scripts/bt-python.sh: `ensure_venv DIR PACKAGE VERSION` makes DIR
# a Python virtual environment holding PACKAGE==VERSION (python3-venv installed with apt-get first if
# missing), unless it already holds that version.
ensure_venv() {
	local venv=$1 package=$2 version=$3 sudo=""
	[ "$(cat "$venv/.installed" 2>/dev/null)" = "$version" ] && return 0
	if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
		echo "$(basename "$0"): installing python3 with venv and pip" >&2
		[ "$(id -u)" -eq 0 ] || sudo=sudo
		$sudo apt-get update -qq >&2
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv python3-pip >&2
	fi
	rm -rf "$venv"
	echo "$(basename "$0"): installing $package==$version into $venv" >&2
	python3 -m venv "$venv" >&2
	"$venv/bin/pip" install --quiet --disable-pip-version-check "$package==$version" >&2
	echo "$version" >"$venv/.installed"
}
