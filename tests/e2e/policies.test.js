// End-to-end: the policies root can switch on a running dev chain (docs/mechanism.md §6.2, §6.6,
// §6.7), through `sudo`, with manual sealing: the emission-share policy, dividends released over
// the tempo, and root's alpha kept for root stakers to claim with `claim_root`.
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TAO, startNode, keys, createBlock, submit, eventOf, big, assertInvariants } from './lib/chain.js';

let node;
let api;
const k = keys();

const sudo = (call) => submit(api, api.tx.sudo.sudo(call), k.alice);
const info = async (netuid) => (await api.call.dtaoApi.subnetInfo(netuid)).unwrap();
const sudid = (r) => {
  const e = r.events.find((x) => api.events.sudo.Sudid.is(x));
  return e && e.data.sudoResult.isOk;
};

before(async () => {
  node = await startNode();
  api = node.api;
});

after(async () => {
  if (node) await node.stop();
});

it('root switches the emission-share policy and the dividend accrual; a signed origin cannot', async () => {
  const policy = { rule: { TaoFlow: { cutoff: -1_000_000_000, exponentMilli: 500 } }, gate: { quantile: 500_000_000, exponent: 2 } };
  let r = await submit(api, api.tx.dtao.setEmissionSharePolicy(policy), k.bob);
  assert.equal(r.error, 'BadOrigin');
  r = await sudo(api.tx.dtao.setEmissionSharePolicy(policy));
  assert.ok(sudid(r));
  const stored = (await api.query.dtao.emissionShare()).toJSON();
  assert.deepEqual(stored.rule, { taoFlow: { cutoff: -1_000_000_000, exponentMilli: 500 } });
  r = await sudo(api.tx.dtao.setEmissionSharePolicy({ rule: 'MovingPrice', gate: null }));
  assert.ok(sudid(r));
  r = await sudo(api.tx.dtao.setDividendAccrual('OverTempo'));
  assert.ok(sudid(r));
  assert.equal((await api.query.dtao.dividendAccrualMode()).toString(), 'OverTempo');
  r = await sudo(api.tx.dtao.setDividendAccrual('AtEpoch'));
  assert.ok(sudid(r));
  await assertInvariants(api, r.blockHash);
});

it('set_params sets several parameters in one call, each with its event, in order; one refused entry sets none', async () => {
  const minStake0 = (await api.query.dtao.minStake()).toBigInt();
  const taoWeight0 = (await api.query.dtao.taoWeight()).toNumber();
  const accrual = (await api.query.dtao.dividendAccrualMode()).toString();
  let r = await submit(api, api.tx.dtao.setParams([{ MinStake: 600_000 }]), k.bob);
  assert.equal(r.error, 'BadOrigin');
  r = await sudo(api.tx.dtao.setParams([{ MinStake: 600_000 }, { TaoWeight: 200_000_000 }, { DividendAccrual: accrual }]));
  assert.ok(sudid(r));
  assert.equal((await api.query.dtao.minStake()).toBigInt(), 600_000n);
  assert.equal((await api.query.dtao.taoWeight()).toNumber(), 200_000_000);
  assert.deepEqual(r.events.filter((e) => e.section === 'dtao').map((e) => e.method), ['MinStakeSet', 'TaoWeightSet', 'DividendAccrualSet']);
  // The second entry is refused: the call fails with its error and the first is not set either.
  r = await sudo(api.tx.dtao.setParams([{ MinStake: 700_000 }, { MovingPriceCap: 0 }]));
  const result = r.events.find((x) => api.events.sudo.Sudid.is(x)).data.sudoResult;
  assert.ok(result.isErr);
  assert.equal(api.registry.findMetaError(result.asErr.asModule).name, 'InvalidParameter');
  assert.equal((await api.query.dtao.minStake()).toBigInt(), 600_000n);
  // The subnet-less defaults again, for the tests that follow.
  r = await sudo(api.tx.dtao.setParams([{ MinStake: minStake0 }, { TaoWeight: taoWeight0 }]));
  assert.ok(sudid(r));
  await assertInvariants(api, r.blockHash);
});

