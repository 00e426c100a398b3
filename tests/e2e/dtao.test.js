// End-to-end: the release dev node, driven through @polkadot/api with manual sealing. Every
// expected number is recomputed here from chain state read before the block (docs/mechanism.md,
// docs/yuma.md).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Keyring } from '@polkadot/api';
import {
  TAO, startNode, keys, createBlock, submit, eventOf, big, buy, sell, predictCoinbase,
} from './lib/chain.js';
import { yumaEpoch, splitPots, toU16, epochState } from './lib/yuma.js';

let node;
let api;
const k = keys();
const state = {};

const dtao = () => api.tx.dtao;
const info = async (netuid, at) => {
  const call = at ? (await api.at(at)).call : api.call;
  const v = await call.dtaoApi.subnetInfo(netuid);
  return v.isSome ? v.unwrap() : null;
};
const stakeOf = async (coldkey, hotkey, netuid) => {
  const all = await api.call.dtaoApi.stakeInfo(coldkey.address);
  const s = all.find((x) => x.hotkey.toString() === hotkey.address && x.netuid.toNumber() === netuid);
  return s ? { alpha: big(s.alpha), taoValue: big(s.taoValue) } : { alpha: 0n, taoValue: 0n };
};
const free = async (who, at) => {
  const q = at ? (await api.at(at)).query : api.query;
  return big((await q.system.account(who.address)).data.free);
};
const feePpb = async () => big(await api.query.dtao.swapFee());
const quoteAdd = async (netuid, tao) => (await api.call.dtaoApi.quoteAddStake(netuid, tao)).unwrap();

before(async () => {
  node = await startNode();
  api = node.api;
  console.log(`dtao-node: RPC answered ${node.startupMs} ms after spawn`);
  // These tests read an epoch's payments in the epoch's block: the reference chain's rule
  // (`AtEpoch`). The default, `OverTempo`, releases the same amounts over the next tempo
  // (snipe.test.js and policies.test.js run under it).
  const r = await submit(api, api.tx.sudo.sudo(api.tx.dtao.setDividendAccrual('AtEpoch')), k.alice);
  assert.equal(r.error, null);
  assert.equal((await api.query.dtao.dividendAccrualMode()).toString(), 'AtEpoch');
});

after(async () => {
  if (node) await node.stop();
});

describe('chain', () => {
  it('has the TAO token properties and serves metadata V14, V15 and V16', async () => {
    const props = await api.rpc.system.properties();
    assert.equal(props.tokenSymbol.unwrap()[0].toString(), 'TAO');
    assert.equal(props.tokenDecimals.unwrap()[0].toNumber(), 9);
    assert.equal(props.ss58Format.unwrap().toNumber(), 42);
    const versions = (await api.call.metadata.metadataVersions()).map((v) => v.toNumber());
    for (const v of [14, 15, 16]) assert.ok(versions.includes(v), `metadata V${v} served`);
    assert.ok(api.tx.dtao.addStakeLimit, 'Dtao calls are in the metadata');
  });

  it('decodes every DtaoApi method without custom types', async () => {
    const root = await info(0);
    assert.equal(root.netuid.toNumber(), 0);
    assert.equal(big(root.spotPrice), TAO);
    assert.equal((await api.call.dtaoApi.allSubnets()).length, 1);
    assert.ok((await api.call.dtaoApi.quoteAddStake(0, TAO)).isSome);
    assert.ok((await api.call.dtaoApi.quoteAddStake(77, TAO)).isNone);
    assert.ok((await api.call.dtaoApi.quoteRemoveStake(0, TAO)).isSome);
    assert.ok((await api.call.dtaoApi.quoteRemoveStakeFor(k.alice.address, k.aliceHot.address, 0, TAO)).isNone, 'no stake');
    assert.deepEqual((await api.call.dtaoApi.stakeInfo(k.alice.address)).length, 0);
    // The development preset: minimum lock 100 TAO, nothing registered yet.
    assert.equal(big(await api.call.dtaoApi.networkRegistrationCost()), 100n * TAO);
  });
});

