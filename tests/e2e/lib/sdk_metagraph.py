"""Prints, as one JSON object, what the bittensor SDK reads of a subnet at a block: its metagraph
(`Subtensor.subnets.metagraph`), its neurons (`get_neurons_lite`), the next epoch's block, each
neuron's uid by hotkey (`SubtensorModule.Uids`) and blocks since its last update. Run by tests/e2e/subnet.test.js through
scripts/bt-python.sh:

    sdk_metagraph.py <ws url> <netuid> <block>
"""

import asyncio
import json
import sys

import bittensor as bt


async def main(url: str, netuid: int, block: int) -> None:
    async with bt.Subtensor(url) as client:
        graph = await client.subnets.metagraph(netuid, block=block, commitments=False)
        neurons = await client.neurons.neurons(netuid, block=block)
        next_epoch = await client.epochs.next_epoch_start_block(netuid, block=block)
        since_update = [await client.epochs.blocks_since_last_update(netuid, n.uid, block=block) for n in graph.neurons]
        uids = {}
        for n in graph.neurons:
            uids[n.hotkey] = await client.query(bt.storage.SubtensorModule.Uids, [netuid, n.hotkey], block=block)
        rows = [
            {
                "uid": n.uid,
                "hotkey": n.hotkey,
                "coldkey": n.coldkey,
                "active": n.active,
                "validator_permit": n.validator_permit,
                "last_update": n.last_update,
                "block_at_registration": n.block_at_registration,
                "incentive": n.incentive,
                "dividends": n.dividends,
                "consensus": n.consensus,
                "trust": n.trust,
                "emission": n.emission.rao,
                "alpha_stake": n.alpha_stake.rao,
                "tao_stake": n.tao_stake.rao,
                "total_stake": n.total_stake.rao,
                "axon": n.axon,
            }
            for n in graph.neurons
        ]
        lite = [
            {"uid": n.uid, "hotkey": n.hotkey, "active": n.active, "validator_permit": n.validator_permit,
             "last_update": n.last_update, "total_stake": n.total_stake.rao}
            for n in neurons
        ]
        print(json.dumps({
            "block": graph.block,
            "tempo": graph.tempo,
            "last_step": graph.last_step,
            "owner_hotkey": graph.owner_hotkey,
            "neurons": rows,
            "lite": lite,
            "uids": uids,
            "next_epoch": next_epoch,
            "blocks_since_last_update": since_update,
        }))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
