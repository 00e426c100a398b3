// The node beyond the dev chain's mechanism: the local_testnet chain spec, and state kept in a
// base path across a restart.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { startNode, nodeBinary, createBlock, tempDir, keys, submit, TAO } from './lib/chain.js';
import { Keyring } from '@polkadot/api';

it('build-spec --chain local builds the local_testnet genesis with four validators', () => {
  const out = execFileSync(nodeBinary(), ['build-spec', '--chain', 'local'], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
  const spec = JSON.parse(out.toString());
  assert.equal(spec.id, 'dtao_local');
  assert.deepEqual(spec.properties, { ss58Format: 42, tokenDecimals: 9, tokenSymbol: 'TAO' });
  const k = keys();
  const { aura, grandpa } = spec.genesis.runtimeGenesis.patch;
  assert.deepEqual(aura.authorities, [k.alice, k.bob, k.charlie, k.dave].map((x) => x.address));
  assert.equal(grandpa.authorities.length, 4);
  const raw = execFileSync(nodeBinary(), ['build-spec', '--chain', 'local', '--raw'], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
  assert.ok(JSON.parse(raw.toString()).genesis.raw.top, 'the preset builds a genesis state');
});

it('--base-path keeps the chain across a restart, and sealing continues on top of it', async () => {
  const basePath = tempDir();
  try {
    let node = await startNode({ basePath });
    await createBlock(node.api);
    await createBlock(node.api);
    const head = (await node.api.rpc.chain.getHeader()).number.toNumber();
    const issuance = (await node.api.query.balances.totalIssuance()).toBigInt();
    await node.stop();
    assert.equal(head, 2);

    node = await startNode({ basePath });
    try {
      assert.equal((await node.api.rpc.chain.getHeader()).number.toNumber(), 2, 'the chain is where it was');
      assert.equal((await node.api.query.balances.totalIssuance()).toBigInt(), issuance);
      await createBlock(node.api);
      assert.equal((await node.api.rpc.chain.getHeader()).number.toNumber(), 3, 'a block on top of the old head');
      assert.ok(issuance > 6_000_000n * TAO);
    } finally {
      await node.stop();
    }
  } finally {
    rmSync(basePath, { recursive: true, force: true });
  }
});

/** Sign and send `tx`, recording every status type (and block hash) until it is finalized. */
function statusesUntilFinalized(api, tx, signer, onReady = () => {}) {
  return new Promise((resolve, reject) => {
    const seen = [];
    const timer = setTimeout(() => reject(new Error(`not finalized within 30 s: ${JSON.stringify(seen)}`)), 30_000);
    tx.signAndSend(signer, (r) => {
      const s = r.status;
      seen.push([s.type, s.isInBlock ? s.asInBlock.toHex() : s.isFinalized ? s.asFinalized.toHex() : null]);
      if (s.isReady) onReady();
      if (s.isFinalized) { clearTimeout(timer); resolve(seen); }
      if (r.isError) { clearTimeout(timer); reject(new Error(JSON.stringify(seen))); }
    }).catch(reject);
  });
}

/** The status stream reports `InBlock` and then `Finalized`, both with the hash of the chain's
 * head (`signAndSend` as the @polkadot/api docs use it). */
async function assertInBlockThenFinalizedAtHead(api, statuses) {
  const types = statuses.map((s) => s[0]);
  const head = (await api.rpc.chain.getFinalizedHead()).toHex();
  assert.deepEqual(types.slice(-2), ['InBlock', 'Finalized'], `statuses ${types}`);
  assert.equal(statuses[statuses.length - 2][1], head);
  assert.equal(statuses[statuses.length - 1][1], head);
}

it('--sealing manual reports a transaction InBlock, then Finalized, at engine_createBlock and logs one line per block', async () => {
  const node = await startNode();
  try {
    const { api } = node;
    const k = keys();
    await createBlock(api);
    const statuses = await statusesUntilFinalized(
      api, api.tx.balances.transferKeepAlive(k.dave.address, TAO), k.alice, () => { createBlock(api); },
    );
    await assertInBlockThenFinalizedAtHead(api, statuses);
    const log = node.log();
    assert.ok(!log.includes('Consensus with no RPC sender'), 'no debug structure in the log');
    // One line per sealed block.
    const blocks = (await api.rpc.chain.getHeader()).number.toNumber();
    assert.equal(log.split('\n').filter((l) => l.includes('Imported #')).length, blocks);
    assert.ok(!/Prepared block|Starting consensus session|Successfully finalized/.test(log), 'no proposer or finalizer lines');
  } finally {
    await node.stop();
  }
});

it('--sealing instant makes a block for each transaction, reported InBlock then Finalized', async () => {
  const node = await startNode({ sealing: 'instant' });
  try {
    const { api } = node;
    const k = keys();
    // The node seals one block at start, so the pool has a view to check transactions against.
    for (let i = 0; i < 50 && (await api.rpc.chain.getHeader()).number.toNumber() < 1; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const before = (await api.rpc.chain.getHeader()).number.toNumber();
    const statuses = await statusesUntilFinalized(api, api.tx.balances.transferKeepAlive(k.dave.address, TAO), k.alice);
    assert.equal((await api.rpc.chain.getHeader()).number.toNumber(), before + 1);
    await assertInBlockThenFinalizedAtHead(api, statuses);
  } finally {
    await node.stop();
  }
});

it('--chain populated starts with three priced subnets, stakes and permits, and pays miners once weights are set', async () => {
  const node = await startNode({ chain: 'populated' });
  try {
    const { api } = node;
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const aliceStash = keyring.addFromUri('//Alice//stash');
    const eveStash = keyring.addFromUri('//Eve//stash');
    const eve = keyring.addFromUri('//Eve');
    assert.equal((await api.rpc.chain.getHeader()).number.toNumber(), 0);
    const subnets = (await api.call.dtaoApi.allSubnets()).filter((s) => s.netuid.toNumber() > 0);
    assert.deepEqual(subnets.map((s) => s.netuid.toNumber()), [1, 2, 3]);
    const prices = subnets.map((s) => s.spotPrice.toBigInt());
    assert.ok(prices[0] > prices[1] && prices[1] > prices[2], `three different prices: ${prices}`);
    assert.equal((await api.query.dtao.totalRootStake()).toBigInt(), 18_000n * TAO);
    const mg = (await api.call.dtaoApi.metagraph(1)).unwrap();
    assert.equal(mg.neurons.length, 4);
    assert.ok(mg.neurons[0].validatorPermit.isTrue && mg.neurons[1].validatorPermit.isTrue, 'validators from block 0');

    // Moving prices start at 0 and take their first step in block 1; from block 2 every subnet
    // receives emission.
    await createBlock(api);
    await createBlock(api);
    for (const s of (await api.call.dtaoApi.allSubnets()).filter((x) => x.netuid.toNumber() > 0)) {
      assert.ok(s.taoInEmission.toBigInt() > 0n, `subnet ${s.netuid} emitted`);
    }

    // The owner's validator weights the miners; at the next epoch Eve's miner earns alpha.
    const eveUid = mg.neurons.findIndex((x) => x.hotkey.toString() === eveStash.address);
    const { error } = await submit(api, api.tx.dtao.setWeights(1, [eveUid], [1]), aliceStash);
    assert.equal(error, null);
    const staked = async () => (await api.call.dtaoApi.stakeInfo(eve.address))
      .filter((x) => x.netuid.toNumber() === 1 && x.hotkey.toString() === eveStash.address)
      .reduce((a, x) => a + x.alpha.toBigInt(), 0n);
    assert.equal(await staked(), 0n);
    for (let i = 0; i < 12; i++) await createBlock(api);
    assert.ok(await staked() > 0n, 'the miner was paid by incentive');
  } finally {
    await node.stop();
  }
});

it('--sealing interval reports a transaction InBlock, then Finalized', async () => {
  const node = await startNode({ sealing: 'interval=500' });
  try {
    const { api } = node;
    const k = keys();
    for (let i = 0; i < 50 && (await api.rpc.chain.getHeader()).number.toNumber() < 1; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const statuses = await statusesUntilFinalized(api, api.tx.balances.transferKeepAlive(k.dave.address, TAO), k.alice);
    const types = statuses.map((s) => s[0]);
    assert.deepEqual(types.slice(-2), ['InBlock', 'Finalized'], `statuses ${types}`);
    assert.equal(statuses[statuses.length - 2][1], statuses[statuses.length - 1][1], 'the same block');
  } finally {
    await node.stop();
  }
});

it('Ctrl-C stops the node cleanly: no error in its log', async () => {
  const node = await startNode();
  await createBlock(node.api);
  await node.stop();
  const log = node.log();
  assert.ok(log.includes('Imported #1'), 'the node ran');
  assert.ok(!/ERROR|Essential task/.test(log), `clean shutdown:\n${log.split('\n').filter((l) => /ERROR|Essential/.test(l)).join('\n')}`);
});