describe('subnets and staking', () => {
  it('registers a network: the lock seeds the pool at price 1', async () => {
    const cost = big(await api.call.dtaoApi.networkRegistrationCost());
    const before = await free(k.alice);
    const r = await submit(api, dtao().registerNetwork(k.aliceHot.address), k.alice);
    assert.equal(r.error, null);
    const ev = eventOf(r.events, api.events.dtao.NetworkRegistered);
    assert.equal(ev.lock, cost);
    state.netuid = Number(ev.netuid);
    assert.equal(await free(k.alice), before - cost - r.fee);
    const s = await info(state.netuid);
    assert.equal(big(s.taoReserve), cost);
    assert.equal(big(s.alphaReserve), cost);
    assert.equal(big(s.spotPrice), TAO);
    assert.ok(s.startedAt.isNone);
    assert.equal(s.owner.unwrap().toString(), k.alice.address);
  });

  it('before start_call, StakeAdded equals the quote taken just before, to the rao', async () => {
    const n = state.netuid;
    const amount = 25n * TAO;
    const q = await quoteAdd(n, amount);
    const before = await free(k.alice);
    const r = await submit(api, dtao().addStake(k.aliceHot.address, n, amount), k.alice);
    assert.equal(r.error, null);
    const ev = eventOf(r.events, api.events.dtao.StakeAdded);
    assert.equal(ev.tao, big(q.amountIn));
    assert.equal(ev.alpha, big(q.amountOut));
    assert.equal(ev.fee, big(q.fee));
    assert.equal(big((await info(n)).spotPrice), big(q.priceAfter));
    assert.equal(await free(k.alice), before - amount - r.fee);
    assert.equal((await stakeOf(k.alice, k.aliceHot, n)).alpha, ev.alpha);
  });

  it('add_stake_limit: all-or-nothing fails with SlippageTooHigh and changes nothing', async () => {
    const n = state.netuid;
    const s = await info(n);
    const price = big(s.spotPrice);
    const stakeBefore = await stakeOf(k.alice, k.aliceHot, n);
    const before = await free(k.alice);
    const r = await submit(api, dtao().addStakeLimit(k.aliceHot.address, n, 50n * TAO, price + price / 100n, false), k.alice);
    assert.equal(r.error, 'dtao.SlippageTooHigh');
    const after = await info(n);
    assert.equal(big(after.taoReserve), big(s.taoReserve));
    assert.equal(big(after.alphaReserve), big(s.alphaReserve));
    assert.deepEqual(await stakeOf(k.alice, k.aliceHot, n), stakeBefore);
    assert.equal(await free(k.alice), before - r.fee, 'only the transaction fee was paid');
  });

  it('add_stake_limit: a partial fill executes the largest amount within the limit', async () => {
    const n = state.netuid;
    const s = await info(n);
    const limit = big(s.spotPrice) + big(s.spotPrice) / 100n;
    const amount = 50n * TAO;
    const r = await submit(api, dtao().addStakeLimit(k.aliceHot.address, n, amount, limit, true), k.alice);
    assert.equal(r.error, null);
    const ev = eventOf(r.events, api.events.dtao.StakeAdded);
    assert.ok(ev.tao > 0n && ev.tao < amount, `partial: ${ev.tao}`);
    const T = big(s.taoReserve); const A = big(s.alphaReserve); const fee = await feePpb();
    const filled = buy(T, A, ev.tao, fee);
    assert.equal(ev.alpha, filled.alpha);
    // The limit compares the exact post-trade price: T' · 10^9 ≤ limit · A'.
    assert.ok(filled.T * TAO <= limit * filled.A, 'price after the fill respects the limit');
    const more = buy(T, A, ev.tao + 1n, fee);
    assert.ok(more.T * TAO > limit * more.A, 'one rao more would break the limit');
  });

  it('after start_call, StakeAdded differs from the quote by exactly that block\'s injection', async () => {
    const n = state.netuid;
    let r = await submit(api, dtao().startCall(n), k.alice);
    assert.equal(r.error, null);
    // Root stake from Bob through Bob's hotkey (registered as a neuron first) makes root sell alpha.
    r = await submit(api, dtao().burnedRegister(n, k.bobHot.address), k.bob);
    assert.equal(r.error, null);
    r = await submit(api, dtao().addStake(k.bobHot.address, 0, 1000n * TAO), k.bob);
    assert.equal(r.error, null);
    // Let the moving price warm up so that the subnet receives emission.
    for (let i = 0; i < 3; i++) await createBlock(api);
    const parent = await api.rpc.chain.getBlockHash();
    const amount = 10n * TAO;
    const q = await quoteAdd(n, amount);
    const predicted = (await predictCoinbase(api, parent)).get(n);
    assert.ok(predicted.tauIn > 0n, 'the subnet receives emission');
    r = await submit(api, dtao().addStake(k.aliceHot.address, n, amount), k.charlie);
    assert.equal(r.error, null);
    const ev = eventOf(r.events, api.events.dtao.StakeAdded);
    const exec = buy(predicted.T, predicted.A, amount, await feePpb());
    assert.equal(ev.alpha, exec.alpha, 'execution is the quote formula on the pool after injection');
    assert.notEqual(ev.alpha, big(q.amountOut), 'the injection moved the pool');
    const last = await info(n, r.blockHash);
    assert.equal(big(last.taoInEmission), predicted.tauIn);
    assert.equal(big(last.alphaInEmission), predicted.alphaIn);
  });

  it('remove_stake pays what the sell formula gives; balance and stake_info agree', async () => {
    const n = state.netuid;
    const parent = await api.rpc.chain.getBlockHash();
    const predicted = (await predictCoinbase(api, parent)).get(n);
    const stake = await stakeOf(k.charlie, k.aliceHot, n);
    const amount = stake.alpha / 2n;
    const before = await free(k.charlie);
    const r = await submit(api, dtao().removeStake(k.aliceHot.address, n, amount), k.charlie);
    assert.equal(r.error, null);
    const ev = eventOf(r.events, api.events.dtao.StakeRemoved);
    const exec = sell(predicted.T, predicted.A, amount, await feePpb());
    assert.equal(ev.tao, exec.tao);
    assert.equal(ev.alpha, amount);
    assert.equal(await free(k.charlie), before + ev.tao - r.fee);
    const after = await stakeOf(k.charlie, k.aliceHot, n);
    assert.ok(stake.alpha - amount - after.alpha <= 1n, 'stake shrinks by the amount (share rounding ≤ 1)');
  });

  it('quote_remove_stake_for is exactly the next remove_stake of that position, whole stake included', async () => {
    const n = state.netuid;
    const { alpha } = await stakeOf(k.charlie, k.aliceHot, n);
    assert.ok(alpha > 0n);
    assert.ok((await api.call.dtaoApi.quoteRemoveStakeFor(k.charlie.address, k.aliceHot.address, n, alpha + 1n)).isNone, 'more than the stake');
    // Without the pool moving in between (manual sealing: the quote is taken on the parent of the
    // block that runs the call, so that block's injection is left out: compare on a root stake).
    await submit(api, dtao().addStake(k.aliceHot.address, 0, 3n * TAO), k.charlie);
    // No epoch in the next block, which would pay dividends into the position before the call.
    for (let i = 0; i < 3; i++) {
      const subnets = (await api.call.dtaoApi.allSubnets()).filter((x) => x.netuid.toNumber() > 0);
      if (subnets.every((x) => big(x.blocksUntilEpoch.unwrap()) > 1n)) break;
      await createBlock(api);
    }
    const root = (await stakeOf(k.charlie, k.aliceHot, 0)).alpha;
    const q = (await api.call.dtaoApi.quoteRemoveStakeFor(k.charlie.address, k.aliceHot.address, 0, root)).unwrap();
    const r = await submit(api, dtao().removeStake(k.aliceHot.address, 0, root), k.charlie);
    assert.equal(r.error, null);
    const ev = eventOf(r.events, api.events.dtao.StakeRemoved);
    assert.deepEqual([ev.tao, ev.alpha, ev.fee], [q.amountOut.toBigInt(), q.amountIn.toBigInt(), q.fee.toBigInt()]);
    assert.equal((await stakeOf(k.charlie, k.aliceHot, 0)).alpha, 0n, 'the whole root stake is gone');
  });

  it('move_stake across subnets sells on one pool and buys on the other', async () => {
    let r = await submit(api, dtao().registerNetwork(k.charlieHot.address), k.charlie);
    assert.equal(r.error, null);
    state.netuid2 = Number(eventOf(r.events, api.events.dtao.NetworkRegistered).netuid);
    r = await submit(api, dtao().startCall(state.netuid2), k.charlie);
    assert.equal(r.error, null);
    const [n1, n2] = [state.netuid, state.netuid2];
    // Not in an epoch's block: an epoch would pay the owner's cut onto Charlie's new position too.
    const epochNext = async () => {
      for (const n of [n1, n2]) if (big((await info(n)).blocksUntilEpoch.unwrap()) === 1n) return true;
      return false;
    };
    while (await epochNext()) await createBlock(api);
    const parent = await api.rpc.chain.getBlockHash();
    const predicted = await predictCoinbase(api, parent);
    const stake = await stakeOf(k.charlie, k.aliceHot, n1);
    // Charlie owns subnet n2: an epoch may already have paid its owner cut to this position.
    const held = (await stakeOf(k.charlie, k.charlieHot, n2)).alpha;
    const fee = await feePpb();
    r = await submit(api, dtao().moveStake(k.aliceHot.address, k.charlieHot.address, n1, n2, stake.alpha), k.charlie);
    assert.equal(r.error, null);
    const ev = eventOf(r.events, api.events.dtao.StakeMoved);
    const p1 = predicted.get(n1); const p2 = predicted.get(n2);
    const leg1 = sell(p1.T, p1.A, stake.alpha, fee);
    const leg2 = buy(p2.T, p2.A, leg1.tao, fee);
    assert.equal(ev.alphaIn, stake.alpha);
    assert.equal(ev.alphaOut, leg2.alpha);
    assert.equal((await stakeOf(k.charlie, k.aliceHot, n1)).alpha, 0n);
    assert.equal((await stakeOf(k.charlie, k.charlieHot, n2)).alpha - held, leg2.alpha);
  });

  it('transfer_stake on one subnet moves alpha to another coldkey without a swap', async () => {
    const n2 = state.netuid2;
    const stake = await stakeOf(k.charlie, k.charlieHot, n2);
    const part = stake.alpha / 4n;
    const r = await submit(api, dtao().transferStake(k.dave.address, k.charlieHot.address, n2, n2, part), k.charlie);
    assert.equal(r.error, null);
    const ev = eventOf(r.events, api.events.dtao.StakeTransferred);
    assert.equal(ev.alphaIn, part);
    const dave = await stakeOf(k.dave, k.charlieHot, n2);
    const charlie = await stakeOf(k.charlie, k.charlieHot, n2);
    assert.ok(part - dave.alpha <= 1n, 'Dave holds the part (share rounding ≤ 1)');
    assert.ok(stake.alpha - part - charlie.alpha <= 1n);
    const q = (await api.call.dtaoApi.quoteRemoveStake(n2, dave.alpha)).unwrap();
    assert.equal(dave.taoValue, big(q.amountOut), 'stake_info tao_value is what selling would pay');
  });

  it('move_stake_limit and transfer_stake_limit refuse a ratio the pools cannot give and move within the limit', async () => {
    const [n1, n2] = [state.netuid, state.netuid2];
    // Dave's stake goes to Charlie's hotkey on subnet n1, not a neuron there: the epochs of n1 that
    // later tests check pay Alice's hotkey's stakers only.
    const before = await stakeOf(k.dave, k.charlieHot, n2);
    const max = 18446744073709551615n;
    let r = await submit(api, dtao().moveStakeLimit(k.charlieHot.address, k.charlieHot.address, n2, n1, before.alpha, max, true), k.dave);
    assert.equal(r.error, 'dtao.SlippageTooHigh');
    r = await submit(api, dtao().transferStakeLimit(k.charlie.address, k.charlieHot.address, n2, n2, before.alpha, TAO + 1n, false), k.dave);
    assert.equal(r.error, 'dtao.SlippageTooHigh', 'within one subnet the ratio is 1');
    assert.equal((await stakeOf(k.dave, k.charlieHot, n2)).alpha, before.alpha, 'nothing moved');
    const quote = (from, to, hotFrom, hotTo, o, d, amount, limit, partial) => api.call.dtaoApi.quoteMoveStake({
      originColdkey: from.address,
      destinationColdkey: to.address,
      originHotkey: hotFrom.address,
      destinationHotkey: hotTo.address,
      originNetuid: o,
      destinationNetuid: d,
      amount,
      limit: limit === null ? null : [limit, partial],
    });
    assert.ok((await quote(k.dave, k.dave, k.charlieHot, k.charlieHot, n2, n1, before.alpha, max, true)).isNone, 'the refused move has no quote');
    // Across subnets without a limit: the quote is the two legs of §3 on the pools of this block.
    const third = before.alpha / 3n;
    const q = (await quote(k.dave, k.dave, k.charlieHot, k.charlieHot, n2, n1, third, null, false)).unwrap();
    const [o, d, fee] = [await info(n2), await info(n1), await feePpb()];
    assert.ok(third - big(q.alphaIn) <= 1n, 'alpha in: the amount, less the share pool rounding');
    const leg1 = sell(big(o.taoReserve), big(o.alphaReserve), big(q.alphaIn), fee);
    const leg2 = buy(big(d.taoReserve), big(d.alphaReserve), leg1.tao, fee);
    assert.deepEqual([big(q.alphaOut), big(q.tao), big(q.fee)], [leg2.alpha, leg1.tao, leg1.fee + leg2.fee]);
    r = await submit(api, dtao().moveStakeLimit(k.charlieHot.address, k.charlieHot.address, n2, n1, third, 0, false), k.dave);
    assert.equal(r.error, null);
    let ev = eventOf(r.events, api.events.dtao.StakeMoved);
    assert.ok(third - ev.alphaIn <= 1n && ev.tao > 0n && ev.fee > 0n, 'two legs, each with its fee');
    const part = (before.alpha - third) / 2n;
    r = await submit(api, dtao().transferStakeLimit(k.charlie.address, k.charlieHot.address, n2, n2, part, TAO, false), k.dave);
    assert.equal(r.error, null);
    ev = eventOf(r.events, api.events.dtao.StakeTransferred);
    assert.equal(ev.alphaIn, part);
    assert.equal(ev.alphaOut, part);
    assert.equal(ev.fee, 0n);
  });
});

