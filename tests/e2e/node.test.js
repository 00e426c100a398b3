// The node beyond the dev chain's mechanism: the local_testnet chain spec, and state kept in a
// base path across a restart.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { startNode, nodeBinary, createBlock, tempDir, keys, TAO } from './lib/chain.js';

it('build-spec --chain local builds the local_testnet genesis with three validators', () => {
  const out = execFileSync(nodeBinary(), ['build-spec', '--chain', 'local'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const spec = JSON.parse(out.toString());
  assert.equal(spec.id, 'dtao_local');
  assert.deepEqual(spec.properties, { ss58Format: 42, tokenDecimals: 9, tokenSymbol: 'TAO' });
  const raw = execFileSync(nodeBinary(), ['build-spec', '--chain', 'local', '--raw'], { stdio: ['ignore', 'pipe', 'ignore'] });
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

it('--sealing instant makes a block for each transaction', async () => {
  const node = await startNode({ sealing: 'instant' });
  try {
    const { api } = node;
    const k = keys();
    // The node seals one block at start, so the pool has a view to check transactions against.
    for (let i = 0; i < 50 && (await api.rpc.chain.getHeader()).number.toNumber() < 1; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const before = (await api.rpc.chain.getHeader()).number.toNumber();
    // Blocks are final at once, so the pool may report the transaction as finalized directly.
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no block within 30 s')), 30_000);
      api.tx.balances.transferKeepAlive(k.dave.address, TAO).signAndSend(k.alice, (r) => {
        if (r.status.isInBlock || r.status.isFinalized) { clearTimeout(timer); resolve(); }
        if (r.isError) { clearTimeout(timer); reject(new Error(r.status.toString())); }
      }).catch(reject);
    });
    assert.equal((await api.rpc.chain.getHeader()).number.toNumber(), before + 1);
  } finally {
    await node.stop();
  }
});
