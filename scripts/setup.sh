#!/usr/bin/env bash
# Installs what a fresh machine lacks to build and test this workspace:
#   - protoc (Debian package protobuf-compiler; the node's networking crates need it),
#   - the Rust toolchain pinned in rust-toolchain.toml with its wasm target, rust-src and clippy.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
		echo "setup: need root to run: $*" >&2; return 1
	fi
}

if ! command -v protoc >/dev/null 2>&1; then
	echo "setup: installing protobuf-compiler"
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq protobuf-compiler >/dev/null
fi

toolchain=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
if ! rustup component list --installed --toolchain "$toolchain" 2>/dev/null | grep -q '^rust-std-wasm32v1-none$' ||
	! rustup component list --installed --toolchain "$toolchain" 2>/dev/null | grep -q '^rust-src$' ||
	! rustup component list --installed --toolchain "$toolchain" 2>/dev/null | grep -q '^clippy'; then
	echo "setup: installing Rust $toolchain with wasm32v1-none and rust-src"
	rustup toolchain install "$toolchain" --profile minimal --target wasm32v1-none --component rust-src,clippy,rustfmt
fi

# Node.js and npm run the end-to-end suite (@polkadot/api); only needed by scripts/e2e.sh.
if [ "${DTAO_SETUP_NODEJS:-0}" = 1 ] && ! { command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; }; then
	echo "setup: installing nodejs and npm"
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi

# Python 3 with venv and pip runs btcli (scripts/btcli.sh, tests/e2e/btcli.test.js); only needed by
# scripts/e2e.sh and scripts/btcli.sh.
if [ "${DTAO_SETUP_PYTHON:-0}" = 1 ] && ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
	echo "setup: installing python3 with venv and pip"
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv python3-pip >/dev/null
fi