describe('emission', () => {
  it('subnet_info shows exactly the §6.2 injection, pending balances and root proportion, block by block', async () => {
    let checked = 0;
    for (let i = 0; i < 12 && checked < 6; i++) {
      const parent = await api.rpc.chain.getBlockHash();
      const predicted = await predictCoinbase(api, parent);
      const epochNext = new Map();
      for (const n of predicted.keys()) epochNext.set(n, big((await info(n, parent)).blocksUntilEpoch.unwrap()) === 1n);
      const hash = await createBlock(api);
      for (const [n, p] of predicted) {
        const s = await info(n, hash);
        assert.equal(big(s.taoInEmission), p.tauIn, `τ of ${n}`);
        assert.equal(big(s.alphaInEmission), p.alphaIn, `α_in of ${n}`);
        assert.equal(big(s.alphaOutEmission), p.alphaOut, `α_out of ${n}`);
        assert.equal(big(s.rootAlphaSold), p.rootAlphaSold, `ra of ${n}`);
        assert.equal(big(s.rootTaoBought), p.rootTaoBought, `rt of ${n}`);
        assert.equal(big(s.rootProportion), p.rootProportionPpb, `ρ of ${n}`);
        if (!epochNext.get(n)) {
          assert.equal(big(s.taoReserve), p.T);
          assert.equal(big(s.alphaReserve), p.A);
          assert.equal(big(s.pendingOwnerAlpha), p.pendingOwner);
          assert.equal(big(s.pendingMinerAlpha), p.pendingMiner);
          assert.equal(big(s.pendingValidatorAlpha), p.pendingValidator);
          assert.equal(big(s.pendingRootTao), p.pendingRoot);
          checked++;
        }
      }
    }
    assert.ok(checked >= 6, `checked ${checked} subnet-blocks outside epochs`);
    const s = await info(state.netuid);
    assert.ok(big(s.rootAlphaSold) > 0n, 'root sells part of the validators\' alpha');
  });

  it('an epoch pays the owner, the validator and its nominator', async () => {
    const n = state.netuid;
    // Bob nominates Alice's hotkey; Alice's hotkey is the owner hotkey and the largest validator.
    let r = await submit(api, dtao().addStake(k.aliceHot.address, n, 20n * TAO), k.bob);
    assert.equal(r.error, null);
    let until = big((await info(n)).blocksUntilEpoch.unwrap());
    while (until > 1n) { await createBlock(api); until -= 1n; }
    const aliceBefore = await stakeOf(k.alice, k.aliceHot, n);
    const bobBefore = await stakeOf(k.bob, k.aliceHot, n);
    const pending = await info(n);
    const hash = await createBlock(api);
    const events = (await (await api.at(hash)).query.system.events()).map((e) => e.event);
    const ev = eventOf(events, api.events.dtao.EpochDrained);
    assert.ok(ev && Number(ev.netuid) === n, 'the epoch ran');
    assert.ok(ev.ownerAlpha > 0n && ev.validatorAlpha > 0n);
    assert.ok(ev.ownerAlpha >= big(pending.pendingOwnerAlpha), 'the owner pot, including this block, was paid');
    const aliceAfter = await stakeOf(k.alice, k.aliceHot, n);
    const bobAfter = await stakeOf(k.bob, k.aliceHot, n);
    const gained = aliceAfter.alpha - aliceBefore.alpha + (bobAfter.alpha - bobBefore.alpha);
    assert.ok(bobAfter.alpha > bobBefore.alpha, 'the nominator was paid');
    assert.ok(aliceAfter.alpha - aliceBefore.alpha >= ev.ownerAlpha, 'the owner was paid its cut');
    // Owner cut, validator dividends (the miners' pot too, as no weights are set) all land on the
    // owner hotkey's pool: what the two coldkeys gained is what was paid, less share rounding.
    const paid = ev.ownerAlpha + ev.validatorAlpha + ev.minerAlpha;
    assert.ok(paid - gained <= 2n && gained <= paid, `gained ${gained} of ${paid}`);
  });
});