it('KeepAlpha: each block keeps root\'s alpha, the epoch pays it into a claim pool, claim_root stakes the claimable amount', async () => {
  let r = await submit(api, api.tx.dtao.registerNetwork(k.aliceHot.address), k.alice);
  assert.equal(r.error, null);
  const n = Number(eventOf(r.events, api.events.dtao.NetworkRegistered).netuid);
  assert.equal((await submit(api, api.tx.dtao.startCall(n), k.alice)).error, null);
  assert.equal((await submit(api, api.tx.dtao.addStake(k.aliceHot.address, 0, 1000n * TAO), k.bob)).error, null);
  r = await sudo(api.tx.dtao.setRootDividendMode('KeepAlpha'));
  assert.ok(sudid(r));
  assert.ok(api.events.dtao.RootDividendModeSet.is(r.events.find((e) => api.events.dtao.RootDividendModeSet.is(e))));

  await createBlock(api);
  let s = await info(n);
  assert.ok(big(s.rootAlphaKept) > 0n, 'root alpha kept');
  assert.equal(big(s.rootAlphaSold), 0n);
  assert.ok(big(s.pendingRootAlpha) >= big(s.rootAlphaKept));

  // Until the epoch has paid the kept alpha into the claim pool of Alice's hotkey.
  let drained = null;
  for (let i = 0; i < 30 && !drained; i += 1) {
    const hash = await createBlock(api);
    const events = (await (await api.at(hash)).query.system.events()).map((e) => e.event);
    drained = eventOf(events, api.events.dtao.RootAlphaDrained);
    await assertInvariants(api, hash);
  }
  assert.ok(drained && Number(drained.netuid) === n && drained.rootAlpha > 0n, 'an epoch paid root alpha');
  const claimable = big(await api.call.dtaoApi.rootClaimable(k.bob.address, k.aliceHot.address, n));
  const pools = (await api.query.dtao.rootClaimPools(k.aliceHot.address)).unwrap().pools;
  const live = pools.find((p) => p.netuid.toNumber() === n && p.settled.isNone);
  const held = big(live.held);
  assert.ok(claimable > 0n && claimable <= held);

  r = await submit(api, api.tx.dtao.claimRoot(k.aliceHot.address, n), k.bob);
  assert.equal(r.error, null);
  const claimed = eventOf(r.events, api.events.dtao.RootClaimed);
  assert.equal(claimed.alpha, claimable, 'claimed what rootClaimable said');
  const stake = (await api.call.dtaoApi.stakeInfo(k.bob.address))
    .find((x) => x.hotkey.toString() === k.aliceHot.address && x.netuid.toNumber() === n);
  assert.ok(stake && big(stake.alpha) + 1n >= claimable, 'the claim is alpha stake on the subnet');
  await assertInvariants(api, r.blockHash);

  r = await submit(api, api.tx.dtao.claimRoot(k.aliceHot.address, n), k.bob);
  assert.equal(r.error, 'dtao.NothingToClaim');
});

it('a dissolution settles the claim pool with the stakers; its root stakers claim their part in TAO', async () => {
  const n = (await api.query.dtao.rootClaimHotkeys.keys()).map((key) => key.args[0].toNumber())[0];
  assert.ok(n > 0, 'the KeepAlpha subnet has a live claim pool');
  // Until an epoch has paid Bob something again.
  let due = 0n;
  for (let i = 0; i < 30 && due === 0n; i += 1) {
    await createBlock(api);
    due = big(await api.call.dtaoApi.rootClaimable(k.bob.address, k.aliceHot.address, n));
  }
  assert.ok(due > 0n, 'Bob has kept alpha to claim');
  const r = await sudo(api.tx.dtao.dissolveNetwork(n));
  assert.ok(sudid(r));
  const settled = eventOf(r.events, api.events.dtao.RootClaimsSettled);
  assert.ok(settled && Number(settled.netuid) === n && settled.alpha >= due && settled.tao > 0n, 'claim pool settled');
  const dissolved = eventOf(r.events, api.events.dtao.NetworkDissolved);
  assert.ok(dissolved.paidToStakers >= settled.tao, 'the claims are part of what the stakers are paid');
  await assertInvariants(api, r.blockHash);
  assert.equal(big(await api.call.dtaoApi.rootClaimable(k.bob.address, k.aliceHot.address, n)), 0n, 'no live pool left');
  const tao = big(await api.call.dtaoApi.rootClaimableTao(k.bob.address, k.aliceHot.address, n));
  assert.ok(tao > 0n && tao <= settled.tao);
  const c = await submit(api, api.tx.dtao.claimRoot(k.aliceHot.address, n), k.bob);
  assert.equal(c.error, null);
  const claimed = eventOf(c.events, api.events.dtao.RootClaimedTao);
  assert.equal(claimed.tao, tao, 'paid what rootClaimableTao said');
  await assertInvariants(api, c.blockHash);
  const again = await submit(api, api.tx.dtao.claimRoot(k.aliceHot.address, n), k.bob);
  assert.equal(again.error, 'dtao.NothingToClaim');
});
