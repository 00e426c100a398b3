// A forkless runtime upgrade of a running chain: `sudo(system.setCode(wasm))` with the wasm that
// scripts/upgrade-wasm.sh builds (this source with a higher spec_version; scripts/e2e.sh passes its
// path in DTAO_UPGRADE_WASM and its version in DTAO_UPGRADE_SPEC_VERSION).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Keyring } from '@polkadot/api';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { xxhashAsHex } from '@polkadot/util-crypto';
import {
  startNode, createBlock, keys, submit, predictCoinbase, assertInvariants, big, eventOf, TAO,
} from './lib/chain.js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Every storage pair of the Dtao pallet at `hash` except the pools (which the coinbase moves). */
async function dtaoStorageBesidesPools(api, hash) {
  const pools = api.query.dtao.pools.keyPrefix();
  const pairs = await api.rpc.state.getPairs(xxhashAsHex('Dtao', 128), hash);
  return new Map(pairs.map(([k, v]) => [k.toHex(), v.toHex()]).filter(([k]) => !k.startsWith(pools)));
}

/**
 * Every storage pair of `SubtensorModule` at `hash`, with each `OwnedHotkeys` list sorted (the
 * migration lists a coldkey's hotkeys in storage order, the calls in registration order).
 */
async function compatStorage(api, hash) {
  const owned = api.query.subtensorModule.ownedHotkeys.keyPrefix();
  const pairs = await api.rpc.state.getPairs(xxhashAsHex('SubtensorModule', 128), hash);
  return new Map(pairs.map(([k, v]) => {
    const key = k.toHex();
    if (!key.startsWith(owned)) return [key, v.toHex()];
    const list = api.createType('Vec<AccountId32>', v.toU8a(true)).map((a) => a.toString()).sort();
    return [key, list.join(',')];
  }));
}

/** The next block matches the §6.2 prediction from its parent, subnet by subnet. */
async function assertCoinbaseAsPredicted(api, predicted, hash) {
  const at = await api.at(hash);
  for (const [netuid, p] of predicted) {
    const pool = (await at.query.dtao.pools(netuid)).unwrap();
    assert.equal(big(pool.taoReserve), p.T, `T of ${netuid}`);
    assert.equal(big(pool.alphaReserve), p.A, `A of ${netuid}`);
    assert.equal(big(pool.alphaOutstanding), p.O, `O of ${netuid}`);
    assert.equal(big(pool.pendingOwnerAlpha), p.pendingOwner, `pending owner alpha of ${netuid}`);
    assert.equal(big(pool.pendingMinerAlpha), p.pendingMiner, `pending miner alpha of ${netuid}`);
    assert.equal(big(pool.pendingValidatorAlpha), p.pendingValidator, `pending validator alpha of ${netuid}`);
    assert.equal(big(pool.pendingRootTao), p.pendingRoot, `pending root TAO of ${netuid}`);
  }
}

