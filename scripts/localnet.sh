#!/usr/bin/env bash
# A local network of four validators (Alice, Bob, Charlie, Dave) on the `local` chain: Aura authoring
# and GRANDPA finality, on loopback, each node in the background with its own base path and log.
#
#   scripts/localnet.sh start [NAME...]   start the named nodes (all four by default) that are not
#                                         running, and wait until they answer RPC (the first start of
#                                         all four also waits for the first finalized block)
#   scripts/localnet.sh stop [NAME...]    stop the named nodes (all by default), by their recorded ids
#   scripts/localnet.sh status            each node's process, best and finalized block
#   scripts/localnet.sh purge             stop all and delete the folder (the chain starts anew)
#
# Names: alice bob charlie dave. Node i (0..3) listens for peers on P2P_PORT+i and serves RPC and
# WebSocket on RPC_PORT+i (9944..9947 by default), so polkadot.js apps can connect to any of them.
# A node that is stopped and started again resumes from its base path and catches up.
#
# Environment:
#   DTAO_LOCALNET_DIR        folder of base paths, node keys, logs and process ids
#                            (default ~/.cache/dtao-localnet)
#   DTAO_LOCALNET_RPC_PORT   first RPC port (default 9944)
#   DTAO_LOCALNET_P2P_PORT   first peer-to-peer port (default 30333)
#   DTAO_NODE_BIN            use this node binary instead of building one (scripts/build-node.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

dir="${DTAO_LOCALNET_DIR:-$HOME/.cache/dtao-localnet}"
rpc_port="${DTAO_LOCALNET_RPC_PORT:-9944}"
p2p_port="${DTAO_LOCALNET_P2P_PORT:-30333}"
names=(alice bob charlie dave)

usage() {
	sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
	exit 2
}

index_of() {
	local i
	for i in "${!names[@]}"; do
		if [ "${names[$i]}" = "$1" ]; then echo "$i"; return; fi
	done
	echo "localnet: unknown node '$1' (alice, bob, charlie, dave)" >&2
	exit 2
}

# The recorded process id of a node if that process is still this node, else nothing.
running_pid() {
	local pidfile="$dir/$1/pid" pid
	[ -f "$pidfile" ] || return 0
	pid=$(cat "$pidfile")
	if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "--base-path $dir/$1/chain"; then
		echo "$pid"
	fi
}

node_bin() {
	if [ -n "${DTAO_NODE_BIN:-}" ]; then echo "$DTAO_NODE_BIN"; else scripts/build-node.sh; fi
}

# The node key of node i (fixed, so the peer ids and the bootnode address never change) and its
# peer id.
ensure_keys() {
	local bin=$1 i name
	for i in "${!names[@]}"; do
		name=${names[$i]}
		mkdir -p "$dir/$name"
		if [ ! -f "$dir/$name/node-key" ]; then
			printf '%064x' "$((i + 1))" >"$dir/$name/node-key"
		fi
		if [ ! -f "$dir/$name/peer-id" ]; then
			"$bin" key inspect-node-key --file "$dir/$name/node-key" >"$dir/$name/peer-id" 2>/dev/null
		fi
	done
}

# A JSON-RPC call to node i over HTTP; prints the result's "number" field (hex), or nothing.
rpc_number() {
	local port=$(($rpc_port + $1)) method=$2 params=$3
	curl -s -m 2 -H 'Content-Type: application/json' \
		-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$method\",\"params\":$params}" \
		"http://127.0.0.1:$port" 2>/dev/null | sed -n 's/.*"number":"\(0x[0-9a-f]*\)".*/\1/p'
}

# "best finalized" block numbers of node i (by RPC), or "- -" when it does not answer.
heads() {
	local i=$1 best fin hash
	best=$(rpc_number "$i" chain_getHeader '[]')
	hash=$(curl -s -m 2 -H 'Content-Type: application/json' \
		-d '{"id":1,"jsonrpc":"2.0","method":"chain_getFinalizedHead","params":[]}' \
		"http://127.0.0.1:$(($rpc_port + i))" 2>/dev/null | sed -n 's/.*"result":"\(0x[0-9a-f]*\)".*/\1/p')
	[ -n "$hash" ] && fin=$(rpc_number "$i" chain_getHeader "[\"$hash\"]")
	if [ -z "$best" ] || [ -z "${fin:-}" ]; then echo "- -"; return; fi
	echo "$((best)) $((fin))"
}

