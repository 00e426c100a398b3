"""What the miner, the validator and the runner share: dev wallets, the chain client, and the task.

The task: a validator sends a number `x`; the answer is `x * x`. A miner's `skill` is the share of
tasks it answers correctly: it answers right exactly when `x % 10 < skill * 10`, so a validator
that sends ten consecutive numbers scores it `skill` exactly (the scores, and so the weights, are
the same in every run).
"""

from __future__ import annotations

import sys

import bittensor as bt
import bittensor_core as core

# The dev chain of scripts/dev.sh.
DEFAULT_URL = "ws://127.0.0.1:9944"
# Where the miners serve: 127.0.0.1 and a port each.
HOST = "127.0.0.1"
TASK_PATH = "/square"
TASKS_PER_MINER = 10


class DevWallet:
    """A wallet from dev seeds (`//Alice`, `//Bob//miner`, …): the shape the SDK accepts
    anywhere a wallet goes (a coldkey, its public view and a hotkey)."""

    def __init__(self, coldkey_uri: str, hotkey_uri: str):
        self.coldkey = core.Keypair.create_from_uri(coldkey_uri)
        self.coldkeypub = self.coldkey
        self.hotkey = core.Keypair.create_from_uri(hotkey_uri)


def answer(x: int, skill: float) -> int:
    """A miner's answer to `x`: right for the share `skill` of the residues mod 10."""
    return x * x if x % 10 < round(skill * 10) else x * x + 1


def log(who: str, *what) -> None:
    print(f"[{who}]", *what, file=sys.stderr, flush=True)


async def execute(client, intent, wallet, who: str):
    """Submit `intent`, signed as the intent says (coldkey or hotkey); stop with the chain's error
    if it fails."""
    result = await client.execute(intent, wallet)
    if not result.success:
        raise SystemExit(f"[{who}] {intent.op} failed: {result.message}")
    return result


async def ensure_registered(client, wallet: DevWallet, netuid: int, who: str) -> int:
    """Register the wallet's hotkey on `netuid` (burned registration paid by the coldkey) unless it
    is already a neuron; fund the hotkey for its own transaction fees. Returns its uid."""
    hotkey = wallet.hotkey.ss58_address
    uid = await client.query(bt.storage.SubtensorModule.Uids, [netuid, hotkey])
    if uid is None:
        # The SDK sends its `BurnedRegister` intent only through the MEV shield, which this chain
        # does not have; the call itself goes in the clear.
        call = bt.calls.SubtensorModule.burned_register(netuid=netuid, hotkey=hotkey)
        result = await client.submit_call(call, wallet)
        if not result.success:
            raise SystemExit(f"[{who}] burned_register failed: {result.message}")
        uid = await client.query(bt.storage.SubtensorModule.Uids, [netuid, hotkey])
    if (await client.balances.get(hotkey)).rao < 10**9:
        await execute(client, bt.intents.Transfer(dest_ss58=hotkey, amount_tao=10), wallet, who)
    return int(uid)
