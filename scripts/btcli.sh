#!/usr/bin/env bash
# Runs btcli (bittensor-cli, pinned below) against a dtao chain. The first run installs it into a
# Python virtual environment in the build folder and creates wallets for the six development
# accounts from their dev seeds (alice … ferdie: coldkey and hotkey `default` both //Alice, …,
# without a password).
#   scripts/btcli.sh subnets list --network ws://127.0.0.1:9944
#   scripts/btcli.sh stake add --wallet-name alice --netuid 1 --amount 10 --no-prompt --no-mev-protection
# Every argument goes to btcli. Commands that send a transaction need `--no-mev-protection` (this
# chain has no MEV shield) and, without a terminal, `--no-prompt`. docs/btcli.md.
# Environment:
#   CARGO_TARGET_DIR     build folder holding the virtual environment (default ~/.cache/dtao-target)
#   DTAO_BTCLI_WALLETS   where the dev wallets are created (default ~/.bittensor/wallets, btcli's
#                        default wallet path; an existing wallet of the same name is kept)
set -euo pipefail

BTCLI_VERSION=9.23.2
target="${CARGO_TARGET_DIR:-$HOME/.cache/dtao-target}"
venv="$target/btcli-venv"
wallets="${DTAO_BTCLI_WALLETS:-$HOME/.bittensor/wallets}"

if [ "$(cat "$venv/.installed" 2>/dev/null)" != "$BTCLI_VERSION" ]; then
	if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
		echo "btcli.sh: installing python3 with venv and pip" >&2
		sudo=""
		[ "$(id -u)" -eq 0 ] || sudo=sudo
		$sudo apt-get update -qq >&2
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv python3-pip >&2
	fi
	rm -rf "$venv"
	echo "btcli.sh: installing bittensor-cli==$BTCLI_VERSION into $venv" >&2
	python3 -m venv "$venv" >&2
	"$venv/bin/pip" install --quiet --disable-pip-version-check "bittensor-cli==$BTCLI_VERSION" >&2
	echo "$BTCLI_VERSION" >"$venv/.installed"
fi

for name in alice bob charlie dave eve ferdie; do
	if [ ! -f "$wallets/$name/coldkeypub.txt" ]; then
		uri="//${name^}"
		"$venv/bin/btcli" wallet create --uri "$uri" --wallet-name "$name" --hotkey default \
			--wallet-path "$wallets" --no-use-password --no-overwrite --quiet >/dev/null
	fi
done

exec "$venv/bin/btcli" "$@"
