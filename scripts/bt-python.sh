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

# shellcheck source=scripts/py-venv.sh
. "$(dirname "$0")/py-venv.sh"
ensure_venv "$venv" bittensor "$BITTENSOR_VERSION"

exec "$venv/bin/python" "$@"
