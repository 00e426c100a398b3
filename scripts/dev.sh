#!/usr/bin/env bash
# Starts a development chain: builds the node if needed, then runs `dtao-node --dev` (a fresh
# chain, Alice as sudo, one finalized block per second, RPC and WebSocket on 127.0.0.1:9944 open to
# polkadot.js apps). Extra arguments go to the node, e.g.
#   scripts/dev.sh --sealing instant
#   scripts/dev.sh --base-path /tmp/dtao     (state kept between runs)
set -euo pipefail
cd "$(dirname "$0")/.."

node_bin=$(scripts/build-node.sh)
exec "$node_bin" --dev "$@"
