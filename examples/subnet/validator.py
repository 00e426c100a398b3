"""The validator of the example subnet: every epoch it sends each miner with a published endpoint
ten signed tasks, scores it by the share answered right, and sets its weights to the scores with
`set_weights` (`bittensor.intents.SetWeights`); after each epoch it prints the metagraph's
incentives and dividends.

    python validator.py --coldkey //Alice --hotkey //Alice//validator --epochs 3 [--netuid 1]

The hotkey must be a neuron of the subnet with a validator permit, or the subnet owner's hotkey
(which may set weights from the start).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import urllib.request

import bittensor as bt

from common import DEFAULT_URL, TASK_PATH, TASKS_PER_MINER, DevWallet, ensure_registered, execute, log


def query(wallet: DevWallet, endpoint: str, miner_hotkey: str, x: int) -> int | None:
    """Send task `x` to the miner at `endpoint`, signed for its hotkey; its answer, or None."""
    body = json.dumps({"x": x}).encode()
    headers = bt.http_auth.sign(wallet, method="POST", path=TASK_PATH, body=body, receiver_ss58=miner_hotkey)
    request = urllib.request.Request(f"http://{endpoint}{TASK_PATH}", data=body, method="POST")
    for key, value in {**headers, "Content-Type": "application/json"}.items():
        request.add_header(key, value)
    try:
        with urllib.request.urlopen(request, timeout=5) as reply:
            return int(json.loads(reply.read())["y"])
    except OSError:
        return None


def score(wallet: DevWallet, endpoint: str, miner_hotkey: str, round_: int) -> float:
    """The share of `TASKS_PER_MINER` consecutive numbers the miner squares right."""
    xs = range(round_ * TASKS_PER_MINER, (round_ + 1) * TASKS_PER_MINER)
    return sum(query(wallet, endpoint, miner_hotkey, x) == x * x for x in xs) / TASKS_PER_MINER


async def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", default=DEFAULT_URL)
    p.add_argument("--netuid", type=int, default=1)
    p.add_argument("--coldkey", required=True)
    p.add_argument("--hotkey", required=True)
    p.add_argument("--epochs", type=int, default=3, help="epochs to score and wait for")
    a = p.parse_args()
    who = f"validator {a.hotkey}"
    wallet = DevWallet(a.coldkey, a.hotkey)
    me = wallet.hotkey.ss58_address
    async with bt.Subtensor(a.url) as client:
        await ensure_registered(client, wallet, a.netuid, who)
        for round_ in range(a.epochs):
            graph = await client.subnets.metagraph(a.netuid, commitments=False)
            scores = {n.uid: score(wallet, n.axon, n.hotkey, round_) for n in graph.neurons if n.axon and n.hotkey != me}
            log(who, f"round {round_}: scores {scores}")
            if any(scores.values()):
                await execute(client, bt.intents.SetWeights(netuid=a.netuid, weights=scores), wallet, who)
            epoch = await client.wait_for_epoch(a.netuid, timeout=600)
            graph = await client.subnets.metagraph(a.netuid, commitments=False)
            report = {
                "round": round_,
                "epoch": epoch.block,
                "scores": scores,
                "incentive": {n.uid: n.incentive for n in graph.neurons},
                "dividends": {n.uid: n.dividends for n in graph.neurons},
            }
            print(json.dumps(report), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
