#!/usr/bin/env bash
# Runs Python with the bittensor SDK (the `bittensor` package, pinned below) against a dtao chain.
# The first run installs it into a Python virtual environment in the build folder. Every argument
# goes to python:
#   scripts/bt-python.sh examples/subnet/run.py            (the example subnet, docs/subnet.md)
#   scripts/bt-python.sh -c 'import bittensor; print(bittensor.__version__)'
# Environment:
#   CARGO_TARGET_DIR   build folder holding the virtual environment (default ~/.cache/dtao-target)
set -euo pipefail

BITTENSOR_VERSION=11.3.0
target="${CARGO_TARGET_DIR:-$HOME/.cache/dtao-target}"
venv="$target/bt-sdk-venv"

if [ "$(cat "$venv/.installed" 2>/dev/null)" != "$BITTENSOR_VERSION" ]; then
	if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
		echo "bt-python.sh: installing python3 with venv and pip" >&2
		sudo=""
		[ "$(id -u)" -eq 0 ] || sudo=sudo
		$sudo apt-get update -qq >&2
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv python3-pip >&2
	fi
	rm -rf "$venv"
	echo "bt-python.sh: installing bittensor==$BITTENSOR_VERSION into $venv" >&2
	python3 -m venv "$venv" >&2
	"$venv/bin/pip" install --quiet --disable-pip-version-check "bittensor==$BITTENSOR_VERSION" >&2
	echo "$BITTENSOR_VERSION" >"$venv/.installed"
fi

exec "$venv/bin/python" "$@"