describe('yuma consensus', () => {
  const kr = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const ownerHot = kr.addFromUri('//Yuma//owner');
  const validators = [kr.addFromUri('//Yuma//v1'), kr.addFromUri('//Yuma//v2')];
  const miners = [1, 2, 3].map((i) => kr.addFromUri(`//Yuma//m${i}`));

  /** Seal blocks until the next one runs the epoch of `n`. */
  async function toEpoch(n) {
    let until = big((await info(n)).blocksUntilEpoch.unwrap());
    while (until > 1n) { await createBlock(api); until -= 1n; }
  }

  it('two validators and three miners: metagraph and stakes follow Yuma, epoch after epoch', async () => {
    // Charlie's subnet; Bob's and Dave's validators; three miners of Charlie's.
    let r = await submit(api, dtao().registerNetwork(ownerHot.address), k.charlie);
    assert.equal(r.error, null);
    const n = Number(eventOf(r.events, api.events.dtao.NetworkRegistered).netuid);
    state.yumaNetuid = n;
    assert.equal((await submit(api, dtao().startCall(n), k.charlie)).error, null);
    const owners = [k.bob, k.dave];
    for (const [i, v] of validators.entries()) {
      assert.equal((await submit(api, dtao().burnedRegister(n, v.address), owners[i])).error, null);
      // The hotkey signs set_weights and pays its fee.
      assert.equal((await submit(api, api.tx.balances.transferKeepAlive(v.address, 10n * TAO), owners[i])).error, null);
    }
    for (const m of miners) assert.equal((await submit(api, dtao().burnedRegister(n, m.address), k.charlie)).error, null);
    assert.equal((await submit(api, dtao().addStake(validators[0].address, n, 100n * TAO), k.bob)).error, null);
    assert.equal((await submit(api, dtao().addStake(validators[0].address, 0, 300n * TAO), k.bob)).error, null);
    assert.equal((await submit(api, dtao().addStake(validators[1].address, n, 50n * TAO), k.dave)).error, null);
    // Before an epoch only the owner's hotkey may set weights.
    r = await submit(api, dtao().setWeights(n, [3], [1]), validators[0]);
    assert.equal(r.error, 'dtao.NoValidatorPermit');

    // The first epoch grants the permits by stake.
    await toEpoch(n);
    await createBlock(api);
    let mg = (await api.call.dtaoApi.metagraph(n)).unwrap();
    assert.deepEqual(mg.neurons.map((x) => x.validatorPermit.isTrue), [true, true, true, false, false, false]);
    assert.ok(mg.lastEpochBlock.isSome);

    // The validators disagree on miner 4: consensus clips Dave's validator there.
    assert.equal((await submit(api, dtao().setWeights(n, [3, 4, 5], [50, 30, 20]), validators[0])).error, null);
    assert.equal((await submit(api, dtao().setWeights(n, [3, 4, 5], [20, 60, 20]), validators[1])).error, null);
    assert.deepEqual((await api.query.dtao.weights(n, 1)).map(([j, w]) => [j.toNumber(), w.toNumber()]), [[3, 65535], [4, 39321], [5, 26214]]);

    for (const epoch of [1, 2]) {
      await toEpoch(n);
      const parent = await api.rpc.chain.getBlockHash();
      const s = await epochState(api, n, parent);
      const predicted = (await predictCoinbase(api, parent)).get(n);
      const expected = yumaEpoch(s);
      const pots = { miner: predicted.pendingMiner, validator: predicted.pendingValidator, root: predicted.pendingRoot };
      const split = splitPots(s, expected, pots);
      const hash = await createBlock(api);

      const events = (await (await api.at(hash)).query.system.events()).map((e) => e.event)
        .filter((e) => api.events.dtao.EpochDrained.is(e) && e.data.netuid.toNumber() === n);
      assert.equal(events.length, 1, `epoch ${epoch} ran`);
      const ev = eventOf(events, api.events.dtao.EpochDrained);
      const total = (v) => v.reduce((a, x) => a + x, 0n);
      assert.equal(ev.ownerAlpha, predicted.pendingOwner, 'owner cut');
      assert.equal(ev.minerAlpha, total(split.miner), 'miners by incentive');
      assert.equal(ev.validatorAlpha, total(split.validatorAlpha), 'alpha dividends');
      assert.equal(ev.rootTao, total(split.rootTao), 'root dividends');
      assert.ok(ev.minerAlpha > 0n && ev.validatorAlpha > 0n && ev.rootTao > 0n, 'every pot paid');

      mg = (await (await api.at(hash)).call.dtaoApi.metagraph(n)).unwrap();
      assert.equal(big(mg.lastEpochBlock.unwrap()), s.block);
      const after = await epochState(api, n, hash);
      let grown = 0n;
      mg.neurons.forEach((x, i) => {
        const who = `epoch ${epoch}, uid ${i}`;
        assert.equal(x.hotkey.toString(), s.hotkeys[i]);
        assert.equal(big(x.stakeWeight), toU16(expected.stake[i]), `${who} stake weight`);
        assert.equal(big(x.consensus), toU16(expected.consensus[i]), `${who} consensus`);
        assert.equal(big(x.validatorTrust), toU16(expected.trust[i]), `${who} validator trust`);
        assert.equal(big(x.incentive), toU16(expected.incentive[i]), `${who} incentive`);
        assert.equal(big(x.dividends), toU16(expected.dividends[i]), `${who} dividends`);
        assert.equal(x.validatorPermit.isTrue, expected.permits[i], `${who} permit`);
        assert.deepEqual(x.bonds.map(([j, b]) => [j.toNumber(), big(b)]), expected.bonds[i], `${who} bonds`);
        assert.equal(big(x.alphaPaid), split.miner[i] + split.validatorAlpha[i], `${who} alpha paid`);
        assert.equal(big(x.rootTaoPaid), split.rootTao[i], `${who} root TAO paid`);
        // Each hotkey's stake grew by exactly what it was paid (the owner's also by the cut).
        const ownerCut = i === s.ownerUid ? ev.ownerAlpha : 0n;
        assert.equal(after.neurons[i].alpha - s.neurons[i].alpha, big(x.alphaPaid) + ownerCut, `${who} alpha stake`);
        assert.equal(after.neurons[i].root - s.neurons[i].root, big(x.rootTaoPaid), `${who} root stake`);
        grown += after.neurons[i].alpha - s.neurons[i].alpha;
      });
      assert.equal(grown, ev.ownerAlpha + ev.minerAlpha + ev.validatorAlpha, 'stakes grew by the payments');
      // Yuma is visible: miners ranked by consensus, Dave's validator clipped on miner 4.
      const inc = mg.neurons.map((x) => x.incentive.toNumber());
      assert.ok(inc[3] > inc[4] && inc[4] > 0 && inc[5] > 0, `incentive ${inc}`);
      assert.ok(mg.neurons[2].validatorTrust.toNumber() < mg.neurons[1].validatorTrust.toNumber());
      assert.ok(mg.neurons[1].dividends.toNumber() > 0 && mg.neurons[2].dividends.toNumber() > 0);
      assert.ok(mg.neurons[1].bonds.length === 3, 'bonds follow the weights');
    }
  });
});

