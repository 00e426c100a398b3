// End-to-end: the just-in-time root snipe on a `--dev` chain with default settings
// (docs/mechanism.md §6.6). A coldkey stakes 100,000 TAO on root through the only validator two
// blocks before an epoch of subnet 1 and removes it in the epoch's block; another holds the same
// stake over the whole tempo before that epoch. Under the default accrual (`OverTempo`) the snipe
// earns at most 2/11 of the full tempo's gain (tempo 10: 11 blocks of release); under the
// reference chain's rule (`AtEpoch`, switched by root) it takes a whole tempo's root dividends.
// Each run starts its own node, so the three see the same history up to their stakes.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/api';
import { TAO, startNode, keys, createBlock, submit, eventOf, big, assertInvariants } from './lib/chain.js';

const STAKE = 100_000n * TAO;
const k = keys();
const ferdie = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Ferdie');

/** Seal blocks until the next block is subnet `n`'s epoch minus `ahead` (1: the next block is it). */
async function untilEpochIn(api, n, ahead) {
  for (let i = 0; i < 40; i++) {
    const until = big((await api.call.dtaoApi.subnetInfo(n)).unwrap().blocksUntilEpoch.unwrap());
    if (until === BigInt(ahead)) return;
    await createBlock(api);
  }
  throw new Error('the epoch did not come');
}

/**
 * A dev chain with subnet 1 (Alice's, her hotkey the validator, with Bob's 1,000 TAO of root stake
 * through it) after three epochs, the third at block `e`. Ferdie stakes `STAKE` on root through
 * Alice's hotkey so that he holds it for `blocks` blocks of release before the next epoch `e + 11`
 * (11: staked in block `e`, after its epoch; 2: staked in block `e + 9`), and unstakes everything
 * in the block of epoch `e + 11`. Either way the release he shares is that of the payment made at
 * `e`. Returns what he gained (TAO out − TAO in; fees aside, root has no swap fee).
 */
async function run({ blocks, accrual }) {
  const node = await startNode();
  try {
    const { api } = node;
    const ok = async (tx, who) => {
      const r = await submit(api, tx, who);
      assert.equal(r.error, null);
      return r;
    };
    assert.equal((await api.query.dtao.dividendAccrualMode()).toString(), 'OverTempo', 'the default accrual');
    if (accrual) await ok(api.tx.sudo.sudo(api.tx.dtao.setDividendAccrual(accrual)), k.alice);
    await ok(api.tx.dtao.registerNetwork(k.aliceHot.address), k.alice);
    await ok(api.tx.dtao.startCall(1), k.alice);
    await ok(api.tx.dtao.addStake(k.aliceHot.address, 0, 1_000n * TAO), k.bob);
    // Two epochs (a permit, then root dividends flowing every tempo); the third at `e`.
    for (let i = 0; i < 2; i++) {
      await untilEpochIn(api, 1, 1);
      await createBlock(api);
    }
    await untilEpochIn(api, 1, 1);
    if (blocks < 11) await createBlock(api);
    // The stake lands in the block after the head: `blocks + 1` blocks before epoch `e + 11`.
    await untilEpochIn(api, 1, blocks === 11 ? 1 : blocks + 1);
    const staked = await ok(api.tx.dtao.addStake(k.aliceHot.address, 0, STAKE), ferdie);
    assert.equal(eventOf(staked.events, api.events.dtao.StakeAdded).tao, STAKE);
    await untilEpochIn(api, 1, 1);
    const removed = await ok(api.tx.dtao.unstakeAll(k.aliceHot.address), ferdie);
    const blockEvents = (await (await api.at(removed.blockHash)).query.system.events()).map((r) => r.event);
    assert.ok(blockEvents.some((e) => api.events.dtao.EpochDrained.is(e)), 'unstaked in the epoch\'s block');
    const stakedAt = (await api.rpc.chain.getHeader(staked.blockHash)).number.toNumber();
    const removedAt = (await api.rpc.chain.getHeader(removed.blockHash)).number.toNumber();
    assert.equal(removedAt - stakedAt, blocks, `held ${blocks} blocks`);
    const out = eventOf(removed.events, api.events.dtao.AllStakeRemoved).tao;
    await assertInvariants(api, removed.blockHash);
    return out - STAKE;
  } finally {
    await node.stop();
  }
}

it('a root stake held two blocks across an epoch earns at most 2/11 of a full tempo by default, and the whole tempo under AtEpoch', async () => {
  const full = await run({ blocks: 11 });
  const snipe = await run({ blocks: 2 });
  const atEpoch = await run({ blocks: 2, accrual: 'AtEpoch' });
  console.log(`root snipe of 100,000 TAO: held a whole tempo ${full} rao, two blocks ${snipe} rao (OverTempo), two blocks ${atEpoch} rao (AtEpoch)`);
  assert.ok(full > 0n && snipe > 0n, 'both holders earned');
  // Each block's release rounds down by at most one rao per payment.
  assert.ok(snipe * 11n <= full * 2n + 22n, `two blocks earned ${snipe}, more than 2/11 of ${full}`);
  // Under AtEpoch the two blocks take the whole payment of the epoch they straddle: about what the
  // whole tempo earns (the next payment is a little larger, as emission grows).
  assert.ok(atEpoch * 10n >= full * 9n, `at the epoch the snipe takes a whole tempo's payment (${atEpoch} against ${full})`);
});
