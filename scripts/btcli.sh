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

# shellcheck source=scripts/py-venv.sh
. "$(dirname "$0")/py-venv.sh"
ensure_venv "$venv" bittensor-cli "$BTCLI_VERSION"

for name in alice bob charlie dave eve ferdie; do
	if [ ! -f "$wallets/$name/coldkeypub.txt" ]; then
		uri="//${name^}"
		"$venv/bin/btcli" wallet create --uri "$uri" --wallet-name "$name" --hotkey default \
			--wallet-path "$wallets" --no-use-password --no-overwrite --quiet >/dev/null
	fi
done

exec "$venv/bin/btcli" "$@"