describe('failures', () => {
  it('each failing call returns the named module error and changes nothing', async () => {
    const n = state.netuid;
    const cases = [
      ['slippage', dtao().addStakeLimit(k.aliceHot.address, n, 10n * TAO, 1n, false), k.bob, 'dtao.SlippageTooHigh'],
      ['unknown subnet', dtao().addStake(k.aliceHot.address, 999, TAO), k.bob, 'dtao.SubnetNotFound'],
      ['too little stake', dtao().removeStake(k.aliceHot.address, n, 1_000_000n * TAO), k.bob, 'dtao.NotEnoughStake'],
      ['amount too low', dtao().addStake(k.aliceHot.address, n, 1n), k.bob, 'dtao.AmountTooLow'],
      ['not the owner', dtao().startCall(state.netuid2), k.bob, 'dtao.NotSubnetOwner'],
    ];
    for (const [what, tx, signer, expected] of cases) {
      const positions = async () => (await api.call.dtaoApi.stakeInfo(signer.address))
        .map((s) => `${s.hotkey.toString()}/${s.netuid.toNumber()}/${s.alpha.toString()}`);
      const stakes = await positions();
      const before = await free(signer);
      const r = await submit(api, tx, signer);
      assert.equal(r.error, expected, what);
      assert.equal(await free(signer), before - r.fee, `${what}: only the fee was paid`);
      // Stake values change only when an epoch pays dividends; compare them when none ran.
      const blockEvents = (await (await api.at(r.blockHash)).query.system.events()).map((e) => e.event);
      if (!blockEvents.some((e) => api.events.dtao.EpochDrained.is(e))) {
        assert.deepEqual(await positions(), stakes, `${what}: stake unchanged`);
      }
    }
  });
});
