"""The example subnet end to end, against a running dev chain (scripts/dev.sh):

1. Alice registers a subnet with the hotkey //Alice//validator (the owner's hotkey, which
   validates from the start) and starts it, unless `--netuid` names one that exists;
2. three miners (//Bob//miner, //Charlie//miner, //Dave//miner, skills 1.0, 0.6 and 0.3) register,
   publish their endpoints and answer over HTTP;
3. the validator scores them and sets weights for `--epochs` epochs, printing the metagraph's
   incentives and dividends after each (one JSON line per epoch on stdout).

    scripts/bt-python.sh examples/subnet/run.py [--url ws://127.0.0.1:9944] [--epochs 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys

import bittensor as bt

from common import DEFAULT_URL, DevWallet, execute, log

HERE = os.path.dirname(os.path.abspath(__file__))
MINERS = [("//Bob", "//Bob//miner", 1.0), ("//Charlie", "//Charlie//miner", 0.6), ("//Dave", "//Dave//miner", 0.3)]
OWNER = ("//Alice", "//Alice//validator")


async def subnet(url: str, netuid: int | None) -> int:
    """The subnet to run on: `netuid`, or a new one of Alice's, started."""
    async with bt.Subtensor(url) as client:
        if netuid is not None:
            if not await client.query(bt.storage.SubtensorModule.NetworksAdded, [netuid]):
                raise SystemExit(f"subnet {netuid} does not exist")
            return netuid
        owner = DevWallet(*OWNER)
        result = await execute(
            client, bt.intents.RegisterSubnet(hotkey_ss58=owner.hotkey.ss58_address), owner, "owner"
        )
        # The SDK reads the new netuid from `SubtensorModule.NetworkAdded`.
        netuid = int(result.data["netuid"])
        await execute(client, bt.intents.StartCall(netuid=netuid), owner, "owner")
        log("owner", f"registered and started subnet {netuid}")
        return netuid


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--url", default=DEFAULT_URL)
    p.add_argument("--netuid", type=int, default=None, help="an existing subnet (default: register one)")
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--port", type=int, default=8091, help="the first miner's port; the others follow")
    a = p.parse_args()
    netuid = asyncio.run(subnet(a.url, a.netuid))
    python = sys.executable
    miners = []
    try:
        # One after the other, so that the miners get uids 1, 2, 3 in this order.
        for i, (coldkey, hotkey, skill) in enumerate(MINERS):
            args = ["--url", a.url, "--netuid", str(netuid), "--coldkey", coldkey, "--hotkey", hotkey]
            args += ["--port", str(a.port + i), "--skill", str(skill)]
            m = subprocess.Popen([python, os.path.join(HERE, "miner.py"), *args], stdout=subprocess.PIPE, text=True)
            miners.append(m)
            if not (m.stdout and m.stdout.readline()):
                raise SystemExit(f"miner {hotkey} stopped before it was ready")
        print(json.dumps({"netuid": netuid}), flush=True)
        validator = [python, os.path.join(HERE, "validator.py"), "--url", a.url, "--netuid", str(netuid)]
        validator += ["--coldkey", OWNER[0], "--hotkey", OWNER[1], "--epochs", str(a.epochs)]
        code = subprocess.call(validator)
        if code != 0:
            raise SystemExit(code)
    finally:
        for m in miners:
            m.terminate()
        for m in miners:
            m.wait()


if __name__ == "__main__":
    main()
