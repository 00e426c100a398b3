// btcli (bittensor-cli, pinned in scripts/btcli.sh) against a dev node with instant sealing, as a
// Bittensor user would drive it: subnets burn-cost/create/start/list/show/hyperparameters/metagraph,
// wallet overview/balance/transfer, stake add (plain, --safe, a partial fill, several subnets at once), stake list,
// stake remove (an amount, --all), stake move, stake transfer, stake swap, sudo set and subnets register. Every figure it prints is checked against DtaoApi
// read at the same head (instant sealing makes no block between the command and the check), and
// refused operations must show the chain's named error, or the client's own refusal, and change
// nothing but the fee. The client exits 0 on failures, so its output is judged, never its exit
// code.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { startNode, tempDir, keys, TAO, big, eventOf } from './lib/chain.js';

const repo = resolve('../..');
const target = process.env.CARGO_TARGET_DIR || join(process.env.HOME || '', '.cache', 'dtao-target');

let node;
let api;
let env;

/** What the last `btcli` call printed on stdout. */
let lastStdout = '';

/** Run `scripts/btcli.sh …args --network <node>`; returns stdout and stderr together. */
function btcli(args, input = '') {
  const r = spawnSync(join(repo, 'scripts', 'btcli.sh'), [...args, '--network', node.url], {
    env, input, encoding: 'utf8', timeout: 240_000, maxBuffer: 16 << 20,
  });
  if (r.error) throw r.error;
  lastStdout = r.stdout;
  return `${r.stdout}${r.stderr}`;
}

/** The JSON a `--json-output` command printed on stdout (after any prompt text); `out` is what
 * `btcli` returned, shown if there is no JSON. */