it('sudo(system.setCode) upgrades the running populated chain: the new spec_version, blocks go on, no stake or pending balance moves', async () => {
  const wasmPath = process.env.DTAO_UPGRADE_WASM;
  const newVersion = Number(process.env.DTAO_UPGRADE_SPEC_VERSION);
  assert.ok(wasmPath && newVersion, 'DTAO_UPGRADE_WASM and DTAO_UPGRADE_SPEC_VERSION are set (scripts/e2e.sh sets them)');
  const node = await startNode({ chain: 'populated' });
  try {
    const { api } = node;
    const k = keys();
    const oldVersion = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
    assert.ok(newVersion > oldVersion, `the upgrade's spec_version ${newVersion} is above ${oldVersion}`);

    // A running economy: emission flows from block 2; wait for a block after which no epoch is due
    // in the next two, so that only the coinbase moves the pallet's state.
    for (let i = 0; i < 3; i++) await createBlock(api);

    // A chain that never had `SubtensorModule`: every item of it, its storage version included,
    // is removed; the upgrade's migration must fill it again from `Dtao`.
    const compatPrefix = xxhashAsHex('SubtensorModule', 128);
    const compatBefore = await compatStorage(api, await api.rpc.chain.getBlockHash());
    assert.ok(compatBefore.size > 10, `${compatBefore.size} storage items of SubtensorModule`);
    const killed = await submit(api, api.tx.sudo.sudo(api.tx.system.killPrefix(compatPrefix, 1_000)), k.alice);
    assert.equal(killed.error, null);
    assert.equal((await compatStorage(api, killed.blockHash)).size, 0, 'SubtensorModule is empty');
    for (let i = 0; i < 12; i++) {
      const subnets = (await api.call.dtaoApi.allSubnets()).filter((s) => s.netuid.toNumber() > 0);
      if (subnets.every((s) => big(s.blocksUntilEpoch.unwrap()) > 2n)) break;
      await createBlock(api);
    }
    const parent = await api.rpc.chain.getBlockHash();
    await assertInvariants(api, parent);
    const pending = (await api.call.dtaoApi.allSubnets()).filter((s) => s.netuid.toNumber() > 0)
      .map((s) => big(s.pendingValidatorAlpha) + big(s.pendingMinerAlpha));
    assert.ok(pending.every((x) => x > 0n), 'emission is pending on every subnet');

    // The upgrade block: the call succeeds and the code changes.
    const predicted = await predictCoinbase(api, parent);
    const before = await dtaoStorageBesidesPools(api, parent);
    assert.ok(before.size > 100, `${before.size} storage items of the pallet besides the pools`);
    const code = u8aToHex(readFileSync(wasmPath));
    const tx = await api.tx.sudo.sudo(api.tx.system.setCode(code)).signAsync(k.alice, { nonce: -1 });
    await api.rpc.author.submitExtrinsic(tx);
    const upgraded = await createBlock(api);
    // @polkadot/api sees the new version and loads its metadata; decode the block's events after that.
    for (let i = 0; i < 100 && api.runtimeVersion.specVersion.toNumber() !== newVersion; i++) await sleep(100);
    assert.equal(api.runtimeVersion.specVersion.toNumber(), newVersion, 'the client follows the upgrade');
    const events = (await (await api.at(upgraded)).query.system.events()).map((e) => e.event);
    assert.ok(!events.some((e) => api.events.system.ExtrinsicFailed.is(e)), 'the upgrade did not fail');
    const sudid = events.find((e) => api.events.sudo.Sudid.is(e));
    assert.ok(sudid && sudid.data.sudoResult.isOk, 'Sudid with Ok');
    assert.ok(events.some((e) => api.events.system.CodeUpdated.is(e)), 'CodeUpdated');
    assert.equal((await api.rpc.state.getRuntimeVersion(upgraded)).specVersion.toNumber(), newVersion);
    assert.equal((await api.rpc.state.getRuntimeVersion(parent)).specVersion.toNumber(), oldVersion);
    await assertCoinbaseAsPredicted(api, predicted, upgraded);
    assert.deepEqual(await dtaoStorageBesidesPools(api, upgraded), before, 'stakes, subnets and parameters unchanged');
    await assertInvariants(api, upgraded);

    // The first block run by the new code (its migrations run first): the same again.
    const predictedNext = await predictCoinbase(api, upgraded);
    const first = await createBlock(api);
    const lastUpgrade = (await (await api.at(first)).query.system.lastRuntimeUpgrade()).unwrap();
    assert.equal(lastUpgrade.specVersion.toNumber(), newVersion, 'the new runtime ran its upgrade hook');
    await assertCoinbaseAsPredicted(api, predictedNext, first);
    assert.deepEqual(await dtaoStorageBesidesPools(api, first), before, 'the migrations changed nothing');
    // What it held before the items were removed, but the epochs that ran since (the mirror of
    // `Dtao.LastEpochBlock`, written at each epoch) and the blocks counted since (`BlocksSinceLastStep`:
    // the blocks since the subnet's last epoch, or its registration before the first).
    const expected = new Map(compatBefore);
    const lastEpoch = api.query.subtensorModule.lastEpochBlock.keyPrefix();
    const sinceStep = api.query.subtensorModule.blocksSinceLastStep.keyPrefix();
    const atFirst = await api.at(first);
    const firstNumber = (await api.rpc.chain.getHeader(first)).number.toBigInt();
    for (const key of expected.keys()) {
      const prefix = [lastEpoch, sinceStep].find((p) => key.startsWith(p));
      if (!prefix) continue;
      const netuid = api.createType('u16', hexToU8a(`0x${key.slice(prefix.length)}`)).toNumber();
      const epochAt = (await atFirst.query.dtao.lastEpochBlock(netuid)).toBigInt();
      if (prefix === lastEpoch) {
        expected.set(key, api.createType('u64', epochAt).toHex(true));
      } else {
        const registered = (await atFirst.query.dtao.pools(netuid)).unwrap().registeredAt.toBigInt();
        const since = epochAt > registered ? epochAt : registered;
        expected.set(key, api.createType('u64', firstNumber - since).toHex(true));
      }
    }
    assert.deepEqual(await compatStorage(api, first), expected, 'SubtensorModule filled from Dtao, at its storage version');
    await assertInvariants(api, first);

    // The chain goes on under the new runtime: a stake, blocks, finality, an epoch.
    const bob = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Bob');
    const dave = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Dave//stash');
    const staked = await submit(api, api.tx.dtao.addStake(dave.address, 1, 10n * TAO), bob);
    assert.equal(staked.error, null);
    assert.ok(eventOf(staked.events, api.events.dtao.StakeAdded), 'StakeAdded under the new runtime');
    for (let i = 0; i < 12; i++) await createBlock(api);
    const head = await api.rpc.chain.getHeader();
    for (const n of [1, 2, 3]) {
      assert.ok(big(await api.query.dtao.lastEpochBlock(n)) > firstNumber, `subnet ${n} ran an epoch after the upgrade`);
    }
    assert.equal((await api.rpc.chain.getFinalizedHead()).toHex(), head.hash.toHex(), 'finalized at the head');
    assert.equal((await api.rpc.state.getRuntimeVersion()).specVersion.toNumber(), newVersion);
    await assertInvariants(api, head.hash);
  } finally {
    await node.stop();
  }
});