start() {
	local bin first_start=1 i name pid started_at bootnode
	bin=$(node_bin)
	ensure_keys "$bin"
	[ -d "$dir/alice/chain" ] && first_start=0
	bootnode="/ip4/127.0.0.1/tcp/$p2p_port/p2p/$(cat "$dir/alice/peer-id")"
	started_at=$(date +%s%N)
	for name in "$@"; do
		i=$(index_of "$name")
		pid=$(running_pid "$name")
		if [ -n "$pid" ]; then
			echo "localnet: $name is running (pid $pid)"
			continue
		fi
		local args=(
			--chain local "--$name"
			--base-path "$dir/$name/chain"
			--node-key-file "$dir/$name/node-key"
			--port "$((p2p_port + i))"
			--rpc-port "$((rpc_port + i))" --rpc-cors all
			--no-prometheus --no-telemetry --no-mdns
		)
		[ "$name" != alice ] && args+=(--bootnodes "$bootnode")
		# setsid: the node is not in this shell's process group, so a Ctrl-C here does not reach it.
		setsid "$bin" "${args[@]}" >>"$dir/$name/node.log" 2>&1 </dev/null &
		echo $! >"$dir/$name/pid"
		echo "localnet: $name started (pid $!, rpc ws://127.0.0.1:$((rpc_port + i)), log $dir/$name/node.log)"
	done
	echo "localnet: folder $dir"
	# Each started node answers RPC before this returns.
	for name in "$@"; do
		i=$(index_of "$name")
		local tries=0
		until [ "$(heads "$i")" != "- -" ]; do
			if [ "$tries" -ge 240 ] || ! kill -0 "$(cat "$dir/$name/pid")" 2>/dev/null; then
				echo "localnet: $name does not answer RPC; see $dir/$name/node.log" >&2
				exit 1
			fi
			sleep 0.25
			tries=$((tries + 1))
		done
	done
	if [ "$first_start" = 1 ] && [ "$#" = "${#names[@]}" ]; then
		local waited=0
		while [ "$waited" -lt 120 ]; do
			read -r _ fin <<<"$(heads 0)"
			if [ "$fin" != "-" ] && [ "$fin" -gt 0 ]; then
				echo "localnet: first finalized block (#$fin) $(( ($(date +%s%N) - started_at) / 1000000 )) ms after start"
				return
			fi
			sleep 0.25
			waited=$((waited + 1))
		done
		echo "localnet: no block finalized within 30 s; see the logs" >&2
		exit 1
	fi
}

stop() {
	local name pid
	for name in "$@"; do
		index_of "$name" >/dev/null
		pid=$(running_pid "$name")
		if [ -z "$pid" ]; then
			rm -f "$dir/$name/pid"
			continue
		fi
		kill -INT "$pid"
		for _ in $(seq 1 100); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
		rm -f "$dir/$name/pid"
		echo "localnet: $name stopped (pid $pid)"
	done
}

status() {
	local i name pid best fin
	echo "localnet: folder $dir"
	for i in "${!names[@]}"; do
		name=${names[$i]}
		pid=$(running_pid "$name")
		read -r best fin <<<"$(heads "$i")"
		printf '%-8s %-20s rpc ws://127.0.0.1:%-5s best #%-6s finalized #%s\n' \
			"$name" "$([ -n "$pid" ] && echo "running (pid $pid)" || echo stopped)" "$((rpc_port + i))" "$best" "$fin"
	done
}

command=${1:-}
[ -n "$command" ] || usage
shift
[ "$#" -gt 0 ] || set -- "${names[@]}"
case "$command" in
	start) start "$@" ;;
	stop) stop "$@" ;;
	status) status ;;
	purge) stop "${names[@]}"; rm -rf "$dir"; echo "localnet: removed $dir" ;;
	*) usage ;;
esac