function json(out) {
  const stdout = lastStdout;
  const start = stdout.search(/[[{]/);
  assert.ok(start >= 0, `no JSON in btcli's output:\n${out}`);
  try {
    return JSON.parse(stdout.slice(start));
  } catch (e) {
    throw new Error(`btcli's output is not JSON (${e.message}):\n${out}`);
  }
}

const rao = (tao) => BigInt(Math.round(tao * 1e9));
const head = async () => (await api.rpc.chain.getHeader()).number.toNumber();
const free = async (who) => (await api.query.system.account(who)).data.free.toBigInt();
const info = async (netuid) => (await api.call.dtaoApi.subnetInfo(netuid)).unwrap();
const stakeOf = async (coldkey, netuid) => {
  const all = await api.call.dtaoApi.stakeInfo(coldkey);
  const s = all.find((x) => x.netuid.toNumber() === netuid);
  return s ? big(s.alpha) : 0n;
};
/** The alpha `coldkey` holds through `hotkey` on `netuid` (0 if none), from DtaoApi.stake_info. */
const positionOf = async (coldkey, hotkey, netuid) => {
  const p = (await api.call.dtaoApi.stakeInfo(coldkey)).find((x) => x.netuid.toNumber() === netuid && x.hotkey.toString() === hotkey);
  return p ? big(p.alpha) : 0n;
};
/** Sign and send `tx` (instant sealing makes its block); resolves when it is in a block, with
 * its module error as `section.Name`, or null. */
function send(tx, signer) {
  return new Promise((res, rej) => {
    tx.signAndSend(signer, { nonce: -1 }, (r) => {
      if (!r.status.isInBlock) return;
      if (!r.dispatchError) return res(null);
      const e = r.dispatchError.isModule ? api.registry.findMetaError(r.dispatchError.asModule) : null;
      return res(e ? `${e.section}.${e.name}` : r.dispatchError.toString());
    }).catch(rej);
  });
}

/** The fields of the first `kind` event in the head block (see eventOf), or null. */
async function eventAtHead(kind) {
  const events = (await api.query.system.events()).map((r) => r.event);
  return eventOf(events, kind);
}

/** The fee `who` paid in the head block (0 if none). */
async function feeAtHead(who) {
  const events = await api.query.system.events();
  const e = events.find((r) => api.events.transactionPayment.TransactionFeePaid.is(r.event)
    && r.event.data.who.toString() === who);
  return e ? e.event.data.actualFee.toBigInt() : 0n;
}

const tx = ['--no-prompt', '--no-mev-protection'];
const identity = [
  '--subnet-name', 'apex', '--github-repo', 'https://github.com/example/apex',
  '--subnet-contact', 'dev@example.com', '--subnet-url', 'https://example.com',
  '--discord-handle', 'dev', '--description', 'a test subnet',
  '--logo-url', 'https://example.com/logo.png', '--additional-info', 'none',
];

describe('btcli against the dev chain', () => {
  let k;
  before(async () => {
    node = await startNode({ sealing: 'instant' });
    api = node.api;
    k = keys();
    const home = tempDir();
    // The client keeps its configuration and wallets under HOME; the virtual environment stays in
    // the build folder. A wide terminal keeps its JSON on one line per value.
    env = { ...process.env, HOME: home, CARGO_TARGET_DIR: target, COLUMNS: '100000', NO_COLOR: '1' };
  });
  after(async () => { await node?.stop(); });

  it('subnets burn-cost is the lock DtaoApi quotes', async () => {
    const out = json(btcli(['subnets', 'burn-cost', '--json-output']));
    assert.equal(out.error, '');
    assert.equal(BigInt(out.burn_cost.rao), big(await api.call.dtaoApi.networkRegistrationCost()));
  });

  it('subnets create registers a subnet, plain and with an identity, paying the quoted lock', async () => {
    const cost1 = big(await api.call.dtaoApi.networkRegistrationCost());
    const alice1 = await free(k.alice.address);
    // Without identity flags the client asks for each field; empty answers send register_network.
    const out1 = json(btcli(['subnets', 'create', '--wallet-name', 'alice', '--hotkey', 'default', ...tx, '--json-output'], '\n'.repeat(8)));
    assert.deepEqual([out1.success, out1.netuid], [true, 1], JSON.stringify(out1));
    const sn1 = await info(1);
    assert.equal(sn1.owner.unwrap().toString(), k.alice.address);
    assert.equal(big(sn1.locked), cost1);
    assert.equal(await free(k.alice.address), alice1 - cost1 - await feeAtHead(k.alice.address));

    // The doubled lock decays block by block: the registration pays the cost of its own block,
    // at most the cost quoted at the head before it.
    const cost2 = big(await api.call.dtaoApi.networkRegistrationCost());
    assert.ok(cost2 > cost1, 'the lock cost doubled');
    const bob1 = await free(k.bob.address);
    const out2 = json(btcli(['subnets', 'create', '--wallet-name', 'bob', '--hotkey', 'default', ...tx, '--json-output', ...identity]));
    assert.deepEqual([out2.success, out2.netuid], [true, 2], JSON.stringify(out2));
    const registered = await eventAtHead(api.events.dtao.NetworkRegistered);
    assert.deepEqual([registered.netuid, registered.owner], [2n, k.bob.address]);
    assert.ok(registered.lock <= cost2 && registered.lock > cost1, `${registered.lock} vs ${cost2}`);
    assert.equal(big((await info(2)).locked), registered.lock);
    assert.equal(await free(k.bob.address), bob1 - registered.lock - await feeAtHead(k.bob.address));
    assert.ok(await eventAtHead(api.events.subtensorModule.NetworkAdded), 'NetworkAdded, which the client waits for');
    const identityOf2 = (await api.query.subtensorModule.subnetIdentitiesV3(2)).unwrap();
    assert.equal(Buffer.from(identityOf2.subnetName).toString(), 'apex');
  });

  it('subnets start starts emission on the owner’s subnet', async () => {
    for (const [netuid, wallet] of [[1, 'alice'], [2, 'bob']]) {
      const out = btcli(['subnets', 'start', '--netuid', String(netuid), '--wallet-name', wallet, '--no-prompt']);
      assert.match(out, new RegExp(`Successfully started subnet ${netuid}`), out);
      assert.ok((await info(netuid)).startedAt.isSome);
      // No epochs from here on: a position then changes only by the user's own operations, so
      // the tests below can check each one to the rao.
      assert.equal(await send(api.tx.sudo.sudo(api.tx.dtao.setTempo(netuid, 0)), k.alice), null);
      assert.equal((await info(netuid)).tempo.toNumber(), 0);
    }
  });

  it('stake add: the position gets what the chain’s StakeAdded reports, the balance moves by the stake and the fee', async () => {
    const amount = 10n * TAO;
    const before = await free(k.bob.address);
    const out = json(btcli(['stake', 'add', '--wallet-name', 'bob', '--include-hotkeys', k.alice.address,
      '--netuid', '1', '--amount', '10', ...tx, '--unsafe', '--json-output']));
    assert.equal(out.staking_success['1'][k.alice.address], true, JSON.stringify(out));
    // The block's coinbase moves the pool before the stake: the chain's quote in that block is
    // what the event reports, and it is what the position holds.
    const added = await eventAtHead(api.events.dtao.StakeAdded);
    assert.deepEqual([added.coldkey, added.hotkey, added.netuid, added.tao], [k.bob.address, k.alice.address, 1n, amount]);
    assert.equal(await stakeOf(k.bob.address, 1), added.alpha);
    assert.equal(await free(k.bob.address), before - amount - await feeAtHead(k.bob.address));
    // Root: 1:1.
    const outRoot = json(btcli(['stake', 'add', '--wallet-name', 'bob', '--include-hotkeys', k.alice.address,
      '--netuid', '0', '--amount', '50', ...tx, '--json-output']));
    assert.equal(outRoot.staking_success['0'][k.alice.address], true, JSON.stringify(outRoot));
    assert.equal(await stakeOf(k.bob.address, 0), 50n * TAO);
  });

  it('stake add --safe shows the quote, executes within its tolerance, and a crossed limit is the chain’s SlippageTooHigh', async () => {
    // The table shows the chain's quote (SwapRuntimeApi.sim_swap_tao_for_alpha, the pool's own
    // arithmetic) of the amount less the client's estimate of the transaction fee, to 4 decimals:
    // what the stake receives and the pool's fee.
    const limitCall = api.tx.subtensorModule.addStakeLimit(k.bob.address, 2, TAO, 0n, false);
    const feeEstimate = (await limitCall.paymentInfo(k.charlie.address)).partialFee.toBigInt();
    const quote = (await api.call.dtaoApi.quoteAddStake(2, TAO - feeEstimate)).unwrap();
    const stakeBefore = await stakeOf(k.charlie.address, 2);
    const out = btcli(['stake', 'add', '--wallet-name', 'charlie', '--include-hotkeys', k.bob.address,
      '--netuid', '2', '--amount', '1', ...tx, '--safe', '--tolerance', '0.5', '--no-partial']);
    assert.match(out, /Finalized\. Stake added to netuid: 2/, out);
    const row = out.split('\n').find((l) => /^\s*2\s*│/.test(l));
    assert.ok(row, `no table row for netuid 2:\n${out}`);
    const cells = row.split('│').map((c) => c.replace(/[^\d.]/g, ''));
    const shown = cells.filter((c) => /^\d+\.\d{4}$/.test(c)).map(Number);
    const received = Number(quote.amountOut.toBigInt()) / 1e9;
    assert.ok(shown.some((v) => Math.abs(v - received) <= 0.00005 + 1e-9), `received ${received} not in ${row}`);
    const fee = Number(quote.fee.toBigInt()) / 1e9;
    assert.ok(shown.some((v) => Math.abs(v - fee) <= 0.00005 + 1e-9), `fee ${fee} not in ${row}`);
    const added = await eventAtHead(api.events.dtao.StakeAdded);
    assert.deepEqual([added.coldkey, added.netuid, added.tao], [k.charlie.address, 2n, TAO]);
    assert.equal(await stakeOf(k.charlie.address, 2), stakeBefore + added.alpha);

    // 10 TAO more moves the price by far more than 0.1 %: refused by the chain, nothing staked,
    // only the fee paid.
    const pool = await info(2);
    const balance = await free(k.charlie.address);
    const refused = btcli(['stake', 'add', '--wallet-name', 'charlie', '--include-hotkeys', k.bob.address,
      '--netuid', '2', '--amount', '10', ...tx, '--safe', '--tolerance', '0.001', '--no-partial']);
    assert.match(refused, /SlippageTooHigh/, refused);
    assert.equal(await eventAtHead(api.events.dtao.StakeAdded), null);
    // The pool moved by its block's coinbase alone: TAO injected, less what root's sale took out.
    const after = await info(2);
    assert.equal(big(after.taoReserve), big(pool.taoReserve) + big(after.taoInEmission) - big(after.rootTaoBought));
    assert.equal(await stakeOf(k.charlie.address, 2), stakeBefore + added.alpha);
    assert.equal(await free(k.charlie.address), balance - await feeAtHead(k.charlie.address));
  });

  it('subnets list shows every subnet’s price, reserves, emission and tempo as DtaoApi reports them', async () => {
    const out = json(btcli(['subnets', 'list', '--json-output']));
    const now = await head();
    const all = await api.call.dtaoApi.allSubnets();
    assert.equal(out.total_netuids, all.length);
    for (const s of all) {
      const n = s.netuid.toNumber();
      const row = out.subnets[String(n)];
      assert.ok(row, `subnet ${n} missing from ${JSON.stringify(out)}`);
      if (n === 0) {
        assert.equal(row.price, 1);
        continue;
      }
      assert.equal(rao(row.price), big(s.spotPrice), `price of ${n}`);
      assert.equal(rao(row.liquidity.tao_in), big(s.taoReserve), `tao_in of ${n}`);
      assert.equal(rao(row.liquidity.alpha_in), big(s.alphaReserve), `alpha_in of ${n}`);
      assert.equal(rao(row.alpha_out), big(s.alphaOutstanding), `alpha_out of ${n}`);
      assert.equal(rao(row.emission), big(s.taoInEmission), `emission of ${n}`);
      assert.equal(row.tempo.sn_tempo, s.tempo.toNumber());
      const last = (await api.query.dtao.lastEpochBlock(n)).toNumber();
      assert.equal(row.tempo.blocks_since_last_step, now - last);
      assert.equal(row.mechanisms, 1);
    }
    assert.equal(out.subnets['2'].subnet_name, 'apex');
    assert.equal(out.subnets['1'].subnet_name, '');
  });

  it('subnets show lists the metagraph’s neurons with their stakes', async () => {
    const out = json(btcli(['subnets', 'show', '--netuid', '1', '--no-prompt', '--json-output']));
    const g = (await api.call.dtaoApi.metagraph(1)).unwrap();
    const s = await info(1);
    assert.equal(rao(out.rate), big(s.spotPrice), JSON.stringify(out));
    assert.equal(out.owner, k.alice.address);
    assert.equal(rao(out.tao_pool), big(s.taoReserve));
    assert.equal(rao(out.alpha_pool), big(s.alphaReserve));
    assert.equal(rao(out.emission), big(s.taoInEmission));
    assert.equal(out.tempo.tempo, s.tempo.toNumber());
    assert.equal(rao(out.registration_cost), big(await api.query.dtao.burn(1)));
    const taoWeight = BigInt(g.taoWeight.toNumber());
    // The client weighs root stake by its own constant 0.18, this chain's default TaoWeight.
    assert.equal(taoWeight, 180_000_000n);
    assert.equal(out.uids.length, g.neurons.length);
    for (const n of g.neurons) {
      const row = out.uids.find((u) => u.uid === n.uid.toNumber());
      assert.ok(row, `uid ${n.uid} missing`);
      assert.equal(row.hotkey, n.hotkey.toString());
      assert.equal(row.coldkey, n.coldkey.toString());
      assert.equal(rao(row.alpha_stake), big(n.alphaStake));
      assert.equal(rao(row.tao_stake), (big(n.rootStake) * taoWeight) / 1_000_000_000n);
      // The stake weight in alpha: H(h,n) + TaoWeight · H(h,0), rounded down.
      assert.equal(rao(row.stake), big(n.alphaStake) + (big(n.rootStake) * taoWeight) / 1_000_000_000n);
      assert.equal(rao(row.emissions), big(n.alphaPaid));
    }
  });

  it('subnets hyperparameters shows the subnet’s parameters as the chain stores them', async () => {
    const out = json(btcli(['subnets', 'hyperparameters', '--netuid', '1', '--json-output']));
    const value = (name) => {
      const row = out.find((r) => r.hyperparameter === name);
      assert.ok(row, `${name} missing from ${JSON.stringify(out)}`);
      return row;
    };
    const q = api.query.dtao;
    const tempo = (await q.tempo(1)).toNumber();
    const factor = (await q.activityCutoffFactorMilli(1)).toNumber();
    assert.equal(value('tempo').value, tempo);
    assert.equal(value('kappa').value, (await q.kappa(1)).toNumber());
    assert.equal(value('activity_cutoff_factor').value, factor);
    assert.equal(value('activity_cutoff').value, Math.max(1, Math.floor((factor * tempo) / 1000)));
    assert.equal(value('bonds_penalty').value, (await q.bondsPenalty(1)).toNumber());
    // A fraction of u64::MAX, shown normalized (BondsMovingAverage is in millionths).
    assert.equal(Number(value('bonds_moving_avg').normalized_value), Number(big(await q.bondsMovingAverage(1))) / 1e6);
    assert.equal(value('max_validators').value, (await q.maxValidators(1)).toNumber());
    assert.equal(value('max_uids').value, (await q.maxNeurons(1)).toNumber());
    assert.equal(BigInt(value('burn').value), big(await q.burn(1)));
    assert.deepEqual(
      ['commit_reveal_weights_enabled', 'weights_rate_limit', 'min_allowed_weights', 'max_weights_limit', 'registration_allowed'].map((n) => value(n).value),
      [false, 0, 1, 65535, true],
    );
  });

  it('wallet overview lists the wallet’s neurons with the metagraph’s figures', async () => {
    const out = json(btcli(['wallet', 'overview', '--wallet-name', 'alice', '--json-output']));
    const g = (await api.call.dtaoApi.metagraph(1)).unwrap();
    const sn = out.subnets.find((x) => x.netuid === 1);
    assert.ok(sn, JSON.stringify(out));
    assert.equal(sn.tempo, (await info(1)).tempo.toNumber());
    const mine = g.neurons.filter((n) => n.coldkey.toString() === k.alice.address);
    assert.equal(sn.neurons.length, mine.length, JSON.stringify(sn));
    // What the holders of the hotkey's stake could take now, in alpha (each holder's position).
    const holders = [k.alice.address, k.bob.address];
    for (const n of mine) {
      const row = sn.neurons.find((r) => r.uid === n.uid.toNumber());
      const who = `uid ${n.uid}`;
      assert.ok(row, `${who} missing`);
      assert.equal(row.hotkey_ss58, n.hotkey.toString(), who);
      assert.equal(row.active, n.active.isTrue, who);
      assert.equal(row.validator_permit, n.validatorPermit.isTrue, who);
      // Shown as blocks since the neuron's last update.
      assert.equal(BigInt(row.last_update), BigInt(await head()) - big(n.lastUpdate), who);
      assert.equal(row.incentive, n.incentive.toNumber() / 65535, who);
      assert.equal(row.dividends, n.dividends.toNumber() / 65535, who);
      assert.equal(row.consensus, n.consensus.toNumber() / 65535, who);
      assert.equal(row.validator_trust, n.validatorTrust.toNumber() / 65535, who);
      assert.equal(row.axon, null, who);
      let held = 0n;
      for (const c of holders) {
        const p = (await api.call.dtaoApi.stakeInfo(c)).find((x) => x.netuid.toNumber() === 1 && x.hotkey.toString() === n.hotkey.toString());
        held += p ? big(p.alpha) : 0n;
      }
      assert.equal(rao(row.stake), held, who);
    }
  });

  it('stake list and wallet balance show the chain’s positions and balances', async () => {
    const list = json(btcli(['stake', 'list', '--wallet-name', 'bob', '--no-prompt', '--json-output']));
    const positions = await api.call.dtaoApi.stakeInfo(k.bob.address);
    const rows = Object.entries(list.stake_info).flatMap(([hotkey, r]) => r.map((x) => ({ ...x, hotkey })));
    assert.equal(rows.length, positions.length, JSON.stringify(list));
    for (const p of positions) {
      const n = p.netuid.toNumber();
      const row = rows.find((r) => r.netuid === n && r.hotkey === p.hotkey.toString());
      assert.ok(row, `netuid ${n} missing from ${JSON.stringify(list)}`);
      assert.equal(rao(row.stake_value), big(p.alpha));
      assert.equal(rao(row.rate), n === 0 ? TAO : big((await info(n)).spotPrice));
      assert.equal(row.registered, n !== 0 && (await api.query.dtao.uids(n, p.hotkey)).isSome);
    }
    assert.equal(rao(list.free_balance), await free(k.bob.address));

    const bal = json(btcli(['wallet', 'balance', '--wallet-name', 'bob', '--json-output']));
    assert.equal(rao(bal.balances.bob.free), await free(k.bob.address));
    assert.equal(bal.balances.bob.coldkey, k.bob.address);
    // "staked" is the client's own valuation: each position at the spot price.
    let staked = 0;
    for (const p of positions) {
      const n = p.netuid.toNumber();
      staked += (Number(p.alpha.toBigInt()) / 1e9) * (n === 0 ? 1 : Number((await info(n)).spotPrice.toBigInt()) / 1e9);
    }
    assert.ok(Math.abs(bal.balances.bob.staked - staked) < 1e-6, `${bal.balances.bob.staked} vs ${staked}`);
  });

  it('stake remove: the balance gets what the chain’s StakeRemoved reports, less the fee', async () => {
    const alpha = 2n * TAO;
    const before = await free(k.bob.address);
    const stake = await stakeOf(k.bob.address, 1);
    const out = json(btcli(['stake', 'remove', '--wallet-name', 'bob', '--include-hotkeys', k.alice.address,
      '--netuid', '1', '--amount', '2', ...tx, '--unsafe', '--json-output']));
    assert.equal(out[0].success, true, JSON.stringify(out));
    const removed = await eventAtHead(api.events.dtao.StakeRemoved);
    assert.deepEqual([removed.coldkey, removed.hotkey, removed.netuid, removed.alpha], [k.bob.address, k.alice.address, 1n, alpha]);
    assert.equal(await stakeOf(k.bob.address, 1), stake - alpha);
    assert.equal(await free(k.bob.address), before + removed.tao - await feeAtHead(k.bob.address));
  });

  it('stake move and stake transfer move what the chain’s events report; wallet transfer pays the amount', async () => {
    // Bob's stake on Alice's hotkey on subnet 1 moves to Bob's hotkey on subnet 2 (through TAO).
    const from1 = await positionOf(k.bob.address, k.alice.address, 1);
    const to2 = await positionOf(k.bob.address, k.bob.address, 2);
    const moved = json(btcli(['stake', 'move', '--wallet-name', 'bob', '--from', k.alice.address, '--origin-netuid', '1',
      '--dest-netuid', '2', '--to', k.bob.address, '--amount', '1', ...tx, '--json-output']));
    assert.equal(moved.success, true, JSON.stringify(moved));
    const m = await eventAtHead(api.events.dtao.StakeMoved);
    assert.deepEqual([m.coldkey, m.originHotkey, m.destinationHotkey, m.originNetuid, m.destinationNetuid, m.alphaIn],
      [k.bob.address, k.alice.address, k.bob.address, 1n, 2n, TAO]);
    assert.equal(await positionOf(k.bob.address, k.alice.address, 1), from1 - TAO);
    assert.equal(await positionOf(k.bob.address, k.bob.address, 2), to2 + m.alphaOut);

    // Then 1 alpha of it passes to Charlie's coldkey, same hotkey and subnet.
    const charlieBefore = await positionOf(k.charlie.address, k.bob.address, 2);
    const bobBefore = await positionOf(k.bob.address, k.bob.address, 2);
    const moved2 = json(btcli(['stake', 'transfer', '--wallet-name', 'bob', '--hotkey', k.bob.address, '--origin-netuid', '2',
      '--dest-netuid', '2', '--dest', k.charlie.address, '--amount', '1', ...tx, '--json-output']));
    assert.equal(moved2.success, true, JSON.stringify(moved2));
    const t = await eventAtHead(api.events.dtao.StakeTransferred);
    assert.equal(t.alphaIn, TAO);
    assert.equal(await positionOf(k.bob.address, k.bob.address, 2), bobBefore - TAO);
    assert.equal(await positionOf(k.charlie.address, k.bob.address, 2), charlieBefore + t.alphaOut);

    // A plain transfer of 3 TAO from Bob to Charlie.
    const [bob, charlie] = [await free(k.bob.address), await free(k.charlie.address)];
    const paid = json(btcli(['wallet', 'transfer', '--wallet-name', 'bob', '--dest', k.charlie.address, '--amount', '3', '--no-prompt', '--json-output']));
    assert.equal(paid.success, true, JSON.stringify(paid));
    assert.equal(await free(k.charlie.address), charlie + 3n * TAO);
    assert.equal(await free(k.bob.address), bob - 3n * TAO - await feeAtHead(k.bob.address));
  });

  it('stake swap moves the wallet hotkey’s stake between subnets as StakeSwapped reports; beyond its tolerance the chain refuses it (SlippageTooHigh); --unsafe sends swap_stake', async () => {
    // Bob stakes on his own hotkey (the wallet's `default`) on subnet 1, then swaps 1 alpha of it to
    // subnet 2 with the client's limit (a generous tolerance).
    assert.equal(await send(api.tx.dtao.addStake(k.bob.address, 1, 5n * TAO), k.bob), null);
    const bobOn = async (netuid) => positionOf(k.bob.address, k.bob.address, netuid);
    /** Swap 1 alpha of Bob's stake from subnet 1 to 2 with `flags`: the block carries `method`, and
     * the positions move by what `StakeSwapped` reports. */
    const swapsAsReported = async (flags, method) => {
      const [on1, on2] = [await bobOn(1), await bobOn(2)];
      const out = json(btcli(['stake', 'swap', '--wallet-name', 'bob', '--hotkey', 'default', '--origin-netuid', '1',
        '--dest-netuid', '2', '--amount', '1', ...flags, ...tx, '--json-output']));
      assert.equal(out.success, true, JSON.stringify(out));
      const block = await api.rpc.chain.getBlock();
      assert.ok(block.block.extrinsics.some((x) => x.method.section === 'subtensorModule' && x.method.method === method), method);
      const e = await eventAtHead(api.events.dtao.StakeSwapped);
      assert.deepEqual([e.coldkey, e.hotkey, e.originNetuid, e.destinationNetuid, e.alphaIn], [k.bob.address, k.bob.address, 1n, 2n, TAO]);
      assert.equal(await bobOn(1), on1 - TAO);
      assert.equal(await bobOn(2), on2 + e.alphaOut);
    };
    await swapsAsReported(['--tolerance', '0.5'], 'swapStakeLimit');

    // 1 alpha moves a pool of under 5,000 alpha by more than 0.04 %: a tolerance of 0.01 % is
    // crossed, the chain refuses the swap_stake_limit, and nothing moves. btcli 9.23.2 then stops
    // in its own code (it reads the missing receipt before its success flag), so the chain's error
    // is read from the block.
    assert.ok(big((await info(1)).alphaReserve) < 5_000n * TAO);
    const [before1, before2] = [await bobOn(1), await bobOn(2)];
    const head0 = await head();
    const out = btcli(['stake', 'swap', '--wallet-name', 'bob', '--hotkey', 'default', '--origin-netuid', '1',
      '--dest-netuid', '2', '--amount', '1', '--tolerance', '0.0001', ...tx]);
    assert.equal(await head(), head0 + 1, out);
    const failed = (await api.query.system.events()).find((r) => api.events.system.ExtrinsicFailed.is(r.event));
    assert.ok(failed, out);
    assert.equal(api.registry.findMetaError(failed.event.data[0].asModule).name, 'SlippageTooHigh');
    assert.equal(await bobOn(1), before1);
    assert.equal(await bobOn(2), before2);

    // --unsafe sends swap_stake (no limit): the same move, whatever the price does.
    await swapsAsReported(['--unsafe'], 'swapStake');
  });

  it('stake add on several subnets sends one transaction (a StakeAdded per subnet); stake remove --all sells every position', async () => {
    // Eve's hotkey (her wallet's `default`, //Eve) is registered on subnets 1 and 2; she stakes on it in both.
    for (const n of [1, 2]) assert.equal(await send(api.tx.dtao.burnedRegister(n, k.eve.address), k.eve), null);
    const positions = async () => (await api.call.dtaoApi.stakeInfo(k.eve.address))
      .filter((x) => x.hotkey.toString() === k.eve.address && big(x.alpha) > 0n)
      .map((x) => [x.netuid.toNumber(), big(x.alpha)])
      .sort((a, b) => a[0] - b[0]);
    assert.deepEqual(await positions(), []);
    const [head0, free0] = [await head(), await free(k.eve.address)];
    const out = json(btcli(['stake', 'add', '--wallet-name', 'eve', '--include-hotkeys', k.eve.address, '--netuids', '1,2',
      '--amount', '2', '--unsafe', ...tx, '--json-output']));
    assert.deepEqual(out.staking_success, { 1: { [k.eve.address]: true }, 2: { [k.eve.address]: true } }, JSON.stringify(out));
    // Both stakes in one extrinsic of one block.
    assert.equal(out.extrinsic_ids[1][k.eve.address], `${head0 + 1}-1`);
    assert.equal(out.extrinsic_ids[2][k.eve.address], `${head0 + 1}-1`);
    assert.equal(await head(), head0 + 1, 'one block');
    const block = await api.rpc.chain.getBlock();
    assert.equal(block.block.extrinsics.filter((x) => x.signer.toString() === k.eve.address).length, 1, 'one transaction');
    const added = (await api.query.system.events()).map((r) => r.event).filter((e) => api.events.dtao.StakeAdded.is(e));
    assert.deepEqual(added.map((e) => e.data.netuid.toNumber()).sort(), [1, 2]);
    assert.deepEqual(await positions(), added.map((e) => [e.data.netuid.toNumber(), e.data.alpha.toBigInt()]).sort((a, b) => a[0] - b[0]));
    assert.equal(await free(k.eve.address), free0 - 4n * TAO - await feeAtHead(k.eve.address));

    // Everything Eve holds on her wallet's hotkey is sold. (With `--include-hotkeys <ss58>` instead,
    // btcli 9.23.2 stops in its own code, `UnboundLocalError: … 'wallet'`, before sending anything.)
    const free1 = await free(k.eve.address);
    const removedOut = btcli(['stake', 'remove', '--wallet-name', 'eve', '--hotkey', 'default', '--all', '--unsafe', ...tx]);
    assert.deepEqual(await positions(), [], removedOut);
    const events = (await api.query.system.events()).map((r) => r.event);
    const paid = events.filter((e) => api.events.dtao.StakeRemoved.is(e)).reduce((t, e) => t + e.data.tao.toBigInt(), 0n);
    assert.ok(paid > 0n, removedOut);
    assert.equal(await free(k.eve.address), free1 + paid - await feeAtHead(k.eve.address));
  });

  it('stake add --safe --allow-partial-stake buys only what keeps the price within the tolerance (a partial fill)', async () => {
    // Charlie asks for 500 TAO on subnet 2 through Bob's hotkey with a 0.1 % tolerance: far more than
    // the pool can take within it.
    const [alpha0, free0] = [await stakeOf(k.charlie.address, 2), await free(k.charlie.address)];
    const out = json(btcli(['stake', 'add', '--wallet-name', 'charlie', '--include-hotkeys', k.bob.address, '--netuid', '2',
      '--amount', '500', '--safe', '--tolerance', '0.001', '--allow-partial-stake', ...tx, '--json-output']));
    assert.deepEqual(out.staking_success, { 2: { [k.bob.address]: true } }, JSON.stringify(out));
    const ext = (await api.rpc.chain.getBlock()).block.extrinsics.find((x) => x.method.method === 'addStakeLimit');
    assert.ok(ext, 'btcli sends add_stake_limit');
    const [, , amount, limitPrice, allowPartial] = ext.method.args;
    assert.deepEqual([amount.toBigInt(), allowPartial.isTrue], [500n * TAO, true]);
    const e = await eventAtHead(api.events.dtao.StakeAdded);
    // `tao` is what was paid, the swap fee included.
    assert.ok(e.tao < 500n * TAO && e.tao > e.fee, `a partial fill: ${e.tao}`);
    assert.equal(await stakeOf(k.charlie.address, 2), alpha0 + e.alpha);
    assert.equal(await free(k.charlie.address), free0 - e.tao - await feeAtHead(k.charlie.address));
    // The pool after the fill is within the limit: T·10^9 ≤ limit·A.
    const s = await info(2);
    assert.ok(big(s.taoReserve) * TAO <= limitPrice.toBigInt() * big(s.alphaReserve));
  });

  it('subnets metagraph lists the metagraph’s neurons with their stakes, scores and emissions', async () => {
    const out = json(btcli(['subnets', 'metagraph', '--netuid', '1', '--no-prompt', '--json-output']));
    const g = (await api.call.dtaoApi.metagraph(1)).unwrap();
    const s = await info(1);
    const taoWeight = BigInt(g.taoWeight.toNumber());
    assert.equal(out.owner, k.alice.address, JSON.stringify(out));
    assert.equal(rao(out.tao_pool), big(s.taoReserve));
    assert.equal(rao(out.alpha_pool), big(s.alphaReserve));
    assert.equal(out.tempo.tempo, s.tempo.toNumber());
    assert.equal(out.uids.length, g.neurons.length);
    for (const n of g.neurons) {
      const row = out.uids.find((u) => u.uid === n.uid.toNumber());
      const who = `uid ${n.uid}`;
      assert.ok(row, `${who} missing`);
      assert.deepEqual([row.hotkey, row.coldkey], [n.hotkey.toString(), n.coldkey.toString()], who);
      assert.equal(rao(row.alpha_stake), big(n.alphaStake), who);
      assert.equal(rao(row.tao_stake), (big(n.rootStake) * taoWeight) / 1_000_000_000n, who);
      assert.equal(rao(row.stake), big(n.alphaStake) + (big(n.rootStake) * taoWeight) / 1_000_000_000n, who);
      assert.equal(rao(row.emissions), big(n.alphaPaid), who);
      assert.equal(row.dividends, n.dividends.toNumber() / 65535, who);
      assert.equal(row.incentive, n.incentive.toNumber() / 65535, who);
    }
  });

  it('refusals: the whole balance (the chain’s InsufficientBalance), more than the balance and an unknown subnet (the client’s own checks) change nothing', async () => {
    // The client lets an amount equal to the balance through; after the fee it is too much.
    const balance = await free(k.dave.address);
    const whole = (Number(balance) / 1e9).toFixed(9);
    const out = btcli(['stake', 'add', '--wallet-name', 'dave', '--include-hotkeys', k.alice.address,
      '--netuid', '1', '--amount', whole, ...tx, '--unsafe']);
    assert.match(out, /InsufficientBalance/, out);
    assert.equal(await stakeOf(k.dave.address, 1), 0n);
    assert.equal(await free(k.dave.address), balance - await feeAtHead(k.dave.address));

    const block = await head();
    const tooMuch = btcli(['stake', 'add', '--wallet-name', 'dave', '--include-hotkeys', k.alice.address,
      '--netuid', '1', '--amount', '5000000', ...tx, '--unsafe']);
    assert.match(tooMuch, /Not enough stake/, tooMuch);
    const unknown = btcli(['stake', 'add', '--wallet-name', 'dave', '--include-hotkeys', k.alice.address,
      '--netuid', '9', '--amount', '1', ...tx, '--unsafe']);
    assert.match(unknown, /Subnet with netuid: 9 does not exist/, unknown);
    assert.equal(await head(), block, 'nothing was submitted');
  });

  it('sudo set: the owner’s parameters signed by the owner, root’s through Sudo (Alice is the dev chain’s sudo key); the chain’s bounds and origins refuse the rest', async () => {
    const q = api.query.dtao;
    const sudoSet = (wallet, param, value, json_ = true) => btcli(['sudo', 'set', '--wallet-name', wallet, '--netuid', '1',
      '--param', param, '--value', String(value), '--no-prompt', ...(json_ ? ['--json-output'] : [])]);
    const calls = async () => (await api.rpc.chain.getBlock()).block.extrinsics.map((x) => `${x.method.section}.${x.method.method}`);

    // The owner (Alice owns subnet 1): AdminUtils.sudo_set_bonds_moving_average, signed.
    let out = json(sudoSet('alice', 'bonds_moving_avg', 800_000));
    assert.equal(out.success, true, JSON.stringify(out));
    assert.ok((await calls()).includes('adminUtils.sudoSetBondsMovingAverage'));
    assert.deepEqual(await eventAtHead(api.events.dtao.BondsMovingAverageSet), { netuid: 1n, value: 800_000n });
    assert.equal(big(await q.bondsMovingAverage(1)), 800_000n);
    // SubtensorModule.set_activity_cutoff_factor, thousandths of the tempo.
    out = json(sudoSet('alice', 'activity_cutoff_factor', 7_000));
    assert.equal(out.success, true, JSON.stringify(out));
    assert.ok((await calls()).includes('subtensorModule.setActivityCutoffFactor'));
    assert.equal((await q.activityCutoffFactorMilli(1)).toNumber(), 7_000);

    // Root only: the client wraps AdminUtils.sudo_set_kappa in Sudo.sudo.
    out = json(sudoSet('alice', 'kappa', 20_000));
    assert.equal(out.success, true, JSON.stringify(out));
    assert.ok((await calls()).includes('sudo.sudo'));
    assert.deepEqual(await eventAtHead(api.events.dtao.KappaSet), { netuid: 1n, value: 20_000n });
    assert.equal((await q.kappa(1)).toNumber(), 20_000);
    out = json(sudoSet('alice', 'max_validators', 8));
    assert.equal(out.success, true, JSON.stringify(out));
    assert.equal((await q.maxValidators(1)).toNumber(), 8);

    // Refused by the chain, nothing changed: above the owner's bound; the tempo, which is root's
    // here (btcli sends the owner's SubtensorModule.set_tempo when the wallet owns the subnet).
    const tempo = (await q.tempo(1)).toNumber();
    out = json(sudoSet('alice', 'bonds_moving_avg', 975_001));
    assert.equal(out.success, false);
    assert.match(out.err_msg, /OwnerLimitExceeded/);
    assert.equal(big(await q.bondsMovingAverage(1)), 800_000n);
    out = json(sudoSet('alice', 'tempo', tempo + 1));
    assert.equal(out.success, false);
    assert.match(out.err_msg, /BadOrigin/);
    assert.equal((await q.tempo(1)).toNumber(), tempo);

    // Refused by the client before sending: not the owner; a parameter this chain does not have.
    const block = await head();
    out = json(sudoSet('bob', 'bonds_moving_avg', 700_000));
    assert.equal(out.success, false);
    assert.match(out.err_msg, /doesn't own the specified subnet/);
    assert.match(sudoSet('alice', 'immunity_period', 10, false), /sudo_set_immunity_period not found in pallet/);
    assert.equal(await head(), block, 'nothing was submitted');
    assert.equal(big(await q.bondsMovingAverage(1)), 800_000n);
  });

  it('subnets register: safe by default (register_limit at the burn plus the tolerance), --unsafe (burned_register); a full subnet is the chain’s SubnetFull', async () => {
    const calls = async () => (await api.rpc.chain.getBlock()).block.extrinsics.map((x) => x.method);
    const register = (wallet, ...flags) => json(btcli(['subnets', 'register', '--netuid', '1', '--wallet-name', wallet,
      '--hotkey', 'default', '--no-prompt', '--json-output', ...flags]));
    // What the client reads to choose the transaction's validity: the blocks since the subnet's
    // last epoch, or since its registration before the first (subnet 1's tempo is 0 here: none).
    const since = [big(await api.query.dtao.lastEpochBlock(1)), big(await api.query.subtensorModule.networkRegisteredAt(1))]
      .reduce((a, b) => (a > b ? a : b));
    assert.equal(big(await api.query.subtensorModule.blocksSinceLastStep(1)), BigInt(await head()) - since);

    for (const [who, flags, method] of [
      ['ferdie', ['--tolerance', '0.1'], 'registerLimit'],
      ['dave', ['--unsafe'], 'burnedRegister'],
    ]) {
      const key = k[who].address;
      const burn = big(await api.query.dtao.burn(1));
      const before = await free(key);
      const out = register(who, ...flags);
      assert.equal(out.success, true, JSON.stringify(out));
      const call = (await calls()).find((m) => m.section === 'subtensorModule' && m.method === method);
      assert.ok(call, `${method} in the block`);
      if (method === 'registerLimit') {
        // The client's limit: the burn plus 10 %, in rao (rounded as the client rounds TAO).
        const limit = big(call.args[2]);
        assert.ok(limit >= burn && limit <= (burn * 11n) / 10n + 1n, `limit ${limit} for a burn of ${burn}`);
      }
      const reg = await eventAtHead(api.events.dtao.NeuronRegistered);
      assert.deepEqual([reg.netuid, reg.hotkey], [1n, key]);
      assert.equal(await free(key), before - burn - await feeAtHead(key), 'charged the burn (not the limit) and the fee');
      const g = (await api.call.dtaoApi.metagraph(1)).unwrap();
      const n = g.neurons.find((x) => x.hotkey.toString() === key);
      assert.ok(n, `${who}'s hotkey in the metagraph`);
      assert.equal(BigInt(n.uid.toNumber()), reg.uid);
      assert.equal((await api.query.subtensorModule.uids(1, key)).unwrap().toNumber(), n.uid.toNumber());
    }

    // A full subnet: root sets MaxNeurons to the neurons it has; the chain refuses the next one.
    const q = api.query.dtao;
    const [maxNeurons, count] = [(await q.maxNeurons(1)).toNumber(), (await q.neuronCount(1)).toNumber()];
    const setMax = (v) => send(api.tx.sudo.sudo(api.tx.dtao.setSubnetParams(1, [{ MaxNeurons: v }])), k.alice);
    assert.equal(await setMax(count), null);
    const before = await free(k.charlie.address);
    const out = register('charlie', '--tolerance', '0.1');
    assert.equal(out.success, false, JSON.stringify(out));
    assert.match(out.msg, /SubnetFull/);
    assert.equal((await q.neuronCount(1)).toNumber(), count);
    assert.equal(await free(k.charlie.address), before - await feeAtHead(k.charlie.address), 'only the fee');
    assert.equal(await setMax(maxNeurons), null);
  });
});
